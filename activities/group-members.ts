import { ApplicationFailure } from '@temporalio/common';
import { findLiveSubscription } from '../db/queries/group-subscriptions';
import {
  deleteGroupMember,
  deleteMemberAddedBy,
  findGroupMember,
  insertGroupMember,
  isLineInService,
  lockSubscriptionStatus,
  mergeMemberAttributes,
  recordMemberEvent,
} from '../db/queries/group-members';
import {
  claimNextChunk,
  completeMemberBatch,
  findMemberBatch,
  hasPendingRows,
  insertMembersFromChunk,
  rejectPendingRows,
  rejectRefusedMembers,
  rejectRowsFailingChecks,
  settleChunk,
  type ClaimedChunk,
  progressOfBatch,
} from '../db/queries/member-batches';
import type { Tx } from '../db/client';
import { errorCatalogue, type ErrorCode } from '../domain/errors';
import type { AttributeValues } from '../domain/product-spec';
import type { MemberBatchProgress } from '../domain/member-batch-contract';
import type { BbossMemberChange, BbossMemberResult } from './adapters/bboss';
import type { ActivityDeps } from './deps';
import { businessFailure, transientFailure } from './failures';

/** What a batch row's reason says: the Chinese reason staff read, then the English detail. */
const reasonText = (code: ErrorCode, detail: string): string => `${errorCatalogue[code].zh} — ${detail}`;

/**
 * REQ: GRP-6…GRP-8 — member orders' and member batches' effects: the member rows of a group subscription,
 * their record of changes, and the member changes sent to BBOSS.
 */
