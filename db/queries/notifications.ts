import { and, count, desc, eq, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { notifications } from '../schema';

export type NewNotification = typeof notifications.$inferInsert;

/**
 * REQ: WO-6, GRP-4 — adds a notice (通知) for a role. Its ID names what it is about (`<work order>:<target>`,
 * `<order>:bbossOverdue`), so a retried or replayed step leaves the first notice as it was: one notice each.
 */
export async function addNotification(db: DbOrTx, notice: NewNotification): Promise<void> {
  await db.insert(notifications).values(notice).onConflictDoNothing();
}

export type NotificationRecord = typeof notifications.$inferSelect;

/** What a notice list is filtered by (REQ: WO-6, GRP-4); every filter is optional. */
export interface NotificationFilter {
  role?: string;
  outletCode?: string;
  unread?: boolean;
  offset: number;
  limit: number;
}

/** One page of notices, newest first, and how many match the filter in all. */
export async function listNotifications(
  db: DbOrTx,
  filter: NotificationFilter,
): Promise<{ rows: NotificationRecord[]; total: number }> {
  const conditions: SQL[] = [];
  if (filter.role) conditions.push(eq(notifications.recipientRole, filter.role));
  if (filter.outletCode) conditions.push(eq(notifications.outletCode, filter.outletCode));
  if (filter.unread !== undefined) {
    conditions.push(filter.unread ? isNull(notifications.readAt) : isNotNull(notifications.readAt));
  }
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(notifications)
      .where(where)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .offset(filter.offset)
      .limit(filter.limit),
    db.select({ n: count() }).from(notifications).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** Marks a notice read, keeping the first time it was read; `undefined` for an unknown ID. */
export async function markNotificationRead(db: DbOrTx, id: string): Promise<NotificationRecord | undefined> {
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(eq(notifications.id, id))
    .returning();
  return row;
}
