import { and, count, desc, eq, gte, inArray, lt, notInArray, or, sql, type SQL } from 'drizzle-orm';
import { groupOrderTypes, type OrderListScope } from '../../domain/order-access';
import {
  isTerminal,
  terminalStatuses,
  type OrderFailure,
  type OrderMoves,
  type OrderProjection,
  type OrderStatus,
  type OrderType,
  type TimelineEntry,
} from '../../domain/orders';

export type { OrderProjection };
import type { DbOrTx } from '../client';
import { orderEvents, orders } from '../schema';
import { orderHoldsExtended } from './resources';

export interface OrderRecord {
  id: string;
  type: OrderType;
  status: OrderStatus;
  step: string | null;
  channelCode: string;
  outletCode: string | null;
  operatorId: string;
  requestHash: string;
  summary: Record<string, unknown>;
  failure: OrderFailure | null;
  createdAt: string;
  updatedAt: string;
}

/**
 * Writes the order's read model and its timeline lines — one move, or several in a row (the last is what the
 * row shows) — in one statement: no transaction of its own, one round trip. The timeline key (order, seq)
 * comes from the workflow, so a retried write changes nothing; a late retry never moves the status back.
 * With `holdSeconds`, a running order's holds are extended in the same statement, before the row is locked:
 * every business step starts with such a write, so a hold lasts from one step to the next (REQ: OPEN-2,
 * RES-6); a single step that outlasts it is caught where it matters, before the line is switched on and when
 * it is committed.
 */
export async function projectOrder(
  db: DbOrTx,
  moves: OrderMoves,
  { holdSeconds }: { holdSeconds?: number } = {},
): Promise<void> {
  const all = 'event' in moves ? [moves] : moves;
  const p = all.at(-1);
  if (!p) return;
  const extend = holdSeconds !== undefined && holdSeconds > 0 && !isTerminal(p.status);
  const lines = all.map(
    ({ event: e }) =>
      sql`(${p.id}, ${e.seq}, ${e.status}, ${e.step}, ${e.at}::timestamptz, ${e.actor}, ${e.reason})`,
  );
  // Each part is read by the final select, in order: holds (numbers, then SIMs), the row, the timeline. The
  // row's condition is on the row, not on the timeline: after waiting on the row lock PostgreSQL re-checks it
  // against the row's latest version, where a subquery on order_events would still see the statement's
  // snapshot and let a late step's move overwrite the cancel committed meanwhile.
  await db.execute(sql`
    with ${extend ? sql`${orderHoldsExtended(p.id, holdSeconds)},` : sql``}
    row_written as (
      insert into orders as o (id, type, status, step, channel_code, outlet_code, operator_id, request_hash,
        summary, failure, last_seq)
      values (${p.id}, ${p.type}, ${p.status}, ${p.step}, ${p.origin.channelCode}, ${p.origin.outletCode ?? null},
        ${p.origin.operatorId}, ${p.requestHash}, ${JSON.stringify(p.summary)}::jsonb,
        ${p.failure === null ? null : JSON.stringify(p.failure)}::jsonb, ${p.event.seq})
      on conflict (id) do update set status = excluded.status, step = excluded.step, summary = excluded.summary,
        failure = excluded.failure, last_seq = excluded.last_seq, updated_at = now()
      where o.last_seq < excluded.last_seq
      returning 1),
    lines_written as (
      insert into order_events (order_id, seq, status, step, at, actor, reason)
      values ${sql.join(lines, sql`, `)}
      on conflict do nothing
      returning 1)
    select ${extend ? sql`(select count(*) from held_numbers), (select count(*) from held_sims),` : sql``}
      (select count(*) from row_written), (select count(*) from lines_written)`);
}

