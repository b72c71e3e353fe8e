import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { signBody } from '../../api/plugins/signed-callback';
import { BBOSS_SIGNATURE_HEADER } from '../../api/callbacks/bboss-callbacks';
import { findLiveSubscription } from '../../db/queries/group-subscriptions';
import { groupOpenBody } from '../support/groups';
import type { Harness } from '../support/harness';
import { getOrder, submitOrder, waitForOrder, type OrderView } from '../support/orders';
import { startTappedHarness, type SimulatorsTap } from '../support/simulators-tap';

/**
 * REQ: GRP-4 — an order BBOSS takes long over: it keeps waiting (asking less and less often), staff are
 * alerted once when it is overdue, BBOSS's answer is taken whenever it comes, and only a BBOSS that keeps
 * denying the order ends it. Asks here start after 1 s and are at most 2 s apart; overdue after 5.4 s.
 */

const [G_SLOW, G_UNKNOWN] = ['1000000001', '1000000002'];
/** The asks after which the order used to give up (`BBOSS_MAX_QUERIES`' default). */
const OLD_MAX_QUERIES = 8;

interface NoticeView {
  id: string;
  recipientRole: string;
  kind: string;
  message: { zh: string; en: string };
}

describe('GRP-4: a group order BBOSS takes long over', () => {
  let h: Harness;
  let manager: string;
  let admin: string;
  /** The link from the worker to BBOSS: a test sees, fails or answers what the worker asks. */
  let tap: SimulatorsTap;

  beforeAll(async () => {
    ({ h, tap } = await startTappedHarness({
      config: {
        BBOSS_ANSWER_TIMEOUT_SECONDS: '1',
        BBOSS_MAX_ASK_INTERVAL_SECONDS: '2',
        BBOSS_OVERDUE_HOURS: '0.0015',
        BBOSS_MAX_RESUBMITS: '2',
      },
      // BBOSS decides in an hour: every ask during the test hears "still processing".
      bboss: { answerDelayMs: 3_600_000 },
    }));
    manager = await h.login('manager01', 'STORE-BJ-001');
    admin = await h.login('admin01', 'STORE-BJ-001');
  });
  afterAll(async () => {
    await h?.close();
    await tap?.close();
  });

  async function submit(body: Record<string, unknown>): Promise<string> {
    const res = await submitOrder(h.app, manager, body);
    expect(res.statusCode, res.body).toBe(202);
    return res.json<{ id: string }>().id;
  }

  /** BBOSS's answer as it would POST it (signed), and the API's status code. */
  async function bbossCallback(callback: object): Promise<number> {
    const body = JSON.stringify(callback);
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/callbacks/bboss',
      headers: {
        'content-type': 'application/json',
        [BBOSS_SIGNATURE_HEADER]: signBody(h.config.BBOSS_CALLBACK_SECRET, body),
      },
      payload: body,
    });
    return res.statusCode;
  }

  async function overdueNotices(orderId: string): Promise<NoticeView[]> {
    const res = await h.app.inject({
      method: 'GET',
      url: '/api/v1/notifications?role=dutyManager&limit=200',
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(res.statusCode).toBe(200);
    return res.json<{ items: NoticeView[] }>().items.filter((n) => n.id.startsWith(`${orderId}:`));
  }

  it('GRP-4: BBOSS still processing far past the old 8 asks — the order keeps waiting, asks less often, alerts staff once when overdue, and a late confirmation completes it', async () => {
    // Every ask is recorded; now and then BBOSS cannot be reached at all.
    const asks: number[] = [];
    let processing = 0;
    const answerQueries = tap.intercept('/bboss/orders/query', async (_req, forward) => {
      asks.push(Date.now());
      if (asks.length % 4 === 2)
        return { status: 500, body: { code: 'InternalError', message: 'BBOSS is down for maintenance' } };
      const reply = await forward();
      if ((reply.body as { state?: string }).state === 'processing') processing++;
      return reply;
    });
    try {
      const id = await submit(groupOpenBody(G_SLOW));
      const waiting = await vi.waitFor(
        async () => {
          const order = await getOrder(h.app, manager, id);
          expect(order.status).toBe('pending');
          if (processing <= OLD_MAX_QUERIES)
            throw new Error(`BBOSS said ${processing} times it is processing`);
          return order;
        },
        { timeout: 45_000, interval: 200 },
      );
      expect(waiting.step).toBe('waitingForBboss');
      // Spaced out: the first ask after 1 s, the later ones 2 s apart at the least.
      const gaps = asks.slice(1).map((t, i) => t - asks[i]!);
      expect(
        gaps.every((g) => g >= 1_900),
        `gaps ${gaps.join(', ')} ms`,
      ).toBe(true);
      expect(waiting.timeline.map((t) => t.reason)).toContainEqual(
        expect.stringMatching(
          /^no answer after \d+s; asked BBOSS \(ask 1\): BBOSS is still processing it; asking again in 2s, then less often \(at most every 2s\)$/,
        ),
      );

      // Overdue after 5.4 s: one line on the timeline and one notice for the duty managers, in both languages.
      const overdue = waiting.timeline.filter((t) => t.reason?.startsWith('overdue:'));
      expect(overdue.map((t) => t.reason)).toEqual([
        expect.stringMatching(/^overdue: no answer from BBOSS after \d+s; staff alerted \(dutyManager\)$/),
      ]);
      expect(waiting.summary.bboss).toMatchObject({ overdueAt: overdue[0]?.at });
      const ref = (waiting.summary.bboss as { ref: string }).ref;
      const [notice, ...more] = await overdueNotices(id);
      expect(more).toEqual([]);
      expect(notice).toMatchObject({
        id: `${id}:bbossOverdue`,
        recipientRole: 'dutyManager',
        kind: 'bboss.overdue',
      });
      expect(notice?.message.zh).toContain(id);
      expect(notice?.message.zh).toContain(ref);
      expect(notice?.message.zh).toContain('BBOSS 未答复');
      expect(notice?.message.zh).toContain('manager01');
      expect(notice?.message.en).toContain(`Group order ${id}`);
      expect(notice?.message.en).toContain('no answer from BBOSS');

      // BBOSS confirms, long after the old give-up: the callback is taken (202, not 404) and the order completes.
      const decided = (await h.sim.bboss.orders()).find((o) => o.submission.orderId === id);
      expect(await bbossCallback({ ...decided?.answer, answeredAt: new Date().toISOString() })).toBe(202);
      const order = await waitForOrder(h.app, manager, id);
      expect(order.status).toBe('completed');
      expect(order.timeline.map((t) => t.step)).toContain('activatingSubscription');
      expect(order.summary.bboss).toMatchObject({ ref, outcome: 'completed' });
      expect((await findLiveSubscription(h.db, G_SLOW, 'HDJ'))?.status).toBe('active');
      expect(await overdueNotices(id)).toHaveLength(1);
    } finally {
      answerQueries();
    }
  });

  it('GRP-4: a BBOSS that still does not know the order after BBOSS_MAX_RESUBMITS re-submissions ends it failed BbossOrderUnknown and frees the reservation', async () => {
    const submissions = () =>
      tap.bodiesOf<{ orderId: string }>('/bboss/orders').filter((req) => req.orderId === id).length;
    const answerQueries = tap.intercept<{ bbossRef: string }>('/bboss/orders/query', async (req) => ({
      status: 200,
      body: { state: 'unknown', bbossRef: req.bbossRef },
    }));
    let id = '';
    try {
      id = await submit(groupOpenBody(G_UNKNOWN));
      const order: OrderView = await waitForOrder(h.app, manager, id);
      expect(order.status).toBe('failed');
      expect(order.failure).toMatchObject({
        code: 'BbossOrderUnknown',
        reason: 'BBOSS 多次重新提交后仍称不知道该订单',
      });
      expect(order.failure?.message).toMatch(
        /^BBOSS still did not know order BBOSS-\d+ after 2 re-submissions/,
      );
      expect(order.timeline.map((t) => t.reason)).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/\(ask 1\): BBOSS did not know the order; re-submitted \(1 of 2\)$/),
          expect.stringMatching(/\(ask 2\): BBOSS did not know the order; re-submitted \(2 of 2\)$/),
        ]),
      );
      // Submitted once and re-submitted twice; the reservation is gone, so the group may order again.
      expect(submissions()).toBe(3);
      expect(await findLiveSubscription(h.db, G_UNKNOWN, 'HDJ')).toBeNull();
    } finally {
      answerQueries();
    }
  });
});
