import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  countRemovedMembers,
  findLiveSubscription,
  removeMembersChunk,
} from '../../db/queries/group-subscriptions';
import { groupMemberEvents, groupMembers, groupSubscriptions } from '../../db/schema';
import type { SimulatedBbossOrder } from '../../simulators/control';
import { groupOpenBody, insertActiveSubscription, insertMembers, memberLine } from '../support/groups';
import type { Harness } from '../support/harness';
import { cancelOrderAs, getOrder, submitOrder, waitForOrder, type OrderView } from '../support/orders';
import { startTappedHarness, type SimulatorsTap } from '../support/simulators-tap';

const [G1, G2, G3, G4, G5] = ['1000000001', '1000000002', '1000000003', '1000000004', '1000000005'];
const ANSWER_TIMEOUT_SECONDS = 2;
/** Asks while BBOSS is still processing come at most this far apart (GRP-4). */
const MAX_ASK_INTERVAL_SECONDS = 2;

/** The timeline as `status/step` lines. */
const steps = (o: OrderView) => o.timeline.map((t) => `${t.status}${t.step ? `/${t.step}` : ''}`);

/** REQ: GRP-2 — the 1st of next month 00:00 in Beijing time, worked out from the calendar date there. */
function firstOfNextMonthBeijing(now = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
  }).formatToParts(now);
  const year = Number(parts.find((p) => p.type === 'year')?.value);
  const month = Number(parts.find((p) => p.type === 'month')?.value);
  const [y, m] = month === 12 ? [year + 1, 1] : [year, month + 1];
  return new Date(`${y}-${String(m).padStart(2, '0')}-01T00:00:00+08:00`).toISOString();
}

function changeBody(groupCode: string, overrides: Record<string, unknown>): Record<string, unknown> {
  return {
    type: 'groupChange',
    groupCode,
    productCode: 'HDJ',
    effectiveMode: 'immediate',
    customerManagerId: 'manager01',
    submitterId: 'manager01',
    ...overrides,
  };
}

function cancelBody(groupCode: string): Record<string, unknown> {
  return {
    type: 'groupCancel',
    groupCode,
    productCode: 'HDJ',
    reason: '集团不再使用和对讲',
    customerManagerId: 'manager01',
    submitterId: 'manager01',
  };
}

const customTariff = { tariff: { code: 'HDJ-CUSTOM', params: { discountPercent: 80 } } };

async function decide(
  app: FastifyInstance,
  token: string,
  id: string,
  decision: 'approve' | 'reject',
  comment: string,
) {
  return app.inject({
    method: 'POST',
    url: `/api/v1/orders/${encodeURIComponent(id)}/approval`,
    headers: { authorization: `Bearer ${token}` },
    payload: { decision, comment },
  });
}

