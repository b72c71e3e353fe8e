import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { payments } from '../../db/schema';
import { errorCatalogue } from '../../domain/errors';
import { portInBody, sampleIndividual, verifiedCardPayment } from '../support/fixtures';
import { startSignedInHarness, type Harness } from '../support/harness';
import { submitOrder, waitForOrder } from '../support/orders';
import { lineRow, runChange, seededLine } from '../support/service-changes';

/**
 * REQ: OPEN-5 — every business that takes money from a bank account has the bank vouch for it first, not only
 * the account opening: a corporate account (对公帐号) against its payer's unit certificate and business licence
 * (for an existing line: the owner's customer record) and its seal card, and only for an enterprise payer; a
 * bank card against its holder's ID number. A refusal ends the order `rejected` with nothing charged.
 */
describe('payment accounts verified before every charge', () => {
  let h: Harness;
  let token: string;
  // A port-in fee, so the port-in charges too.
  beforeAll(
    async () => ({ h, token } = await startSignedInHarness({ config: { MNP_PORT_IN_FEE_FEN: '3000' } })),
  );
  afterAll(async () => h?.close());

  const paymentsOf = (orderId: string) => h.db.select().from(payments).where(eq(payments.orderId, orderId));
  const chargedFrom = (account: string) => h.sim.bank.charges({ account });
  /** The seeded enterprise line (单位客户) and its unit documents. */
  const enterpriseLine = '13900100004';
  const enterpriseDocs = { unitCertificateNo: 'UC-91110000', businessLicenceNo: 'BL-91110000' };

  it('OPEN-5: a recharge from a corporate account the bank never verified is rejected, nothing charged', async () => {
    const account = '9558800001111001';
    const order = await runChange(h, token, {
      type: 'recharge',
      msisdn: enterpriseLine,
      amountFen: 5_000,
      payment: { method: 'corporateAccount', bankAccountNo: account, sealCardNo: 'SEAL-9001' },
    });
    expect(order.status).toBe('rejected');
    expect(order.failure).toMatchObject({
      code: 'CorporateAccountNotVerified',
      reason: errorCatalogue.CorporateAccountNotVerified.zh,
    });
    expect(order.failure?.message).toContain('unknownAccount');
    expect(await paymentsOf(order.id)).toHaveLength(0);
    expect(await chargedFrom(account)).toHaveLength(0);
    expect(await lineRow(h, enterpriseLine)).toMatchObject({
      balanceFen: seededLine(enterpriseLine).balanceFen,
      lockedBy: null,
    });
  });

  it("OPEN-5: a corporate account whose seal card is not the bank's is rejected, nothing charged", async () => {
    const account = '9558800001111002';
    await h.sim.bank.openAccount(account, { kind: 'corporate', ...enterpriseDocs, sealCardNo: 'SEAL-9002' });
    const order = await runChange(h, token, {
      type: 'collectFee',
      msisdn: enterpriseLine,
      amountFen: 3_000,
      payment: { method: 'corporateAccount', bankAccountNo: account, sealCardNo: 'SEAL-OTHER' },
    });
    expect(order.status).toBe('rejected');
    expect(order.failure).toMatchObject({ code: 'CorporateAccountNotVerified' });
    expect(order.failure?.message).toContain('sealCardMismatch');
    expect(await chargedFrom(account)).toHaveLength(0);
  });

  it("OPEN-5: a recharge from the enterprise line's verified corporate account completes and is charged once", async () => {
    const account = '9558800001111003';
    await h.sim.bank.openAccount(account, { kind: 'corporate', ...enterpriseDocs, sealCardNo: 'SEAL-9003' });
    const before = (await lineRow(h, enterpriseLine))?.balanceFen ?? 0;
    const order = await runChange(h, token, {
      type: 'recharge',
      msisdn: enterpriseLine,
      amountFen: 5_000,
      payment: { method: 'corporateAccount', bankAccountNo: account, sealCardNo: 'SEAL-9003' },
    });
    expect(order.status).toBe('completed');
    expect((await lineRow(h, enterpriseLine))?.balanceFen).toBe(before + 5_000);
    expect(await paymentsOf(order.id)).toMatchObject([{ amountFen: 5_000, status: 'charged' }]);
    expect(await chargedFrom(account)).toMatchObject([{ amountFen: 5_000 }]);
  });

  it("OPEN-5: an individual's line paid from a corporate account is rejected CorporateAccountEnterpriseOnly, even a verified one", async () => {
    const msisdn = '13900100016';
    const account = '9558800001111004';
    await h.sim.bank.openAccount(account, { kind: 'corporate', ...enterpriseDocs, sealCardNo: 'SEAL-9004' });
    const order = await runChange(h, token, {
      type: 'recharge',
      msisdn,
      amountFen: 2_000,
      payment: { method: 'corporateAccount', bankAccountNo: account, sealCardNo: 'SEAL-9004' },
    });
    expect(order.status).toBe('rejected');
    expect(order.failure).toMatchObject({
      code: 'CorporateAccountEnterpriseOnly',
      reason: errorCatalogue.CorporateAccountEnterpriseOnly.zh,
    });
    expect(await paymentsOf(order.id)).toHaveLength(0);
    expect(await chargedFrom(account)).toHaveLength(0);
  });

  it('OPEN-5: a recharge by a bank card of another holder is rejected BankCardHolderMismatch, nothing charged', async () => {
    const msisdn = '13900100017';
    const card = '6222025555000017';
    await h.sim.bank.openAccount(card, { kind: 'card', holderIdNumber: '110101197001011111' });
    const order = await runChange(h, token, {
      type: 'recharge',
      msisdn,
      amountFen: 2_000,
      payment: { method: 'bankCard', cardNo: card, holderIdNumber: '110101199909099999' },
    });
    expect(order.status).toBe('rejected');
    expect(order.failure).toMatchObject({
      code: 'BankCardHolderMismatch',
      reason: errorCatalogue.BankCardHolderMismatch.zh,
    });
    expect(await paymentsOf(order.id)).toHaveLength(0);
    expect(await chargedFrom(card)).toHaveLength(0);
  });

  it("OPEN-5: a recharge by a card the bank verified for the holder's ID number completes", async () => {
    const msisdn = '13900100018';
    const order = await runChange(h, token, {
      type: 'recharge',
      msisdn,
      amountFen: 2_000,
      payment: await verifiedCardPayment(h.sim, '6222025555000018', '110101197001012222'),
    });
    expect(order.status).toBe('completed');
    expect(await chargedFrom('6222025555000018')).toMatchObject([{ amountFen: 2_000 }]);
  });

  it("OPEN-5: a bank-card payment without its holder's ID number is refused 400 naming payment.holderIdNumber", async () => {
    const res = await submitOrder(h.app, token, {
      type: 'recharge',
      msisdn: '13900100019',
      amountFen: 2_000,
      payment: { method: 'bankCard', cardNo: '6222025555000019' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('payment.holderIdNumber');
  });

  it('OPEN-5: a port-in fee paid by a card of another holder is rejected BankCardHolderMismatch, nothing charged', async () => {
    const card = '6222025555000031';
    await h.sim.bank.openAccount(card, { kind: 'card', holderIdNumber: '110101197001013333' });
    const res = await submitOrder(
      h.app,
      token,
      portInBody('13312349031', {
        payment: { method: 'bankCard', cardNo: card, holderIdNumber: sampleIndividual.idNumber },
      }),
    );
    expect(res.statusCode).toBe(202);
    const order = await waitForOrder(h.app, token, res.json<{ id: string }>().id);
    expect(order.status).toBe('rejected');
    expect(order.failure).toMatchObject({ code: 'BankCardHolderMismatch' });
    expect(await paymentsOf(order.id)).toHaveLength(0);
    expect(await chargedFrom(card)).toHaveLength(0);
  });

  it("OPEN-5: an individual's port-in paid from a corporate account is refused 422 naming payment.method", async () => {
    const res = await submitOrder(
      h.app,
      token,
      portInBody('13312349032', {
        payment: { method: 'corporateAccount', bankAccountNo: '9558800001111032', sealCardNo: 'SEAL-9032' },
      }),
    );
    expect(res.statusCode).toBe(422);
    expect(res.json<{ code: string }>().code).toBe('BusinessRuleViolated');
    expect(res.body).toContain('payment.method');
  });
});
