import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { Worker } from '@temporalio/worker';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { OrderView } from '../../api/schemas';
import { isTerminal } from '../../domain/orders';
import { numbers, orders, payments, simCards, subscribers } from '../../db/schema';
import type { PreCancellationSummary } from '../../workflows/contracts';
import { startHarness, type Harness } from '../support/harness';
import { cancelOrderAs, getOrder, openAccountBody, submitOrder, waitForOrder } from '../support/orders';
import { preCancellationBody } from '../support/pre-cancellation';

/**
 * Pre-cancellation (预销号 → 销号) through the HTTP API, against the real Temporal dev server and PostgreSQL.
 * The real grace is 3 calendar months: its date arithmetic is proved by the unit tests of `graceEndsAt`, and
 * the durable timer on the real servers by these runs with a grace of a few seconds (PRE_CANCEL_GRACE_SECONDS);
 * the default months themselves run on the time-skipping server in test/workflows/, with mocked activities.
 * Each test uses its own seeded demo line (13900100001…20): the tests of this file share one database.
 */

const GRACE_SECONDS = 4;
const COOLDOWN_SECONDS = 6;
const config = {
  PRE_CANCEL_GRACE_SECONDS: String(GRACE_SECONDS),
  RECYCLE_COOLDOWN_DAYS: String(COOLDOWN_SECONDS / 86_400),
};

