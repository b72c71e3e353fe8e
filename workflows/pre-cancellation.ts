import { ApplicationFailure, condition, log, patched, setHandler } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { errorCatalogue } from '../domain/errors';
import { paymentRefusalCodes } from '../domain/open-account-rules';
import { isTerminal } from '../domain/order-status';
import type { OrderFailure } from '../domain/orders';
import type { IdentityRefusal } from '../domain/pre-cancellation';
import { graceEndsAt, visitDeadline } from '../domain/pre-cancellation-dates';
import type { PreCancellationSettings } from '../domain/workflow-settings';
import type { OrderState } from './contracts/orders-common';
import {
  formalCancellationUpdate,
  type FormalCancellationVisit,
  type PreCancellationInput,
  type PreCancellationSummary,
} from './contracts/pre-cancellation';
import type { OrderTracker } from './order-tracker';
import { startOrderRun } from './order-run';
import { CancelRequested, closedFailure, describeFailure } from './saga';

/**
 * Runs started after this patch take the steps before the grace that only touch the database — assessing the
 * line and its owner, taking a cash settlement — as local activities in the workflow's own task
 * (`OrderRun.quick`), the first of them carrying the order's acknowledgement; suspending the line (an HLR call)
 * stays a scheduled step, so a cancel sent meanwhile is still a cancel before the grace. The revocation — the
 * HLR un-barring, which nothing can cancel any more — runs as a local activity carrying its own move. A
 * pre-cancellation then costs one scheduled activity and two workflow tasks to reach its grace (was three or
 * four of each), and a revocation one workflow task (was two and an activity). A cancel sent while the quick
 * steps run reaches the workflow when their task ends, suspending already scheduled: it is honoured once
 * suspending ends, still before the grace — service restored, settlement refunded. This patch also stands for
 * `read-model-by-step` and `acknowledged-with-first-step` of `startOrderRun` (runs started after it take their
 * paths without a marker of each). Runs started before it schedule every step.
 */
export const preCancellationQuickStepsPatch = 'pre-cancellation-quick-steps';

/** REQ: PC-5 — `PRE_CANCEL_VISIT_DAYS`'s default, for orders started before the setting existed. */
const DEFAULT_VISIT_DAYS = 30;

type FinalBill = NonNullable<PreCancellationSummary['finalBill']>;

/** A formal-cancellation visit handed from the update to the workflow, and the workflow's answer to it. */
interface VisitAttempt {
  visit: FormalCancellationVisit;
  /** null once accepted, the reason once refused; undefined while the workflow handles it. */
  refusal?: OrderFailure | null;
}

/**
 * Pre-cancellation (预销号) → formal cancellation (销号), source §6.3 (REQ: PC-1…PC-6): leaving reason and
 * retention answer recorded → a retained customer ends here → identity checked → settlement (PC-4) → line
 * suspended → a durable timer until the grace ends. A cancel during the grace is the customer's revocation
 * (PC-6): service restored, order `cancelled`. A cancel before the grace undoes what was done (ORD-6).
 * When the grace ends the point of no return is passed — the source knows no revocation after it (§6.3.6) —
 * but nothing is cancelled without the customer (PC-5): service stays barred, the customer is reminded by
 * SMS and the order waits, on a second durable timer, for the customer to come in person: identity checked,
 * overpayment refunded or arrears paid at the counter, line cancelled, number recycled (`cancelledInPerson`).
 * When nobody comes in time the system cancels the line, keeping any credit for refund on request and
 * handing arrears to collection (`cancelledWithoutVisit`).
 */
