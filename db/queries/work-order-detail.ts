import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { operators, outlets, staffProfiles, workOrderEvents, workOrders } from '../schema';

/**
 * One work order as the read model holds it, and the look-ups a step needs (REQ: WO-1…WO-5). Reads only: the
 * read model is written by `projectWorkOrder` alone.
 */

export type WorkOrderRecord = typeof workOrders.$inferSelect;
export type WorkOrderEventRecord = typeof workOrderEvents.$inferSelect;

/** The work order's row and its whole timeline in `seq` order; null before the workflow has written it. */
export async function findWorkOrderWithTimeline(
  db: DbOrTx,
  id: string,
): Promise<{ record: WorkOrderRecord; timeline: WorkOrderEventRecord[] } | null> {
  const [record] = await db.select().from(workOrders).where(eq(workOrders.id, id));
  if (!record) return null;
  return { record, timeline: await workOrderTimeline(db, id) };
}

/** REQ: WO-1…WO-6 — a work order's timeline in `seq` order. */
export async function workOrderTimeline(db: DbOrTx, id: string): Promise<WorkOrderEventRecord[]> {
  return db
    .select()
    .from(workOrderEvents)
    .where(eq(workOrderEvents.workOrderId, id))
    .orderBy(asc(workOrderEvents.seq));
}

/** REQ: WO-3 — an outlet work can be assigned to (it exists and is active). */
export async function findActiveOutlet(
  db: DbOrTx,
  code: string,
): Promise<{ code: string; city: string } | null> {
  const [row] = await db
    .select({ code: outlets.code, city: outlets.city })
    .from(outlets)
    .where(and(eq(outlets.code, code), eq(outlets.active, true)));
  return row ?? null;
}

/**
 * REQ: WO-4 — an active service staff member (服务人员): an active operator with role `serviceStaff` and an
 * active staff profile at an active outlet; null otherwise.
 */
export async function findActiveServiceStaff(
  db: DbOrTx,
  operatorId: string,
): Promise<{ operatorId: string; outletCode: string } | null> {
  const [row] = await db
    .select({ operatorId: staffProfiles.operatorId, outletCode: staffProfiles.outletCode })
    .from(staffProfiles)
    .innerJoin(operators, eq(operators.id, staffProfiles.operatorId))
    .innerJoin(outlets, eq(outlets.code, staffProfiles.outletCode))
    .where(
      and(
        eq(staffProfiles.operatorId, operatorId),
        eq(staffProfiles.active, true),
        eq(operators.active, true),
        eq(outlets.active, true),
        sql`'serviceStaff' = any(${operators.roles})`,
      ),
    );
  return row ?? null;
}
