import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { orderKeys } from '../schema';

export type OrderKeyRow = typeof orderKeys.$inferSelect;

/**
 * REQ: ORD-3 — what a channel's idempotency key is for. Orders record the client's key as it came; work
 * orders and member batches record it as `<kind>/<key>` in the same table, so the three never share a key
 * (a client's key cannot hold "/", see `idempotencyKeySchema`) while each stays one per channel and key.
 */
export type KeyScope = 'order' | 'workOrder' | 'memberBatch';

/** REQ: ORD-3 — the `idempotency_key` a client's key is recorded under for what it stands for. */
export const scopedIdempotencyKey = (scope: KeyScope, idempotencyKey: string): string =>
  scope === 'order' ? idempotencyKey : `${scope}/${idempotencyKey}`;

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
