import { and, eq, ne } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { groupSubscriptions } from '../schema';

export type GroupSubscriptionRow = typeof groupSubscriptions.$inferSelect;

/** The group's live (not cancelled) subscription of a product, if any. */
export async function findLiveSubscription(
  db: DbOrTx,
  groupCode: string,
  productCode: string,
): Promise<GroupSubscriptionRow | null> {
  const [row] = await db
    .select()
    .from(groupSubscriptions)
    .where(
      and(
        eq(groupSubscriptions.groupCode, groupCode),
        eq(groupSubscriptions.productCode, productCode),
        ne(groupSubscriptions.status, 'cancelled'),
      ),
    );
  return row ?? null;
}
