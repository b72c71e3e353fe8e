import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Activities, ActivityDeps } from '../../activities';
import type { BbossAdapter } from '../../activities/adapters/bboss';
import { createGroupProductActivities } from '../../activities/group-products';
import { bbossAnsweredSignal, type GroupProductOrderInput } from '../../workflows/contracts/group-product';
import { orderStateQuery, type OrderState } from '../../workflows/contracts/orders-common';
import { testWorkflowSettings } from '../support/fixtures';
import { recordedHistory, replayOnTodaysCode } from '../support/replay';
import { useTimeSkipping } from '../support/time-skipping';

/**
 * REQ: GRP-4 — a group product order waiting a month for BBOSS, with the real default settings (first ask
 * after 45 minutes, then at doubling intervals up to every 6 hours, overdue after 4 hours), on Temporal's
 * time-skipping test server. BBOSS is a fake behind the real ask activities; the other activities are mocked
 * (the integration tests cover what they do to PostgreSQL and the API).
 */

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const ts = useTimeSkipping();

/** Orders started by a test: one a failed test left waiting would hold up the test server's clock. */
const started: string[] = [];
afterEach(async () => {
  for (const id of started.splice(0)) {
    await ts
      .env()
      .client.workflow.getHandle(id)
      .terminate('test over')
      .catch(() => undefined);
  }
});

function input(): GroupProductOrderInput {
  const orderId = `GroupOpen:STORE-BJ-001:ts-${randomBytes(8).toString('hex')}`;
  started.push(orderId);
  return {
    orderId,
    origin: { operatorId: 'manager01', channelCode: 'STORE-BJ-001', outletCode: null },
    requestHash: 'hash',
    // The defaults: BBOSS_ANSWER_TIMEOUT_SECONDS 2700, BBOSS_MAX_ASK_INTERVAL_SECONDS 21600, overdue after 4 h.
    settings: testWorkflowSettings('groupProduct'),
    request: {
      type: 'groupOpen',
      groupCode: '1000000001',
      productCode: 'HDJ',
      contractId: 'HT-1000000001',
      effectiveMode: 'immediate',
      attributes: { serviceLevel: 'standard', maxTalkGroups: 20, adminPhone: '13900100001' },
      tariff: { code: 'HDJ-10', params: {} },
      payingAccountId: 'ACC-1000000001',
      customerManagerId: 'manager01',
      submitterId: 'manager01',
    },
  };
}

/**
 * A worker of the real workflow on a task queue of its own. BBOSS always says it is still processing and
 * records when it was asked (the test server's clock); the real ask activities talk to it.
 */
async function workerWithBusyBboss() {
  const asks: number[] = [];
  const calls: string[] = [];
  const alerts: unknown[] = [];
  const bboss: BbossAdapter = {
    async submitOrder() {
      calls.push('submit');
      return { bbossRef: 'BBOSS-TS-00000001' };
    },
    async queryOrder(req) {
      asks.push(Number(await ts.env().currentTimeMs()));
      return { state: 'processing', bbossRef: req.bbossRef };
    },
    async syncMembers() {
      throw new Error('not used');
    },
  };
  const real = createGroupProductActivities({ bboss } as unknown as ActivityDeps);
  const acts: Partial<Activities> = {
    ...real,
    async recordOrderEvent() {},
    async reserveGroupSubscription(i) {
      calls.push('reserve');
      return { subscriptionId: i.orderId, tariffNeedsApproval: false };
    },
    async discardGroupSubscription() {
      calls.push('discard');
    },
    async activateGroupSubscription() {
      calls.push('activate');
    },
    async alertBbossOverdue(i) {
      alerts.push(i);
      return { recipientRole: 'dutyManager', outletCode: null };
    },
  };
  return { asks, calls, alerts, ...(await ts.workerWith(acts)) };
}

const historyLength = async (workflowId: string) =>
  (await ts.env().client.workflow.getHandle(workflowId).fetchHistory()).events?.length ?? 0;

