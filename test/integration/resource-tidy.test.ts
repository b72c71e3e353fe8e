import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { numbers, resourceStateChanges, roundRobinTurns, simCards, stockReports } from '../../db/schema';
import { startHarness, type Harness } from '../support/harness';

/** RES-3 — the tidy-up and the daily stock report, run as the Schedules run them (not waiting for one). */
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