export function createGroupMemberActivities({ db, bboss }: Pick<ActivityDeps, 'db' | 'bboss'>) {
  /** REQ: GRP-6…GRP-8 — tells BBOSS of member changes; a BBOSS that does not answer is retried. */
  async function syncWithBboss(req: {
    requestId: string;
    groupCode: string;
    productCode: string;
    changes: BbossMemberChange[];
  }): Promise<BbossMemberResult[]> {
    try {
      return (await bboss.syncMembers(req)).results;
    } catch (err) {
      throw transientFailure('BbossNoAnswer', `BBOSS member sync failed: ${(err as Error).message}`);
    }
  }

  return {
    /**
     * The checks of a member order before it changes anything: the group's product is active (all actions);
     * an added number is our line in service (GRP-6); a changed or deleted number is a member (GRP-7, GRP-8).
     */
    async checkMemberOrder(input: {
      action: 'add' | 'change' | 'delete';
      groupCode: string;
      productCode: string;
      msisdn: string;
    }): Promise<{ subscriptionId: string; attributes: AttributeValues | null }> {
      const subscription = await findLiveSubscription(db, input.groupCode, input.productCode);
      if (subscription?.status !== 'active') {
        throw businessFailure(
          'GroupProductNotActive',
          `Group ${input.groupCode} has no active ${input.productCode} product` +
            (subscription ? ` (it is ${subscription.status})` : ''),
        );
      }
      const member = await findGroupMember(db, subscription.id, input.msisdn);
      if (input.action === 'add') {
        if (!(await isLineInService(db, input.msisdn))) {
          throw businessFailure(
            'MemberNotInService',
            `${input.msisdn} is not one of our lines in service; only those may join a group`,
          );
        }
      } else if (!member) {
        throw businessFailure(
          'NotGroupMember',
          `${input.msisdn} is not a member of group ${input.groupCode}'s ${input.productCode} product`,
        );
      }
      return { subscriptionId: subscription.id, attributes: member?.attributes ?? null };
    },

    /**
     * REQ: GRP-6 — holds the member's place: the member row, added while the product is active. A retry
     * finds its own row; someone else's row means the number is a member already. Undo: `releaseGroupMember`.
     */
    async reserveGroupMember(input: {
      orderId: string;
      subscriptionId: string;
      msisdn: string;
      attributes: AttributeValues;
    }): Promise<void> {
      await db.transaction(async (tx) => {
        const status = await lockSubscriptionStatus(tx, input.subscriptionId);
        if (status !== 'active') {
          throw businessFailure(
            'GroupProductNotActive',
            `The group product is ${status ?? 'gone'}; members can no longer be added`,
          );
        }
        const { inserted, addedBy } = await insertGroupMember(tx, {
          subscriptionId: input.subscriptionId,
          msisdn: input.msisdn,
          attributes: input.attributes,
          addedBy: input.orderId,
        });
        if (!inserted && addedBy !== input.orderId) {
          throw businessFailure(
            'AlreadyGroupMember',
            `${input.msisdn} is a member of this group product already (added by ${addedBy ?? 'unknown'})`,
          );
        }
      });
    },

    /** Undo of `reserveGroupMember`: removes the member row this order added, and only that. */
    async releaseGroupMember(input: { orderId: string; subscriptionId: string; msisdn: string }) {
      await deleteMemberAddedBy(db, input.subscriptionId, input.msisdn, input.orderId);
    },

    /** REQ: GRP-6…GRP-8 — one member change at BBOSS, idempotent per order; a refusal ends the order. */
    async syncMemberWithBboss(input: {
      orderId: string;
      groupCode: string;
      productCode: string;
      change: BbossMemberChange;
    }): Promise<void> {
      const [result] = await syncWithBboss({
        requestId: `${input.orderId}:bboss`,
        groupCode: input.groupCode,
        productCode: input.productCode,
        changes: [input.change],
      });
      if (!result?.accepted) {
        throw businessFailure(
          'MemberRefusedByBboss',
          `BBOSS refused ${input.change.action} of ${input.change.msisdn}: ` +
            `${result?.reason ?? 'no reason given'} (${result?.reasonCode ?? '-'})`,
        );
      }
    },

    /** REQ: GRP-6 — records the added member in the member record. */
    async recordMemberAdded(input: {
      orderId: string;
      subscriptionId: string;
      msisdn: string;
      attributes: AttributeValues;
      actor: string;
    }): Promise<void> {
      await recordMemberEvent(db, {
        source: input.orderId,
        msisdn: input.msisdn,
        action: 'add',
        subscriptionId: input.subscriptionId,
        attributes: input.attributes,
        actor: input.actor,
      });
    },

    /** REQ: GRP-7 — merges the changed attributes into the member's and records the change; returns them all. */
    async changeGroupMember(input: {
      orderId: string;
      subscriptionId: string;
      msisdn: string;
      attributes: AttributeValues;
      actor: string;
    }): Promise<AttributeValues> {
      return db.transaction(async (tx) => {
        const merged = await mergeMemberAttributes(tx, input.subscriptionId, input.msisdn, input.attributes);
        if (!merged) {
          throw businessFailure('NotGroupMember', `${input.msisdn} stopped being a member meanwhile`);
        }
        await recordMemberEvent(tx, {
          source: input.orderId,
          msisdn: input.msisdn,
          action: 'change',
          subscriptionId: input.subscriptionId,
          attributes: input.attributes,
          actor: input.actor,
        });
        return merged;
      });
    },

    /** REQ: GRP-8 — removes the member and records it; repeating it changes nothing. */
    async removeGroupMember(input: {
      orderId: string;
      subscriptionId: string;
      msisdn: string;
      actor: string;
    }): Promise<void> {
      await db.transaction(async (tx) => {
        await deleteGroupMember(tx, input.subscriptionId, input.msisdn);
        await recordMemberEvent(tx, {
          source: input.orderId,
          msisdn: input.msisdn,
          action: 'delete',
          subscriptionId: input.subscriptionId,
          attributes: null,
          actor: input.actor,
        });
      });
    },

    /** REQ: GRP-6 — a member batch's counters as PostgreSQL has them. */
    async readMemberBatchProgress(input: { batchId: string }): Promise<MemberBatchProgress> {
      const batch = await findMemberBatch(db, input.batchId);
      if (!batch) throw businessFailure('BatchNotFound', `Member batch ${input.batchId} does not exist`);
      return progressOfBatch(batch);
    },

    /**
     * REQ: GRP-6 — handles the next `chunkSize` pending rows of a batch in ONE transaction, so a worker that
     * dies mid-chunk leaves nothing behind and the retry neither loses nor repeats a row. Chunks of one batch
     * may run side by side: each claims rows no other holds. Rows not in service or already members and lines
     * of a blacklisted owner (CUST-2) are rejected (one statement); the others become members and are sent to
     * BBOSS in one request whose ID is the chunk's first row (rows an attempt claimed and then lost, its
     * worker dead, are the first free ones again, so whichever chunk claims them next normally repeats that
     * request, and BBOSS answers it the same); members BBOSS refuses are taken back; the rest are accepted
     * with an `add` event each and the counters moved on (one statement, which also tells whether rows
     * remain). Returns the batch's counters and whether rows remain pending (held by other chunks or not).
     * When rows are pending but all are held by other transactions it fails `ChunkRowsHeld` (retried):
     * "nothing claimed" must not end the batch while an earlier attempt may still commit or roll back its
     * rows.
     */
    async processMemberBatchChunk(input: {
      batchId: string;
      chunkSize: number;
    }): Promise<MemberBatchProgress & { rowsRemain: boolean }> {
      return db.transaction(async (tx) => {
        const batch = await findMemberBatch(tx, input.batchId);
        if (!batch) throw businessFailure('BatchNotFound', `Member batch ${input.batchId} does not exist`);
        const chunk = await claimNextChunk(tx, input.batchId, input.chunkSize);
        if (!chunk) {
          // Rows still pending but none free: another transaction holds them — a sibling chunk, or an attempt
          // of this chunk that timed out while still waiting for BBOSS. The batch is not done until they
          // commit or roll back, so this attempt fails and is retried after a back-off.
          if (await hasPendingRows(tx, input.batchId)) {
            throw ApplicationFailure.retryable(
              `Member batch ${input.batchId}: its pending rows are held by another chunk; retrying`,
              'ChunkRowsHeld',
            );
          }
          return { ...progressOfBatch(batch), rowsRemain: false };
        }

        if ((await lockSubscriptionStatus(tx, batch.subscriptionId)) !== 'active') {
          await rejectPendingRows(
            tx,
            chunk,
            'GroupProductNotActive',
            reasonText('GroupProductNotActive', 'the group product stopped being active during the batch'),
          );
        } else {
          // REQ: CUST-2 — a new member is new business for its line's owner, as for a single member add.
          await rejectRowsFailingChecks(tx, chunk, batch.subscriptionId, {
            notInService: reasonText('MemberNotInService', 'the number is not one of our lines in service'),
            alreadyMember: reasonText(
              'AlreadyGroupMember',
              'the number is a member of this group product already',
            ),
            blacklistedPrefix: reasonText('CustomerBlacklisted', 'the owner of the number is blacklisted: '),
          });
          const added = await insertMembersFromChunk(tx, chunk, batch.subscriptionId);
          if (added.length > 0) {
            const results = await syncWithBboss({
              requestId: `${batch.id}:${chunk.first}`,
              groupCode: batch.groupCode,
              productCode: batch.productCode,
              changes: added.map((m) => ({ action: 'add', msisdn: m.msisdn, attributes: m.attributes })),
            });
            await rejectRefused(tx, chunk, batch.subscriptionId, added, results);
          }
        }
        // Whatever is still pending and not added by this batch became a member through another order meanwhile.
        const counters = await settleChunk(tx, chunk, batch.subscriptionId, batch.operatorId, {
          reasonCode: 'AlreadyGroupMember',
          reason: reasonText(
            'AlreadyGroupMember',
            'the number became a member of this group product meanwhile',
          ),
        });
        const { rowsRemain, ...settled } = counters;
        // Pending rows exist, whoever holds them: the batch is not done.
        return { ...progressOfBatch({ ...batch, ...settled }), rowsRemain };
      });
    },

    /**
     * REQ: GRP-6 — the batch is done: every row has its result. A row still pending (a chunk attempt still
     * holding it) fails `ChunkRowsHeld`, retried: the batch is completed only once no row can change.
     */
    async completeMemberBatch(input: { batchId: string }): Promise<MemberBatchProgress> {
      const batch = await completeMemberBatch(db, input.batchId);
      if (batch) return progressOfBatch(batch);
      if (!(await findMemberBatch(db, input.batchId))) {
        throw businessFailure('BatchNotFound', `Member batch ${input.batchId} does not exist`);
      }
      throw ApplicationFailure.retryable(
        `Member batch ${input.batchId} still has pending rows; it is completed once they have their results`,
        'ChunkRowsHeld',
      );
    },
  };
}

/** Members BBOSS refused (or did not answer for) are taken back, grouped by BBOSS's reason. */
async function rejectRefused(
  tx: Tx,
  chunk: ClaimedChunk,
  subscriptionId: string,
  added: { msisdn: string }[],
  results: BbossMemberResult[],
): Promise<void> {
  const answers = new Map(results.map((r) => [r.msisdn, r]));
  const byReason = new Map<string, string[]>();
  for (const { msisdn } of added) {
    const answer = answers.get(msisdn);
    if (answer?.accepted) continue;
    const reason = reasonText(
      'MemberRefusedByBboss',
      answer
        ? `BBOSS: ${answer.reason ?? 'no reason given'} (${answer.reasonCode ?? '-'})`
        : 'BBOSS gave no answer for this member',
    );
    const msisdns = byReason.get(reason) ?? [];
    msisdns.push(msisdn);
    byReason.set(reason, msisdns);
  }
  for (const [reason, msisdns] of byReason) {
    await rejectRefusedMembers(tx, chunk, subscriptionId, msisdns, reason);
  }
}
