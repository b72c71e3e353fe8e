import { eq, inArray } from 'drizzle-orm';
import { ScheduleNotFoundError } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { numbers, resourceStateChanges, roundRobinTurns, simCards, stockReports } from '../../db/schema';
import { startWorkflow, workflowCall } from '../../services/temporal/workflow-registry';
import { ensureRecurringWork, OLD_TIDY_SCHEDULE_ID, STOCK_REPORT_SCHEDULE_ID } from '../../workers/schedules';
import { TIDY_WORKFLOW_ID } from '../../workflows/contracts/tidy';
import { startHarness, type Harness } from '../support/harness';

/** RES-3 — the tidy-up and the daily stock report, run as the worker runs them (not waiting a minute or a day). */
describe('periodic tidy-up and the daily stock report (RES-3)', () => {
  let h: Harness;
  let admin: string;
  beforeAll(async () => {
    h = await startHarness();
    admin = await h.login('admin01', 'STORE-BJ-001');
  });
  afterAll(async () => h?.close());

  const run = <T>(workflowType: string, args: unknown[]) =>
    h.client.workflow.execute<(...a: unknown[]) => Promise<T>>(workflowType, {
      taskQueue: h.taskQueue,
      workflowId: `test-${workflowType}-${crypto.randomUUID()}`,
      args,
    });

  it('RES-3: the tidy releases expired reservations and ended cool-downs, and leaves live ones alone', async () => {
    const ago = new Date(Date.now() - 60_000);
    const ahead = new Date(Date.now() + 3_600_000);
    const set = (msisdn: string, values: Partial<typeof numbers.$inferInsert>) =>
      h.db.update(numbers).set(values).where(eq(numbers.msisdn, msisdn));
    await set('13800101801', { status: 'reserved', reservedFor: '张三', reservedUntil: ago });
    await set('13800101802', { status: 'reserved', reservedFor: '李四', reservedUntil: ahead });
    await set('13800101803', { status: 'recycled', availableFrom: ago });
    await set('13800101804', { status: 'recycled', availableFrom: ahead });

    const result = await run<{ reservations: number; cooldowns: number }>('tidyPreemptionsWorkflow', []);
    expect(result).toMatchObject({ reservations: 1, cooldowns: 1 });

    const rows = await h.db
      .select({ msisdn: numbers.msisdn, status: numbers.status, reservedFor: numbers.reservedFor })
      .from(numbers)
      .where(inArray(numbers.msisdn, ['13800101801', '13800101802', '13800101803', '13800101804']))
      .orderBy(numbers.msisdn);
    expect(rows).toEqual([
      { msisdn: '13800101801', status: 'unused', reservedFor: null },
      { msisdn: '13800101802', status: 'reserved', reservedFor: '李四' },
      { msisdn: '13800101803', status: 'unused', reservedFor: null },
      { msisdn: '13800101804', status: 'recycled', reservedFor: null },
    ]);
    const log = await h.db
      .select({
        item: resourceStateChanges.item,
        reason: resourceStateChanges.reason,
        by: resourceStateChanges.changedBy,
      })
      .from(resourceStateChanges)
      .where(inArray(resourceStateChanges.item, ['13800101801', '13800101803']))
      .orderBy(resourceStateChanges.item);
    expect(log).toEqual([
      { item: '13800101801', reason: 'reservation expired', by: 'system' },
      { item: '13800101803', reason: 'cool-down ended', by: 'system' },
    ]);
    expect(await run('tidyPreemptionsWorkflow', [])).toMatchObject({ reservations: 0, cooldowns: 0 });
  });

  it('RES-3: the tidy-up is one long-lived workflow that tidies every interval and continues as new', async () => {
    await h.db
      .update(numbers)
      .set({ status: 'reserved', reservedFor: '王五', reservedUntil: new Date(Date.now() - 60_000) })
      .where(eq(numbers.msisdn, '13800101805'));
    const workflowId = `test-tidy-loop-${crypto.randomUUID()}`;
    const first = await startWorkflow(
      h.client,
      workflowCall('tidyLoopWorkflow', { intervalSeconds: 1, roundsPerRun: 2 }),
      { workflowId, taskQueue: h.taskQueue },
    );
    try {
      await vi.waitFor(
        async () => {
          const [row] = await h.db.select().from(numbers).where(eq(numbers.msisdn, '13800101805'));
          expect(row?.status).toBe('unused');
        },
        { timeout: 15_000, interval: 200 },
      );
      // After two rounds the run continues as new: the next run under the same ID follows the first.
      await vi.waitFor(
        async () => {
          const { events } = await h.client.workflow.getHandle(workflowId).fetchHistory();
          const started = events?.[0]?.workflowExecutionStartedEventAttributes;
          expect(started?.continuedExecutionRunId).toBe(first.firstExecutionRunId);
        },
        { timeout: 15_000, interval: 200 },
      );
      const { events } = await h.client.workflow
        .getHandle(workflowId, first.firstExecutionRunId)
        .fetchHistory();
      expect(events?.at(-1)?.workflowExecutionContinuedAsNewEventAttributes).toBeTruthy();
      expect(events?.filter((e) => e.activityTaskCompletedEventAttributes)).toHaveLength(2);
    } finally {
      await h.client.workflow.getHandle(workflowId).terminate('test over');
    }
  });

  it("RES-3: at start an older release's every-minute TidyPreemptions Schedule is removed and the loop started once", async () => {
    await h.client.schedule.create({
      scheduleId: OLD_TIDY_SCHEDULE_ID,
      spec: { intervals: [{ every: '1m' }] },
      action: {
        type: 'startWorkflow',
        workflowType: 'tidyPreemptionsWorkflow',
        taskQueue: h.taskQueue,
        args: [],
      },
      state: { paused: true },
    });
    const work = {
      taskQueue: h.taskQueue,
      utcOffsetHours: 8,
      tidy: { intervalSeconds: 60, roundsPerRun: 240 },
    };
    try {
      await ensureRecurringWork(h.client, work);
      const loop = await h.client.workflow.getHandle(TIDY_WORKFLOW_ID).describe();
      expect(loop).toMatchObject({ type: 'tidyLoopWorkflow', status: { name: 'RUNNING' } });
      // A second worker starting finds it all in place: the same run, no Schedule of the tidy-up.
      await ensureRecurringWork(h.client, work);
      expect((await h.client.workflow.getHandle(TIDY_WORKFLOW_ID).describe()).runId).toBe(loop.runId);
      await expect(h.client.schedule.getHandle(OLD_TIDY_SCHEDULE_ID).describe()).rejects.toThrow(
        ScheduleNotFoundError,
      );
      expect((await h.client.schedule.getHandle(STOCK_REPORT_SCHEDULE_ID).describe()).action).toMatchObject({
        workflowType: 'stockReportWorkflow',
      });
    } finally {
      await h.client.workflow.getHandle(TIDY_WORKFLOW_ID).terminate('test over');
      await h.client.schedule.getHandle(STOCK_REPORT_SCHEDULE_ID).delete();
    }
  });

  it('WO-4: the tidy forgets round-robin turns kept for retries after a day, and keeps recent ones', async () => {
    await h.db.insert(roundRobinTurns).values([
      {
        turnKey: 'WorkOrder:old:1',
        ruleId: 'R-RR-WANGFUJING',
        turn: 3,
        createdAt: new Date(Date.now() - 25 * 3_600_000),
      },
      { turnKey: 'WorkOrder:new:1', ruleId: 'R-RR-WANGFUJING', turn: 4 },
    ]);
    await run('tidyPreemptionsWorkflow', []);
    const kept = await h.db
      .select({ turnKey: roundRobinTurns.turnKey })
      .from(roundRobinTurns)
      .where(inArray(roundRobinTurns.turnKey, ['WorkOrder:old:1', 'WorkOrder:new:1']));
    expect(kept).toEqual([{ turnKey: 'WorkOrder:new:1' }]);
  });

  it('RES-3: the daily report counts each holder × resource type × state as the tables hold them; a rerun replaces the day', async () => {
    const reportDate = '2026-01-15';
    const first = await run<{ reportDate: string; rows: number }>('stockReportWorkflow', [
      { reportDate, utcOffsetHours: 8 },
    ]);
    expect(first.reportDate).toBe(reportDate);
    const again = await run<{ rows: number }>('stockReportWorkflow', [{ reportDate, utcOffsetHours: 8 }]);
    expect(again.rows).toBe(first.rows);
    const stored = await h.db.select().from(stockReports).where(eq(stockReports.reportDate, reportDate));
    expect(stored).toHaveLength(first.rows);

    const expected = new Map<string, number>();
    for (const n of await h.db.select({ holder: numbers.holderCode, status: numbers.status }).from(numbers)) {
      const key = `${n.holder ?? 'central'}|numbers|${n.status}`;
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    for (const s of await h.db
      .select({ holder: simCards.holderCode, status: simCards.status })
      .from(simCards)) {
      const key = `${s.holder ?? 'central'}|sims|${s.status}`;
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    expect(new Map(stored.map((r) => [`${r.unitCode}|${r.resourceType}|${r.state}`, r.count]))).toEqual(
      expected,
    );

    const api = await h.app.inject({
      method: 'GET',
      url: '/api/v1/stock-reports?unitCode=central',
      headers: { authorization: `Bearer ${admin}` },
    });
    const body = api.json<{
      reportDate: string;
      items: { unitCode: string; resourceType: string; state: string; count: number }[];
    }>();
    expect(body.reportDate).toBe(reportDate);
    expect(body.items.find((i) => i.resourceType === 'numbers' && i.state === 'unused')?.count).toBe(
      expected.get('central|numbers|unused'),
    );
    expect(body.items.every((i) => i.unitCode === 'central')).toBe(true);
  });

  it('RES-3: the daily report without a date takes the business date from workflow time', async () => {
    const result = await run<{ reportDate: string }>('stockReportWorkflow', [{ utcOffsetHours: 8 }]);
    expect(result.reportDate).toBe(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10));
  });
});
