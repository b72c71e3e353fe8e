import { and, eq, sql } from 'drizzle-orm';
import type { AttributeValues } from '../../domain/product-spec';
import type { DbOrTx } from '../client';
import { groupMemberEvents, groupMembers, groupSubscriptions, subscribers } from '../schema';

/** REQ: GRP-6…GRP-8 — a group subscription's members and the append-only record of their changes. */

export type GroupMemberRow = typeof groupMembers.$inferSelect;
export type MemberAction = 'add' | 'change' | 'delete';

export async function findGroupMember(
  db: DbOrTx,
  subscriptionId: string,
  msisdn: string,
): Promise<GroupMemberRow | null> {
  const [row] = await db
    .select()
    .from(groupMembers)
    .where(and(eq(groupMembers.subscriptionId, subscriptionId), eq(groupMembers.msisdn, msisdn)));
  return row ?? null;
}

/** Whether the number is one of our lines in service (状态正常): only those may join a group. */
export async function isLineInService(db: DbOrTx, msisdn: string): Promise<boolean> {
  const [row] = await db
    .select({ status: subscribers.status })
    .from(subscribers)
    .where(eq(subscribers.msisdn, msisdn));
  return row?.status === 'active';
}

/**
 * The subscription's status, read under a share lock: members are added only while it is active, and a
 * cancellation (GRP-9), which takes the row for update, waits for the additions in flight or sees them.
 */
export async function lockSubscriptionStatus(db: DbOrTx, subscriptionId: string): Promise<string | null> {
  const [row] = await db
    .select({ status: groupSubscriptions.status })
    .from(groupSubscriptions)
    .where(eq(groupSubscriptions.id, subscriptionId))
    .for('share');
  return row?.status ?? null;
}

/**
 * Adds the member unless the number is a member already; returns who added the member that is there now
 * (`addedBy`), so a retried add recognises its own row.
 */
export async function insertGroupMember(
  db: DbOrTx,
  member: { subscriptionId: string; msisdn: string; attributes: AttributeValues; addedBy: string },
): Promise<{ inserted: boolean; addedBy: string | null }> {
  const [row] = await db
    .insert(groupMembers)
    .values(member)
    .onConflictDoNothing()
    .returning({ addedBy: groupMembers.addedBy });
  if (row) return { inserted: true, addedBy: row.addedBy };
  const existing = await findGroupMember(db, member.subscriptionId, member.msisdn);
  return { inserted: false, addedBy: existing?.addedBy ?? null };
}

/** Removes the member only when `addedBy` added it: an undo never removes someone else's member. */
export async function deleteMemberAddedBy(
  db: DbOrTx,
  subscriptionId: string,
  msisdn: string,
  addedBy: string,
): Promise<void> {
  await db
    .delete(groupMembers)
    .where(
      and(
        eq(groupMembers.subscriptionId, subscriptionId),
        eq(groupMembers.msisdn, msisdn),
        eq(groupMembers.addedBy, addedBy),
      ),
    );
}

/** REQ: GRP-7 — merges the given attributes into the member's; returns them all, or null for no member. */
export async function mergeMemberAttributes(
  db: DbOrTx,
  subscriptionId: string,
  msisdn: string,
  attributes: AttributeValues,
): Promise<AttributeValues | null> {
  const [row] = await db
    .update(groupMembers)
    .set({
      attributes: sql`${groupMembers.attributes} || ${JSON.stringify(attributes)}::jsonb`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(groupMembers.subscriptionId, subscriptionId), eq(groupMembers.msisdn, msisdn)))
    .returning({ attributes: groupMembers.attributes });
  return row ? row.attributes : null;
}

/** REQ: GRP-8 — removes the member (a no-op when already gone). */
export async function deleteGroupMember(db: DbOrTx, subscriptionId: string, msisdn: string): Promise<void> {
  await db
    .delete(groupMembers)
    .where(and(eq(groupMembers.subscriptionId, subscriptionId), eq(groupMembers.msisdn, msisdn)));
}

/** One line of the member record; the same source, member and action again adds nothing. */
export async function recordMemberEvent(
  db: DbOrTx,
  event: {
    source: string;
    msisdn: string;
    action: MemberAction;
    subscriptionId: string;
    attributes: AttributeValues | null;
    actor: string;
  },
): Promise<void> {
  await db.insert(groupMemberEvents).values(event).onConflictDoNothing();
}
