import { ActivityFailure, ApplicationFailure, condition } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { errorCatalogue } from '../domain/errors';
import type { OrderFailure } from '../domain/orders';
import { graceEndsAt, type IdentityRefusal } from '../domain/pre-cancellation';
import type { OrderState, PreCancellationInput, PreCancellationSummary, WorkflowSettings } from './contracts';
import { startOrderRun } from './order-run';
import { CancelRequested, describeFailure } from './saga';

/**
 * Pre-cancellation (预销号) → formal cancellation (销号), source §6.3 (REQ: PC-1…PC-6): leaving reason and
 * retention answer recorded → a retained customer ends here → identity checked → settlement (PC-4) → line
 * suspended → a durable timer until the grace ends. A cancel during the grace is the customer's revocation
 * (PC-6): service restored, order `cancelled`. A cancel before the grace undoes what was done (ORD-6). When
 * the grace ends the point of no return is passed: final bill, HLR de-provisioning, line cancelled, number
 * recycled (PC-5), order `completed`.
 */
export async function preCancellationWorkflow(input: PreCancellationInput): Promise<OrderState> {
  const { request, orderId } = input;
  const { msisdn } = request;
  const summary: PreCancellationSummary = {
    msisdn,
    leavingReason: request.leavingReason,
    retention: request.retention,
  };
  // `finish`: undos, the revocation and everything past the point of no return must finish (no attempt limit).
  const {
    act,
    undo: finish,
    order,
    saga,
    step,
    cancelRequest,
    passPointOfNoReturn,
    finishWithFailure,
  } = await startOrderRun('preCancellation', input, summary);

  /** The business itself; every way out of it ends the order. */
  const runOrder = async (): Promise<void> => {
    // REQ: PC-2 — retention comes first; a customer who stays keeps the line as it is.
    if (request.retention.accepted) {
      summary.outcome = 'retained';
      await order.move('completed', null, input.origin.operatorId, 'customer accepted the retention offer');
      return;
    }

    try {
      const assessment = await step('assessing', () =>
        act.assessPreCancellation({ orderId, msisdn, identity: request.identity }),
      );
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
        const paid = await step('settling', () =>
          act.chargePayment({ orderId, paymentKey, amountFen: creditFen, payment: request.payment }),
        );
        summary.settlement.receiptNo = paid.receiptNo;
      }
      saga.addUndo(() => finish.restoreService({ orderId, msisdn, creditFen }));
      await step('suspending', () => act.suspendForGrace({ orderId, msisdn, creditFen }));
      // A cancel that came while suspending is still a cancel of the order, not a revocation.
      if (cancelRequest()) throw new CancelRequested();
    } catch (err) {
      await finishWithFailure(err, { rejectOn: lineRefusals });
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
        // REQ: PC-6 — revocation during the grace.
        await order.move('pendingCancellation', 'revoking', by.actor, by.reason);
        await finish.revokePreCancellation({ orderId, msisdn });
        summary.outcome = 'revoked';
        await order.move('cancelled', null, by.actor, by.reason);
        return;
      }
      passPointOfNoReturn();
      const { balanceFen } = await step('settlingFinalBill', () => finish.finalBalance({ orderId, msisdn }));
      summary.finalBill = await settleFinalBill(finish, input, balanceFen);
      await step('deprovisioning', () => finish.deprovisionSubscriber({ orderId, msisdn }));
      const closed = await step('recyclingNumber', () => finish.closeLine({ orderId, msisdn }));
      summary.numberAvailableFrom = closed.availableFrom;
      summary.outcome = 'cancelledNumber';
      await order.move('completed', null, 'system', 'number formally cancelled');
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
  AgentNotAllowed: 'An individual must come in person; an agent cannot pre-cancel for them',
  OriginalIdRequired: 'The original identity document must be shown',
  IdentityMismatch: "The document shown does not match the line's owner",
  AgentRequired: 'An enterprise line is pre-cancelled by an agent of the enterprise',
  EnterpriseDocumentsRequired: 'The agent must show the unit certificate and the original business licence',
};

/** REQ: PC-3 — an identity refusal as the order keeps it. */
function identityFailure(code: IdentityRefusal): OrderFailure {
  return { code, message: identityMessages[code], reason: errorCatalogue[code].zh };
}

/** REQ: PC-5 — when the grace ends: N calendar months at 00:00 business time, or N seconds when set. */
function graceEnd(settings: WorkflowSettings['preCancellation'], now: Date): Date {
  return settings.graceSeconds !== null
    ? new Date(now.getTime() + settings.graceSeconds * 1_000)
    : graceEndsAt(now, settings.graceMonths, settings.utcOffsetHours);
}

/**
 * REQ: PC-5 — the final bill: a positive balance is refunded, a negative one collected with the payment
 * method given at pre-cancellation. Arrears the bank declines do not keep the number alive: they stay
 * outstanding on the order, for collection.
 */
async function settleFinalBill(
  finish: Activities,
  input: PreCancellationInput,
  balanceFen: number,
): Promise<NonNullable<PreCancellationSummary['finalBill']>> {
  const { orderId, request } = input;
  if (balanceFen > 0) {
    const { receiptNo } = await finish.refundOverpayment({
      orderId,
      paymentKey: `${orderId}:overpaymentRefund`,
      amountFen: balanceFen,
      method: request.payment.method,
    });
    return { kind: 'refund', amountFen: balanceFen, receiptNo };
  }
  if (balanceFen < 0) {
    const amountFen = -balanceFen;
    try {
      const { receiptNo } = await finish.chargePayment({
        orderId,
        paymentKey: `${orderId}:arrears`,
        amountFen,
        payment: request.payment,
      });
      return { kind: 'arrears', amountFen, receiptNo };
    } catch (err) {
      const declined =
        err instanceof ActivityFailure &&
        err.cause instanceof ApplicationFailure &&
        err.cause.type === 'PaymentDeclined';
      if (!declined) throw err;
      return { kind: 'arrears', amountFen, outstandingFen: amountFen };
    }
  }
  return { kind: 'none', amountFen: 0 };
}
