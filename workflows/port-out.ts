import { condition, setHandler } from '@temporalio/workflow';
import { errorCatalogue } from '../domain/errors';
import type { PortOutRequested } from '../domain/mnp-callbacks';
import type { PortOutFailure } from '../domain/number-portability';
import {
  authorizationCodeExpiresAt,
  generateAuthorizationCode,
  isCodeValid,
  nextSwitchOver,
} from '../domain/number-portability-schedule';
import type { OrderFailure } from '../domain/orders';
import {
  portOutRequestedSignal,
  type OrderState,
  type PortOutInput,
  type PortOutSummary,
  type WorkflowSettings,
} from './contracts';
import { startOrderRun } from './order-run';
import { CancelRequested, describeFailure } from './saga';

/**
 * Port-out (携号转网, we are the donor), REQ: MNP-1, MNP-5: eligibility (every failure listed) and the
 * holder's identity → line held by the order → authorization code issued → `pending` until a recipient
 * quotes it through the clearing system. A wrong or expired code is answered with a rejection and the order
 * keeps waiting; when the code expires with no valid request the hold is released and the order ends
 * `cancelled` by `system` (outcome `codeExpired`): nothing was done. A valid request is checked against
 * MNP-1 again and accepted → switch-over (port-in window and delay settings) → point of no return → final
 * bill, HLR de-provisioning, line cancelled, number `portedOut` → `completed` (outcome `portedOut`). The
 * customer may cancel until the switch-over.
 */
export async function portOutWorkflow(input: PortOutInput): Promise<OrderState> {
  const { request, orderId } = input;
  const { msisdn } = request;
  const summary: PortOutSummary = { msisdn };
  const {
    act,
    undo: finish,
    order,
    saga,
    step,
    cancelRequest,
    passPointOfNoReturn,
    finishWithFailure,
  } = await startOrderRun('portOut', input, summary);

  const requests: PortOutRequested[] = [];
  setHandler(portOutRequestedSignal, (r) => {
    requests.push(r);
  });

  try {
    const assessed = await step('assessing', () =>
      act.assessPortOut({ orderId, msisdn, identity: request.identity }),
    );
    if (assessed.failures.length > 0) {
      await order.fail('rejected', ineligible(assessed.failures));
      return order.closed();
    }
    if (!assessed.identityMatches) {
      await order.fail('rejected', {
        code: 'IdentityMismatch',
        message: "The document shown does not match the line's owner",
        reason: errorCatalogue.IdentityMismatch.zh,
      });
      return order.closed();
    }
    saga.addUndo(() => finish.releasePortOutHold({ orderId, msisdn }));
    await step('holdingLine', () => act.holdLineForPortOut({ orderId, msisdn }));

    // REQ: MNP-5 — the code: deterministic per order, valid for the configured hours.
    const code = generateAuthorizationCode(orderId);
    const expiresAt = authorizationCodeExpiresAt(new Date(), input.settings.portOut.authCodeValidityHours);
    summary.authorizationCode = code;
    summary.codeExpiresAt = expiresAt.toISOString();
    summary.refusedRequests = 0;
    await order.move('pending', 'waitingForRecipient', 'system', `code valid until ${summary.codeExpiresAt}`);

    let accepted: PortOutRequested | null = null;
    while (!accepted) {
      const left = expiresAt.getTime() - Date.now();
      if (left > 0) await condition(() => requests.length > 0 || cancelRequest() !== null, left);
      if (cancelRequest()) throw new CancelRequested();
      const next = requests.shift();
      if (!next) {
        // The code expired with no valid request: the hold is released, nothing else was done.
        await saga.compensate();
        summary.outcome = 'codeExpired';
        await order.move('cancelled', null, 'system', 'authorization code expired');
        return order.closed();
      }
      if (next.authorizationCode !== code || !isCodeValid({ expiresAt }, new Date())) {
        await act.answerPortOut({
          orderId,
          clearingRef: next.clearingRef,
          accept: false,
          reasonCode: 'AuthorizationCodeInvalid',
        });
        summary.refusedRequests += 1;
        continue;
      }
      // REQ: MNP-1 — the line may have changed since the code was issued.
      const again = await step('checkingEligibility', () =>
        act.assessPortOut({ orderId, msisdn, identity: null }),
      );
      if (again.failures.length > 0) {
        await act.answerPortOut({
          orderId,
          clearingRef: next.clearingRef,
          accept: false,
          reasonCode: again.failures[0]?.code ?? 'NotEligible',
        });
        await saga.compensate();
        await order.fail('rejected', ineligible(again.failures));
        return order.closed();
      }
      await step('answeringClearing', () =>
        act.answerPortOut({ orderId, clearingRef: next.clearingRef, accept: true }),
      );
      accepted = next;
    }
    summary.clearingRef = accepted.clearingRef;
    summary.recipientOperator = accepted.recipientOperator;

    const switchOverAt = switchOverTime(input.settings.portIn, new Date());
    summary.switchOverAt = switchOverAt.toISOString();
    await order.move('pending', 'waitingForSwitchOver', 'system', `switch-over at ${summary.switchOverAt}`);
    await condition(() => cancelRequest() !== null, Math.max(1, switchOverAt.getTime() - Date.now()));
    passPointOfNoReturn();
  } catch (err) {
    await finishWithFailure(err, { rejectOn: ['SubscriberNotActive'] });
    return order.closed();
  }

  try {
    // From here the number belongs to the recipient: nothing is undone, every step must finish.
    const { balanceFen } = await step('settlingFinalBill', () => finish.portOutBalance({ orderId, msisdn }));
    if (balanceFen > 0) {
      const { receiptNo } = await finish.refundOverpayment({
        orderId,
        paymentKey: `${orderId}:overpaymentRefund`,
        amountFen: balanceFen,
        method: 'counter',
      });
      summary.finalBill = { kind: 'refund', amountFen: balanceFen, receiptNo };
    } else {
      summary.finalBill = { kind: balanceFen < 0 ? 'arrears' : 'none', amountFen: -balanceFen };
    }
    await step('deprovisioning', () => finish.deprovisionSubscriber({ orderId, msisdn }));
    await step('closingLine', () => finish.closePortedOutLine({ orderId, msisdn }));
    summary.outcome = 'portedOut';
    await order.move('completed', null, 'system', 'number ported out');
  } catch (err) {
    await order.fail('failed', describeFailure(err));
  }
  return order.closed();
}

/** REQ: MNP-1 — all the failures, listed in the message and the reason. */
function ineligible(failures: PortOutFailure[]): OrderFailure {
  return {
    code: 'PortOutNotEligible',
    message: `The number cannot port out: ${failures.map((f) => `${f.code} (${f.message})`).join('; ')}`,
    reason: failures.map((f) => f.reason).join('；'),
  };
}

/** Next slot of the port-in switch-over window (or the demo/test delay when set). */
function switchOverTime(settings: WorkflowSettings['portIn'], now: Date): Date {
  if (settings.switchOverDelaySeconds !== null)
    return new Date(now.getTime() + settings.switchOverDelaySeconds * 1_000);
  return nextSwitchOver(now, settings.switchWindow, settings.calendar.utcOffsetHours, settings.calendar);
}
