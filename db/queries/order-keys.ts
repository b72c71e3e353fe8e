import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { orderKeys } from '../schema';

export type OrderKeyRow = typeof orderKeys.$inferSelect;

/** REQ: ORD-3 — the order a channel's idempotency key stands for, or null when the key is new. */
export async function findOrderKey(
  db: DbOrTx,
  channelCode: string,
  idempotencyKey: string,
): Promise<OrderKeyRow | null> {
  const [row] = await db
    .select()
    .from(orderKeys)
    .where(and(eq(orderKeys.channelCode, channelCode), eq(orderKeys.idempotencyKey, idempotencyKey)));
  return row ?? null;
}

/**
 * REQ: ORD-3 — records that a channel's key stands for an order with this request hash; when another
 * submission got there first, its record stays. Returns the record as it now is.
 */
export async function claimOrderKey(
  db: DbOrTx,
  key: { channelCode: string; idempotencyKey: string; orderId: string; requestHash: string },
): Promise<OrderKeyRow> {
  const [inserted] = await db.insert(orderKeys).values(key).onConflictDoNothing().returning();
  const row = inserted ?? (await findOrderKey(db, key.channelCode, key.idempotencyKey));
  // The order ID is made of the channel and the key, so a conflict always leaves a row to read.
  if (!row) throw new Error(`order key ${key.channelCode}/${key.idempotencyKey} could not be recorded`);
  return row;
}