const toRecord = (row: typeof orders.$inferSelect): OrderRecord => ({
  id: row.id,
  type: row.type,
  status: row.status,
  step: row.step,
  channelCode: row.channelCode,
  outletCode: row.outletCode,
  operatorId: row.operatorId,
  requestHash: row.requestHash,
  summary: row.summary as Record<string, unknown>,
  failure: row.failure,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

export async function getOrder(
  db: DbOrTx,
  id: string,
): Promise<(OrderRecord & { timeline: TimelineEntry[] }) | null> {
  // One round trip: the row with its timeline, in order, as JSON (an order has tens of lines at most).
  const [found] = await db
    .select({
      row: orders,
      timeline: sql<TimelineRow[]>`coalesce((
        select json_agg(json_build_object('status', e.status, 'step', e.step, 'at', e.at, 'actor', e.actor,
          'reason', e.reason) order by e.seq)
        from ${orderEvents} e where e.order_id = ${orders.id}), '[]'::json)`,
    })
    .from(orders)
    .where(eq(orders.id, id));
  if (!found) return null;
  return {
    ...toRecord(found.row),
    timeline: found.timeline.map((e) => ({ ...e, at: new Date(e.at).toISOString() })),
  };
}

/** A timeline line as `json_build_object` gives it: the time as PostgreSQL writes a timestamptz in JSON. */
type TimelineRow = Omit<TimelineEntry, 'at'> & { at: string };

/** What the order list may be narrowed to (REQ: ORD-2, UI-1); every filter given must hold. */
export interface OrderSearch {
  status?: OrderStatus | undefined;
  /** Only orders that have not ended (not in a terminal status). */
  open?: boolean | undefined;
  type?: OrderType | undefined;
  /** The number the order is about (`summary.msisdn`). */
  msisdn?: string | undefined;
  /** The customer: an identity document number (exact) or a name (contained, any case); see `customerMatch`. */
  customer?: string | undefined;
  operatorId?: string | undefined;
  /** The channel taken through (a store is a channel of its own). */
  channelCode?: string | undefined;
  /** The outlet (网点) its operator was signed in at. */
  outletCode?: string | undefined;
  /** Created at or after. */
  createdFrom?: Date | undefined;
  /** Created before. */
  createdBefore?: Date | undefined;
}

/**
 * Orders newest first, one page, with the total of the filter. `scope` keeps to the orders the caller may
 * read (REQ: CH-1 an agent's own channel, GRP-1 group orders of permitted products), in the same WHERE as
 * the count, so the total counts only what the caller can page through.
 */
export async function listOrders(
  db: DbOrTx,
  filter: OrderSearch & { offset: number; limit: number },
  scope: OrderListScope,
): Promise<{ total: number; items: OrderRecord[] }> {
  const conditions: SQL[] = [];
  if (filter.status) conditions.push(eq(orders.status, filter.status));
  if (filter.open) conditions.push(notInArray(orders.status, [...terminalStatuses]));
  if (filter.type) conditions.push(eq(orders.type, filter.type));
  if (filter.msisdn) conditions.push(eq(orderMsisdn, filter.msisdn));
  if (filter.customer) conditions.push(customerMatch(filter.customer));
  if (filter.operatorId) conditions.push(eq(orders.operatorId, filter.operatorId));
  if (filter.channelCode) conditions.push(eq(orders.channelCode, filter.channelCode));
  if (filter.outletCode) conditions.push(eq(orders.outletCode, filter.outletCode));
  if (filter.createdFrom) conditions.push(gte(orders.createdAt, filter.createdFrom));
  if (filter.createdBefore) conditions.push(lt(orders.createdAt, filter.createdBefore));
  if (scope.channelCode !== null) conditions.push(eq(orders.channelCode, scope.channelCode));
  const notGroup = notInArray(orders.type, [...groupOrderTypes]);
  const products = [...scope.groupProductCodes];
  const permittedGroup =
    products.length > 0 ? inArray(sql`${orders.summary}->>'productCode'`, products) : null;
  conditions.push((permittedGroup && or(notGroup, permittedGroup)) ?? notGroup);
  const where = conditions.length ? and(...conditions) : undefined;
  const [totalRow] = await db.select({ n: count() }).from(orders).where(where);
  const rows = await db
    .select()
    .from(orders)
    .where(where)
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .offset(filter.offset)
    .limit(filter.limit);
  return { total: totalRow?.n ?? 0, items: rows.map(toRecord) };
}

/** The number an order is about, as its summary names it (indexed: orders_msisdn_idx). */
const orderMsisdn = sql`(${orders.summary}->>'msisdn')`;

/**
 * An order of the customer `text` names — by identity document number (exact, any case) or by name (contained,
 * any case): the customer the order keyed in (an opening or a port-in: the customer record it pre-entered, or
 * the name in its summary), or the owner of the line the order is about.
 */
function customerMatch(text: string): SQL {
  const contained = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const matches = (c: string) =>
    sql`(upper(${sql.raw(c)}.id_number) = upper(${text}) or ${sql.raw(c)}.name ilike ${contained})`;
  return sql`(
    ${orders.summary}->>'customerName' ilike ${contained}
    or ${orders.id} in (select c.order_id from customers c where ${matches('c')})
    or ${orderMsisdn} in (
      select s.msisdn from subscribers s join customers o on o.id = s.customer_id where ${matches('o')}))`;
}
