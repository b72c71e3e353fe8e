import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { portOutCodes } from '../schema';

/** REQ: MNP-5 — the port-out order's code as stored: its keyed hash, expiry and wrong attempts; or null. */
export async function findPortOutCode(
  db: DbOrTx,
  orderId: string,
): Promise<typeof portOutCodes.$inferSelect | null> {
  const [row] = await db.select().from(portOutCodes).where(eq(portOutCodes.orderId, orderId));
  return row ?? null;
}

/**
 * REQ: MNP-5 — records how many wrong codes the order has refused so far. The workflow counts each
 * recipient request once (a callback the clearing system re-sends is not counted again) and passes its
 * count, so a retried write never counts twice.
 */
export async function setWrongPortOutCodes(db: DbOrTx, orderId: string, wrongCodes: number): Promise<void> {
  await db
    .update(portOutCodes)
    .set({ failedAttempts: sql`greatest(${portOutCodes.failedAttempts}, ${wrongCodes})` })
    .where(eq(portOutCodes.orderId, orderId));
}
