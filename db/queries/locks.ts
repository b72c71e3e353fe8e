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

/** Every lock held now, lines first, each ordered by key, one page at a time, with the count of all. */
export async function pageOfHeldLocks(
  db: DbOrTx,
  page: { offset: number; limit: number },
): Promise<{ total: number; items: HeldLock[] }> {
  const held = sql`
    select 'line' as kind, 0 as rank, ${subscribers.msisdn} as key, ${subscribers.lockedBy} as holder
      from ${subscribers} where ${subscribers.lockedBy} is not null
    union all
    select 'groupProduct', 1, ${groupSubscriptions.groupCode} || '/' || ${groupSubscriptions.productCode},
           ${groupSubscriptions.lockedBy}
      from ${groupSubscriptions} where ${groupSubscriptions.lockedBy} is not null`;
  const [totals, rows] = await Promise.all([
    db.execute<{ n: number }>(sql`select count(*)::int as n from (${held}) held`),
    db.execute<{ kind: LockKind; key: string; holder: string }>(
      sql`select kind, key, holder from (${held}) held order by rank, key offset ${page.offset} limit ${page.limit}`,
    ),
  ]);
  return {
    total: totals[0]?.n ?? 0,
    items: rows.map((r) => ({ kind: r.kind, key: r.key, holder: r.holder })),
  };
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
