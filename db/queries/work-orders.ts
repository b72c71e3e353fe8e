import { and, inArray, lt, sql } from 'drizzle-orm';
import type { WorkOrderEvent, WorkOrderState } from '../../domain/work-orders';
import type { DbOrTx } from '../client';
import { workOrderEvents, workOrders } from '../schema';

const at = (iso: string | null): Date | null => (iso ? new Date(iso) : null);

/**
 * REQ: WO-1…WO-6 — writes one change of a work order to the read model: the timeline event (a retried write
 * is a no-op) and the row as of that event (an older event never overwrites a newer one).
 */
export async function projectWorkOrder(
  db: DbOrTx,
  state: WorkOrderState,
  event: WorkOrderEvent,
): Promise<void> {
  const row = {
    id: state.id,
    kind: state.kind,
    category: state.category,
    greenChannelType: state.greenChannelType,
    priority: state.priority,
    status: state.status,
    title: state.title,
    description: state.description,
    customer: state.customer,
    vip: state.vip,
    city: state.city,
    territory: state.territory,
    requiredSkill: state.requiredSkill,
    outletCode: state.outletCode,
    assigneeId: state.assigneeId,
    source: state.source,
    createdBy: state.createdBy,
    channelCode: state.channelCode,
    appointmentAt: at(state.appointment?.at ?? null),
    result: state.result,
    commitments: state.commitments,
    responseDueAt: at(state.sla.responseDueAt),
    resolutionDueAt: at(state.sla.resolutionDueAt),
    respondedAt: at(state.sla.respondedAt),
    resolvedAt: at(state.sla.resolvedAt),
    responseBreached: state.sla.responseBreached,
    resolutionBreached: state.sla.resolutionBreached,
    lastEventSeq: event.seq,
    createdAt: new Date(state.createdAt),
    updatedAt: new Date(event.at),
    closedAt: ['closed', 'cancelled', 'rejected'].includes(state.status) ? new Date(event.at) : null,
  };
  await db.transaction(async (tx) => {
    const { id: _id, createdAt: _c, ...changes } = row;
    await tx
      .insert(workOrders)
      .values(row)
      .onConflictDoUpdate({
        target: workOrders.id,
        set: changes,
        setWhere: lt(workOrders.lastEventSeq, event.seq),
      });
    await tx
      .insert(workOrderEvents)
      .values({
        workOrderId: state.id,
        seq: event.seq,
        at: new Date(event.at),
        actor: event.actor,
        action: event.action,
        fromStatus: event.fromStatus,
        toStatus: event.toStatus,
        details: event.details,
      })
      .onConflictDoNothing();
  });
}

/** Open work orders an assignee holds (dispatched or in service): the load that least-load rules compare. */
export const openLoadStatuses = ['dispatched', 'inService'] as const;

/** REQ: WO-4 — open work orders per staff member, for the given staff (missing = 0). */
export async function openLoadByStaff(db: DbOrTx, staffIds: string[]): Promise<Map<string, number>> {
  const load = new Map(staffIds.map((id) => [id, 0]));
  if (staffIds.length === 0) return load;
  const rows = await db
    .select({ assigneeId: workOrders.assigneeId, n: sql<number>`count(*)::int` })
    .from(workOrders)
    .where(and(inArray(workOrders.assigneeId, staffIds), inArray(workOrders.status, [...openLoadStatuses])))
    .groupBy(workOrders.assigneeId);
  for (const r of rows) if (r.assigneeId) load.set(r.assigneeId, r.n);
  return load;
}