const summaryOf = (order: OrderView) => order.summary as unknown as PreCancellationSummary;
const inGrace = (o: OrderView) => o.step === 'waitingForGraceEnd' || isTerminal(o.status);

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
  const cancelOrder = (id: string, reason: string) => cancelOrderAs(h.app, manager, id, reason);

  beforeAll(async () => {
    h = await startHarness({ config });
    manager = await h.login('manager01', 'STORE-BJ-001');
    clerk = await h.login('store01', 'STORE-BJ-001');
  });
  afterAll(async () => h?.close());

  it('PC-1, PC-5: waits pending in its grace, then formally cancels: refund, HLR off, number recycled, SIM retired', async () => {
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
    expect(h.hlr.subscribers.get(msisdn)?.barred).toBe(true);

    const order = await waitForOrder(h.app, manager, id);
    expect(order.status).toBe('completed');
    expect(order.timeline.map((t) => `${t.status}${t.step ? `/${t.step}` : ''}`)).toEqual([
      'acknowledged',
      'inProgress/assessing',
      'inProgress/suspending',
      'pending/waitingForGraceEnd',
      'inProgress/settlingFinalBill',
      'inProgress/deprovisioning',
      'inProgress/recyclingNumber',
      'completed',
    ]);
    expect(order.timeline[0]).toMatchObject({ actor: 'manager01' });
    // The balance of 30 yuan was overpaid: it is refunded as money out.
    expect(summaryOf(order)).toMatchObject({
      outcome: 'cancelledNumber',
      finalBill: { kind: 'refund', amountFen: 3_000 },
    });
    const moneyOut = await h.db.select().from(payments).where(eq(payments.orderId, id));
    expect(moneyOut).toEqual([
      expect.objectContaining({ direction: 'out', amountFen: 3_000, method: 'cash' }),
    ]);

    const line = await lineOf(h, msisdn);
    expect(line).toMatchObject({ status: 'cancelled', balanceFen: 0 });
    expect(h.hlr.subscribers.has(msisdn)).toBe(false);
    const number = await numberOf(h, msisdn);
    expect(number?.status).toBe('recycled');
    expect(number?.availableFrom?.getTime()).toBeGreaterThan(Date.now());
    expect(summaryOf(order).numberAvailableFrom).toBe(number?.availableFrom?.toISOString());
    const [sim] = await h.db
      .select()
      .from(simCards)
      .where(eq(simCards.iccid, line?.iccid ?? ''));
    expect(sim).toMatchObject({ status: 'damaged', msisdn: null });

    // Determinism guard: the recorded history, timer included, replays against today's workflow code.
    const history = await h.client.workflow.getHandle(id).fetchHistory();
    const workflowBundle = { code: readFileSync(inject('workflowBundlePath'), 'utf8') };
    await expect(Worker.runReplayHistory({ workflowBundle }, history, id)).resolves.toBeUndefined();
  });

  it('PC-6, PC-4: revoked in the grace, service is restored; the roaming line paid the deposit, which stays on its balance', async () => {
    const msisdn = '13900100002';
    const id = await preCancel(msisdn);
    const waiting = await waitInGrace(id);
    expect(summaryOf(waiting).settlement).toMatchObject({ extraDepositFen: 50_000, totalFen: 50_000 });
    expect(await lineOf(h, msisdn)).toMatchObject({ status: 'preCancelled', balanceFen: 60_000 });

    const res = await cancelOrder(id, '客户撤销预销号 customer stays');
    expect(res.statusCode).toBe(200);
    const order = res.json<OrderView>();
    expect(order).toMatchObject({ status: 'cancelled', statusLabel: { zh: '已撤单', en: 'Cancelled' } });
    expect(order.timeline.at(-1)).toMatchObject({
      actor: 'manager01',
      reason: '客户撤销预销号 customer stays',
    });
    expect(summaryOf(order).outcome).toBe('revoked');
    expect(await lineOf(h, msisdn)).toMatchObject({ status: 'active', lockedBy: null, balanceFen: 60_000 });
    expect(h.hlr.subscribers.get(msisdn)?.barred).toBe(false);
    expect(await numberOf(h, msisdn)).toMatchObject({ status: 'inUse' });
    const paid = await h.db.select().from(payments).where(eq(payments.orderId, id));
    expect(paid).toEqual([
      expect.objectContaining({ direction: 'in', amountFen: 50_000, status: 'charged' }),
    ]);

    // The grace is over for this order: nothing happens when its time would have run out.
    await sleep(GRACE_SECONDS * 1_000 + 500);
    expect(await lineOf(h, msisdn)).toMatchObject({ status: 'active' });
    expect((await getOrder(h.app, manager, id)).status).toBe('cancelled');
  });

  it('PC-5, ORD-6: once the grace has ended the order is past its point of no return; a cancel is refused', async () => {
    const msisdn = '13900100014';
    const id = await preCancel(msisdn);
    await waitInGrace(id);
    h.hlr.options.latencyMs = 1_500;
    try {
      await waitForOrder(h.app, manager, id, (o) => o.step === 'deprovisioning');
      const late = await cancelOrder(id, 'too late');
      expect(late.statusCode).toBe(409);
      expect(late.json()).toMatchObject({ code: 'PastPointOfNoReturn' });
    } finally {
      h.hlr.options.latencyMs = 0;
    }
    expect((await waitForOrder(h.app, manager, id)).status).toBe('completed');
    const closed = await cancelOrder(id, 'after the end');
    expect(closed.statusCode).toBe(409);
    expect(closed.json()).toMatchObject({ code: 'OrderAlreadyClosed' });
  });

  it('ORD-6, ORD-5, PC-4: a cancel before the grace starts undoes the settlement; the line is untouched', async () => {
    const msisdn = '13900100015';
    await h.db.update(subscribers).set({ internationalRoaming: true }).where(eq(subscribers.msisdn, msisdn));
    h.bank.options.latencyMs = 1_500;
    try {
      const id = await preCancel(msisdn, { payment: { method: 'bankCard', cardNo: '6222020000000015' } });
      await waitForOrder(h.app, manager, id, (o) => o.step === 'settling');
      const res = await cancelOrder(id, '客户改变主意 changed mind');
      expect(res.statusCode).toBe(200);
      expect(res.json<OrderView>().status).toBe('cancelled');
      expect(summaryOf(res.json<OrderView>()).graceEndsAt).toBeUndefined();
      const paid = await h.db.select().from(payments).where(eq(payments.orderId, id));
      expect(paid).toEqual([expect.objectContaining({ amountFen: 50_000, status: 'refunded' })]);
    } finally {
      h.bank.options.latencyMs = 0;
    }
    expect(await lineOf(h, msisdn)).toMatchObject({ status: 'active', lockedBy: null, balanceFen: 5_000 });
    expect(h.hlr.subscribers.get(msisdn)?.barred ?? false).toBe(false);
  });

  it('PC-4, PC-5: a high-bill line in arrears settles the month and pays the deposit; the final bill refunds the rest', async () => {
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

    const order = await waitForOrder(h.app, manager, id);
    expect(order.status).toBe('completed');
    expect(summaryOf(order).finalBill).toMatchObject({ kind: 'refund', amountFen: 50_000 });
    const moves = await h.db.select().from(payments).where(eq(payments.orderId, id));
    expect(moves.map((p) => [p.direction, p.amountFen]).sort()).toEqual([
      ['in', 52_000],
      ['out', 50_000],
    ]);
  });

  it('PC-5: arrears at the end are collected; arrears the bank declines stay outstanding and the number is still cancelled', async () => {
    const [paying, declining] = ['13900100007', '13900100008'];
    for (const msisdn of [paying, declining])
      await h.db.update(subscribers).set({ balanceFen: -1_500 }).where(eq(subscribers.msisdn, msisdn));
    h.bank.declinedAccounts.add('6222020000000008');
    const payingId = await preCancel(paying);
    const decliningId = await preCancel(declining, {
      payment: { method: 'bankCard', cardNo: '6222020000000008' },
    });

    const [paid, unpaid] = await Promise.all([
      waitForOrder(h.app, manager, payingId),
      waitForOrder(h.app, manager, decliningId),
    ]);
    // Low bills, no roaming: nothing was taken at pre-cancellation, the arrears wait for the final bill.
    expect(summaryOf(paid).settlement?.totalFen).toBe(0);
    expect(paid.status).toBe('completed');
    expect(summaryOf(paid).finalBill).toMatchObject({ kind: 'arrears', amountFen: 1_500 });
    expect(await h.db.select().from(payments).where(eq(payments.orderId, payingId))).toEqual([
      expect.objectContaining({ direction: 'in', amountFen: 1_500, id: `${payingId}:arrears` }),
    ]);
    expect(unpaid.status).toBe('completed');
    expect(summaryOf(unpaid).finalBill).toEqual({ kind: 'arrears', amountFen: 1_500, outstandingFen: 1_500 });
    expect(await lineOf(h, declining)).toMatchObject({ status: 'cancelled' });
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
    expect(h.hlr.subscribers.has(msisdn)).toBe(false);
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
    expect((await cancelOrder(id, 'enterprise keeps the line')).statusCode).toBe(200);
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
    expect((await waitForOrder(h.app, manager, id)).status).toBe('completed');
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
    await sleep(Math.max(0, availableFrom - Date.now()) + 200);
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
  const startWorkerProcess = () =>
    h.startWorkerProcess({ ...config, STEP_TIMEOUT_SECONDS: '3', HLR_LATENCY_MS: '0' });

  beforeAll(async () => {
    h = await startHarness({ noWorker: true, config: { ...config, STEP_TIMEOUT_SECONDS: '3' } });
  });
  afterAll(async () => h?.close());

  it('PC-5: the grace timer survives a worker crash: it runs out with no worker, the next worker cancels the number', async () => {
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
    // The grace runs out while no worker is alive.
    await sleep(Math.max(0, Date.parse(summaryOf(waiting).graceEndsAt ?? '') - Date.now()) + 1_000);
    expect((await getOrder(h.app, manager, id)).step).toBe('waitingForGraceEnd');

    await startWorkerProcess();
    const order = await waitForOrder(h.app, manager, id, undefined, 45_000);
    expect(order).toMatchObject({ status: 'completed', summary: { outcome: 'cancelledNumber' } });
    expect(await lineOf(h, msisdn)).toMatchObject({ status: 'cancelled' });
    const [number] = await h.db
      .select()
      .from(numbers)
      .where(and(eq(numbers.msisdn, msisdn), eq(numbers.status, 'recycled')));
    expect(number).toBeDefined();
  });
});
