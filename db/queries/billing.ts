import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { customers, payments, subscribers } from '../schema';

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
  const [inserted] = await db
    .insert(payments)
    .values({ ...p, status: 'charged' })
    .onConflictDoNothing()
    .returning();
  // A retry finds the row its first attempt wrote.
  const row = inserted ?? (await findPayment(db, p.id));
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

/**
 * REQ: OPEN-5 — the owner of a line as a payer: its kind and, for an enterprise, the unit certificate (kept as
 * the record's ID number) and business licence its corporate account is verified with. Null: no such line.
 */
export async function findLineOwnerAsPayer(
  db: DbOrTx,
  msisdn: string,
): Promise<{ kind: string | null; idNumber: string | null; details: unknown } | null> {
  const [row] = await db
    .select({ kind: customers.kind, idNumber: customers.idNumber, details: customers.details })
    .from(subscribers)
    .leftJoin(customers, eq(customers.id, subscribers.customerId))
    .where(eq(subscribers.msisdn, msisdn));
  return row ?? null;
}
