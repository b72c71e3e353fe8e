import { setTimeout as sleep } from 'node:timers/promises';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isTerminal } from '../../domain/orders';
import {
  lineSettlements,
  numbers,
  orders,
  payments,
  simCards,
  smsMessages,
  subscribers,
} from '../../db/schema';
import type { PreCancellationSummary } from '../../workflows/contracts/pre-cancellation';
import { startHarness, type Harness } from '../support/harness';
import { getOrder, openAccountBody, submitOrder, waitForOrder, type OrderView } from '../support/orders';
import { verifiedCardPayment } from '../support/fixtures';
import { demoLine, formalCancellationBody, preCancellationBody } from '../support/pre-cancellation';
import { replayOnTodaysCode } from '../support/replay';

/**
 * Pre-cancellation (预销号 → 销号) through the HTTP API, against the real Temporal dev server and PostgreSQL.
 * The real grace is 3 calendar months and the visit period 30 days: their date arithmetic is proved by unit
 * tests, and the durable timers on the real servers by these runs with a grace and a visit period of a few
 * seconds (PRE_CANCEL_GRACE_SECONDS, PRE_CANCEL_VISIT_SECONDS); the defaults themselves run on the
 * time-skipping server in test/workflows/, with mocked activities.
 * Each test uses its own seeded demo line (13900100001…20): the tests of this file share one database.
 */

const GRACE_SECONDS = 4;
const VISIT_SECONDS = 10;
// Long enough never to end by itself during a run: the cool-down test ends it in the database.
const COOLDOWN_DAYS = 1;
const config = {
  PRE_CANCEL_GRACE_SECONDS: String(GRACE_SECONDS),
  PRE_CANCEL_VISIT_SECONDS: String(VISIT_SECONDS),
  RECYCLE_COOLDOWN_DAYS: String(COOLDOWN_DAYS),
};

const summaryOf = (order: OrderView) => order.summary as unknown as PreCancellationSummary;
const inGrace = (o: OrderView) => o.step === 'waitingForGraceEnd' || isTerminal(o.status);
const awaitingVisit = (o: OrderView) => o.step === 'waitingForCustomerVisit' || isTerminal(o.status);
const stepsOf = (o: OrderView) => o.timeline.map((t) => `${t.status}${t.step ? `/${t.step}` : ''}`);

async function lineOf(h: Harness, msisdn: string) {
  const [line] = await h.db.select().from(subscribers).where(eq(subscribers.msisdn, msisdn));
  return line;
}

async function numberOf(h: Harness, msisdn: string) {
  const [number] = await h.db.select().from(numbers).where(eq(numbers.msisdn, msisdn));
  return number;
}

