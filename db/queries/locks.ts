import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { groupSubscriptions, subscribers } from '../schema';

/**
 * Locks an order holds while it works: a line (`subscribers.locked_by`, e.g. a pre-cancellation in grace, a
 * port-out) or a group's product (`group_subscriptions.locked_by`, a change or cancellation in progress).
 */
export type LockKind = 'line' | 'groupProduct';

export interface HeldLock {
  kind: LockKind;
  /** The line's number, or `<groupCode>/<productCode>`. */
  key: string;
  holder: string;
}

/** Every lock held now, lines first, each ordered by key. */
export async function listHeldLocks(db: DbOrTx): Promise<HeldLock[]> {
  const lines = await db
    .select({ key: subscribers.msisdn, holder: subscribers.lockedBy })
    .from(subscribers)
    .where(isNotNull(subscribers.lockedBy))
    .orderBy(subscribers.msisdn);
  const products = await db
    .select({
      key: sql<string>`${groupSubscriptions.groupCode} || '/' || ${groupSubscriptions.productCode}`,
      holder: groupSubscriptions.lockedBy,
    })
    .from(groupSubscriptions)
    .where(isNotNull(groupSubscriptions.lockedBy))
    .orderBy(groupSubscriptions.groupCode, groupSubscriptions.productCode);
  return [
    ...lines.map((l) => ({ kind: 'line' as const, key: l.key, holder: l.holder ?? '' })),
    ...products.map((p) => ({ kind: 'groupProduct' as const, key: p.key, holder: p.holder ?? '' })),
  ];
}

/** The order holding the lock, or null when nothing holds it (or there is no such line or product). */
export async function lockHolder(db: DbOrTx, kind: LockKind, key: string): Promise<string | null> {
  if (kind === 'line') {
    const [row] = await db
      .select({ holder: subscribers.lockedBy })
      .from(subscribers)
      .where(eq(subscribers.msisdn, key));
    return row?.holder ?? null;
  }
  const [groupCode, productCode] = key.split('/');
  const [row] = await db
    .select({ holder: groupSubscriptions.lockedBy })
    .from(groupSubscriptions)
    .where(
      and(
        eq(groupSubscriptions.groupCode, groupCode ?? ''),
        eq(groupSubscriptions.productCode, productCode ?? ''),
        isNotNull(groupSubscriptions.lockedBy),
      ),
    );
  return row?.holder ?? null;
}

/** Clears the lock if `holder` still holds it (one conditional UPDATE); false when it no longer does. */
export async function releaseLock(db: DbOrTx, kind: LockKind, key: string, holder: string): Promise<boolean> {
  if (kind === 'line') {
    const rows = await db
      .update(subscribers)
      .set({ lockedBy: null, updatedAt: sql`now()` })
      .where(and(eq(subscribers.msisdn, key), eq(subscribers.lockedBy, holder)))
      .returning({ key: subscribers.msisdn });
    return rows.length > 0;
  }
  const [groupCode, productCode] = key.split('/');
  const rows = await db
    .update(groupSubscriptions)
    .set({ lockedBy: null, updatedAt: sql`now()` })
    .where(
      and(
        eq(groupSubscriptions.groupCode, groupCode ?? ''),
        eq(groupSubscriptions.productCode, productCode ?? ''),
        eq(groupSubscriptions.lockedBy, holder),
      ),
    )
    .returning({ id: groupSubscriptions.id });
  return rows.length > 0;
}
