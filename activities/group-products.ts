import { Context, heartbeat } from '@temporalio/activity';
import { findGroupTariff } from '../db/queries/group-catalogue';
import {
  activateSubscription,
  applyTermsChange,
  closeCancelledSubscription,
  countRemovedMembers,
  discardOpeningSubscription,
  lockSubscription,
  markCancelling,
  removeMembersChunk,
  reserveSubscription,
  unlockSubscription,
  type TermsChange,
} from '../db/queries/group-subscriptions';
import { addNotification } from '../db/queries/notifications';
import type { Db } from '../db/client';
import { bbossOverdueNotice, type BbossOverdueOrder } from '../domain/bboss-overdue';
import type { GroupOpenRequest } from '../domain/groups';
import type { ActivityDeps } from './deps';
import type { BbossOrderStatus, BbossOrderSubmission } from './adapters/bboss';
import { businessFailure, transientFailure } from './failures';

/** Members removed per SQL statement when a group product is cancelled (GRP-9): 10,000 members = 10 statements. */
const MEMBER_REMOVAL_CHUNK = 1_000;

/** A subscription the order holds, and whether its chosen tariff needs an approver (资费审核, GRP-3). */
export interface HeldSubscription {
  subscriptionId: string;
  tariffNeedsApproval: boolean;
}

/**
 * REQ: GRP-1…GRP-5, GRP-9 — group product orders' effects: the group's subscription reserved or locked (each
 * with its undo beside it), the calls to BBOSS, and what BBOSS's confirmation changes in PostgreSQL.
 */
