import { and, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../client';
import { bills, lineSettlements, numbers, simCards, subscribers } from '../schema';
import { recycleNumber } from './resources';

/**
 * Pre-cancellation (预销号 → 销号) in the database. A line in grace is `preCancelled` with `locked_by` = the
 * order: every write below is conditional on that hold, so a retried or late write changes nothing twice.
 */

/** REQ: PC-4 — amounts of the line's bills of months before `period` (`YYYY-MM`), newest first. */
export async function billsBefore(
  db: DbOrTx,
  msisdn: string,
  period: string,
  limit: number,
): Promise<number[]> {
  const rows = await db
    .select({ amountFen: bills.amountFen })
    .from(bills)
    .where(and(eq(bills.msisdn, msisdn), lt(bills.period, period)))
    .orderBy(desc(bills.period))
    .limit(limit);
  return rows.map((r) => r.amountFen);
}

const heldBy = (msisdn: string, orderId: string) =>
  and(
    eq(subscribers.msisdn, msisdn),
    eq(subscribers.status, 'preCancelled'),
    eq(subscribers.lockedBy, orderId),
  );

/** True while the order holds the line in grace. */
export async function lineHeldBy(db: DbOrTx, msisdn: string, orderId: string): Promise<boolean> {
  const rows = await db
    .select({ msisdn: subscribers.msisdn })
    .from(subscribers)
    .where(heldBy(msisdn, orderId));
  return rows.length > 0;
}

/**
 * active (and held by no other order) → preCancelled, held by the order, with the settlement credited to the balance — one UPDATE, so the
 * credit happens exactly once. Returns false when the line is neither active nor already held by the order.
 */
export async function enterGrace(
  db: DbOrTx,
  input: { msisdn: string; orderId: string; creditFen: number },
): Promise<boolean> {
  const moved = await db
    .update(subscribers)
    .set({
      status: 'preCancelled',
      lockedBy: input.orderId,
      balanceFen: sql`${subscribers.balanceFen} + ${input.creditFen}`,
      updatedAt: sql`now()`,
    })
    .where(
      and(
        eq(subscribers.msisdn, input.msisdn),
        eq(subscribers.status, 'active'),
        isNull(subscribers.lockedBy),
      ),
    )
    .returning({ msisdn: subscribers.msisdn });
  return moved.length > 0 || lineHeldBy(db, input.msisdn, input.orderId);
}

/** preCancelled (held by the order) → active, taking `debitFen` back off the balance; a no-op otherwise. */
export async function leaveGrace(
  db: DbOrTx,
  input: { msisdn: string; orderId: string; debitFen: number },
): Promise<void> {
  await db
    .update(subscribers)
    .set({
      status: 'active',
      lockedBy: null,
      balanceFen: sql`${subscribers.balanceFen} - ${input.debitFen}`,
      updatedAt: sql`now()`,
    })
    .where(heldBy(input.msisdn, input.orderId));
}

/** The balance of a line the order holds in grace; null when it does not hold it. */
export async function heldBalance(db: DbOrTx, msisdn: string, orderId: string): Promise<number | null> {
  const [row] = await db
    .select({ balanceFen: subscribers.balanceFen })
    .from(subscribers)
    .where(heldBy(msisdn, orderId));
  return row?.balanceFen ?? null;
}

/**
 * REQ: PC-5 — formal cancellation (销号) in one transaction: the line becomes `cancelled` with a zero balance
 * (the final bill was settled just before), its number goes to the recycle pool until `availableFrom`, and
 * its SIM is retired (`damaged`: never issued again) and unbound. Returns false when the order no longer
 * holds the line and never closed it; closing again is a no-op that returns true.
 */
export async function closeLine(
  db: Db,
  input: { msisdn: string; orderId: string; cooldownSeconds: number },
): Promise<{ closed: boolean; availableFrom: Date | null }> {
  return db.transaction(async (tx) => {
    const [line] = await tx
      .update(subscribers)
      .set({ status: 'cancelled', balanceFen: 0, updatedAt: sql`now()` })
      .where(heldBy(input.msisdn, input.orderId))
      .returning({ iccid: subscribers.iccid });
    if (line) {
      await recycleNumber(tx, input.msisdn, input.cooldownSeconds);
      await tx
        .update(simCards)
        .set({ status: 'damaged', msisdn: null, updatedAt: sql`now()` })
        .where(eq(simCards.iccid, line.iccid));
    }
    const [number] = await tx
      .select({ status: numbers.status, availableFrom: numbers.availableFrom })
      .from(numbers)
      .where(eq(numbers.msisdn, input.msisdn));
    const [after] = await tx
      .select({ status: subscribers.status, lockedBy: subscribers.lockedBy })
      .from(subscribers)
      .where(eq(subscribers.msisdn, input.msisdn));
    const closed = after?.status === 'cancelled' && after.lockedBy === input.orderId;
    return { closed, availableFrom: number?.status === 'recycled' ? (number.availableFrom ?? null) : null };
  });
}

/**
 * REQ: PC-5 — what a line cancelled without the customer's visit leaves open: credit kept for refund on
 * request (`refundDue`) or arrears handed to collection (`collection`). Once per order and kind.
 */
export async function recordLineSettlement(
  db: DbOrTx,
  input: { orderId: string; msisdn: string; kind: 'refundDue' | 'collection'; amountFen: number },
): Promise<void> {
  await db.insert(lineSettlements).values(input).onConflictDoNothing();
}
