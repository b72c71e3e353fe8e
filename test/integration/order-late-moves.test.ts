import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getOrder, projectOrder } from '../../db/queries/orders';
import { orders } from '../../db/schema';
import type { OrderProjection, OrderStatus } from '../../domain/orders';
import { createTestDatabase } from '../support/database';

type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>;

/** The statements of the migration that gives every existing order the number of its last timeline line. */
const backfill = readFileSync(
  new URL('../../db/migrations/0015_orders_last_seq.sql', import.meta.url),
  'utf8',
)
  .split('--> statement-breakpoint')
  .filter((s) => /^UPDATE "orders"/m.test(s));

/**
 * A business step's move (seq N) is written by the step's activity when it starts — late, and once per attempt
 * — while a cancel asked for meanwhile writes its move (seq N+1) by local activity. Whichever lands last, the
 * order shows the latest line, and its timeline holds every line once.
 */
describe('ORD-1, ORD-2: a step’s move written after a later move', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => t?.drop());

  const newOrderId = () => `OpenAccount:STORE-BJ-001:late-${randomBytes(6).toString('hex')}`;
  const move = (
    id: string,
    seq: number,
    status: OrderStatus,
    step: string | null,
    actor = 'system',
    reason: string | null = null,
  ): OrderProjection => ({
    id,
    type: 'openAccount',
    origin: { operatorId: 'store01', channelCode: 'STORE-BJ-001', outletCode: null },
    requestHash: 'a3f1c0ffee'.repeat(6),
    status,
    step,
    summary: { msisdn: '13800100077' },
    failure: null,
    event: { seq, status, step, at: new Date(Date.UTC(2026, 11, 7, 4, 0, seq)).toISOString(), actor, reason },
  });
  const cancelAsked = (id: string, seq: number) =>
    move(id, seq, 'assessingCancellation', 'preemptingResources', 'store01', '客户改变主意');

  async function startedOrder(): Promise<string> {
    const id = newOrderId();
    await projectOrder(t.db, move(id, 0, 'acknowledged', null, 'store01', 'order received'));
    await projectOrder(t.db, move(id, 1, 'inProgress', 'preemptingResources'));
    return id;
  }

  const linesOf = async (id: string) =>
    (await getOrder(t.db, id))?.timeline.map((e) => `${e.status}/${e.step ?? '-'}`) ?? [];

  it('ORD-1, ORD-2: a late step move, retried, leaves the order at the cancel written before it; every line once', async () => {
    const id = await startedOrder();
    await projectOrder(t.db, cancelAsked(id, 3));
    // The step's activity starts only now, and its first attempt is retried: the same move twice.
    await projectOrder(t.db, move(id, 2, 'inProgress', 'verifyingBankAccount'));
    await projectOrder(t.db, move(id, 2, 'inProgress', 'verifyingBankAccount'));

    const order = await getOrder(t.db, id);
    expect(order).toMatchObject({ status: 'assessingCancellation', step: 'preemptingResources' });
    expect(await linesOf(id)).toEqual([
      'acknowledged/-',
      'inProgress/preemptingResources',
      'inProgress/verifyingBankAccount',
      'assessingCancellation/preemptingResources',
    ]);
  });

  it('ORD-1, ORD-2: a step move that waited on the row while the cancel was committed does not move the order back', async () => {
    const id = await startedOrder();
    let late: Promise<void> | undefined;
    await t.db.transaction(async (tx) => {
      // The cancel's write holds the orders row; the step's write starts meanwhile and waits for it.
      await tx.execute(sql`select id from orders where id = ${id} for update`);
      await projectOrder(tx, cancelAsked(id, 3));
      late = projectOrder(t.db, move(id, 2, 'inProgress', 'verifyingBankAccount'));
      await vi.waitFor(
        async () => {
          const [row] = await t.db.execute<{ waiting: number }>(sql`
            select count(*)::int as waiting from pg_stat_activity
            where datname = current_database() and wait_event_type = 'Lock'`);
          expect(row?.waiting).toBe(1);
        },
        { timeout: 10_000, interval: 20 },
      );
    });
    await late;

    const order = await getOrder(t.db, id);
    expect(order).toMatchObject({ status: 'assessingCancellation', step: 'preemptingResources' });
    expect(await linesOf(id)).toEqual([
      'acknowledged/-',
      'inProgress/preemptingResources',
      'inProgress/verifyingBankAccount',
      'assessingCancellation/preemptingResources',
    ]);
  });

  it('ORD-2: a move later than the row’s line still moves it', async () => {
    const id = await startedOrder();
    await projectOrder(t.db, move(id, 2, 'inProgress', 'verifyingBankAccount'));
    expect(await getOrder(t.db, id)).toMatchObject({ status: 'inProgress', step: 'verifyingBankAccount' });
  });

  it('ORD-2: an order running when the row started keeping its line number (migration 0015) cannot be moved back either', async () => {
    const id = await startedOrder();
    await projectOrder(t.db, cancelAsked(id, 3));
    // As the migration found it: the column added at -1, then filled in from the timeline.
    await t.db.update(orders).set({ lastSeq: -1 }).where(eq(orders.id, id));
    expect(backfill).toHaveLength(1);
    for (const statement of backfill) await t.db.execute(sql.raw(statement));

    await projectOrder(t.db, move(id, 2, 'inProgress', 'verifyingBankAccount'));
    expect(await getOrder(t.db, id)).toMatchObject({
      status: 'assessingCancellation',
      step: 'preemptingResources',
    });
  });
});
