import { condition, setHandler } from '@temporalio/workflow';
import { errorCatalogue } from '../domain/errors';
import type { PortOutRequestVerdict } from '../domain/mnp-callbacks';
import type { PortOutFailure } from '../domain/number-portability';
import {
  authorizationCodeExpiresAt,
  isCodeValid,
  nextSwitchOver,
} from '../domain/number-portability-schedule';
import type { OrderFailure } from '../domain/orders';
import type { SwitchOverSettings } from '../domain/workflow-settings';
import type { OrderState } from './contracts/orders-common';
import { portOutRequestedSignal, type PortOutInput, type PortOutSummary } from './contracts/port-out';
import { startOrderRun } from './order-run';
import { CancelRequested, describeFailure } from './saga';

/**
 * Port-out (携号转网, we are the donor), REQ: MNP-1, MNP-5, NOTIF-1: eligibility (every failure listed) and
 * the holder's identity → line held by the order → authorization code texted to the holder (the workflow
 * never sees it) → `pending` until a recipient quotes it through the clearing system, whose callback the API
 * judges against the stored hash. A wrong or expired code is answered with a rejection and the order keeps
 * waiting; after `authCodeMaxAttempts` wrong codes the code is void: the hold is released, the order ends
 * `cancelled` (outcome `codeLocked`) and the holder is told by SMS to ask for a new code. When the code
 * expires with no valid request the hold is released and the order ends `cancelled` by `system` (outcome
 * `codeExpired`): nothing was done. A valid request is checked against MNP-1 again and accepted →
 * switch-over (port-in window and delay settings) → point of no return → final bill, HLR de-provisioning,
 * line cancelled, number `portedOut` → `completed` (outcome `portedOut`). The customer may cancel until the
 * switch-over.
 */
export async function portOutWorkflow(input: PortOutInput): Promise<OrderState> {
  const { request, orderId } = input;
  const { msisdn } = request;
  const summary: PortOutSummary = { msisdn };
  const { act, finish, order, saga, step, cancelRequest, passPointOfNoReturn, finishWithFailure } =
    await startOrderRun('portOut', input, summary);

  const settings = input.settings.portOut;
  const requests: PortOutRequestVerdict[] = [];
  setHandler(portOutRequestedSignal, (r) => {
    requests.push(r);
  });

  try {
    const assessed = await step('assessing', act.assessPortOut, {
      orderId,
      msisdn,
      identity: request.identity,
    });
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
    await step('holdingLine', act.holdLineForPortOut, { orderId, msisdn });

    // REQ: MNP-5, NOTIF-1 — one activity draws the code, stores its hash and texts it to the holder: the
    // workflow, its history and the order learn only when it was sent and until when it is valid.
    const expiresAt = authorizationCodeExpiresAt(new Date(), settings.authCodeValidityHours);
    const { sentAt } = await step('sendingCode', act.issuePortOutCode, {
      orderId,
      msisdn,
      expiresAt: expiresAt.toISOString(),
    });
    summary.codeSentAt = sentAt;
    summary.codeExpiresAt = expiresAt.toISOString();
    summary.refusedRequests = 0;
    await order.move(
      'pending',
      'waitingForRecipient',
      'system',
      `code sent by SMS, valid until ${summary.codeExpiresAt}`,
    );

    // Each recipient request is judged once: the clearing system may send a callback again.
    const judged = new Set<string>();
    let wrongCodes = 0;
    /** Refuses a request; a wrong code is counted and kept with the code, where the API reads the limit. */
    const refuse = async (refused: PortOutRequestVerdict) => {
      await act.answerPortOut({
        orderId,
        clearingRef: refused.clearingRef,
        accept: false,
        reasonCode: 'AuthorizationCodeInvalid',
      });
      summary.refusedRequests = (summary.refusedRequests ?? 0) + 1;
      if (refused.verdict !== 'wrong') return;
      wrongCodes += 1;
      await finish.recordWrongPortOutCodes({ orderId, wrongCodes });
    };
    let accepted: PortOutRequestVerdict | null = null;
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
      if (judged.has(next.clearingRef)) continue;
      judged.add(next.clearingRef);
      if (next.verdict !== 'valid' || !isCodeValid({ expiresAt }, new Date())) {
        await refuse(next);
        if (wrongCodes < settings.authCodeMaxAttempts) {
          const why = next.verdict === 'valid' ? 'expired' : next.verdict;
          await order.move(
            'pending',
            'waitingForRecipient',
            'system',
            `request ${next.clearingRef} of ${next.recipientOperator} refused: ${why} code`,
          );
          continue;
        }
        // REQ: MNP-5 — the code is void: whoever is guessing gets nowhere, and the holder asks for a new one.
        // The hold goes first, so no new request reaches this order; those already here are refused.
        await saga.compensate();
        for (const waiting of requests.splice(0)) {
          if (judged.has(waiting.clearingRef)) continue;
          judged.add(waiting.clearingRef);
          await refuse(waiting);
        }
        summary.outcome = 'codeLocked';
        await order.move(
          'cancelled',
          null,
          'system',
          `authorization code void after ${wrongCodes} wrong codes`,
        );
        await finish.notifyPortOutCodeVoided({ orderId, msisdn });
        return order.closed();
      }
      // REQ: MNP-1 — the line may have changed since the code was issued.
      const again = await step('checkingEligibility', act.assessPortOut, { orderId, msisdn, identity: null });
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
      await step('answeringClearing', act.answerPortOut, {
        orderId,
        clearingRef: next.clearingRef,
        accept: true,
      });
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
    const { balanceFen } = await step('settlingFinalBill', finish.portOutBalance, { orderId, msisdn });
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
    await step('deprovisioning', finish.deprovisionSubscriber, { orderId, msisdn });
    await step('closingLine', finish.closePortedOutLine, { orderId, msisdn });
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
function switchOverTime(settings: SwitchOverSettings, now: Date): Date {
  if (settings.switchOverDelaySeconds !== null)
    return new Date(now.getTime() + settings.switchOverDelaySeconds * 1_000);
  return nextSwitchOver(now, settings.switchWindow, settings.calendar.utcOffsetHours, settings.calendar);
}
