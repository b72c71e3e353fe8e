import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customers, numbers, orders, payments, simCards, subscribers } from '../../db/schema';
import { sampleEnterprise, verifiedCardPayment } from '../support/fixtures';
import { startSignedInHarness, type Harness } from '../support/harness';
import {
  getOrder,
  newKey,
  openAccountBody,
  submitOrder,
  waitForOrder,
  type OrderView,
} from '../support/orders';
import { replayOnTodaysCode } from '../support/replay';

describe('account opening through the API', () => {
  let h: Harness;
  let token: string;
  beforeAll(async () => ({ h, token } = await startSignedInHarness()));
  afterAll(async () => h?.close());

  it('ORD-1, ORD-4, OPEN-2, OPEN-3, OPEN-4: completes, puts number and SIM in use, charges exactly once', async () => {
    const res = await submitOrder(
      h.app,
      token,
      openAccountBody({ msisdn: '13800100088', internationalRoaming: true }),
    );
    expect(res.statusCode).toBe(202);
    const { id, href } = res.json<{ id: string; href: string }>();
    expect(href).toBe(`/api/v1/orders/${encodeURIComponent(id)}`);

    const order = await waitForOrder(h.app, token, id);
    expect(order.status).toBe('completed');
    expect(order.statusLabel).toEqual({ zh: '已竣工', en: 'Completed' });
    expect(order.channelCode).toBe('STORE-BJ-001');
    expect(order.operatorId).toBe('store01');
    expect(order.timeline.map((t) => `${t.status}${t.step ? `/${t.step}` : ''}`)).toEqual([
      'acknowledged',
      'inProgress/preemptingResources',
      'inProgress/quoting',
      'inProgress/preEnteringCustomer',
      'inProgress/charging',
      'inProgress/committingCustomer',
      'inProgress/provisioning',
      'inProgress/committingResources',
      'completed',
    ]);
    expect(order.timeline[0]).toMatchObject({ actor: 'store01', reason: 'order received' });

    // OPEN-4: SIM fee 20 + deposit 100 + selection fee 100 (…88 tail) + roaming deposit 500 yuan.
    const quote = order.summary.quote as { totalFen: number; lines: { item: string; amountFen: number }[] };
    expect(quote.lines.map((l) => [l.item, l.amountFen])).toEqual([
      ['simFee', 2_000],
      ['deposit', 10_000],
      ['selectionFee', 10_000],
      ['roamingDeposit', 50_000],
    ]);
    expect(quote.totalFen).toBe(72_000);

    const [number] = await h.db.select().from(numbers).where(eq(numbers.msisdn, '13800100088'));
    expect(number).toMatchObject({ status: 'inUse', preemptedBy: id });
    const [sim] = await h.db.select().from(simCards).where(eq(simCards.msisdn, '13800100088'));
    expect(sim).toMatchObject({ status: 'inUse', iccid: order.summary.iccid });
    const charges = await h.db.select().from(payments).where(eq(payments.orderId, id));
    expect(charges).toHaveLength(1);
    expect(charges[0]).toMatchObject({
      amountFen: 72_000,
      status: 'charged',
      receiptNo: order.summary.receiptNo,
    });
    const [customer] = await h.db.select().from(customers).where(eq(customers.orderId, id));
    expect(customer).toMatchObject({ state: 'committed', name: '张三' });
    expect((await h.sim.hlr.subscriber('13800100088'))?.imsi).toBe(sim?.imsi);
    // Roaming was asked for and paid for: it is on at the HLR and a feature of the new line.
    expect((await h.sim.hlr.subscriber('13800100088'))?.services).toContain('internationalRoaming');
    const [line] = await h.db.select().from(subscribers).where(eq(subscribers.msisdn, '13800100088'));
    expect(line).toMatchObject({
      status: 'active',
      internationalRoaming: true,
      features: ['internationalRoaming'],
    });

    // Determinism guard: the recorded history replays against today's workflow code without divergence.
    const history = await h.client.workflow.getHandle(id).fetchHistory();
    await expect(replayOnTodaysCode(history, id)).resolves.toBeUndefined();
  });

  /** The enterprise's corporate account (对公帐号) as its bank holds it. */
  const openCorporateAccount = (accountNo: string) =>
    h.sim.bank.openAccount(accountNo, {
      kind: 'corporate',
      unitCertificateNo: sampleEnterprise.unitCertificateNo,
      businessLicenceNo: sampleEnterprise.businessLicenceNo,
      sealCardNo: 'SEAL-BJ-0001',
    });
  const corporatePayment = (bankAccountNo: string, sealCardNo = 'SEAL-BJ-0001') => ({
    method: 'corporateAccount',
    bankAccountNo,
    sealCardNo,
  });
  const chargesTo = (account: string) => h.sim.bank.charges({ account });
  /** The order's pre-empted number and SIM are free again, and no payment row exists for it. */
  async function expectNothingHeldOrCharged(order: OrderView): Promise<void> {
    const [number] = await h.db
      .select()
      .from(numbers)
      .where(eq(numbers.msisdn, order.summary.msisdn as string));
    expect(number).toMatchObject({ status: 'unused', preemptedBy: null });
    expect(await h.db.select().from(simCards).where(eq(simCards.preemptedBy, order.id))).toHaveLength(0);
    expect(await h.db.select().from(payments).where(eq(payments.orderId, order.id))).toHaveLength(0);
  }

  it('OPEN-4, OPEN-5: an enterprise paying from its corporate account, verified by the bank first, pays no deposit', async () => {
    await openCorporateAccount('6222000011112222');
    const res = await submitOrder(
      h.app,
      token,
      openAccountBody({ customer: sampleEnterprise, payment: corporatePayment('6222000011112222') }),
    );
    const order = await waitForOrder(h.app, token, res.json<{ id: string }>().id);
    expect(order.status).toBe('completed');
    const steps = order.timeline.map((t) => t.step);
    expect(steps.indexOf('verifyingBankAccount')).toBeGreaterThan(steps.indexOf('preemptingResources'));
    expect(steps.indexOf('verifyingBankAccount')).toBeLessThan(steps.indexOf('quoting'));
    const quote = order.summary.quote as { totalFen: number; lines: { item: string; amountFen: number }[] };
    expect(quote.lines.find((l) => l.item === 'deposit')?.amountFen).toBe(0);
    expect(await chargesTo('6222000011112222')).toEqual([
      expect.objectContaining({ amountFen: quote.totalFen }),
    ]);
  });

  it('OPEN-4, OPEN-5: a corporate account (对公帐号) is for enterprise customers only: an individual is refused 422 naming payment.method, nothing written', async () => {
    await openCorporateAccount('6222000011113333');
    const before = await h.db.select().from(orders);
    const res = await submitOrder(
      h.app,
      token,
      openAccountBody({ payment: corporatePayment('6222000011113333') }),
    );
    expect(res.statusCode).toBe(422);
    const err = res.json<{
      code: string;
      message: string;
      details: { path: string; zh: string; en: string }[];
    }>();
    expect(err.code).toBe('BusinessRuleViolated');
    expect(err.details).toContainEqual({
      path: 'body.payment.method',
      zh: '对公帐号只能用于单位客户',
      en: 'a corporate account (对公帐号) is for enterprise customers only',
    });
    expect(await h.db.select().from(orders)).toHaveLength(before.length);
    expect(await chargesTo('6222000011113333')).toEqual([]);
  });

  it('OPEN-5: a corporate account the bank does not vouch for (wrong seal card) ends rejected, nothing charged, number and SIM released', async () => {
    await openCorporateAccount('6222000011114444');
    const res = await submitOrder(
      h.app,
      token,
      openAccountBody({
        customer: sampleEnterprise,
        payment: corporatePayment('6222000011114444', 'SEAL-FORGED'),
      }),
    );
    const order = await waitForOrder(h.app, token, res.json<{ id: string }>().id);
    expect(order.status).toBe('rejected');
    expect(order.failure).toMatchObject({
      code: 'CorporateAccountNotVerified',
      reason: '对公帐号未通过开户银行核实（帐号、单位证明、营业执照或印鉴卡与银行记录不符）',
    });
    expect(order.failure?.message).toContain('seal card');
    expect(order.timeline.map((t) => t.step)).not.toContain('charging');
    expect(await chargesTo('6222000011114444')).toEqual([]);
    await expectNothingHeldOrCharged(order);
  });

  it('OPEN-5: a bank-card payment carries the holder’s ID — missing: 400 at payment.holderIdNumber; not the holder the bank has: rejected BankCardHolderMismatch; unknown card: BankCardNotVerified', async () => {
    const card = '6222021111222233';
    await h.sim.bank.openAccount(card, { kind: 'card', holderIdNumber: '110101196001011234' });
    const missing = await submitOrder(
      h.app,
      token,
      openAccountBody({ payment: { method: 'bankCard', cardNo: card } }),
    );
    expect(missing.statusCode).toBe(400);
    expect(missing.json<{ details: { path: string }[] }>().details.map((i) => i.path)).toEqual([
      'body.payment.holderIdNumber',
    ]);

    const someoneElse = await submitOrder(
      h.app,
      token,
      openAccountBody({
        payment: { method: 'bankCard', cardNo: card, holderIdNumber: '110101199909091234' },
      }),
    );
    const mismatch = await waitForOrder(h.app, token, someoneElse.json<{ id: string }>().id);
    expect(mismatch.status).toBe('rejected');
    expect(mismatch.failure).toMatchObject({
      code: 'BankCardHolderMismatch',
      reason: '银行卡户主身份证号码与开户银行记录不符',
    });
    await expectNothingHeldOrCharged(mismatch);

    const unknownCard = await submitOrder(
      h.app,
      token,
      openAccountBody({
        payment: { method: 'bankCard', cardNo: '6222029999999999', holderIdNumber: '110101196001011234' },
      }),
    );
    const unknown = await waitForOrder(h.app, token, unknownCard.json<{ id: string }>().id);
    expect(unknown).toMatchObject({ status: 'rejected', failure: { code: 'BankCardNotVerified' } });
    await expectNothingHeldOrCharged(unknown);
    expect(await chargesTo(card)).toEqual([]);

    // The holder's own ID: verified, charged once, deposit included.
    const own = await submitOrder(
      h.app,
      token,
      openAccountBody({
        payment: { method: 'bankCard', cardNo: card, holderIdNumber: '110101196001011234' },
      }),
    );
    const paid = await waitForOrder(h.app, token, own.json<{ id: string }>().id);
    expect(paid.status).toBe('completed');
    const quote = paid.summary.quote as { totalFen: number; lines: { item: string; amountFen: number }[] };
    expect(quote.lines.find((l) => l.item === 'deposit')?.amountFen).toBe(10_000);
    expect(await chargesTo(card)).toEqual([expect.objectContaining({ amountFen: quote.totalFen })]);
  });

  it('ORD-3: the same Idempotency-Key twice makes one order; with another body it is refused', async () => {
    const key = newKey('same');
    const body = openAccountBody();
    const first = await submitOrder(h.app, token, body, key);
    const second = await submitOrder(h.app, token, body, key);
    expect(first.statusCode).toBe(202);
    expect(second.statusCode).toBe(202);
    expect(second.json()).toMatchObject({ id: first.json<{ id: string }>().id, replayed: true });
    await waitForOrder(h.app, token, first.json<{ id: string }>().id);
    const rows = await h.db.select().from(orders).where(eq(orders.id, first.json<{ id: string }>().id));
    expect(rows).toHaveLength(1);
    expect(await h.db.select().from(payments).where(eq(payments.orderId, rows[0]!.id))).toHaveLength(1);

    const other = await submitOrder(h.app, token, openAccountBody({ productCode: 'DATA-128' }), key);
    expect(other.statusCode).toBe(409);
    expect(other.json()).toMatchObject({ code: 'IdempotencyKeyReused' });
  });

  it('ORD-2: lists orders newest first with X-Total-Count, filtered by status', async () => {
    const res = await h.app.inject({
      method: 'GET',
      url: '/api/v1/orders?status=completed&type=openAccount&limit=2',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.statusCode).toBe(200);
    const total = Number(res.headers['x-total-count']);
    expect(total).toBeGreaterThanOrEqual(3);
    const items = res.json<{ items: { status: string; createdAt: string }[] }>().items;
    expect(items).toHaveLength(2);
    expect(items.every((o) => o.status === 'completed')).toBe(true);
    expect(items[0]!.createdAt >= items[1]!.createdAt).toBe(true);
  });

  it('ORD-6, ORD-5: a cancel before provisioning undoes everything and ends cancelled', async () => {
    await h.sim.setBehaviour('bank', { latencyMs: 1_500 });
    try {
      const res = await submitOrder(
        h.app,
        token,
        openAccountBody({ payment: await verifiedCardPayment(h.sim, '6222021234567890') }),
      );
      const id = res.json<{ id: string }>().id;
      const charging = await waitForOrder(h.app, token, id, (o) => o.step === 'charging');
      const msisdn = charging.summary.msisdn as string;

      const cancel = await h.app.inject({
        method: 'POST',
        url: `/api/v1/orders/${encodeURIComponent(id)}/cancel`,
        headers: { authorization: `Bearer ${token}` },
        payload: { reason: '客户改变主意 customer changed mind' },
      });
      expect(cancel.statusCode).toBe(200);
      expect(cancel.json()).toMatchObject({
        status: 'cancelled',
        statusLabel: { zh: '已撤单', en: 'Cancelled' },
      });
      const statuses = cancel.json<{ timeline: { status: string }[] }>().timeline.map((t) => t.status);
      expect(statuses).toEqual(
        expect.arrayContaining(['assessingCancellation', 'pendingCancellation', 'cancelled']),
      );

      const [number] = await h.db.select().from(numbers).where(eq(numbers.msisdn, msisdn));
      expect(number).toMatchObject({ status: 'unused', preemptedBy: null });
      expect(await h.db.select().from(simCards).where(eq(simCards.preemptedBy, id))).toHaveLength(0);
      const [payment] = await h.db.select().from(payments).where(eq(payments.orderId, id));
      expect(payment?.status).toBe('refunded');
      const [customer] = await h.db.select().from(customers).where(eq(customers.orderId, id));
      expect(customer?.state).toBe('discarded');
    } finally {
      await h.sim.setBehaviour('bank', { latencyMs: 0 });
    }
  });

  it('ORD-6: a cancel after the point of no return is refused with the reason, and the order completes', async () => {
    await h.sim.setBehaviour('hlr', { latencyMs: 1_500 });
    try {
      const res = await submitOrder(h.app, token, openAccountBody());
      const id = res.json<{ id: string }>().id;
      await waitForOrder(h.app, token, id, (o) => o.step === 'provisioning');
      const cancel = await h.app.inject({
        method: 'POST',
        url: `/api/v1/orders/${encodeURIComponent(id)}/cancel`,
        headers: { authorization: `Bearer ${token}` },
        payload: { reason: 'too late' },
      });
      expect(cancel.statusCode).toBe(409);
      expect(cancel.json()).toMatchObject({
        code: 'PastPointOfNoReturn',
        reason: '订单已进入不可撤销阶段，不能撤单',
      });
      expect((await waitForOrder(h.app, token, id)).status).toBe('completed');

      const again = await h.app.inject({
        method: 'POST',
        url: `/api/v1/orders/${encodeURIComponent(id)}/cancel`,
        headers: { authorization: `Bearer ${token}` },
        payload: { reason: 'after completion' },
      });
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({ code: 'OrderAlreadyClosed' });
    } finally {
      await h.sim.setBehaviour('hlr', { latencyMs: 0 });
    }
  });

  it('ORD-1: an unknown order answers 404', async () => {
    const res = await h.app.inject({
      method: 'GET',
      url: '/api/v1/orders/OpenAccount:no-such-order-1',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'OrderNotFound', reason: '订单不存在' });
    expect(
      (
        await getOrder(
          h.app,
          token,
          (await submitOrder(h.app, token, openAccountBody())).json<{ id: string }>().id,
        )
      ).id,
    ).toContain('OpenAccount:');
  });
});