export async function preCancellationWorkflow(input: PreCancellationInput): Promise<OrderState> {
  const { request, orderId } = input;
  const { msisdn } = request;
  const summary: PreCancellationSummary = {
    msisdn,
    leavingReason: request.leavingReason,
    retention: request.retention,
  };

  // REQ: PC-5 — the counter's formal cancellation is taken only while the order waits for the customer.
  let awaitingVisit = false;
  let arrived: VisitAttempt | null = null;
  const nextVisit = (): VisitAttempt | null => arrived;
  const takeFormalCancellations = (order: OrderTracker) =>
    setHandler(
      formalCancellationUpdate,
      async (visit) => {
        const attempt: VisitAttempt = { visit };
        arrived = attempt;
        awaitingVisit = false;
        await condition(() => attempt.refusal !== undefined);
        if (attempt.refusal) {
          throw ApplicationFailure.create({
            type: attempt.refusal.code,
            message: attempt.refusal.message,
            nonRetryable: true,
          });
        }
        await condition(() => isTerminal(order.state.status));
        return order.state;
      },
      {
        validator: (_visit: FormalCancellationVisit) => {
          if (isTerminal(order.state.status))
            throw closedFailure(order.state.status, 'be cancelled formally');
          if (!awaitingVisit) throw notAwaitingVisit(order.state.step, summary);
        },
      },
    );

  // Asked once, before the first step: the whole run takes one path or the other.
  const quickSteps = patched(preCancellationQuickStepsPatch);
  // `finish` (no attempt limit): the undos, the revocation and everything past the point of no return.
  const {
    act,
    quick,
    finish,
    finishQuick,
    order,
    saga,
    step,
    moveWith,
    cancelRequest,
    passPointOfNoReturn,
    finishWithFailure,
  } = await startOrderRun('preCancellation', input, summary, takeFormalCancellations, {
    acknowledgeWithFirstStep: quickSteps,
    startedAfterPatches: quickSteps,
  });
  const local = quickSteps ? quick : act;

  /**
   * REQ: PC-5 — the customer at the counter: identity checked against the line's owner (PC-3 rules), then the
   * final bill settled with the payment method given now. Answers the final bill, or why the visit is refused.
   */
  const receive = async (visit: FormalCancellationVisit, n: number): Promise<FinalBill | OrderFailure> => {
    try {
      await order.move(
        'inProgress',
        'verifyingVisitor',
        visit.actor,
        'customer at the counter to cancel formally',
      );
      const { refusal } = await act.verifyVisitor({ orderId, msisdn, identity: visit.identity });
      if (refusal) return identityFailure(refusal);
      await order.move('inProgress', 'settlingFinalBill', visit.actor);
      const { balanceFen } = await act.finalBalance({ orderId, msisdn });
      return await settleAtCounter(act, {
        orderId,
        msisdn,
        visit,
        balanceFen,
        visitKey: `${orderId}:visit${n}`,
      });
    } catch (err) {
      return describeFailure(err);
    }
  };

  /**
   * REQ: PC-5 — waits for the customer until `visitBy` (a durable timer); a refused visit (identity, payment)
   * leaves the order waiting. Answers the accepted visit with its final bill, or null when nobody came in time.
   */
  const waitForVisit = async (
    visitBy: Date,
  ): Promise<{ visit: FormalCancellationVisit; finalBill: FinalBill } | null> => {
    for (let n = 1; ; n++) {
      const remainingMs = visitBy.getTime() - Date.now();
      if (!nextVisit() && remainingMs > 0) await condition(() => nextVisit() !== null, remainingMs);
      const attempt = nextVisit();
      if (!attempt) {
        awaitingVisit = false;
        return null;
      }
      arrived = null;
      const answer = await receive(attempt.visit, n);
      if ('kind' in answer) {
        attempt.refusal = null;
        return { visit: attempt.visit, finalBill: answer };
      }
      await order.move(
        'pending',
        'waitingForCustomerVisit',
        'system',
        `visit refused (${answer.code}): ${answer.message}`,
      );
      awaitingVisit = true;
      attempt.refusal = answer;
    }
  };

  /** The business itself; every way out of it ends the order. */
  const runOrder = async (): Promise<void> => {
    // REQ: PC-2 — retention comes first; a customer who stays keeps the line as it is.
    if (request.retention.accepted) {
      summary.outcome = 'retained';
      await order.move('completed', null, input.origin.operatorId, 'customer accepted the retention offer');
      return;
    }

    try {
      const assessment = await step('assessing', local.assessPreCancellation, {
        orderId,
        msisdn,
        identity: request.identity,
      });
      if (assessment.refusal) {
        await order.fail('rejected', identityFailure(assessment.refusal));
        return;
      }
      const creditFen = assessment.settlementFen;
      summary.settlement = {
        arrearsFen: assessment.arrearsFen,
        averageBillFen: assessment.averageBillFen,
        extraDepositFen: assessment.extraDepositFen,
        totalFen: creditFen,
      };
      if (creditFen > 0) {
        // REQ: PC-4 — the month settled and the extra deposit paid before the line is suspended.
        const paymentKey = `${orderId}:settlement`;
        saga.addUndo(() => finish.refundPayment({ paymentKey }));
        // Cash is recorded at the counter, one insert; a card or a corporate account is charged through the
        // bank, which may be slow: a scheduled step, so a cancel sent meanwhile is heard while it runs.
        const charge = request.payment.method === 'cash' ? local : act;
        const paid = await step('settling', charge.chargePayment, {
          orderId,
          paymentKey,
          amountFen: creditFen,
          payment: request.payment,
          payer: { msisdn },
        });
        summary.settlement.receiptNo = paid.receiptNo;
      }
      saga.addUndo(() => finish.restoreService({ orderId, msisdn, creditFen }));
      await step('suspending', act.suspendForGrace, { orderId, msisdn, creditFen });
      // A cancel that came while suspending is still a cancel of the order, not a revocation.
      if (cancelRequest()) throw new CancelRequested();
    } catch (err) {
      await finishWithFailure(err, { rejectOn: [...lineRefusals, ...paymentRefusalCodes] });
      return;
    }

    // REQ: PC-5 — the grace is a durable timer: it survives worker restarts and redeployments.
    const endsAt = graceEnd(input.settings.preCancellation, new Date());
    summary.graceEndsAt = endsAt.toISOString();
    await order.move('pending', 'waitingForGraceEnd', 'system', `grace until ${summary.graceEndsAt}`);
    await condition(() => cancelRequest() !== null, Math.max(1, endsAt.getTime() - Date.now()));

    try {
      const by = cancelRequest();
      if (by) {
        // REQ: PC-6 — revocation during the grace; since the patch the revoking move rides with its step.
        const revoking = { ...by, status: 'pendingCancellation', step: 'revoking' } as const;
        if (quickSteps) await moveWith(revoking, finishQuick.revokePreCancellation, { orderId, msisdn });
        else {
          await order.move(revoking.status, revoking.step, by.actor, by.reason);
          await finish.revokePreCancellation({ orderId, msisdn });
        }
        summary.outcome = 'revoked';
        await order.move('cancelled', null, by.actor, by.reason);
        return;
      }
      passPointOfNoReturn();

      // REQ: PC-5 — the grace has ended: service stays barred, the customer is reminded and may come in person.
      // A pre-cancellation started before the visit period existed has none in its input: the default then.
      const { visitDays = DEFAULT_VISIT_DAYS, visitSeconds = null } = input.settings.preCancellation;
      const visitBy = visitDeadline(endsAt, { visitDays, visitSeconds });
      summary.visitBy = visitBy.toISOString();
      try {
        await step('remindingCustomer', act.remindGraceEnded, {
          orderId,
          msisdn,
          visitBy: visitBy.toISOString(),
        });
        summary.reminderSentAt = new Date().toISOString();
      } catch (err) {
        // An SMS the gateway cannot deliver keeps nobody from coming: the order waits all the same.
        log.warn('grace-end reminder not sent', { orderId, error: String(err) });
      }
      awaitingVisit = true;
      await order.move(
        'pending',
        'waitingForCustomerVisit',
        'system',
        `grace ended, service stays barred; ${summary.reminderSentAt ? 'reminded by SMS' : 'the reminder SMS could not be sent'}; ` +
          `come in person by ${summary.visitBy}`,
      );

      const came = await waitForVisit(visitBy);
      if (came) {
        summary.finalBill = came.finalBill;
      } else {
        // REQ: PC-5 — nobody came: nothing is refunded to nobody and no card is charged; the balance is kept.
        const { balanceFen } = await step('settlingFinalBill', finish.finalBalance, { orderId, msisdn });
        await finish.recordUnsettledBalance({ orderId, msisdn, balanceFen });
        summary.finalBill = unsettledBill(balanceFen);
      }
      await step('deprovisioning', finish.deprovisionSubscriber, { orderId, msisdn });
      const closed = await step('recyclingNumber', finish.closeLine, { orderId, msisdn });
      summary.numberAvailableFrom = closed.availableFrom;
      if (came) {
        summary.outcome = 'cancelledInPerson';
        await order.move('completed', null, came.visit.actor, 'formally cancelled in person');
      } else {
        summary.outcome = 'cancelledWithoutVisit';
        await order.move(
          'completed',
          null,
          'system',
          `cancelled by the system: nobody came by ${summary.visitBy}`,
        );
      }
    } catch (err) {
      // Past the point of no return nothing is undone: the order fails where it stopped.
      await order.fail('failed', describeFailure(err));
    }
  };

  await runOrder();
  return order.closed();
}

