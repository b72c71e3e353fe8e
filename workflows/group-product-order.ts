import { ApplicationFailure, setHandler } from '@temporalio/workflow';
import type { BbossOrderAnswered } from '../domain/bboss-callbacks';
import { effectiveFrom } from '../domain/group-effective-dates';
import type { GroupProductRequest } from '../domain/groups';
import type { GroupSettings } from '../domain/workflow-settings';
import {
  bbossAnsweredSignal,
  type ApprovalDecision,
  type GroupProductOrderInput,
  type GroupProductSummary,
} from './contracts/group-product';
import type { OrderState } from './contracts/orders-common';
import type { BbossLeg } from './bboss-wait';
import { listenForApproval, waitForApproval, waitForBboss } from './group-product-waits';
import { startOrderRun, type OrderRun } from './order-run';

/**
 * Group product orders for 和对讲 and other BBOSS products — open (业务开通), change (资费变更/属性变更) and
 * business cancellation (业务注销), REQ: GRP-1…GRP-5, GRP-9:
 * the group's subscription is reserved (open) or locked (change, cancel) → when the tariff needs approval
 * (资费审核) the order is `pending` until an approver decides (a cancel is still possible) → point of no
 * return → submitted to BBOSS → `pending` until BBOSS answers, however long it takes: asking less and less
 * often, staff alerted when it is overdue, re-submitted when BBOSS lost it (GRP-4) →
 * BBOSS's rejection undoes the reservation or lock → its confirmation opens the subscription, applies or
 * schedules the change (GRP-2: immediately or from the next cycle), or cancels it with every member (GRP-9).
 *
 * Why the group's state lives in PostgreSQL, not in a workflow that lives as long as the group: a group keeps
 * its product for years and collects thousands of member changes. One workflow per order keeps a small
 * history (even a BBOSS wait of months adds none, see `keepWaitingForBboss`), while the subscription row — its terms, its status and the order holding
 * its lock — is what every order, member change and read shares; the partial unique index and the lock
 * column make "one live product per group, one order at a time" a database guarantee.
 */
export async function groupProductOrderWorkflow(input: GroupProductOrderInput): Promise<OrderState> {
  const { request, orderId } = input;
  const settings = input.settings.group;
  const summary = summaryOf(request);
  // An approver may answer as soon as the order exists: the handler is set before the run's first await.
  let approval: () => ApprovalDecision | null = () => null;
  const run = await startOrderRun(request.type, input, summary, (tracker) => {
    approval = listenForApproval(tracker, summary);
  });
  const { act, order, step, cancelRequest, passPointOfNoReturn, finishWithFailure } = run;

  // The first answer counts; BBOSS's answer to a re-submission is the same decision.
  let answer: BbossOrderAnswered | null = null;
  setHandler(bbossAnsweredSignal, (a) => {
    if (a.orderId === orderId) answer ??= a;
  });

  try {
    const held = await holdSubscription(run, orderId, request);
    summary.subscriptionId = held.subscriptionId;
    const tariffCode = request.type === 'groupCancel' ? undefined : request.tariff?.code;

    if (held.tariffNeedsApproval && tariffCode) {
      summary.approval = { required: true };
      await order.move(
        'pending',
        'awaitingApproval',
        'system',
        `tariff ${tariffCode} needs approval (资费审核)`,
      );
      await waitForApproval(approval, cancelRequest, tariffCode, settings);
    }

    // REQ: ORD-6 — once BBOSS has the order it cannot be taken back from here.
    passPointOfNoReturn();
    const submission = {
      orderId,
      action: summary.action,
      groupCode: request.groupCode,
      productCode: request.productCode,
      tariffNeedsApproval: held.tariffNeedsApproval,
      ...(tariffCode ? { tariffCode } : {}),
      ...(request.type !== 'groupCancel' && request.attributes ? { attributes: request.attributes } : {}),
    };
    const { bbossRef } = await step('submittingToBboss', act.submitGroupOrderToBboss, submission);
    const waitingSince = new Date().toISOString();
    const bboss: BbossLeg = { ref: bbossRef, waitingSince, queries: 0 };
    summary.bboss = bboss;
    await order.move('pending', 'waitingForBboss', 'system', `waiting for BBOSS since ${waitingSince}`);

    const answered = await waitForBboss({
      answer: () => answer,
      run,
      bboss,
      submission,
      summary,
      settings: input.settings,
    });
    summary.bboss = { ...bboss, ...outcomeOf(answered) };
    if (answered.outcome === 'rejected') {
      throw ApplicationFailure.create({
        type: 'BbossRejected',
        message:
          `BBOSS rejected the order with ${answered.reasonCode ?? 'no code'}: ` +
          `${answered.reason ?? 'no reason given'}`,
        nonRetryable: true,
      });
    }

    const done = await applyConfirmed(run, orderId, request, summary, bboss.ref, settings);
    await order.move('completed', null, 'system', done);
  } catch (err) {
    await finishWithFailure(err, { rejectOn: refusals });
  }
  return order.closed();
}