describe('pre-cancellation through the API', () => {
  let h: Harness;
  let manager: string;
  let clerk: string;

  /** Submits as the customer manager at the designated outlet and waits for the order to settle somewhere. */
  const preCancel = async (msisdn: string, overrides: Record<string, unknown> = {}) => {
    const res = await submitOrder(h.app, manager, preCancellationBody(msisdn, overrides));
    expect(res.statusCode).toBe(202);
    return res.json<{ id: string }>().id;
  };
  const waitInGrace = async (id: string) => {
    const order = await waitForOrder(h.app, manager, id, inGrace);
    expect(order).toMatchObject({ status: 'pending', step: 'waitingForGraceEnd' });
    return order;
  };
  /** The customer manager cancels (in the grace: the holder revokes, PC-6) with the holder's documents. */
  const cancelOrder = (id: string, msisdn: string, reason: string) =>
    h.app.inject({
      method: 'POST',
      url: `/api/v1/orders/${encodeURIComponent(id)}/cancel`,
      headers: { authorization: `Bearer ${manager}` },
      payload: { reason, identity: preCancellationBody(msisdn).identity },
    });
  /** Waits until the grace has ended and the order waits for the customer to come in person (PC-5). */
  const waitForVisit = async (id: string) => {
    const order = await waitForOrder(h.app, manager, id, awaitingVisit);
    expect(order).toMatchObject({ status: 'pending', step: 'waitingForCustomerVisit' });
    return order;
  };
  /** The customer at the counter of a designated outlet for the formal cancellation (PC-5). */
  const formallyCancel = (id: string, body: Record<string, unknown>, token = manager) =>
    h.app.inject({
      method: 'POST',
      url: `/api/v1/orders/${encodeURIComponent(id)}/formal-cancellation`,
      headers: { authorization: `Bearer ${token}` },
      payload: body,
    });
  const settlementsOf = (id: string) =>
    h.db.select().from(lineSettlements).where(eq(lineSettlements.orderId, id));

  beforeAll(async () => {
    h = await startHarness({ config });
    manager = await h.login('manager01', 'STORE-BJ-001');
    clerk = await h.login('store01', 'STORE-BJ-001');
  });
  afterAll(async () => h?.close());

  it('PC-5: at grace end service stays barred, the customer is reminded by SMS and the order waits for the visit; the holder comes in person, the credit is refunded in cash with a receipt, the line is cancelled and the number recycled', async () => {
    const msisdn = '13900100001';
    const started = Date.now();
    const id = await preCancel(msisdn);

    const waiting = await waitInGrace(id);
    const graceEndsAt = Date.parse(summaryOf(waiting).graceEndsAt ?? '');
    expect(graceEndsAt).toBeGreaterThanOrEqual(started + GRACE_SECONDS * 1_000);
    expect(graceEndsAt).toBeLessThan(Date.now() + GRACE_SECONDS * 1_000 + 1_000);
    expect(summaryOf(waiting)).toMatchObject({
      msisdn,
      leavingReason: '出国定居 moving abroad',
      retention: { accepted: false },
      settlement: { arrearsFen: 0, extraDepositFen: 0, totalFen: 0 },
    });
    expect(await lineOf(h, msisdn)).toMatchObject({ status: 'preCancelled', lockedBy: id });
    expect((await h.sim.hlr.subscriber(msisdn))?.barred).toBe(true);

    // The grace ends: nothing is cancelled without the customer. Service stays barred, a reminder is texted.
    const visiting = await waitForVisit(id);
    const visitBy = Date.parse(summaryOf(visiting).visitBy ?? '');
    expect(visitBy).toBe(graceEndsAt + VISIT_SECONDS * 1_000);
    expect(visiting.timeline.at(-1)?.reason).toContain(summaryOf(visiting).visitBy);
    expect(await lineOf(h, msisdn)).toMatchObject({
      status: 'preCancelled',
      lockedBy: id,
      balanceFen: 3_000,
    });
    expect((await h.sim.hlr.subscriber(msisdn))?.barred).toBe(true);
    expect(await h.db.select().from(payments).where(eq(payments.orderId, id))).toEqual([]);
    const inbox = await h.sim.sms.inbox(msisdn);
    expect(inbox).toHaveLength(1);
    expect(inbox[0]?.eventKey).toBe(`${id}:graceEnded`);
    expect(inbox[0]?.text).toContain('正式销号');
    expect(inbox[0]?.text).toContain('cancel it formally');

    // The holder comes with the original ID and takes the 30 yuan of credit back in cash.
    const res = await formallyCancel(id, formalCancellationBody(msisdn));
    expect(res.statusCode).toBe(200);
    const order = res.json<OrderView>();
    expect(order.status).toBe('completed');
    expect(stepsOf(order)).toEqual([
      'acknowledged',
      'inProgress/assessing',
      'inProgress/suspending',
      'pending/waitingForGraceEnd',
      'inProgress/remindingCustomer',
      'pending/waitingForCustomerVisit',
      'inProgress/verifyingVisitor',
      'inProgress/settlingFinalBill',
      'inProgress/deprovisioning',
      'inProgress/recyclingNumber',
      'completed',
    ]);
    expect(order.timeline[0]).toMatchObject({ actor: 'manager01' });
    expect(order.timeline.find((t) => t.step === 'verifyingVisitor')).toMatchObject({ actor: 'manager01' });
    expect(summaryOf(order)).toMatchObject({
      outcome: 'cancelledInPerson',
      finalBill: {
        kind: 'refund',
        amountFen: 3_000,
        method: 'cash',
        receiptNo: expect.stringMatching(/^RFND-/) as unknown,
      },
    });
    const moneyOut = await h.db.select().from(payments).where(eq(payments.orderId, id));
    expect(moneyOut).toEqual([
      expect.objectContaining({
        direction: 'out',
        amountFen: 3_000,
        method: 'cash',
        receiptNo: summaryOf(order).finalBill?.receiptNo,
      }),
    ]);
    expect(await settlementsOf(id)).toEqual([]);

    const line = await lineOf(h, msisdn);
    expect(line).toMatchObject({ status: 'cancelled', balanceFen: 0 });
    expect(await h.sim.hlr.subscriber(msisdn)).toBeNull();
    const number = await numberOf(h, msisdn);
    expect(number?.status).toBe('recycled');
    expect(number?.availableFrom?.getTime()).toBeGreaterThan(Date.now());
    expect(summaryOf(order).numberAvailableFrom).toBe(number?.availableFrom?.toISOString());
    const [sim] = await h.db
      .select()
      .from(simCards)
      .where(eq(simCards.iccid, line?.iccid ?? ''));
    expect(sim).toMatchObject({ status: 'damaged', msisdn: null });
    expect(await h.sim.sms.inbox(msisdn)).toHaveLength(1);

    // Determinism guard: the recorded history, timers and update included, replays against today's code.
    const history = await h.client.workflow.getHandle(id).fetchHistory();
    await expect(replayOnTodaysCode(history, id)).resolves.toBeUndefined();
  });

  it('PC-5: nobody comes within the visit period: the system cancels the line, keeps the credit for refund on request and hands arrears to collection; no card is charged, no cash paid out', async () => {
    const [inCredit, inArrears] = ['13900100016', '13900100017'];
    await h.db.update(subscribers).set({ balanceFen: -1_500 }).where(eq(subscribers.msisdn, inArrears));
    const chargesBefore = (await h.sim.bank.charges()).length;
    const creditId = await preCancel(inCredit);
    // A card given at pre-cancellation is not charged three months later.
    const arrearsId = await preCancel(inArrears, {
      payment: await verifiedCardPayment(h.sim, '6222020000000017', demoLine(inArrears).customer.idNumber),
    });
    const [credit, arrears] = await Promise.all([
      waitForOrder(h.app, manager, creditId, undefined, 45_000),
      waitForOrder(h.app, manager, arrearsId, undefined, 45_000),
    ]);

    for (const order of [credit, arrears]) {
      expect(order.status).toBe('completed');
      expect(summaryOf(order).outcome).toBe('cancelledWithoutVisit');
      expect(stepsOf(order).slice(3)).toEqual([
        'pending/waitingForGraceEnd',
        'inProgress/remindingCustomer',
        'pending/waitingForCustomerVisit',
        'inProgress/settlingFinalBill',
        'inProgress/deprovisioning',
        'inProgress/recyclingNumber',
        'completed',
      ]);
      const at = (step: string) => Date.parse(order.timeline.find((t) => t.step === step)?.at ?? '');
      // The visit period runs from the end of the grace (not from when the reminder was sent): nothing is
      // settled before the deadline the order shows.
      const visitBy = Date.parse(summaryOf(order).visitBy ?? '');
      expect(visitBy).toBe(Date.parse(summaryOf(order).graceEndsAt ?? '') + VISIT_SECONDS * 1_000);
      expect(at('settlingFinalBill')).toBeGreaterThanOrEqual(visitBy);
      expect(await h.db.select().from(payments).where(eq(payments.orderId, order.id))).toEqual([]);
    }
    expect((await h.sim.bank.charges()).length).toBe(chargesBefore);
    expect(summaryOf(credit).finalBill).toEqual({ kind: 'refundDue', amountFen: 5_000 });
    expect(summaryOf(arrears).finalBill).toEqual({ kind: 'collection', amountFen: 1_500 });
    expect(await settlementsOf(creditId)).toEqual([
      expect.objectContaining({ msisdn: inCredit, kind: 'refundDue', amountFen: 5_000, settledAt: null }),
    ]);
    expect(await settlementsOf(arrearsId)).toEqual([
      expect.objectContaining({ msisdn: inArrears, kind: 'collection', amountFen: 1_500, settledAt: null }),
    ]);
    for (const msisdn of [inCredit, inArrears]) {
      expect(await lineOf(h, msisdn)).toMatchObject({ status: 'cancelled', balanceFen: 0 });
      expect(await numberOf(h, msisdn)).toMatchObject({ status: 'recycled' });
      expect(await h.sim.hlr.subscriber(msisdn)).toBeNull();
      expect(await h.sim.sms.inbox(msisdn)).toHaveLength(1);
    }
  });

  it('PC-5: arrears are paid at the visit with the method given then; a declined card refuses the visit (402) and the order keeps waiting; cash then settles it with a receipt', async () => {
    const msisdn = '13900100018';
    await h.db.update(subscribers).set({ balanceFen: -1_500 }).where(eq(subscribers.msisdn, msisdn));
    await h.sim.bank.decline('6222020000000018');
    const id = await preCancel(msisdn);
    await waitForVisit(id);

    const declined = await formallyCancel(
      id,
      formalCancellationBody(msisdn, {
        payment: await verifiedCardPayment(h.sim, '6222020000000018', demoLine(msisdn).customer.idNumber),
      }),
    );
    expect(declined.statusCode).toBe(402);
    expect(declined.json()).toMatchObject({ code: 'PaymentDeclined', reason: '支付被拒绝' });
    expect(await getOrder(h.app, manager, id)).toMatchObject({
      status: 'pending',
      step: 'waitingForCustomerVisit',
    });
    expect(await lineOf(h, msisdn)).toMatchObject({ status: 'preCancelled', balanceFen: -1_500 });

    const paid = await formallyCancel(id, formalCancellationBody(msisdn));
    expect(paid.statusCode).toBe(200);
    const order = paid.json<OrderView>();
    expect(order).toMatchObject({ status: 'completed', summary: { outcome: 'cancelledInPerson' } });
    expect(summaryOf(order).finalBill).toMatchObject({ kind: 'arrears', amountFen: 1_500, method: 'cash' });
    expect(await h.db.select().from(payments).where(eq(payments.orderId, id))).toEqual([
      expect.objectContaining({
        direction: 'in',
        amountFen: 1_500,
        method: 'cash',
        status: 'charged',
        receiptNo: summaryOf(order).finalBill?.receiptNo,
      }),
    ]);
    expect(await settlementsOf(id)).toEqual([]);
    expect(await lineOf(h, msisdn)).toMatchObject({ status: 'cancelled' });
  });

  it("PC-5: a formal cancellation is refused during the grace, with a document not the owner's, or by an agent for an individual; the order keeps waiting", async () => {
    const msisdn = '13900100019';
    const id = await preCancel(msisdn);
    await waitInGrace(id);
    const early = await formallyCancel(id, formalCancellationBody(msisdn));
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'NotAwaitingCustomerVisit' });
    expect(early.json<{ message: string }>().message).toContain('grace');

    await waitForVisit(id);
    const stranger = await formallyCancel(
      id,
      formalCancellationBody(msisdn, {
        identity: {
          presentedBy: 'holder',
          idType: 'idCard',
          idNumber: '110101197001019999',
          originalShown: true,
        },
      }),
    );
    expect(stranger.statusCode).toBe(422);
    expect(stranger.json()).toMatchObject({ code: 'IdentityMismatch', reason: '证件与机主资料不符' });
    const agent = await formallyCancel(
      id,
      formalCancellationBody(msisdn, {
        identity: {
          presentedBy: 'agent',
          agentName: '代办人',
          agentIdType: 'idCard',
          agentIdNumber: '110101198808081234',
          originalShown: true,
        },
      }),
    );
    expect(agent.statusCode).toBe(422);
    expect(agent.json()).toMatchObject({ code: 'AgentNotAllowed' });
    expect(await getOrder(h.app, manager, id)).toMatchObject({
      status: 'pending',
      step: 'waitingForCustomerVisit',
    });
    expect(await lineOf(h, msisdn)).toMatchObject({ status: 'preCancelled', lockedBy: id });
    expect(await h.db.select().from(payments).where(eq(payments.orderId, id))).toEqual([]);

    // An order that is not a pre-cancellation never waits for such a visit.
    const opening = await submitOrder(h.app, clerk, openAccountBody());
    const notOne = await formallyCancel(opening.json<{ id: string }>().id, formalCancellationBody(msisdn));
    expect(notOne.statusCode).toBe(409);
    expect(notOne.json()).toMatchObject({ code: 'NotAwaitingCustomerVisit' });
  });

  it('PC-5, PC-1: only a customer manager at a designated outlet takes the formal cancellation (403)', async () => {
    const msisdn = '13900100020';
    const id = await preCancel(msisdn);
    await waitForVisit(id);
    const byClerk = await formallyCancel(id, formalCancellationBody(msisdn), clerk);
    expect(byClerk.statusCode).toBe(403);
    expect(byClerk.json()).toMatchObject({ code: 'RoleNotAllowed' });
    const elsewhere = await h.login('manager01', 'STORE-BJ-002');
    const atOtherStore = await formallyCancel(id, formalCancellationBody(msisdn), elsewhere);
    expect(atOtherStore.statusCode).toBe(403);
    expect(atOtherStore.json()).toMatchObject({ code: 'ChannelNotAllowed' });
    expect(await getOrder(h.app, manager, id)).toMatchObject({
      status: 'pending',
      step: 'waitingForCustomerVisit',
    });
  });

  it('PC-6, PC-4: revoked in the grace, service is restored; the roaming line paid the deposit, which stays on its balance', async () => {
    const msisdn = '13900100002';
    const id = await preCancel(msisdn);
    const waiting = await waitInGrace(id);
    expect(summaryOf(waiting).settlement).toMatchObject({ extraDepositFen: 50_000, totalFen: 50_000 });
    expect(await lineOf(h, msisdn)).toMatchObject({ status: 'preCancelled', balanceFen: 60_000 });

    const res = await cancelOrder(id, msisdn, '客户撤销预销号 customer stays');
    expect(res.statusCode).toBe(200);
    const order = res.json<OrderView>();
    expect(order).toMatchObject({ status: 'cancelled', statusLabel: { zh: '已撤单', en: 'Cancelled' } });
    expect(order.timeline.at(-1)).toMatchObject({
      actor: 'manager01',
      reason: '客户撤销预销号 customer stays',
    });
    expect(summaryOf(order).outcome).toBe('revoked');
    expect(await lineOf(h, msisdn)).toMatchObject({ status: 'active', lockedBy: null, balanceFen: 60_000 });
    expect((await h.sim.hlr.subscriber(msisdn))?.barred).toBe(false);
    expect(await numberOf(h, msisdn)).toMatchObject({ status: 'inUse' });
    const paid = await h.db.select().from(payments).where(eq(payments.orderId, id));
    expect(paid).toEqual([
      expect.objectContaining({ direction: 'in', amountFen: 50_000, status: 'charged' }),
    ]);

    // The grace is over for this order: its workflow has ended, so no timer of it is left to run out. (That
    // nothing happens when the grace would have ended is shown on the time-skipping server, PC-6 there.)
    const workflow = h.client.workflow.getHandle(id);
    await workflow.result();
    expect((await workflow.describe()).status.name).toBe('COMPLETED');
    expect(await lineOf(h, msisdn)).toMatchObject({ status: 'active' });

    // ORD-2: every step is on the timeline, in order, as staff read it.
    expect(stepsOf(await getOrder(h.app, manager, id))).toEqual([
      'acknowledged',
      'inProgress/assessing',
      'inProgress/settling',
      'inProgress/suspending',
      'pending/waitingForGraceEnd',
      'assessingCancellation/waitingForGraceEnd',
      'pendingCancellation/revoking',
      'cancelled',
    ]);
    // ORD-1: only the HLR barring goes through the task queue; assessing, the cash settlement, the revocation and
    // the read-model writes run in the workflow's own tasks — two to reach the grace, one to revoke.
    const history = await workflow.fetchHistory();
    const events = history.events ?? [];
    const scheduled = events.flatMap((e) => e.activityTaskScheduledEventAttributes?.activityType?.name ?? []);
    expect(scheduled).toEqual(['suspendForGrace']);
    // (A task that must heartbeat while a local activity runs long would add one; none runs that long here.)
    expect(events.filter((e) => e.workflowTaskCompletedEventAttributes).length).toBeLessThanOrEqual(3);
    await expect(replayOnTodaysCode(history, id)).resolves.toBeUndefined();
  });

  it('PC-5, PC-6: once the grace has ended the pre-cancellation can no longer be revoked: a cancel is refused and service stays barred', async () => {
    const msisdn = '13900100014';
    const id = await preCancel(msisdn);
    await waitForVisit(id);
    const late = await cancelOrder(id, msisdn, 'customer wants to stay after all');
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'PastPointOfNoReturn' });
    expect(await getOrder(h.app, manager, id)).toMatchObject({
      status: 'pending',
      step: 'waitingForCustomerVisit',
    });
    expect(await lineOf(h, msisdn)).toMatchObject({ status: 'preCancelled', lockedBy: id });
    expect((await h.sim.hlr.subscriber(msisdn))?.barred).toBe(true);

    expect((await formallyCancel(id, formalCancellationBody(msisdn))).statusCode).toBe(200);
    const closed = await cancelOrder(id, msisdn, 'after the end');
    expect(closed.statusCode).toBe(409);
    expect(closed.json()).toMatchObject({ code: 'OrderAlreadyClosed' });
  });

  it('ORD-6, ORD-5, PC-4: a cancel before the grace starts undoes the settlement; the line is untouched', async () => {
    const msisdn = '13900100015';
    await h.db.update(subscribers).set({ internationalRoaming: true }).where(eq(subscribers.msisdn, msisdn));
    await h.sim.setBehaviour('bank', { latencyMs: 1_500 });
    try {
      const id = await preCancel(msisdn, {
        payment: await verifiedCardPayment(h.sim, '6222020000000015', demoLine(msisdn).customer.idNumber),
      });
      await waitForOrder(h.app, manager, id, (o) => o.step === 'settling');
      const res = await cancelOrder(id, msisdn, '客户改变主意 changed mind');
      expect(res.statusCode).toBe(200);
      expect(res.json<OrderView>().status).toBe('cancelled');
      expect(summaryOf(res.json<OrderView>()).graceEndsAt).toBeUndefined();
      const paid = await h.db.select().from(payments).where(eq(payments.orderId, id));
      expect(paid).toEqual([expect.objectContaining({ amountFen: 50_000, status: 'refunded' })]);
    } finally {
      await h.sim.setBehaviour('bank', { latencyMs: 0 });
    }
    expect(await lineOf(h, msisdn)).toMatchObject({ status: 'active', lockedBy: null, balanceFen: 5_000 });
    expect((await h.sim.hlr.subscriber(msisdn))?.barred ?? false).toBe(false);
  });

  it('PC-4, PC-5: a high-bill line in arrears settles the month and pays the deposit; at the visit the rest is refunded', async () => {
    const msisdn = '13900100003';
    const id = await preCancel(msisdn);
    const waiting = await waitInGrace(id);
    expect(summaryOf(waiting).settlement).toMatchObject({
      arrearsFen: 2_000,
      averageBillFen: 27_667,
      extraDepositFen: 50_000,
      totalFen: 52_000,
    });
    expect(summaryOf(waiting).settlement?.receiptNo).toMatch(/^RCPT-/);
    expect(await lineOf(h, msisdn)).toMatchObject({ balanceFen: 50_000 });

    await waitForVisit(id);
    const res = await formallyCancel(id, formalCancellationBody(msisdn));
    expect(res.statusCode).toBe(200);
    const order = res.json<OrderView>();
    expect(order.status).toBe('completed');
    expect(summaryOf(order).finalBill).toMatchObject({ kind: 'refund', amountFen: 50_000, method: 'cash' });
    const moves = await h.db.select().from(payments).where(eq(payments.orderId, id));
    expect(moves.map((p) => [p.direction, p.amountFen]).sort()).toEqual([
      ['in', 52_000],
      ['out', 50_000],
    ]);
  });

  it('PC-2: a customer who accepts the retention offer keeps the line; nothing changes', async () => {
    const msisdn = '13900100009';
    const id = await preCancel(msisdn, {
      retention: { offer: '转动感地带并优先选号 other brand, priority number choice', accepted: true },
    });
    const order = await waitForOrder(h.app, manager, id);
    expect(order.status).toBe('completed');
    expect(summaryOf(order)).toMatchObject({
      outcome: 'retained',
      leavingReason: '出国定居 moving abroad',
      retention: { offer: '转动感地带并优先选号 other brand, priority number choice', accepted: true },
    });
    expect(order.timeline.map((t) => t.status)).toEqual(['acknowledged', 'completed']);
    expect(await lineOf(h, msisdn)).toMatchObject({ status: 'active', lockedBy: null, balanceFen: 5_000 });
    expect(await h.sim.hlr.subscriber(msisdn)).toBeNull();
  });

  it('PC-3: an individual sending an agent and an enterprise agent without the licence are rejected with the rule broken', async () => {
    const individual = await preCancel('13900100010', {
      identity: {
        presentedBy: 'agent',
        agentName: '代办人',
        agentIdType: 'idCard',
        agentIdNumber: '110101198808081234',
        originalShown: true,
      },
    });
    const enterpriseBody = preCancellationBody('13900100004');
    const enterprise = await preCancel('13900100004', {
      identity: { ...(enterpriseBody.identity as object), businessLicenceNo: undefined },
    });
    const [a, b] = await Promise.all([
      waitForOrder(h.app, manager, individual),
      waitForOrder(h.app, manager, enterprise),
    ]);
    expect(a).toMatchObject({
      status: 'rejected',
      failure: { code: 'AgentNotAllowed', reason: '个人用户须本人亲临办理，不能由他人代办' },
    });
    expect(b).toMatchObject({
      status: 'rejected',
      failure: { code: 'EnterpriseDocumentsRequired', reason: '单位用户须提供单位证明和营业执照正本' },
    });
    for (const msisdn of ['13900100010', '13900100004'])
      expect(await lineOf(h, msisdn)).toMatchObject({ status: 'active', lockedBy: null });
  });

  it('PC-3: an enterprise agent with unit certificate and licence is accepted into the grace', async () => {
    const id = await preCancel('13900100004');
    await waitInGrace(id);
    expect((await cancelOrder(id, '13900100004', 'enterprise keeps the line')).statusCode).toBe(200);
    expect(await lineOf(h, '13900100004')).toMatchObject({ status: 'active' });
  });

  it('PC-1: a front-line clerk, or a customer manager at an outlet not designated for it, is refused with 403', async () => {
    const byClerk = await submitOrder(h.app, clerk, preCancellationBody('13900100013'));
    expect(byClerk.statusCode).toBe(403);
    expect(byClerk.json()).toMatchObject({ code: 'RoleNotAllowed' });
    const elsewhere = await h.login('manager01', 'STORE-BJ-002');
    const atOtherStore = await submitOrder(h.app, elsewhere, preCancellationBody('13900100013'));
    expect(atOtherStore.statusCode).toBe(403);
    expect(atOtherStore.json()).toMatchObject({ code: 'ChannelNotAllowed' });
    const made = await h.db.select().from(orders).where(eq(orders.type, 'preCancellation'));
    expect(made.some((o) => (o.summary as { msisdn?: string }).msisdn === '13900100013')).toBe(false);
  });

  it('PC-5, RES-6: a number in its grace cannot be taken by an account opening nor pre-cancelled twice', async () => {
    const msisdn = '13900100011';
    const id = await preCancel(msisdn);
    await waitInGrace(id);
    const opening = await submitOrder(h.app, clerk, openAccountBody({ msisdn }));
    const again = await preCancel(msisdn);
    const [opened, twice] = await Promise.all([
      waitForOrder(h.app, clerk, opening.json<{ id: string }>().id),
      waitForOrder(h.app, manager, again),
    ]);
    expect(opened).toMatchObject({ status: 'failed', failure: { code: 'NumberUnavailable' } });
    expect(twice).toMatchObject({ status: 'rejected', failure: { code: 'SubscriberNotActive' } });
    expect(await lineOf(h, msisdn)).toMatchObject({ status: 'preCancelled', lockedBy: id });
  });

  it('PC-3: a number that is not a line is rejected with SubscriberNotFound', async () => {
    const res = await submitOrder(h.app, manager, {
      ...preCancellationBody('13900100005'),
      msisdn: '13900199999',
    });
    const order = await waitForOrder(h.app, manager, res.json<{ id: string }>().id);
    expect(order).toMatchObject({ status: 'rejected', failure: { code: 'SubscriberNotFound' } });
  });

  it('PC-5: a recycled number is not sold during its cool-down, and is sold after it', async () => {
    const msisdn = '13900100006';
    const id = await preCancel(msisdn);
    await waitForVisit(id);
    expect((await formallyCancel(id, formalCancellationBody(msisdn))).json<OrderView>().status).toBe(
      'completed',
    );
    const available = async () => {
      const res = await h.app.inject({
        method: 'GET',
        url: `/api/v1/numbers/available?pattern=${msisdn}`,
        headers: { authorization: `Bearer ${clerk}` },
      });
      expect(res.statusCode).toBe(200);
      return res.json<{ items: { msisdn: string }[] }>().items.map((i) => i.msisdn);
    };
    expect(await available()).toEqual([]);
    const early = await submitOrder(h.app, clerk, openAccountBody({ msisdn }));
    expect(await waitForOrder(h.app, clerk, early.json<{ id: string }>().id)).toMatchObject({
      status: 'failed',
      failure: { code: 'NumberUnavailable' },
    });

    const availableFrom = (await numberOf(h, msisdn))?.availableFrom?.getTime() ?? 0;
    expect(availableFrom).toBeGreaterThan(Date.now() + (COOLDOWN_DAYS - 0.1) * 86_400_000);
    expect(availableFrom).toBeLessThan(Date.now() + COOLDOWN_DAYS * 86_400_000);
    // The cool-down ends: its end moved to now in the database, which is what waiting it out comes to (every
    // reader compares `available_from` with the database's now()).
    await h.db
      .update(numbers)
      .set({ availableFrom: sql`now()` })
      .where(eq(numbers.msisdn, msisdn));
    expect(await available()).toEqual([msisdn]);
    const later = await submitOrder(h.app, clerk, openAccountBody({ msisdn }));
    const opened = await waitForOrder(h.app, clerk, later.json<{ id: string }>().id);
    expect(opened.status).toBe('completed');
    // The new owner's line replaces the cancelled one.
    const line = await lineOf(h, msisdn);
    expect(line).toMatchObject({ status: 'active', lockedBy: null, iccid: opened.summary.iccid });
    expect(line?.customerId).not.toBe(`CUST-SEED-${msisdn}`);
    expect(await numberOf(h, msisdn)).toMatchObject({ status: 'inUse' });
  });
});

