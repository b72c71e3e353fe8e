import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { customers } from '../schema';

/** REQ: OPEN-3 — pre-enter (预录入) the customer for an order; a second call for the same order is a no-op. */
export async function preEnterCustomer(
  db: DbOrTx,
  c: Omit<typeof customers.$inferInsert, 'state' | 'createdAt' | 'updatedAt'>,
): Promise<void> {
  await db
    .insert(customers)
    .values({ ...c, state: 'preEntered' })
    .onConflictDoNothing();
}

export async function setCustomerState(
  db: DbOrTx,
  orderId: string,
  from: 'preEntered' | 'committed',
  to: 'committed' | 'discarded',
): Promise<void> {
  await db
    .update(customers)
    .set({ state: to, updatedAt: sql`now()` })
    .where(and(eq(customers.orderId, orderId), eq(customers.state, from)));
}