/** Failures that mean the line cannot be pre-cancelled at all: the order is refused, not broken. */
const lineRefusals: readonly string[] = ['SubscriberNotFound', 'SubscriberNotActive'];

const identityMessages: Record<IdentityRefusal, string> = {
  AgentNotAllowed: 'An individual must come in person; an agent cannot act for them',
  OriginalIdRequired: 'The original identity document must be shown',
  IdentityMismatch: "The document shown does not match the line's owner",
  AgentRequired: 'An enterprise line is handled by an agent of the enterprise',
  EnterpriseDocumentsRequired: 'The agent must show the unit certificate and the original business licence',
};

/** REQ: PC-3 — an identity refusal as the order keeps it. */
function identityFailure(code: IdentityRefusal): OrderFailure {
  return { code, message: identityMessages[code], reason: errorCatalogue[code].zh };
}

/** REQ: PC-5 — when the grace ends: N calendar months at 00:00 business time, or N seconds when set. */
function graceEnd(settings: PreCancellationSettings, now: Date): Date {
  return settings.graceSeconds !== null
    ? new Date(now.getTime() + settings.graceSeconds * 1_000)
    : graceEndsAt(now, settings.graceMonths, settings.utcOffsetHours);
}

/**
 * REQ: PC-5 — the final bill at the counter, with the payment method the customer gives there: overpayment
 * handed back, arrears paid; each with its receipt. A declined payment refuses the visit, not the order.
 */