describe('pre-cancellation durability', () => {
  let h: Harness;

  /** A worker in a child process (SIGKILL-able like a crashed machine); resolves once it polls. */
  // A longer visit period than above: a worker process starting on a busy machine must not outlast it.
  const durable = { ...config, STEP_TIMEOUT_SECONDS: '3', PRE_CANCEL_VISIT_SECONDS: '20' };
  const startWorkerProcess = () => h.startWorkerProcess(durable);

  beforeAll(async () => {
    h = await startHarness({ noWorker: true, config: durable });
  });
  afterAll(async () => h?.close());

  it('PC-5: the grace and visit timers survive worker crashes: each runs out with no worker, the next worker reminds the customer, then cancels the line without the visit', async () => {
    const manager = await h.login('manager01', 'STORE-BJ-001');
    const msisdn = '13900100012';
    const first = await startWorkerProcess();
    const res = await submitOrder(h.app, manager, preCancellationBody(msisdn));
    const id = res.json<{ id: string }>().id;
    const waiting = await waitForOrder(h.app, manager, id, inGrace);
    expect(waiting.step).toBe('waitingForGraceEnd');

    const exited = new Promise((resolve) => first.once('exit', resolve));
    first.kill('SIGKILL');
    await exited;
    // The grace runs out while no worker is alive. Real waits, here and below: what this proves is that the
    // durable timers of the real Temporal server fire after a worker process was killed, so neither the
    // time-skipping server (another server, with mocked activities) nor a database clock (these are Temporal
    // timers, not database times) can stand in for them.
    await sleep(Math.max(0, Date.parse(summaryOf(waiting).graceEndsAt ?? '') - Date.now()) + 1_000);
    expect((await getOrder(h.app, manager, id)).step).toBe('waitingForGraceEnd');

    const second = await startWorkerProcess();
    const visiting = await waitForOrder(h.app, manager, id, awaitingVisit, 45_000);
    expect(visiting.step).toBe('waitingForCustomerVisit');
    const [reminder] = await h.db
      .select()
      .from(smsMessages)
      .where(eq(smsMessages.eventKey, `${id}:graceEnded`));
    expect(reminder).toMatchObject({ msisdn, template: 'preCancellationGraceEnded', status: 'sent' });

    const crashed = new Promise((resolve) => second.once('exit', resolve));
    second.kill('SIGKILL');
    await crashed;
    // The visit period runs out while no worker is alive either.
    await sleep(Math.max(0, Date.parse(summaryOf(visiting).visitBy ?? '') - Date.now()) + 1_000);
    expect((await getOrder(h.app, manager, id)).step).toBe('waitingForCustomerVisit');

    await startWorkerProcess();
    const order = await waitForOrder(h.app, manager, id, undefined, 45_000);
    expect(order).toMatchObject({ status: 'completed', summary: { outcome: 'cancelledWithoutVisit' } });
    expect(await lineOf(h, msisdn)).toMatchObject({ status: 'cancelled' });
    const [number] = await h.db
      .select()
      .from(numbers)
      .where(and(eq(numbers.msisdn, msisdn), eq(numbers.status, 'recycled')));
    expect(number).toBeDefined();
    expect(await h.db.select().from(lineSettlements).where(eq(lineSettlements.orderId, id))).toEqual([
      expect.objectContaining({ kind: 'refundDue', amountFen: 5_000 }),
    ]);
  });
});
