import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { payments } from '../schema';

export type PaymentRow = typeof payments.$inferSelect;

/** Records a charge once: the key is the charge's idempotency key, so a retried charge stays one row. */
export async function recordCharge(
  db: DbOrTx,
  p: {
    id: string;
    orderId: string;
    method: string;
    amountFen: number;
    bankRef: string | null;
    receiptNo: string;
  },
): Promise<PaymentRow> {
  await db
    .insert(payments)
    .values({ ...p, status: 'charged' })
    .onConflictDoNothing();
  const [row] = await db.select().from(payments).where(eq(payments.id, p.id));
  if (!row) throw new Error(`payment ${p.id} vanished after insert`);
  return row;
}

export async function findPayment(db: DbOrTx, id: string): Promise<PaymentRow | null> {
  const [row] = await db.select().from(payments).where(eq(payments.id, id));
  return row ?? null;
}

export async function markRefunded(db: DbOrTx, id: string): Promise<void> {
  await db
    .update(payments)
    .set({ status: 'refunded', refundedAt: sql`now()` })
    .where(and(eq(payments.id, id), eq(payments.status, 'charged')));
}

export async function paymentsForOrder(db: DbOrTx, orderId: string): Promise<PaymentRow[]> {
  return db.select().from(payments).where(eq(payments.orderId, orderId));
}

/**
 * Money paid back to the customer (`direction` out), once per key: the refund of an overpayment at formal
 * cancellation (REQ: PC-5) or a fee refund at the counter (REQ: CHG-1, 退通信费).
 */
export async function recordPayout(
  db: DbOrTx,
  p: { id: string; orderId: string; method: string; amountFen: number; receiptNo: string },
): Promise<{ receiptNo: string }> {
  await db
    .insert(payments)
    .values({ ...p, direction: 'out', status: 'paid' })
    .onConflictDoNothing();
  const [row] = await db
    .select({ receiptNo: payments.receiptNo })
    .from(payments)
    .where(eq(payments.id, p.id));
  if (!row) throw new Error(`payout ${p.id} vanished after insert`);
  return row;
}