async function settleAtCounter(
  act: Activities,
  input: {
    orderId: string;
    msisdn: string;
    visit: FormalCancellationVisit;
    balanceFen: number;
    visitKey: string;
  },
): Promise<FinalBill> {
  const { orderId, msisdn, visit, balanceFen, visitKey } = input;
  const method = visit.payment.method;
  if (balanceFen > 0) {
    const { receiptNo } = await act.refundOverpayment({
      orderId,
      paymentKey: `${visitKey}:refund`,
      amountFen: balanceFen,
      method,
    });
    return { kind: 'refund', amountFen: balanceFen, method, receiptNo };
  }
  if (balanceFen < 0) {
    const { receiptNo } = await act.chargePayment({
      orderId,
      paymentKey: `${visitKey}:arrears`,
      amountFen: -balanceFen,
      payment: visit.payment,
      // REQ: OPEN-5 — the line's owner pays the arrears: a card or corporate account is verified first.
      payer: { msisdn },
    });
    return { kind: 'arrears', amountFen: -balanceFen, method, receiptNo };
  }
  return { kind: 'none', amountFen: 0 };
}

/** REQ: PC-5 — without a visit: credit kept for refund on request, arrears handed to collection. */
function unsettledBill(balanceFen: number): FinalBill {
  if (balanceFen > 0) return { kind: 'refundDue', amountFen: balanceFen };
  if (balanceFen < 0) return { kind: 'collection', amountFen: -balanceFen };
  return { kind: 'none', amountFen: 0 };
}

/** REQ: PC-5 — the formal cancellation asked for when the order does not wait for the customer. */
function notAwaitingVisit(step: string | null, summary: PreCancellationSummary): ApplicationFailure {
  const why =
    step === 'waitingForGraceEnd'
      ? `it is in its grace until ${summary.graceEndsAt ?? '?'}; the formal cancellation comes after the ` +
        'grace (PC-5), and until then the customer may revoke the pre-cancellation instead (PC-6)'
      : step === 'verifyingVisitor' || step === 'settlingFinalBill'
        ? 'a visit for it is being handled at a counter'
        : `it is at step ${step ?? 'none'} and does not wait for the customer's visit`;
  return ApplicationFailure.create({
    type: 'NotAwaitingCustomerVisit',
    message: `The order cannot be cancelled formally now: ${why}`,
    nonRetryable: true,
  });
}
