import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { numbers, payments, simCards } from '../../db/schema';
import { verifiedCardPayment } from '../support/fixtures';
import { startSignedInHarness, type Harness } from '../support/harness';
import { workflowHistoryText } from '../support/history';
import { cancelOrderAs, submitOrder, waitForOrder } from '../support/orders';
import { lineRow, ownerIdentity, runChange, seededLine } from '../support/service-changes';

/**
 * Service changes that are refused or fail part-way (REQ: CHG-1, CHG-2, ORD-5, ORD-6): the order ends with
 * the reason staff read, and whatever it did is undone — the line is as before and no longer held.
 */
describe('service changes that fail, are refused or are cancelled', () => {
  let h: Harness;
  let token: string;
  beforeAll(async () => ({ h, token } = await startSignedInHarness({ config: { STEP_MAX_ATTEMPTS: '2' } })));
  afterAll(async () => h?.close());

  const paymentsOf = (orderId: string) => h.db.select().from(payments).where(eq(payments.orderId, orderId));
  const cancelOrder = (id: string, reason: string) => cancelOrderAs(h.app, token, id, reason);

  it('ORD-5, CHG-1: a number change the HLR refuses releases the new number, refunds the fee and leaves the line as it was', async () => {
    const [msisdn, newMsisdn] = ['13900100005', '13800100600'];
    // The HLR is down for both attempts of the change and back for its undo (undos retry until they succeed):
    // it comes back once the workflow has given the change up and scheduled the undo (`revertNumber`).
    await h.sim.setBehaviour('hlr', { failureRate: 1 });
    try {
      const submitted = await submitOrder(h.app, token, {
        type: 'changeNumber',
        msisdn,
        newMsisdn,
        payment: await verifiedCardPayment(h.sim, '6222029999000022', seededLine(msisdn).customer.idNumber),
      });
      const id = submitted.json<{ id: string }>().id;
      await vi.waitFor(
        async () => expect(await workflowHistoryText(h.client, id)).toContain('revertNumber'),
        { timeout: 30_000, interval: 200 },
      );
      await h.sim.setBehaviour('hlr', { failureRate: 0 });
      const order = await waitForOrder(h.app, token, id);
      expect(order.status).toBe('failed');
      expect(order.failure).toMatchObject({ code: 'ProvisioningFailed', reason: '开通（HLR/HSS）失败' });

      const [fresh] = await h.db.select().from(numbers).where(eq(numbers.msisdn, newMsisdn));
      expect(fresh).toMatchObject({ status: 'unused', preemptedBy: null });
      const [old] = await h.db.select().from(numbers).where(eq(numbers.msisdn, msisdn));
      expect(old).toMatchObject({ status: 'inUse', availableFrom: null });
      const [paid] = await paymentsOf(order.id);
      expect(paid).toMatchObject({ amountFen: 2_000, status: 'refunded' });
      expect((await h.sim.bank.refunds()).filter((r) => r.chargeRef === paid?.bankRef)).toHaveLength(1);
      expect(await lineRow(h, msisdn)).toMatchObject({
        iccid: seededLine(msisdn).iccid,
        status: 'active',
        lockedBy: null,
      });
      expect(await lineRow(h, newMsisdn)).toBeNull();
      expect(await h.sim.hlr.subscriber(newMsisdn)).toBeNull();
    } finally {
      await h.sim.setBehaviour('hlr', { failureRate: 0 });
    }
  });

  it('ORD-5, CHG-1: a number change whose hold on the new number is lost meanwhile is undone on the HLR and refunded', async () => {
    const [msisdn, newMsisdn] = ['13900100014', '13800100601'];
    await h.sim.setBehaviour('hlr', { latencyMs: 1_500 });
    try {
      const res = await submitOrder(h.app, token, {
        type: 'changeNumber',
        msisdn,
        newMsisdn,
        payment: { method: 'cash' },
      });
      const id = res.json<{ id: string }>().id;
      await waitForOrder(h.app, token, id, (o) => o.step === 'changingNumberOnHlr');
      // Meanwhile the hold runs out and another order takes the number.
      await h.db
        .update(numbers)
        .set({ preemptedBy: 'OpenAccount:someone-else' })
        .where(eq(numbers.msisdn, newMsisdn));
      const order = await waitForOrder(h.app, token, id);
      expect(order.status).toBe('failed');
      expect(order.failure).toMatchObject({ code: 'PreemptionExpired', reason: '资源预占已超时失效' });
      expect((await paymentsOf(id))[0]?.status).toBe('refunded');
    } finally {
      await h.sim.setBehaviour('hlr', { latencyMs: 0 });
    }
    expect(await lineRow(h, msisdn)).toMatchObject({ status: 'active', lockedBy: null });
    expect(await lineRow(h, newMsisdn)).toBeNull();
    // Whether the hold was found lost before the HLR was asked (nothing sent) or after (the move reverted), the HLR
    // has no line on the new number; the simulator takes a line it never saw as switched on earlier.
    expect(await h.sim.hlr.subscriber(newMsisdn)).toBeNull();
  });

  it('ORD-5, CHG-1: a SIM swap whose payment is declined gives the SIM back and takes no money', async () => {
    const msisdn = '13900100006';
    const card = '6222020000000505';
    await h.sim.bank.decline(card);
    const order = await runChange(h, token, {
      type: 'swapSim',
      msisdn,
      reason: 'damaged',
      identity: ownerIdentity(msisdn),
      payment: await verifiedCardPayment(h.sim, card, seededLine(msisdn).customer.idNumber),
    });
    expect(order.status).toBe('failed');
    expect(order.failure).toMatchObject({ code: 'PaymentDeclined', reason: '支付被拒绝' });
    expect(await h.db.select().from(simCards).where(eq(simCards.preemptedBy, order.id))).toHaveLength(0);
    expect(await paymentsOf(order.id)).toHaveLength(0);
    expect(await lineRow(h, msisdn)).toMatchObject({ iccid: seededLine(msisdn).iccid, lockedBy: null });
  });

  it('CHG-1: a fee refund larger than the balance fails InsufficientBalance and pays nothing', async () => {
    const msisdn = '13900100007';
    const order = await runChange(h, token, {
      type: 'refundFee',
      msisdn,
      amountFen: 5_001,
      reason: '多收月租 monthly fee charged twice',
    });
    expect(order.status).toBe('failed');
    expect(order.failure).toMatchObject({ code: 'InsufficientBalance', reason: '账户余额不足' });
    expect(await lineRow(h, msisdn)).toMatchObject({ balanceFen: 5_000, lockedBy: null });
    expect(await paymentsOf(order.id)).toHaveLength(0);
  });

  it('CHG-2: after a loss report, resume without identity fails IdentityVerificationRequired; with the owner ID it restores service', async () => {
    const msisdn = '13900100008';
    expect(
      (await runChange(h, token, { type: 'reportLoss', msisdn, reason: '手机被盗 stolen' })).status,
    ).toBe('completed');

    const refused = await runChange(h, token, { type: 'resume', msisdn });
    expect(refused.status).toBe('failed');
    expect(refused.failure).toMatchObject({
      code: 'IdentityVerificationRequired',
      reason: '须先核验机主身份',
    });
    expect(await lineRow(h, msisdn)).toMatchObject({ status: 'lossReported', lockedBy: null });
    expect((await h.sim.hlr.subscriber(msisdn))?.barred).toBe(true);

    const resumed = await runChange(h, token, { type: 'resume', msisdn, identity: ownerIdentity(msisdn) });
    expect(resumed.status).toBe('completed');
    expect(resumed.summary).toMatchObject({ statusBefore: 'lossReported', statusAfter: 'active' });
    expect((await lineRow(h, msisdn))?.status).toBe('active');
    expect((await h.sim.hlr.subscriber(msisdn))?.barred).toBe(false);
  });

  it('CHG-2: an identity that is not the owner’s is refused with IdentityMismatch', async () => {
    const msisdn = '13900100009';
    const order = await runChange(h, token, {
      type: 'swapSim',
      msisdn,
      reason: 'lost',
      identity: { idType: 'idCard', idNumber: '110101199001019999' },
      payment: { method: 'cash' },
    });
    expect(order.status).toBe('failed');
    expect(order.failure).toMatchObject({ code: 'IdentityMismatch', reason: '证件与机主资料不符' });
    expect(await lineRow(h, msisdn)).toMatchObject({ iccid: seededLine(msisdn).iccid, lockedBy: null });
  });

  it('CHG-1: a change on a line that is not active fails SubscriberNotActive', async () => {
    const msisdn = '13900100010';
    await runChange(h, token, { type: 'suspend', msisdn, reason: '欠费 arrears' });
    const order = await runChange(h, token, { type: 'changeFeatures', msisdn, add: ['volte'] });
    expect(order.status).toBe('failed');
    expect(order.failure).toMatchObject({
      code: 'SubscriberNotActive',
      reason: '号码当前状态不允许办理该业务',
    });
    expect(await lineRow(h, msisdn)).toMatchObject({ status: 'suspended', features: [], lockedBy: null });
  });

  it('CHG-1: a change on a number that is no line fails SubscriberNotFound', async () => {
    const order = await runChange(h, token, {
      type: 'changeDiscount',
      msisdn: '13800100999',
      discountCode: 'VIP',
    });
    expect(order.status).toBe('failed');
    expect(order.failure).toMatchObject({ code: 'SubscriberNotFound', reason: '号码未开户或不存在' });
  });

  it('CHG-1: a line held by a change in progress refuses a second change until the first is done', async () => {
    const msisdn = '13900100011';
    await h.sim.setBehaviour('hlr', { latencyMs: 1_500 });
    try {
      const res = await submitOrder(h.app, token, { type: 'suspend', msisdn, reason: '客户出差 travelling' });
      const first = res.json<{ id: string }>().id;
      await waitForOrder(h.app, token, first, (o) => o.step === 'barringOnHlr');
      const second = await runChange(h, token, {
        type: 'changeDiscount',
        msisdn,
        discountCode: 'STUDENT-50',
      });
      expect(second.status).toBe('failed');
      expect(second.failure?.code).toBe('SubscriberNotActive');
      expect(second.failure?.message).toContain(`held by order ${first}`);
      expect((await waitForOrder(h.app, token, first)).status).toBe('completed');
    } finally {
      await h.sim.setBehaviour('hlr', { latencyMs: 0 });
    }
    expect(await lineRow(h, msisdn)).toMatchObject({
      status: 'suspended',
      discountCode: null,
      lockedBy: null,
    });
  });

  it('ORD-6, ORD-5: a recharge cancelled while it charges is refunded, and the balance and line stay as they were', async () => {
    const msisdn = '13900100012';
    await h.sim.setBehaviour('bank', { latencyMs: 1_500 });
    try {
      const res = await submitOrder(h.app, token, {
        type: 'recharge',
        msisdn,
        amountFen: 10_000,
        payment: await verifiedCardPayment(h.sim, '6222021234567890', seededLine(msisdn).customer.idNumber),
      });
      const id = res.json<{ id: string }>().id;
      await waitForOrder(h.app, token, id, (o) => o.step === 'charging');
      const cancel = await cancelOrder(id, '客户改变主意 customer changed mind');
      expect(cancel.statusCode).toBe(200);
      expect(cancel.json()).toMatchObject({ status: 'cancelled' });
      const [paid] = await paymentsOf(id);
      expect(paid?.status).toBe('refunded');
    } finally {
      await h.sim.setBehaviour('bank', { latencyMs: 0 });
    }
    expect(await lineRow(h, msisdn)).toMatchObject({ balanceFen: 5_000, lockedBy: null });
  });

  it('ORD-6, CHG-2: a loss report cannot be cancelled once it bars the line, and completes', async () => {
    const msisdn = '13900100013';
    await h.sim.setBehaviour('hlr', { latencyMs: 1_500 });
    try {
      const res = await submitOrder(h.app, token, {
        type: 'reportLoss',
        msisdn,
        reason: '手机丢失 phone lost',
      });
      const id = res.json<{ id: string }>().id;
      await waitForOrder(h.app, token, id, (o) => o.step === 'barringOnHlr');
      const cancel = await cancelOrder(id, 'found the phone');
      expect(cancel.statusCode).toBe(409);
      expect(cancel.json()).toMatchObject({ code: 'PastPointOfNoReturn' });
      expect((await waitForOrder(h.app, token, id)).status).toBe('completed');
    } finally {
      await h.sim.setBehaviour('hlr', { latencyMs: 0 });
    }
    expect((await lineRow(h, msisdn))?.status).toBe('lossReported');
  });
});
