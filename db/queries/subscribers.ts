import { and, eq, inArray, sql } from 'drizzle-orm';
import type { SubscriberStatus } from '../../domain/subscribers';
import type { DbOrTx } from '../client';
import { bills, subscribers } from '../schema';

export type SubscriberRow = typeof subscribers.$inferSelect;

/**
 * The line comes to life when its account opening commits; a second call for the same line is a no-op. A
 * number sold again after its cool-down (REQ: PC-5) replaces the formally cancelled line it belonged to.
 */
export async function createSubscriber(
  db: DbOrTx,
  s: Pick<
    typeof subscribers.$inferInsert,
    'msisdn' | 'customerId' | 'iccid' | 'imsi' | 'productCode' | 'internationalRoaming' | 'balanceFen'
  >,
): Promise<void> {
  await db
    .insert(subscribers)
    .values(s)
    .onConflictDoUpdate({
      target: subscribers.msisdn,
      set: {
        ...s,
        status: 'active',
        features: sql`'{}'::text[]`,
        discountCode: null,
        servicePasswordHash: null,
        lockedBy: null,
        openedAt: sql`now()`,
        updatedAt: sql`now()`,
      },
      setWhere: eq(subscribers.status, 'cancelled'),
    });
}

export async function findSubscriber(db: DbOrTx, msisdn: string): Promise<SubscriberRow | null> {
  const [row] = await db.select().from(subscribers).where(eq(subscribers.msisdn, msisdn));
  return row ?? null;
}

/**
 * Moves a line from one of `from` to `to` in one conditional UPDATE; returns the row, or null when the line
 * is not in any of the expected states (someone else changed it first).
 */
export async function transitionSubscriber(
  db: DbOrTx,
  msisdn: string,
  from: readonly SubscriberStatus[],
  to: SubscriberStatus,
  extra: Partial<Pick<SubscriberRow, 'lockedBy'>> = {},
): Promise<SubscriberRow | null> {
  const [row] = await db
    .update(subscribers)
    .set({ status: to, ...extra, updatedAt: sql`now()` })
    .where(and(eq(subscribers.msisdn, msisdn), inArray(subscribers.status, [...from])))
    .returning();
  return row ?? null;
}

/** Adds (or with a negative amount, takes) money on the line's prepaid balance; returns the new balance. */
export async function adjustBalance(db: DbOrTx, msisdn: string, deltaFen: number): Promise<number | null> {
  const [row] = await db
    .update(subscribers)
    .set({ balanceFen: sql`${subscribers.balanceFen} + ${deltaFen}`, updatedAt: sql`now()` })
    .where(eq(subscribers.msisdn, msisdn))
    .returning({ balanceFen: subscribers.balanceFen });
  return row?.balanceFen ?? null;
}

/** The line's bills, newest period first. */
export async function recentBills(db: DbOrTx, msisdn: string, limit: number) {
  return db
    .select()
    .from(bills)
    .where(eq(bills.msisdn, msisdn))
    .orderBy(sql`${bills.period} desc`)
    .limit(limit);
}
