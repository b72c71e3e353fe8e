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