/** Outcomes that are the business (or BBOSS, or the approver) saying no: the order is `rejected`. */
const refusals = [
  'GroupProductAlreadyOrdered',
  'GroupProductNotActive',
  'GroupProductBusy',
  'TariffNotFound',
  'ApprovalRejected',
  'BbossRejected',
] as const;

function summaryOf(request: GroupProductRequest): GroupProductSummary {
  const common = {
    groupCode: request.groupCode,
    productCode: request.productCode,
    customerManagerId: request.customerManagerId,
    submitterId: request.submitterId,
  };
  switch (request.type) {
    case 'groupOpen':
      return {
        action: 'open',
        ...common,
        tariffCode: request.tariff.code,
        tariffParams: request.tariff.params,
        attributes: request.attributes,
        effectiveMode: request.effectiveMode,
      };
    case 'groupChange':
      return {
        action: 'change',
        ...common,
        ...(request.tariff ? { tariffCode: request.tariff.code, tariffParams: request.tariff.params } : {}),
        ...(request.attributes ? { attributes: request.attributes } : {}),
        effectiveMode: request.effectiveMode,
      };
    case 'groupCancel':
      return { action: 'cancel', ...common };
  }
}

/**
 * REQ: GRP-1, GRP-5, GRP-9 — the order takes hold of the group's subscription: an open reserves it (refused
 * while the group has the product), a change or cancel locks the active one (refused while another order
 * holds it). The undo is registered first; it is a no-op when the hold was never taken.
 */
async function holdSubscription(
  { act, finish, saga, step }: OrderRun,
  orderId: string,
  request: GroupProductRequest,
) {
  if (request.type === 'groupOpen') {
    saga.addUndo(() => finish.discardGroupSubscription({ orderId }));
    return step('reservingSubscription', act.reserveGroupSubscription, {
      orderId,
      request,
      termsEffectiveFrom: new Date().toISOString(),
    });
  }
  let subscriptionId: string | null = null;
  saga.addUndo(async () => {
    if (subscriptionId) await finish.unlockGroupSubscription({ orderId, subscriptionId });
  });
  const held = await step('lockingSubscription', act.lockGroupSubscription, {
    orderId,
    groupCode: request.groupCode,
    productCode: request.productCode,
    ...(request.type === 'groupChange' && request.tariff ? { tariffCode: request.tariff.code } : {}),
  });
  subscriptionId = held.subscriptionId;
  return held;
}

/**
 * What BBOSS's confirmation changes. These steps run past the point of no return and after BBOSS acted, so
 * they retry until they succeed (the `finish` proxy's policy): giving up would leave us out of step with BBOSS.
 */
async function applyConfirmed(
  { finish, step }: OrderRun,
  orderId: string,
  request: GroupProductRequest,
  summary: GroupProductSummary,
  bbossRef: string,
  settings: GroupSettings,
): Promise<string> {
  const subscriptionId = summary.subscriptionId ?? orderId;
  switch (request.type) {
    case 'groupOpen': {
      // REQ: GRP-2 — immediately, or from the 1st of next month 00:00 business time.
      const from = effectiveFrom(request.effectiveMode, new Date(), settings.utcOffsetHours).toISOString();
      summary.effectiveFrom = from;
      await step('activatingSubscription', finish.activateGroupSubscription, {
        orderId,
        bbossRef,
        termsEffectiveFrom: from,
      });
      return `group product opened; terms effective from ${from}`;
    }
    case 'groupChange': {
      const from = effectiveFrom(request.effectiveMode, new Date(), settings.utcOffsetHours).toISOString();
      summary.effectiveFrom = from;
      await step('applyingChange', finish.applyGroupChange, {
        orderId,
        subscriptionId,
        change: {
          ...(request.attributes ? { attributes: request.attributes } : {}),
          ...(request.tariff ? { tariff: request.tariff } : {}),
        },
        effectiveMode: request.effectiveMode,
        effectiveFrom: from,
        customerManagerId: request.customerManagerId,
        submitterId: request.submitterId,
      });
      await finish.unlockGroupSubscription({ orderId, subscriptionId });
      return request.effectiveMode === 'immediate'
        ? `change applied from ${from}`
        : `change scheduled from ${from}`;
    }
    case 'groupCancel': {
      await step('cancellingSubscription', finish.markGroupSubscriptionCancelling, {
        orderId,
        subscriptionId,
      });
      const { removed } = await step('removingMembers', finish.removeAllGroupMembers, {
        orderId,
        subscriptionId,
      });
      summary.membersRemoved = removed;
      await step('closingSubscription', finish.closeGroupSubscription, { orderId, subscriptionId });
      return `group product cancelled; ${removed} members removed`;
    }
  }
}

function outcomeOf(a: BbossOrderAnswered): Partial<NonNullable<GroupProductSummary['bboss']>> {
  return {
    outcome: a.outcome,
    answeredAt: a.answeredAt,
    ...(a.reasonCode ? { reasonCode: a.reasonCode } : {}),
    ...(a.reason ? { reason: a.reason } : {}),
  };
}
