import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { parkedSecrets } from '../schema';

export type ParkedSecretKind = 'servicePassword' | 'authorizationCode';

/** The ID a parked secret goes by in workflow inputs: the order and what the secret is for. */
export const parkedSecretId = (orderId: string, kind: ParkedSecretKind): string => `${orderId}:${kind}`;

/**
 * Parks a secret of an order before its workflow starts (a bcrypt `hash` or a `sealed` value); a resubmitted
 * order parks nothing new: the first parked value stays. Returns the ID to pass to the workflow.
 */
export async function parkSecret(
  db: DbOrTx,
  s: { orderId: string; kind: ParkedSecretKind; hash?: string; sealed?: string },
): Promise<string> {
  const id = parkedSecretId(s.orderId, s.kind);
  await db
    .insert(parkedSecrets)
    .values({ id, orderId: s.orderId, kind: s.kind, hash: s.hash ?? null, sealed: s.sealed ?? null })
    .onConflictDoNothing();
  return id;
}

/** A parked secret by its ID, or null. */
export async function findParkedSecret(
  db: DbOrTx,
  id: string,
): Promise<typeof parkedSecrets.$inferSelect | null> {
  const [row] = await db.select().from(parkedSecrets).where(eq(parkedSecrets.id, id));
  return row ?? null;
}

/** Marks a parked secret used by its order and wipes a sealed value no longer needed. */
export async function markParkedSecretUsed(db: DbOrTx, id: string): Promise<void> {
  await db
    .update(parkedSecrets)
    .set({ usedAt: sql`now()`, sealed: null })
    .where(and(eq(parkedSecrets.id, id), isNull(parkedSecrets.usedAt)));
}