export function createGroupProductActivities({
  db,
  bboss,
  config,
}: Pick<ActivityDeps, 'db' | 'bboss' | 'config'>) {
  return {
    /**
     * REQ: GRP-1 — reserves the group's one live subscription of the product (`opening`, ID = order ID) with
     * the terms asked for. Another live one → `GroupProductAlreadyOrdered`. Undo: `discardGroupSubscription`.
     */
    async reserveGroupSubscription(input: {
      orderId: string;
      request: GroupOpenRequest;
      termsEffectiveFrom: string;
    }): Promise<HeldSubscription> {
      const { request } = input;
      const tariffNeedsApproval = await needsApproval(db, request.productCode, request.tariff.code);
      const outcome = await reserveSubscription(db, {
        id: input.orderId,
        groupCode: request.groupCode,
        productCode: request.productCode,
        contractId: request.contractId,
        payingAccountId: request.payingAccountId,
        customerManagerId: request.customerManagerId,
        submitterId: request.submitterId,
        attributes: request.attributes,
        tariffCode: request.tariff.code,
        tariffParams: request.tariff.params,
        termsEffectiveFrom: new Date(input.termsEffectiveFrom),
      });
      if (outcome === 'taken') {
        throw businessFailure(
          'GroupProductAlreadyOrdered',
          `Group ${request.groupCode} already has product ${request.productCode} (or an order is opening it)`,
        );
      }
      return { subscriptionId: input.orderId, tariffNeedsApproval };
    },

    /** Undo of `reserveGroupSubscription`: the `opening` row goes (an active one stays). */
    async discardGroupSubscription(input: { orderId: string }): Promise<void> {
      await discardOpeningSubscription(db, input.orderId);
    },

    /**
     * REQ: GRP-5, GRP-9 — locks the group's active subscription for this change or cancellation: none active →
     * `GroupProductNotActive`; held by another order → `GroupProductBusy`. Undo: `unlockGroupSubscription`.
     */
    async lockGroupSubscription(input: {
      orderId: string;
      groupCode: string;
      productCode: string;
      tariffCode?: string;
    }): Promise<HeldSubscription> {
      const tariffNeedsApproval = input.tariffCode
        ? await needsApproval(db, input.productCode, input.tariffCode)
        : false;
      const lock = await lockSubscription(db, input);
      switch (lock.outcome) {
        case 'locked':
          return { subscriptionId: lock.row.id, tariffNeedsApproval };
        case 'notActive':
          throw businessFailure(
            'GroupProductNotActive',
            `Group ${input.groupCode} has no active ${input.productCode}` +
              (lock.status ? ` (it is ${lock.status})` : ''),
          );
        case 'busy':
          throw businessFailure(
            'GroupProductBusy',
            `Group ${input.groupCode}'s ${input.productCode} is being changed by order ${lock.lockedBy}`,
          );
      }
    },

    /** Undo of `lockGroupSubscription`, and the release once the order is done. */
    async unlockGroupSubscription(input: { orderId: string; subscriptionId: string }): Promise<void> {
      await unlockSubscription(db, input.subscriptionId, input.orderId);
    },

    /**
     * REQ: GRP-4 — hands the order to BBOSS, which answers later. Idempotent per order: re-submitting is the
     * same BBOSS order (`requestId` = order ID + step).
     */
    async submitGroupOrderToBboss(
      input: Omit<BbossOrderSubmission, 'requestId'>,
    ): Promise<{ bbossRef: string }> {
      try {
        return await bboss.submitOrder({ ...input, requestId: `${input.orderId}:bboss` });
      } catch (err) {
        throw transientFailure('Unavailable', `BBOSS did not take the order: ${(err as Error).message}`);
      }
    },

    /** REQ: GRP-4 — asks BBOSS where an order stands, when its answer is late. */
    async queryBbossOrder(input: { bbossRef: string }): Promise<BbossOrderStatus> {
      try {
        return await bboss.queryOrder(input);
      } catch (err) {
        throw transientFailure('Unavailable', `BBOSS could not be asked: ${(err as Error).message}`);
      }
    },

    /**
     * REQ: GRP-4 — asks BBOSS about a late order for as long as it takes. BBOSS's answer, or its word that it
     * does not know the order, comes back with the number of asks so far; "still processing", or no answer at
     * all, fails this attempt, and Temporal asks again after the workflow's growing retry interval. Attempts
     * are not written into the workflow's history, so months of asking leave it the size it was.
     */
    async askBbossForNews(input: {
      bbossRef: string;
    }): Promise<{ asks: number; status: Exclude<BbossOrderStatus, { state: 'processing' }> }> {
      const asks = Context.current().info.attempt;
      let status: BbossOrderStatus;
      try {
        status = await bboss.queryOrder(input);
      } catch (err) {
        throw transientFailure('Unavailable', `BBOSS could not be asked: ${(err as Error).message}`);
      }
      if (status.state === 'processing') {
        throw transientFailure('BbossNoAnswer', `BBOSS is still processing ${input.bbossRef} (ask ${asks})`);
      }
      return { asks, status };
    },

    /**
     * REQ: GRP-4 — tells staff that BBOSS has not answered a group order in time: a notice (通知) in Chinese and
     * English for `BBOSS_OVERDUE_ROLE` at the outlet that took the order, once per order (ID
     * `<order>:bbossOverdue`). Answers whom it told, for the order's timeline.
     */
    async alertBbossOverdue(
      input: BbossOverdueOrder & { outletCode: string | null },
    ): Promise<{ recipientRole: string; outletCode: string | null }> {
      const notice = bbossOverdueNotice(input, new Date(), config.BUSINESS_UTC_OFFSET_HOURS);
      const to = { recipientRole: config.BBOSS_OVERDUE_ROLE, outletCode: input.outletCode };
      await addNotification(db, {
        id: `${input.orderId}:bbossOverdue`,
        ...to,
        kind: 'bboss.overdue',
        messageZh: notice.zh,
        messageEn: notice.en,
      });
      return to;
    },

    /** REQ: GRP-1, GRP-2 — BBOSS opened the product: the subscription is active from `termsEffectiveFrom`. */
    async activateGroupSubscription(input: {
      orderId: string;
      bbossRef: string;
      termsEffectiveFrom: string;
    }): Promise<void> {
      await activateSubscription(db, {
        id: input.orderId,
        bbossRef: input.bbossRef,
        termsEffectiveFrom: new Date(input.termsEffectiveFrom),
      });
    },

    /** REQ: GRP-2, GRP-5 — BBOSS confirmed the change: applied now, or scheduled for the next cycle. */
    async applyGroupChange(input: {
      orderId: string;
      subscriptionId: string;
      change: TermsChange;
      effectiveMode: 'immediate' | 'nextCycle';
      effectiveFrom: string;
      customerManagerId: string;
      submitterId: string;
    }): Promise<void> {
      const applied = await applyTermsChange(db, {
        ...input,
        id: input.subscriptionId,
        effectiveFrom: new Date(input.effectiveFrom),
      });
      if (!applied) throw lockLost(input.subscriptionId);
    },

    /** REQ: GRP-9 — BBOSS confirmed the cancellation: the subscription is `cancelling`. */
    async markGroupSubscriptionCancelling(input: { orderId: string; subscriptionId: string }): Promise<void> {
      if (!(await markCancelling(db, input.subscriptionId, input.orderId))) {
        throw lockLost(input.subscriptionId);
      }
    },

    /**
     * REQ: GRP-9 — removes every member of the subscription, a chunk per statement (heartbeating), each with
     * its `delete` event. A retry removes only those left; the count comes from the events, so it stays exact.
     */
    async removeAllGroupMembers(input: {
      orderId: string;
      subscriptionId: string;
    }): Promise<{ removed: number }> {
      for (;;) {
        const removed = await removeMembersChunk(db, {
          subscriptionId: input.subscriptionId,
          source: input.orderId,
          limit: MEMBER_REMOVAL_CHUNK,
        });
        heartbeat(removed);
        if (removed < MEMBER_REMOVAL_CHUNK) break;
      }
      return { removed: await countRemovedMembers(db, input.subscriptionId, input.orderId) };
    },

    /** REQ: GRP-9 — the subscription is `cancelled` and unlocked. */
    async closeGroupSubscription(input: { orderId: string; subscriptionId: string }): Promise<void> {
      await closeCancelledSubscription(db, input.subscriptionId, input.orderId);
    },
  };
}

/** REQ: GRP-3 — whether the tariff needs approval; an unknown tariff is refused (the API checks it first). */
async function needsApproval(db: Db, productCode: string, tariffCode: string): Promise<boolean> {
  const tariff = await findGroupTariff(db, productCode, tariffCode);
  if (!tariff) {
    throw businessFailure('TariffNotFound', `Tariff ${tariffCode} is not a tariff of product ${productCode}`);
  }
  return tariff.needsApproval;
}

/** The order's lock on the subscription is gone: nothing a retry can fix. */
function lockLost(subscriptionId: string) {
  return businessFailure('InternalError', `Subscription ${subscriptionId} is no longer locked by this order`);
}
