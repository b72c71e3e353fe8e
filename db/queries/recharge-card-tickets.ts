import { and, desc, eq } from 'drizzle-orm';
import type { WorkOrderStatus } from '../../domain/work-orders';
import type { DbOrTx } from '../client';
import { rechargeCardTickets, workOrders } from '../schema';

/**
 * REQ: Q-3 — the last ticket opened for a card serial, with its work order's status as the read model has
 * it (null while the work order has not written it yet, i.e. just opened).
 */
export async function lastCardTicket(
  db: DbOrTx,
  serial: string,
): Promise<{ seq: number; workOrderId: string; status: WorkOrderStatus | null } | null> {
  const [row] = await db
    .select({
      seq: rechargeCardTickets.seq,
      workOrderId: rechargeCardTickets.workOrderId,
      status: workOrders.status,
    })
    .from(rechargeCardTickets)
    .leftJoin(workOrders, eq(workOrders.id, rechargeCardTickets.workOrderId))
    .where(eq(rechargeCardTickets.serial, serial))
    .orderBy(desc(rechargeCardTickets.seq))
    .limit(1);
  return row ?? null;
}

/**
 * REQ: Q-3 — claims ticket number `seq` of a serial for `workOrderId`. Of concurrent claims of one number the
 * first wins; every claimant gets the winner's work order ID.
 */
export async function claimCardTicket(
  db: DbOrTx,
  ticket: { serial: string; seq: number; workOrderId: string },
): Promise<string> {
  await db.insert(rechargeCardTickets).values(ticket).onConflictDoNothing();
  const [row] = await db
    .select({ workOrderId: rechargeCardTickets.workOrderId })
    .from(rechargeCardTickets)
    .where(and(eq(rechargeCardTickets.serial, ticket.serial), eq(rechargeCardTickets.seq, ticket.seq)));
  return row?.workOrderId ?? ticket.workOrderId;
}

/** REQ: Q-3 — the status of a work order in the read model, if written (a ticket opened before numbering). */
export async function workOrderStatus(db: DbOrTx, id: string): Promise<WorkOrderStatus | null> {
  const [row] = await db.select({ status: workOrders.status }).from(workOrders).where(eq(workOrders.id, id));
  return row?.status ?? null;
}
