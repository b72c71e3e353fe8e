import { and, asc, desc, eq, gte, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type {
  GreenChannelType,
  WorkOrderCategory,
  WorkOrderPriority,
  WorkOrderState,
  WorkOrderStatus,
} from '../../domain/work-orders';
import type { DbOrTx } from '../client';
import { operators, outlets, segmentCities, workOrders } from '../schema';

/**
 * Read-side views of the work-order projection (REQ: WO-6 "see at a glance what is late and who holds what",
 * RPT-1 backlog and SLA by outlet, WO-1 the customer's own view). Nothing here writes: the projection is
 * written only by `projectWorkOrder`.
 */

/** Statuses in which the SLA clocks still run: a due time passing here makes the work order late now. */
export const runningWorkOrderStatuses = [
  'created',
  'accepted',
  'outletAssigned',
  'dispatched',
  'inService',
] as const satisfies readonly WorkOrderStatus[];

/** The open statuses an outlet's backlog is counted in (work the outlet holds). */
export const backlogStatuses = [
  'accepted',
  'outletAssigned',
  'dispatched',
  'inService',
] as const satisfies readonly WorkOrderStatus[];

export interface WorkOrderListFilter {
  statuses?: WorkOrderStatus[];
  priorities?: WorkOrderPriority[];
  categories?: WorkOrderCategory[];
  kind?: WorkOrderState['kind'];
  outletCode?: string;
  assigneeId?: string;
  /** true: nobody assigned (REQ: WO-4 grab pool). */
  unassigned?: boolean;
  /** At this outlet or at none (REQ: WO-4: what service staff of this outlet may grab). */
  outletOrNone?: string;
  vip?: boolean;
  /** true: only late work orders (see `lateness`); false: only those on time. */
  overdue?: boolean;
  /** Inclusive. */
  createdFrom?: Date;
  /** Exclusive. */
  createdTo?: Date;
  /**
   * `newest`: newest first; `priority`: the dispatch queue — P1 first, VIP first within a priority, oldest
   * first; `sla`: the nearest unmet due time first (late ones first, then the soonest due; none last).
   */
  sort: 'newest' | 'priority' | 'sla';
  offset: number;
  limit: number;
}

export interface WorkOrderListRow {
  id: string;
  kind: WorkOrderState['kind'];
  category: WorkOrderCategory;
  greenChannelType: GreenChannelType | null;
  priority: WorkOrderPriority;
  status: WorkOrderStatus;
  title: string;
  vip: boolean;
  customerName: string;
  customerMsisdn: string;
  outletCode: string | null;
  assigneeId: string | null;
  /** The assignee's name (operators table); null when nobody is assigned. */
  assigneeName: string | null;
  createdAt: Date;
  responseDueAt: Date | null;
  resolutionDueAt: Date | null;
  late: boolean;
  /** Whole minutes past the later missed due time; null when on time. */
  lateByMinutes: number | null;
}

/**
 * REQ: WO-6 — whether a work order is late, computed from its due dates and `now`, not only from the breach
 * flags the SLA timers set (a timer may not have fired yet): a target is missed when its breach flag is set,
 * when it was met after its due time, or when its due time has passed while the clock still runs (status in
 * `runningWorkOrderStatuses`). A rejected or cancelled work order never becomes late by waiting.
 */
function lateness(now: Date) {
  const nowIso = now.toISOString();
  const running = inArray(workOrders.status, [...runningWorkOrderStatuses]);
  const clock = sql`case when ${running} then ${nowIso}::timestamptz end`;
  const responseMark = sql`coalesce(${workOrders.respondedAt}, ${clock})`;
  const resolutionMark = sql`coalesce(${workOrders.resolvedAt}, ${clock})`;
  const responseOver = sql`extract(epoch from (${responseMark} - ${workOrders.responseDueAt}))`;
  const resolutionOver = sql`extract(epoch from (${resolutionMark} - ${workOrders.resolutionDueAt}))`;
  const late = sql`(${workOrders.responseBreached} or ${workOrders.resolutionBreached}
    or coalesce(${responseMark} > ${workOrders.responseDueAt}, false)
    or coalesce(${resolutionMark} > ${workOrders.resolutionDueAt}, false))`;
  const lateBySeconds = sql`greatest(0, coalesce(${responseOver}, 0), coalesce(${resolutionOver}, 0))`;
  return {
    late: sql<boolean>`${late}`,
    lateByMinutes: sql<number | null>`case when ${late} then floor(${lateBySeconds} / 60)::int end`,
  };
}

/**
 * REQ: WO-6 — the due time a work order must meet next while its clocks run: the response due time until it
 * is responded to, then the resolution due time until resolved; null when none is left (or the work order has
 * ended). Sorting by it ascending puts the late first (the longest late first), then the soonest due.
 */
function nearestUnmetDue(): SQL {
  const running = inArray(workOrders.status, [...runningWorkOrderStatuses]);
  return sql`case when ${running} then least(
    case when ${workOrders.respondedAt} is null then ${workOrders.responseDueAt} end,
    case when ${workOrders.resolvedAt} is null then ${workOrders.resolutionDueAt} end) end`;
}

/** REQ: WO-6 — one page of work orders matching the filter, and how many match in all. */
export async function listWorkOrders(
  db: DbOrTx,
  filter: WorkOrderListFilter,
  now: Date,
): Promise<{ total: number; items: WorkOrderListRow[] }> {
  const { late, lateByMinutes } = lateness(now);
  const conditions: SQL[] = [];
  if (filter.statuses) conditions.push(inArray(workOrders.status, filter.statuses));
  if (filter.priorities) conditions.push(inArray(workOrders.priority, filter.priorities));
  if (filter.categories) conditions.push(inArray(workOrders.category, filter.categories));
  if (filter.kind) conditions.push(eq(workOrders.kind, filter.kind));
  if (filter.outletCode) conditions.push(eq(workOrders.outletCode, filter.outletCode));
  if (filter.assigneeId) conditions.push(eq(workOrders.assigneeId, filter.assigneeId));
  if (filter.unassigned) conditions.push(isNull(workOrders.assigneeId));
  if (filter.outletOrNone) {
    const atOutlet = or(eq(workOrders.outletCode, filter.outletOrNone), isNull(workOrders.outletCode));
    if (atOutlet) conditions.push(atOutlet);
  }
  if (filter.vip !== undefined) conditions.push(eq(workOrders.vip, filter.vip));
  if (filter.overdue !== undefined) conditions.push(filter.overdue ? late : sql`not ${late}`);
  if (filter.createdFrom) conditions.push(gte(workOrders.createdAt, filter.createdFrom));
  if (filter.createdTo) conditions.push(lt(workOrders.createdAt, filter.createdTo));
  const where = conditions.length ? and(...conditions) : undefined;

  const order =
    filter.sort === 'priority'
      ? [asc(workOrders.priority), desc(workOrders.vip), asc(workOrders.createdAt), asc(workOrders.id)]
      : filter.sort === 'sla'
        ? [sql`${nearestUnmetDue()} asc nulls last`, asc(workOrders.createdAt), asc(workOrders.id)]
        : [desc(workOrders.createdAt), desc(workOrders.id)];
  const [totalRow] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(workOrders)
    .where(where);
  const rows = await db
    .select({
      id: workOrders.id,
      kind: workOrders.kind,
      category: workOrders.category,
      greenChannelType: workOrders.greenChannelType,
      priority: workOrders.priority,
      status: workOrders.status,
      title: workOrders.title,
      vip: workOrders.vip,
      customerName: sql<string>`${workOrders.customer}->>'name'`,
      customerMsisdn: sql<string>`${workOrders.customer}->>'msisdn'`,
      outletCode: workOrders.outletCode,
      assigneeId: workOrders.assigneeId,
      assigneeName: operators.name,
      createdAt: workOrders.createdAt,
      responseDueAt: workOrders.responseDueAt,
      resolutionDueAt: workOrders.resolutionDueAt,
      late,
      lateByMinutes,
    })
    .from(workOrders)
    .leftJoin(operators, eq(operators.id, workOrders.assigneeId))
    .where(where)
    .orderBy(...order)
    .offset(filter.offset)
    .limit(filter.limit);
  return { total: totalRow?.n ?? 0, items: rows };
}

/** REQ: WO-6 — how often a target was met: work orders measured, those that met their due time, the share. */
export interface SlaAttainment {
  measured: number;
  met: number;
  /** met / measured, null when nothing was measured. */
  attainment: number | null;
}

export interface OutletWorkOrderStats {
  outletCode: string;
  name: string;
  city: string;
  active: boolean;
  backlog: Record<(typeof backlogStatuses)[number], number> & { total: number };
  lateNow: number;
  completedInWindow: number;
  resolution: SlaAttainment;
  response: SlaAttainment;
}

/**
 * REQ: WO-6, RPT-1 — per outlet (every outlet, also those with no work), by the work order's current outlet:
 * open backlog by status; how many open work orders are late now; and, in [from, to), how many were resolved
 * and the share resolved by their due time (resolution attainment), and likewise for responses. "Met" is
 * decided by the dates (met at or before the due time); work orders without a due time are not measured.
 */
export async function outletWorkOrderStats(
  db: DbOrTx,
  window: { from: Date; to: Date },
  now: Date,
): Promise<OutletWorkOrderStats[]> {
  const { late } = lateness(now);
  const from = window.from.toISOString();
  const to = window.to.toISOString();
  const n = (condition: SQL) => sql<number>`(count(${workOrders.id}) filter (where ${condition}))::int`;
  const inWindow = (column: typeof workOrders.resolvedAt | typeof workOrders.respondedAt) =>
    sql`${column} >= ${from}::timestamptz and ${column} < ${to}::timestamptz`;
  const resolved = inWindow(workOrders.resolvedAt);
  const responded = inWindow(workOrders.respondedAt);
  const rows = await db
    .select({
      outletCode: outlets.code,
      name: outlets.name,
      city: outlets.city,
      active: outlets.active,
      accepted: n(eq(workOrders.status, 'accepted')),
      outletAssigned: n(eq(workOrders.status, 'outletAssigned')),
      dispatched: n(eq(workOrders.status, 'dispatched')),
      inService: n(eq(workOrders.status, 'inService')),
      lateNow: n(sql`${inArray(workOrders.status, [...runningWorkOrderStatuses])} and ${late}`),
      completedInWindow: n(resolved),
      resolutionMeasured: n(sql`${resolved} and ${workOrders.resolutionDueAt} is not null`),
      resolutionMet: n(sql`${resolved} and ${workOrders.resolvedAt} <= ${workOrders.resolutionDueAt}`),
      responseMeasured: n(sql`${responded} and ${workOrders.responseDueAt} is not null`),
      responseMet: n(sql`${responded} and ${workOrders.respondedAt} <= ${workOrders.responseDueAt}`),
    })
    .from(outlets)
    .leftJoin(workOrders, eq(workOrders.outletCode, outlets.code))
    .groupBy(outlets.code)
    .orderBy(asc(outlets.code));
  return rows.map((r) => ({
    outletCode: r.outletCode,
    name: r.name,
    city: r.city,
    active: r.active,
    backlog: {
      accepted: r.accepted,
      outletAssigned: r.outletAssigned,
      dispatched: r.dispatched,
      inService: r.inService,
      total: r.accepted + r.outletAssigned + r.dispatched + r.inService,
    },
    lateNow: r.lateNow,
    completedInWindow: r.completedInWindow,
    resolution: attainment(r.resolutionMeasured, r.resolutionMet),
    response: attainment(r.responseMeasured, r.responseMet),
  }));
}

const attainment = (measured: number, met: number): SlaAttainment => ({
  measured,
  met,
  attainment: measured === 0 ? null : Math.round((met / measured) * 10_000) / 10_000,
});

/** What a customer may see of a work order (REQ: WO-1 self-service): no staff, SLA or timeline internals. */
export interface CustomerWorkOrderRow {
  id: string;
  status: WorkOrderStatus;
  category: WorkOrderCategory;
  title: string;
  description: string;
  customerMsisdn: string;
  outletName: string | null;
  appointmentAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  resolvedAt: Date | null;
}

/** REQ: WO-1 — a work order as its customer sees it, from the projection; null when it is not there (yet). */
export async function findCustomerWorkOrder(db: DbOrTx, id: string): Promise<CustomerWorkOrderRow | null> {
  const [row] = await db
    .select({
      id: workOrders.id,
      status: workOrders.status,
      category: workOrders.category,
      title: workOrders.title,
      description: workOrders.description,
      customerMsisdn: sql<string>`${workOrders.customer}->>'msisdn'`,
      outletName: outlets.name,
      appointmentAt: workOrders.appointmentAt,
      createdAt: workOrders.createdAt,
      updatedAt: workOrders.updatedAt,
      resolvedAt: workOrders.resolvedAt,
    })
    .from(workOrders)
    .leftJoin(outlets, eq(outlets.code, workOrders.outletCode))
    .where(eq(workOrders.id, id));
  return row ?? null;
}

/** REQ: GC-1, WO-1 — the home city of a number, from its 7-digit segment (号段归属地); null when unknown. */
export async function homeCityOf(db: DbOrTx, msisdn: string): Promise<string | null> {
  const [row] = await db
    .select({ city: segmentCities.city })
    .from(segmentCities)
    .where(eq(segmentCities.segment, msisdn.slice(0, 7)));
  return row?.city ?? null;
}
