import { sql } from 'drizzle-orm';
import { terminalStatuses, type OrderType } from '../../domain/orders';
import type { WorkOrderStatus } from '../../domain/work-orders';
import type { DbOrTx } from '../client';
import {
  groupSubscriptions,
  notifications,
  numbers,
  orders,
  simCards,
  subscribers,
  workOrders,
} from '../schema';
import type { LockKind } from './locks';
import { CENTRAL } from './resource-lists';

/**
 * The business counts `GET /metrics` shows (docs/operations.md, "Metrics and what to alert on"), read in one
 * go at scrape time (at most once per METRICS_CACHE_SECONDS per API process). Each is a grouped count over a
 * whole table (orders by type and status, work orders by status, stock by holder and state, notices, locks).
 */
export interface BusinessCounts {
  /** Per order type: every order ever taken, and those completed and failed (orders are never deleted). */
  orders: { type: OrderType; started: number; completed: number; failed: number }[];
  workOrders: { status: WorkOrderStatus; count: number }[];
  /** REQ: WO-6 — escalation notices sent for a missed response or resolution target. */
  slaBreaches: { target: 'response' | 'resolution'; count: number }[];
  /** REQ: GRP-4 — overdue notices sent for group orders BBOSS did not answer in time. */
  bbossOverdueAlerts: number;
  /**
   * Locks held now, and of those the ones whose order has finished or is unknown (left behind). A cancelled
   * line keeps the mark of the order that closed it (GET /api/v1/locks lists it); no order waits on it, so
   * it is not counted.
   */
  locks: { kind: LockKind; held: number; leftBehind: number }[];
  /** REQ: RES-2, RES-3 — numbers and SIM cards per holding unit (`central`: not issued) and state. */
  stock: { resourceType: 'numbers' | 'sims'; unitCode: string; state: string; count: number }[];
}

const finished = sql.join(
  terminalStatuses.map((s) => sql`${s}`),
  sql`, `,
);

export async function businessCounts(db: DbOrTx): Promise<BusinessCounts> {
  const [orderRows, workOrderRows, noticeRows, lockRows, numberRows, simRows] = await Promise.all([
    db.execute<{ type: OrderType; started: number; completed: number; failed: number }>(sql`
      select ${orders.type} as type, count(*)::int as started,
             count(*) filter (where ${orders.status} = 'completed')::int as completed,
             count(*) filter (where ${orders.status} = 'failed')::int as failed
        from ${orders} group by ${orders.type} order by 1`),
    db.execute<{ status: WorkOrderStatus; count: number }>(sql`
      select ${workOrders.status} as status, count(*)::int as count
        from ${workOrders} group by ${workOrders.status} order by 1`),
    db.execute<{ kind: string; count: number }>(sql`
      select ${notifications.kind} as kind, count(*)::int as count from ${notifications}
       where ${notifications.kind} in ('sla.responseBreached', 'sla.resolutionBreached', 'bboss.overdue')
       group by ${notifications.kind}`),
    db.execute<{ kind: LockKind; held: number; left_behind: number }>(sql`
      select held.kind, count(*)::int as held,
             count(*) filter (where o.id is null or o.status in (${finished}))::int as left_behind
        from (select 'line' as kind, ${subscribers.lockedBy} as holder from ${subscribers}
               where ${subscribers.lockedBy} is not null and ${subscribers.status} <> 'cancelled'
              union all
              select 'groupProduct', ${groupSubscriptions.lockedBy} from ${groupSubscriptions}
               where ${groupSubscriptions.lockedBy} is not null) held
        left join ${orders} o on o.id = held.holder
       group by held.kind`),
    db.execute<{ unit: string | null; state: string; count: number }>(sql`
      select ${numbers.holderCode} as unit, ${numbers.status} as state, count(*)::int as count
        from ${numbers} group by 1, 2`),
    db.execute<{ unit: string | null; state: string; count: number }>(sql`
      select ${simCards.holderCode} as unit, ${simCards.status} as state, count(*)::int as count
        from ${simCards} group by 1, 2`),
  ]);
  const notices = new Map(noticeRows.map((r) => [r.kind, r.count]));
  const locks = new Map(lockRows.map((r) => [r.kind, r]));
  const stock =
    (resourceType: 'numbers' | 'sims') => (r: { unit: string | null; state: string; count: number }) => ({
      resourceType,
      unitCode: r.unit ?? CENTRAL,
      state: r.state,
      count: r.count,
    });
  return {
    orders: [...orderRows],
    workOrders: [...workOrderRows],
    slaBreaches: [
      { target: 'response', count: notices.get('sla.responseBreached') ?? 0 },
      { target: 'resolution', count: notices.get('sla.resolutionBreached') ?? 0 },
    ],
    bbossOverdueAlerts: notices.get('bboss.overdue') ?? 0,
    locks: (['line', 'groupProduct'] as const).map((kind) => ({
      kind,
      held: locks.get(kind)?.held ?? 0,
      leftBehind: locks.get(kind)?.left_behind ?? 0,
    })),
    stock: [...numberRows.map(stock('numbers')), ...simRows.map(stock('sims'))],
  };
}