describe('GRP-4: waiting for BBOSS on the time-skipping server', () => {
  it('GRP-4: a month of "still processing" — the order keeps waiting, asks at 45 min, 1 h 30, 3 h, then every 6 h, alerts staff once at 4 h, its history does not grow; a confirmation after 30 days completes it', async () => {
    const { asks, calls, alerts, taskQueue, worker } = await workerWithBusyBboss();
    const wf = input();

    const result = await worker.runUntil(async () => {
      const startedAt = Number(await ts.env().currentTimeMs());
      const handle = await ts
        .env()
        .client.workflow.start<(i: GroupProductOrderInput) => Promise<OrderState>>(
          'groupProductOrderWorkflow',
          { workflowId: wf.orderId, taskQueue, args: [wf] },
        );
      await vi.waitFor(
        async () => expect((await handle.query(orderStateQuery)).step).toBe('waitingForBboss'),
        { timeout: 10_000, interval: 50 },
      );

      await ts.env().sleep('7 days');
      const week = await handle.query(orderStateQuery);
      expect(week).toMatchObject({ status: 'pending', step: 'waitingForBboss' });
      const eventsAfterWeek = await historyLength(wf.orderId);

      await ts.env().sleep('23 days');
      const month = await handle.query(orderStateQuery);
      expect(month).toMatchObject({ status: 'pending', step: 'waitingForBboss' });
      const eventsAfterMonth = await historyLength(wf.orderId);
      console.log(
        `GRP-4 history: ${eventsAfterWeek} events after 7 days, ${eventsAfterMonth} after 30 days ` +
          `(${asks.length} asks)`,
      );

      // Asked less and less often: 45 min, then twice the previous interval, never more than 6 h apart.
      const gaps = [startedAt, ...asks]
        .slice(1)
        .map((t, i) => Math.round((t - [startedAt, ...asks][i]!) / MINUTE_MS));
      expect(gaps.slice(0, 4)).toEqual([45, 90, 180, 360]);
      expect(new Set(gaps.slice(4))).toEqual(new Set([360]));
      // Far beyond the 8 asks after which the order used to give up: about 4 a day for 30 days.
      expect(asks.length).toBeGreaterThan(100);
      expect(asks.at(-1)! - startedAt).toBeGreaterThan(29 * DAY_MS);

      // Overdue after 4 hours: staff alerted once, and the order's timeline says so once.
      expect(alerts).toHaveLength(1);
      expect(alerts[0]).toMatchObject({ orderId: wf.orderId, bbossRef: 'BBOSS-TS-00000001' });
      const overdue = month.timeline.filter((t) => t.reason?.startsWith('overdue:'));
      expect(overdue).toHaveLength(1);
      const overdueAfter = (Date.parse(overdue[0]!.at) - startedAt) / MINUTE_MS;
      expect(Math.round(overdueAfter)).toBe(240);
      expect(month.summary.bboss).toMatchObject({ overdueAt: overdue[0]!.at });

      // Bounded: a month of asking adds no history events after the first week.
      expect(eventsAfterMonth).toBe(eventsAfterWeek);
      expect(eventsAfterMonth).toBeLessThan(200);

      // BBOSS's confirmation arrives a month late: it is taken, and the order completes.
      await handle.signal(bbossAnsweredSignal, {
        event: 'orderAnswered',
        bbossRef: 'BBOSS-TS-00000001',
        orderId: wf.orderId,
        outcome: 'completed',
        answeredAt: new Date(Number(await ts.env().currentTimeMs())).toISOString(),
      });
      return handle.result();
    });

    expect(result.status).toBe('completed');
    expect(result.summary.bboss).toMatchObject({ outcome: 'completed' });
    expect(calls).toEqual(['reserve', 'submit', 'activate']);
  });

  it('GRP-4: a group order recorded on the code that gave up after BBOSS_MAX_QUERIES still replays (patch bboss-keeps-waiting)', async () => {
    for (const name of ['bboss-old-gave-up', 'bboss-old-recovered']) {
      // Recorded with that code.
      const history = recordedHistory(new URL(`./histories/${name}.history.json`, import.meta.url));
      await expect(replayOnTodaysCode(history, name, ts.workflowBundle)).resolves.toBeUndefined();
    }
  });

  it('GRP-4: a wait recorded on the new code replays without divergence', async () => {
    const { taskQueue, worker } = await workerWithBusyBboss();
    const wf = input();
    await worker.runUntil(async () => {
      const handle = await ts
        .env()
        .client.workflow.start<(i: GroupProductOrderInput) => Promise<OrderState>>(
          'groupProductOrderWorkflow',
          { workflowId: wf.orderId, taskQueue, args: [wf] },
        );
      await ts.env().sleep('2 days');
      await handle.signal(bbossAnsweredSignal, {
        event: 'orderAnswered',
        bbossRef: 'BBOSS-TS-00000001',
        orderId: wf.orderId,
        outcome: 'rejected',
        reasonCode: 'ContractExpired',
        reason: '集团合同已到期，请续签后再受理',
        answeredAt: new Date(Number(await ts.env().currentTimeMs())).toISOString(),
      });
      expect((await handle.result()).failure?.code).toBe('BbossRejected');
    });
    const history = await ts.env().client.workflow.getHandle(wf.orderId).fetchHistory();
    await expect(replayOnTodaysCode(history, wf.orderId, ts.workflowBundle)).resolves.toBeUndefined();
  });
});
