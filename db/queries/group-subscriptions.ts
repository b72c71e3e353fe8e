import { and, count, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import type { AttributeValues } from '../../domain/product-spec';
import type { DbOrTx } from '../client';
import { groupMemberEvents, groupSubscriptions } from '../schema';

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

/** REQ: GRP-3 — the terms a subscription runs on. */
export interface GroupTerms {
  attributes: AttributeValues;
  tariffCode: string;
  tariffParams: AttributeValues;
}

/** REQ: GRP-2, GRP-5 — terms that replace the current ones at the start of the next cycle. */
export interface ScheduledTerms extends GroupTerms {
  effectiveFrom: string;
  /** The change order that scheduled them. */
  orderId: string;
}

/** What a change alters: only the attributes given (merged), the tariff when given. */
export interface TermsChange {
  attributes?: AttributeValues;
  tariff?: { code: string; params: AttributeValues };
}

export interface NewSubscription extends GroupTerms {
  /** The opening order's ID. */
  id: string;
  groupCode: string;
  productCode: string;
  contractId: string;
  payingAccountId: string;
  customerManagerId: string;
  submitterId: string;
  termsEffectiveFrom: Date;
}

/**
 * REQ: GRP-1 — holds the group's one live subscription of the product for the opening order: a row
 * `opening`, locked by the order. The partial unique index refuses it while another live one exists, so two
 * orders can never open the product twice. Reserving again for the same order is a no-op.
 */
export async function reserveSubscription(db: DbOrTx, row: NewSubscription): Promise<'reserved' | 'taken'> {
  const [inserted] = await db
    .insert(groupSubscriptions)
    .values({ ...row, status: 'opening', lockedBy: row.id })
    .onConflictDoNothing()
    .returning({ id: groupSubscriptions.id });
  if (inserted) return 'reserved';
  const [mine] = await db
    .select({ id: groupSubscriptions.id })
    .from(groupSubscriptions)
    .where(eq(groupSubscriptions.id, row.id));
  return mine ? 'reserved' : 'taken';
}

/** Undo of `reserveSubscription`: the row goes, but only while it is still being opened. */
export async function discardOpeningSubscription(db: DbOrTx, id: string): Promise<void> {
  await db
    .delete(groupSubscriptions)
    .where(and(eq(groupSubscriptions.id, id), eq(groupSubscriptions.status, 'opening')));
}

export type LockOutcome =
  | { outcome: 'locked'; row: GroupSubscriptionRow }
  | { outcome: 'notActive'; status: string | null }
  | { outcome: 'busy'; lockedBy: string };

/**
 * REQ: GRP-5, GRP-9 — lets one order at a time change or cancel the group's active subscription: one
 * conditional UPDATE takes the lock, so two orders never both hold it. Locking again for the holder is a no-op.
 */
export async function lockSubscription(
  db: DbOrTx,
  key: { orderId: string; groupCode: string; productCode: string },
): Promise<LockOutcome> {
  const [row] = await db
    .update(groupSubscriptions)
    .set({ lockedBy: key.orderId, updatedAt: sql`now()` })
    .where(
      and(
        eq(groupSubscriptions.groupCode, key.groupCode),
        eq(groupSubscriptions.productCode, key.productCode),
        eq(groupSubscriptions.status, 'active'),
        or(isNull(groupSubscriptions.lockedBy), eq(groupSubscriptions.lockedBy, key.orderId)),
      ),
    )
    .returning();
  if (row) return { outcome: 'locked', row };
  const live = await findLiveSubscription(db, key.groupCode, key.productCode);
  if (!live || live.status !== 'active') return { outcome: 'notActive', status: live?.status ?? null };
  return { outcome: 'busy', lockedBy: live.lockedBy ?? 'another order' };
}

/** Releases the order's lock (a no-op when it holds none). */
export async function unlockSubscription(db: DbOrTx, id: string, orderId: string): Promise<void> {
  await db
    .update(groupSubscriptions)
    .set({ lockedBy: null, updatedAt: sql`now()` })
    .where(and(eq(groupSubscriptions.id, id), eq(groupSubscriptions.lockedBy, orderId)));
}

/**
 * REQ: GRP-1, GRP-2 — BBOSS opened the product: the subscription is active on its terms from
 * `termsEffectiveFrom`, and unlocked. Once active, running it again changes nothing.
 */
export async function activateSubscription(
  db: DbOrTx,
  input: { id: string; bbossRef: string; termsEffectiveFrom: Date },
): Promise<void> {
  await db
    .update(groupSubscriptions)
    .set({
      status: 'active',
      bbossRef: input.bbossRef,
      termsEffectiveFrom: input.termsEffectiveFrom,
      openedAt: sql`now()`,
      lockedBy: null,
      updatedAt: sql`now()`,
    })
    .where(and(eq(groupSubscriptions.id, input.id), eq(groupSubscriptions.status, 'opening')));
}

/**
 * REQ: GRP-2, GRP-5 — applies a change BBOSS confirmed, on the subscription the order holds locked.
 * Immediate: the current terms change now (and the scheduled ones too, so they do not undo it at the next
 * cycle). Next cycle: the change is scheduled on top of what was already scheduled, replacing it. Applying
 * the same change again gives the same terms. Returns false when the order no longer holds the lock.
 */
export async function applyTermsChange(
  db: DbOrTx,
  input: {
    id: string;
    orderId: string;
    change: TermsChange;
    effectiveMode: 'immediate' | 'nextCycle';
    effectiveFrom: Date;
    customerManagerId: string;
    submitterId: string;
  },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(groupSubscriptions)
      .where(and(eq(groupSubscriptions.id, input.id), eq(groupSubscriptions.lockedBy, input.orderId)))
      .for('update');
    if (!row) return false;
    const current: GroupTerms = {
      attributes: row.attributes,
      tariffCode: row.tariffCode,
      tariffParams: row.tariffParams,
    };
    const scheduled = row.scheduledTerms as ScheduledTerms | null;
    const people = { customerManagerId: input.customerManagerId, submitterId: input.submitterId };
    if (input.effectiveMode === 'nextCycle') {
      const next: ScheduledTerms = {
        ...withChange(scheduled ?? current, input.change),
        effectiveFrom: input.effectiveFrom.toISOString(),
        orderId: input.orderId,
      };
      await tx
        .update(groupSubscriptions)
        .set({ scheduledTerms: next, ...people, updatedAt: sql`now()` })
        .where(eq(groupSubscriptions.id, input.id));
      return true;
    }
    await tx
      .update(groupSubscriptions)
      .set({
        ...withChange(current, input.change),
        termsEffectiveFrom: input.effectiveFrom,
        scheduledTerms: scheduled ? { ...scheduled, ...withChange(scheduled, input.change) } : null,
        ...people,
        updatedAt: sql`now()`,
      })
      .where(eq(groupSubscriptions.id, input.id));
    return true;
  });
}