describe('group product orders (和对讲 via BBOSS) through the API', () => {
  let h: Harness;
  /** manager01 (customer manager, holds the HDJ permission) at STORE-BJ-001. */
  let manager: string;
  let approver: string;
  let frontline: string;
  /** The link from the worker to BBOSS: a test may answer BBOSS's "where is it?" itself. */
  let tap: SimulatorsTap;

  beforeAll(async () => {
    ({ h, tap } = await startTappedHarness({
      config: {
        BBOSS_ANSWER_TIMEOUT_SECONDS: String(ANSWER_TIMEOUT_SECONDS),
        BBOSS_MAX_ASK_INTERVAL_SECONDS: String(MAX_ASK_INTERVAL_SECONDS),
      },
      bboss: { answerDelayMs: 50, approvalExtraDelayMs: 50 },
    }));
    manager = await h.login('manager01', 'STORE-BJ-001');
    approver = await h.login('approver01', 'STORE-BJ-001');
    frontline = await h.login('store01', 'STORE-BJ-001');
  });
  afterAll(async () => {
    await h?.close();
    await tap?.close();
  });

  /** Submits as the manager and answers the new order's ID. */
  async function submit(body: Record<string, unknown>): Promise<string> {
    const res = await submitOrder(h.app, manager, body);
    expect(res.statusCode, res.body).toBe(202);
    return res.json<{ id: string }>().id;
  }

  const finished = (id: string) => waitForOrder(h.app, manager, id);
  const atStep = (id: string, step: string) => waitForOrder(h.app, manager, id, (o) => o.step === step);

  /** Restores BBOSS's default behaviour after a test that steered it. */
  async function resetBboss(): Promise<void> {
    await h.sim.setBehaviour('bboss', { answerDelayMs: 50, rejectRate: 0, lossRate: 0 });
  }
  /** The BBOSS orders BBOSS holds for our order `id`. */
  const bbossOrdersOf = async (id: string) =>
    (await h.sim.bboss.orders()).filter((o) => o.submission.orderId === id);

  it('GRP-1, GRP-2, GRP-4: an immediate open waits for BBOSS, visibly, then the subscription is active', async () => {
    // BBOSS takes a second: long enough to see the order wait, shorter than the time before we ask again.
    await h.sim.setBehaviour('bboss', { answerDelayMs: 1_000 });
    try {
      const id = await submit(groupOpenBody(G1));
      expect(id.startsWith('GroupOpen:')).toBe(true);

      const waiting = await atStep(id, 'waitingForBboss');
      expect(waiting.status).toBe('pending');
      expect(waiting.timeline.at(-1)?.reason).toMatch(/^waiting for BBOSS since \d{4}-\d\d-\d\dT/);
      const bboss = waiting.summary.bboss as { ref: string; waitingSince: string; queries: number };
      expect(bboss.ref).toMatch(/^BBOSS-/);
      expect(bboss.queries).toBe(0);
      expect(waiting.timeline.at(-1)?.reason).toBe(`waiting for BBOSS since ${bboss.waitingSince}`);

      const order = await finished(id);
      expect(order.status).toBe('completed');
      expect(steps(order)).toEqual([
        'acknowledged',
        'inProgress/reservingSubscription',
        'inProgress/submittingToBboss',
        'pending/waitingForBboss',
        'inProgress/activatingSubscription',
        'completed',
      ]);
      expect(order.summary).toMatchObject({
        action: 'open',
        groupCode: G1,
        productCode: 'HDJ',
        subscriptionId: id,
        tariffCode: 'HDJ-10',
        effectiveMode: 'immediate',
        bboss: { queries: 0, outcome: 'completed' },
      });

      const sub = await findLiveSubscription(h.db, G1, 'HDJ');
      expect(sub).toMatchObject({
        id,
        status: 'active',
        contractId: `HT-${G1}`,
        payingAccountId: `ACC-${G1}`,
        attributes: { serviceLevel: 'standard', maxTalkGroups: 20, adminPhone: '13900100001' },
        tariffCode: 'HDJ-10',
        tariffParams: {},
        bbossRef: (order.summary.bboss as { ref: string }).ref,
        lockedBy: null,
        scheduledTerms: null,
      });
      expect(sub?.openedAt).toBeInstanceOf(Date);
      expect(sub?.termsEffectiveFrom.toISOString()).toBe(order.summary.effectiveFrom);
    } finally {
      await resetBboss();
    }
  });

  it('GRP-1: a group holds one live 和对讲: a second open is rejected GroupProductAlreadyOrdered', async () => {
    const order = await finished(await submit(groupOpenBody(G1, { effectiveMode: 'nextCycle' })));
    expect(order.status).toBe('rejected');
    expect(order.failure?.code).toBe('GroupProductAlreadyOrdered');
    expect(await bbossOrdersOf(order.id)).toEqual([]);
  });

  it('GRP-2: an open effective from the next cycle takes effect on the 1st of next month, 00:00 +08:00', async () => {
    const before = firstOfNextMonthBeijing();
    const order = await finished(await submit(groupOpenBody(G2, { effectiveMode: 'nextCycle' })));
    const after = firstOfNextMonthBeijing();
    expect(order.status).toBe('completed');
    // Equal unless the test ran across a month's end.
    expect([before, after]).toContain(order.summary.effectiveFrom);
    const sub = await findLiveSubscription(h.db, G2, 'HDJ');
    expect(sub?.status).toBe('active');
    expect(sub?.termsEffectiveFrom.toISOString()).toBe(order.summary.effectiveFrom);
  });

  it('GRP-3, GRP-4: a tariff that needs approval waits for an approver; approved, it goes to BBOSS and completes', async () => {
    const id = await submit(groupOpenBody(G3, customTariff));
    const waiting = await atStep(id, 'awaitingApproval');
    expect(waiting.status).toBe('pending');
    expect(waiting.summary.approval).toEqual({ required: true });

    // Only an approver decides: front-line staff and the customer manager are refused.
    for (const token of [frontline, manager]) {
      const refused = await decide(h.app, token, id, 'approve', 'looks fine');
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toMatchObject({ code: 'RoleNotAllowed' });
    }
    const noComment = await decide(h.app, approver, id, 'approve', '  ');
    expect(noComment.statusCode).toBe(400);

    const res = await decide(h.app, approver, id, 'approve', '折扣符合集团协议');
    expect(res.statusCode).toBe(200);
    const answered = res.json<OrderView>();
    expect(answered.id).toBe(id);
    expect(answered.summary.approval).toMatchObject({
      required: true,
      decision: 'approved',
      approverId: 'approver01',
      comment: '折扣符合集团协议',
    });
    expect(answered.timeline).toContainEqual(
      expect.objectContaining({ step: 'tariffApproved', actor: 'approver01', reason: '折扣符合集团协议' }),
    );

    const order = await finished(id);
    expect(order.status).toBe('completed');
    expect(steps(order)).toEqual([
      'acknowledged',
      'inProgress/reservingSubscription',
      'pending/awaitingApproval',
      'inProgress/tariffApproved',
      'inProgress/submittingToBboss',
      'pending/waitingForBboss',
      'inProgress/activatingSubscription',
      'completed',
    ]);
    expect(order.summary.approval).toMatchObject({ decision: 'approved', approverId: 'approver01' });
    // BBOSS was told the tariff needs its approval too (its answer takes longer).
    const [sent] = await bbossOrdersOf(id);
    expect(sent?.submission).toMatchObject({ tariffCode: 'HDJ-CUSTOM', tariffNeedsApproval: true });
    const sub = await findLiveSubscription(h.db, G3, 'HDJ');
    expect(sub).toMatchObject({
      status: 'active',
      tariffCode: 'HDJ-CUSTOM',
      tariffParams: { discountPercent: 80 },
    });

    // The order has ended: nothing left to decide.
    const late = await decide(h.app, approver, id, 'reject', 'too late');
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'OrderAlreadyClosed' });
  });

  it("GRP-3: an approver's rejection ends the order rejected with the comment, nothing reserved", async () => {
    const id = await submit(groupOpenBody(G4, customTariff));
    await atStep(id, 'awaitingApproval');
    const res = await decide(h.app, approver, id, 'reject', '折扣低于集团协议底线，请重新报价');
    expect(res.statusCode).toBe(200);

    const order = await finished(id);
    expect(order.status).toBe('rejected');
    expect(order.failure?.code).toBe('ApprovalRejected');
    expect(order.failure?.message).toContain('折扣低于集团协议底线，请重新报价');
    expect(order.failure?.reason).toBe('资费审核未通过');
    expect(order.summary.approval).toMatchObject({ decision: 'rejected', approverId: 'approver01' });
    expect(await findLiveSubscription(h.db, G4, 'HDJ')).toBeNull();
    expect(await bbossOrdersOf(id)).toEqual([]);
  });

  it('ORD-6, GRP-3: a cancel while waiting for approval cancels the order and frees the reservation', async () => {
    const id = await submit(groupOpenBody(G4, customTariff));
    await atStep(id, 'awaitingApproval');
    const res = await cancelOrderAs(h.app, manager, id, '客户改选标准资费');
    expect(res.statusCode).toBe(200);
    expect(res.json<OrderView>().status).toBe('cancelled');
    const rows = await h.db.select().from(groupSubscriptions).where(eq(groupSubscriptions.id, id));
    expect(rows).toEqual([]);

    const late = await decide(h.app, approver, id, 'approve', 'ok');
    expect(late.statusCode).toBe(409);
  });

  it("GRP-4: BBOSS's rejection ends the order rejected with BBOSS's reason, nothing left", async () => {
    await h.sim.setBehaviour('bboss', { rejectRate: 1 });
    try {
      const id = await submit(groupOpenBody(G4));
      const order = await finished(id);
      expect(order.status).toBe('rejected');
      const answer = (await bbossOrdersOf(id))[0]?.answer;
      expect(answer?.outcome).toBe('rejected');
      expect(order.failure?.code).toBe('BbossRejected');
      expect(order.failure?.message).toContain(answer?.reasonCode ?? '?');
      expect(order.failure?.message).toContain(answer?.reason ?? '?');
      expect(order.summary.bboss).toMatchObject({ outcome: 'rejected', reasonCode: answer?.reasonCode });
      expect(await findLiveSubscription(h.db, G4, 'HDJ')).toBeNull();
    } finally {
      await resetBboss();
    }
  });

  it('GRP-4: a lost answer is recovered by asking BBOSS again; the timeline tells how long it waited', async () => {
    await h.sim.setBehaviour('bboss', { lossRate: 1 });
    try {
      const order = await finished(await submit(groupOpenBody(G4)));
      expect(order.status).toBe('completed');
      const bboss = order.summary.bboss as { queries: number };
      expect(bboss.queries).toBeGreaterThanOrEqual(1);
      expect(order.timeline.map((t) => t.reason)).toContainEqual(
        expect.stringMatching(/^no answer after \d+s; asked BBOSS \(ask 1\): BBOSS answered completed$/),
      );
      expect((await findLiveSubscription(h.db, G4, 'HDJ'))?.status).toBe('active');
    } finally {
      await resetBboss();
    }
  });

  it('GRP-4: an order BBOSS says it does not know is re-submitted as the same BBOSS order', async () => {
    // G4 was opened above. The callback is lost and BBOSS's first answer to "where is it?" is "unknown".
    await h.sim.setBehaviour('bboss', { lossRate: 1 });
    let asked = 0;
    const answerQueries = tap.intercept<{ bbossRef: string }>('/bboss/orders/query', async (req, forward) =>
      asked++ === 0 ? { status: 200, body: { state: 'unknown', bbossRef: req.bbossRef } } : forward(),
    );
    try {
      const id = await submit(
        changeBody(G4, { operation: 'attributeChange', attributes: { recording: true } }),
      );
      const order = await finished(id);
      expect(order.status).toBe('completed');
      expect(order.timeline.map((t) => t.reason)).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/\(ask 1\): BBOSS did not know the order; re-submitted \(1 of 3\)$/),
          expect.stringMatching(/\(ask 2\): BBOSS answered completed$/),
        ]),
      );
      expect(await bbossOrdersOf(id)).toHaveLength(1);
      expect((await findLiveSubscription(h.db, G4, 'HDJ'))?.attributes).toMatchObject({ recording: true });
    } finally {
      answerQueries();
      await resetBboss();
    }
  });

  it('GRP-4, ORD-6: while BBOSS has not answered the order cannot be cancelled, and it does not give up: it waits past the 8 asks after which it used to fail BbossNoAnswer, until BBOSS answers', async () => {
    await h.sim.setBehaviour('bboss', { answerDelayMs: 3_600_000 });
    let asks = 0;
    /** BBOSS's decision, once it has made it: the next ask hears it. */
    let decided: SimulatedBbossOrder['answer'] | null = null;
    const answerQueries = tap.intercept('/bboss/orders/query', async (_req, forward) => {
      asks++;
      return decided ? { status: 200, body: { state: 'answered', answer: decided } } : forward();
    });
    try {
      // G4 was opened above: a change this time, so the groups later tests need stay as they are.
      const id = await submit(
        changeBody(G4, { operation: 'attributeChange', attributes: { maxTalkGroups: 30 } }),
      );
      await atStep(id, 'waitingForBboss');

      const cancel = await cancelOrderAs(h.app, manager, id, '客户不想等了');
      expect(cancel.statusCode).toBe(409);
      expect(cancel.json()).toMatchObject({ code: 'PastPointOfNoReturn' });
      const approval = await decide(h.app, approver, id, 'approve', 'ok');
      expect(approval.statusCode).toBe(409);
      expect(approval.json()).toMatchObject({ code: 'NotAwaitingApproval' });

      // Asked more often than the order used to before it failed BbossNoAnswer (8 times): still waiting.
      const waiting = await vi.waitFor(
        async () => {
          const order = await getOrder(h.app, manager, id);
          expect(order.status).toBe('pending');
          if (asks <= 8) throw new Error(`BBOSS asked ${asks} times so far`);
          return order;
        },
        { timeout: 45_000, interval: 200 },
      );
      expect(waiting.step).toBe('waitingForBboss');

      // BBOSS decides; its callback is lost, and the next ask hears the answer.
      const [sent] = await bbossOrdersOf(id);
      decided = sent?.answer ?? null;
      const order = await finished(id);
      expect(order.status).toBe('completed');
      expect(order.timeline.map((t) => t.reason)).toContainEqual(
        expect.stringMatching(/^no answer after \d+s; asked BBOSS \(ask \d+\): BBOSS answered completed$/),
      );
      expect((order.summary.bboss as { queries: number }).queries).toBeGreaterThan(8);
      expect((await findLiveSubscription(h.db, G4, 'HDJ'))?.attributes).toMatchObject({ maxTalkGroups: 30 });
    } finally {
      answerQueries();
      await resetBboss();
    }
  });

  it('GRP-5: a tariff change applies now (one order at a time); an attribute change is scheduled for the next cycle', async () => {
    // G1 was opened above with HDJ-10. BBOSS takes 3s this time, so a second change arrives while it waits.
    await h.sim.setBehaviour('bboss', { answerDelayMs: 3_000 });
    const tariffChangeId = await submit(
      changeBody(G1, {
        operation: 'tariffChange',
        tariff: { code: 'HDJ-20', params: {} },
        submitterId: 'store01',
      }),
    );
    try {
      await atStep(tariffChangeId, 'waitingForBboss');
      const busy = await finished(
        await submit(changeBody(G1, { operation: 'attributeChange', attributes: { recording: true } })),
      );
      expect(busy.status).toBe('rejected');
      expect(busy.failure?.code).toBe('GroupProductBusy');
    } finally {
      await resetBboss();
    }
    const tariffChange = await finished(tariffChangeId);
    expect(tariffChange.status).toBe('completed');
    expect(steps(tariffChange)).toEqual(
      expect.arrayContaining(['inProgress/lockingSubscription', 'inProgress/applyingChange', 'completed']),
    );
    let sub = await findLiveSubscription(h.db, G1, 'HDJ');
    expect(sub).toMatchObject({ tariffCode: 'HDJ-20', submitterId: 'store01', lockedBy: null });
    expect(sub?.termsEffectiveFrom.toISOString()).toBe(tariffChange.summary.effectiveFrom);

    const before = firstOfNextMonthBeijing();
    const attributeChange = await finished(
      await submit(
        changeBody(G1, {
          operation: 'attributeChange',
          effectiveMode: 'nextCycle',
          attributes: { maxTalkGroups: 50 },
        }),
      ),
    );
    expect(attributeChange.status).toBe('completed');
    expect([before, firstOfNextMonthBeijing()]).toContain(attributeChange.summary.effectiveFrom);
    sub = await findLiveSubscription(h.db, G1, 'HDJ');
    // The current terms stay until the next cycle; the scheduled ones carry the change.
    expect(sub?.attributes).toMatchObject({ maxTalkGroups: 20 });
    expect(sub?.scheduledTerms).toEqual({
      attributes: { serviceLevel: 'standard', maxTalkGroups: 50, adminPhone: '13900100001' },
      tariffCode: 'HDJ-20',
      tariffParams: {},
      effectiveFrom: attributeChange.summary.effectiveFrom,
      orderId: attributeChange.id,
    });
    expect(sub?.lockedBy).toBeNull();
  });

  it('GRP-5: a change for a group without the product is rejected GroupProductNotActive', async () => {
    const order = await finished(
      await submit(changeBody(G5, { operation: 'tariffChange', tariff: { code: 'HDJ-20', params: {} } })),
    );
    expect(order.status).toBe('rejected');
    expect(order.failure?.code).toBe('GroupProductNotActive');
  });

  it('GRP-9: business cancellation removes every member with an event each; the product can be opened again', async () => {
    // G2 was opened above (next cycle).
    const sub = await findLiveSubscription(h.db, G2, 'HDJ');
    const subscriptionId = sub?.id ?? '';
    await insertMembers(
      h.db,
      subscriptionId,
      Array.from({ length: 50 }, (_, i) => memberLine(i)),
    );

    const order = await finished(await submit(cancelBody(G2)));
    expect(order.status).toBe('completed');
    expect(steps(order)).toEqual([
      'acknowledged',
      'inProgress/lockingSubscription',
      'inProgress/submittingToBboss',
      'pending/waitingForBboss',
      'inProgress/cancellingSubscription',
      'inProgress/removingMembers',
      'inProgress/closingSubscription',
      'completed',
    ]);
    expect(order.summary).toMatchObject({ action: 'cancel', subscriptionId, membersRemoved: 50 });
    expect(
      await h.db.select().from(groupMembers).where(eq(groupMembers.subscriptionId, subscriptionId)),
    ).toEqual([]);
    const events = await h.db
      .select()
      .from(groupMemberEvents)
      .where(and(eq(groupMemberEvents.source, order.id), eq(groupMemberEvents.action, 'delete')));
    expect(events).toHaveLength(50);
    expect(events.every((e) => e.actor === 'system' && e.subscriptionId === subscriptionId)).toBe(true);
    const [closed] = await h.db
      .select()
      .from(groupSubscriptions)
      .where(eq(groupSubscriptions.id, subscriptionId));
    expect(closed).toMatchObject({ status: 'cancelled', lockedBy: null });
    expect(closed?.cancelledAt).toBeInstanceOf(Date);

    const reopened = await finished(await submit(groupOpenBody(G2)));
    expect(reopened.status).toBe('completed');
    expect((await findLiveSubscription(h.db, G2, 'HDJ'))?.id).toBe(reopened.id);
  });

  it('GRP-9: a group of 10,000 members is cancelled in chunks, every member removed once', async () => {
    const subscriptionId = (await findLiveSubscription(h.db, G2, 'HDJ'))?.id ?? '';
    await insertMembers(
      h.db,
      subscriptionId,
      Array.from({ length: 10_000 }, (_, i) => `1370000${String(i).padStart(4, '0')}`),
    );
    const order = await finished(await submit(cancelBody(G2)));
    expect(order.status).toBe('completed');
    expect(order.summary.membersRemoved).toBe(10_000);
    expect(await countRemovedMembers(h.db, subscriptionId, order.id)).toBe(10_000);
  });

  it('GRP-9: removing members again after a partial run removes only those left and counts each once', async () => {
    // G5 has never had the product; a fixture subscription with 30 members.
    const subscriptionId = await insertActiveSubscription(h.db, G5);
    await insertMembers(
      h.db,
      subscriptionId,
      Array.from({ length: 30 }, (_, i) => memberLine(100 + i)),
    );
    const source = 'GroupCancel:retry-test';
    // A first attempt that got through one chunk of 20 before it was cut off, then the retry.
    expect(await removeMembersChunk(h.db, { subscriptionId, source, limit: 20 })).toBe(20);
    expect(await removeMembersChunk(h.db, { subscriptionId, source, limit: 1_000 })).toBe(10);
    expect(await removeMembersChunk(h.db, { subscriptionId, source, limit: 1_000 })).toBe(0);
    expect(await countRemovedMembers(h.db, subscriptionId, source)).toBe(30);
  });
});