function withChange(terms: GroupTerms, change: TermsChange): GroupTerms {
  return {
    attributes: { ...terms.attributes, ...change.attributes },
    tariffCode: change.tariff?.code ?? terms.tariffCode,
    tariffParams: change.tariff ? change.tariff.params : terms.tariffParams,
  };
}

/**
 * REQ: GRP-9 — BBOSS confirmed the cancellation: the subscription is `cancelling` (no member may join any
 * more) until its members are gone. Returns false when the order no longer holds the lock.
 */
export async function markCancelling(db: DbOrTx, id: string, orderId: string): Promise<boolean> {
  const [row] = await db
    .update(groupSubscriptions)
    .set({ status: 'cancelling', updatedAt: sql`now()` })
    .where(
      and(
        eq(groupSubscriptions.id, id),
        eq(groupSubscriptions.lockedBy, orderId),
        inArray(groupSubscriptions.status, ['active', 'cancelling']),
      ),
    )
    .returning({ id: groupSubscriptions.id });
  return row !== undefined;
}

/**
 * REQ: GRP-9 — removes up to `limit` members of the subscription and writes one `delete` event per member
 * (source = the cancelling order, actor `system`), in ONE statement: a member is never gone without its
 * event, and a retry after a partial run removes only those left. Returns how many rows it removed.
 */
export async function removeMembersChunk(
  db: DbOrTx,
  input: { subscriptionId: string; source: string; limit: number },
): Promise<number> {
  const [row] = await db.execute<{ removed: number }>(sql`
    with gone as (
      delete from group_members m
      using (
        select msisdn from group_members
        where subscription_id = ${input.subscriptionId}
        order by msisdn
        limit ${input.limit}
      ) chunk
      where m.subscription_id = ${input.subscriptionId} and m.msisdn = chunk.msisdn
      returning m.msisdn, m.attributes
    ),
    logged as (
      insert into group_member_events (source, msisdn, action, subscription_id, attributes, actor)
      select ${input.source}, gone.msisdn, 'delete', ${input.subscriptionId}, gone.attributes, 'system'
      from gone
      on conflict do nothing
    )
    select count(*)::int as removed from gone`);
  return row?.removed ?? 0;
}

/** REQ: GRP-9 — members a source (order) removed, counted from their events: exact across retries. */
export async function countRemovedMembers(
  db: DbOrTx,
  subscriptionId: string,
  source: string,
): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(groupMemberEvents)
    .where(
      and(
        eq(groupMemberEvents.source, source),
        eq(groupMemberEvents.subscriptionId, subscriptionId),
        eq(groupMemberEvents.action, 'delete'),
      ),
    );
  return row?.n ?? 0;
}

/** REQ: GRP-9 — the cancellation is done: `cancelled`, unlocked. Running it again changes nothing. */
export async function closeCancelledSubscription(db: DbOrTx, id: string, orderId: string): Promise<void> {
  await db
    .update(groupSubscriptions)
    .set({ status: 'cancelled', cancelledAt: sql`now()`, lockedBy: null, updatedAt: sql`now()` })
    .where(
      and(
        eq(groupSubscriptions.id, id),
        eq(groupSubscriptions.lockedBy, orderId),
        eq(groupSubscriptions.status, 'cancelling'),
      ),
    );
}
