import { ApplicationFailure, condition, setHandler } from '@temporalio/workflow';
import { addWorkingDays } from '../domain/business-calendar';
import { errorCatalogue } from '../domain/errors';
import type { PortInAnswered } from '../domain/mnp-callbacks';
import { nextSwitchOver } from '../domain/number-portability-schedule';
import { paymentRefusalCodes } from '../domain/open-account-rules';
import { missingPortingMaterials } from '../domain/port-in-materials';
import { hlrServicesFor } from '../domain/service-change-rules';
import type { PortInSettings } from '../domain/workflow-settings';
import type { OrderState } from './contracts/orders-common';
import { portInAnsweredSignal, type PortInInput, type PortInSummary } from './contracts/port-in';
import { startOrderRun } from './order-run';
import { CancelRequested } from './saga';

/**
 * Port-in (携号转网, we are the recipient), REQ: MNP-2…MNP-5: materials checked (MNP-2, MNP-4) → porting fee
 * charged → a SIM pre-empted → customer pre-entered → the port-in submitted to the clearing system →
 * `pending` until the donor answers (re-submitted after each timeout, `DonorNoAnswer` after the last) → a
 * rejection undoes everything and fails with the donor's reason; an acceptance waits for the switch-over as
 * a durable timer (a cancel until then undoes everything and withdraws the port-in, MNP-5) → point of no
 * return → HLR provisioning → customer and line committed → `completed`.
 */
export async function portInWorkflow(input: PortInInput): Promise<OrderState> {
  const { request, orderId } = input;
  const settings = input.settings.portIn;
  const summary: PortInSummary = {
    msisdn: request.msisdn,
    donorOperator: request.donorOperator,
    productCode: request.productCode,
    customerName: request.customer.name,
    channel: request.channel,
    feeFen: settings.feeFen,
  };
  const { act, finish, order, saga, step, cancelRequest, passPointOfNoReturn, finishWithFailure } =
    await startOrderRun('portIn', input, summary);

  // The first answer counts; the clearing system re-sends the same decision when we re-submit.
  let answer: PortInAnswered | null = null;
  setHandler(portInAnsweredSignal, (a) => {
    answer ??= a;
  });

  // REQ: MNP-5 — the customer's authorization code travels by its parked reference only; it is wiped as
  // soon as it is not needed any more: the donor has answered, or the order ends without it.
  const { authorizationCodeRef } = request;
  const missing = missingPortingMaterials(request);
  if (missing.length > 0) {
    await finish.forgetPortInAuthorizationCode({ authorizationCodeRef });
    await order.fail('rejected', {
      code: 'PortingMaterialsIncomplete',
      message: `The porting materials are incomplete: ${missing.join(', ')}`,
      reason: `${errorCatalogue.PortingMaterialsIncomplete.zh}：${missing.join('、')}`,
    });
    return order.closed();
  }

  try {
    saga.addUndo(() => finish.forgetPortInAuthorizationCode({ authorizationCodeRef }));
    const paymentKey = `${orderId}:portInFee`;
    saga.addUndo(() => finish.refundPayment({ paymentKey }));
    const paid = await step('charging', act.chargePayment, {
      orderId,
      paymentKey,
      amountFen: settings.feeFen,
      payment: request.payment,
      payer: { customer: request.customer },
    });
    summary.receiptNo = paid.receiptNo;

    saga.addUndo(() => finish.releaseResources({ orderId }));
    const sim = await step('preemptingSim', act.preemptPortInSim, { orderId });
    summary.iccid = sim.iccid;

    saga.addUndo(() => finish.discardCustomer({ orderId }));
    const { customerId } = await step('preEnteringCustomer', act.preEnterCustomer, {
      orderId,
      customer: request.customer,
    });

    // REQ: MNP-5 — the port-in at the clearing system; withdrawn if the order does not go through.
    let clearingRef: string | null = null;
    saga.addUndo(async () => {
      if (clearingRef) await finish.cancelPortInRequest({ orderId, clearingRef });
    });
    // One application: a re-submission repeats attempt 1, so the clearing system re-sends its answer.
    const submission = { orderId, attempt: 1, msisdn: request.msisdn, authorizationCodeRef };
    const submit = () => act.submitPortIn(submission);
    ({ clearingRef } = await step('submittingToClearing', act.submitPortIn, submission));
    summary.clearingRef = clearingRef;
    summary.submissions = 1;

    // REQ: MNP-3 — normally done within N working days.
    summary.deadline = addWorkingDays(
      new Date(),
      settings.deadlineWorkingDays,
      settings.calendar,
    ).toISOString();
    await order.move('pending', 'waitingForDonor', 'system', `deadline ${summary.deadline}`);
    const answered = await waitForAnswer(
      () => answer,
      cancelRequest,
      settings,
      async () => {
        await submit();
        summary.submissions = (summary.submissions ?? 1) + 1;
      },
    );
    await finish.forgetPortInAuthorizationCode({ authorizationCodeRef });
    summary.donorAnswer = {
      accepted: answered.accepted,
      ...(answered.reasonCode ? { reasonCode: answered.reasonCode } : {}),
      ...(answered.reason ? { reason: answered.reason } : {}),
    };
    if (!answered.accepted) {
      throw ApplicationFailure.create({
        type: 'DonorRejected',
        message:
          `The donor operator ${request.donorOperator} rejected the port-in: ` +
          `${answered.reason ?? answered.reasonCode ?? 'no reason given'} (${answered.reasonCode ?? '-'})`,
        nonRetryable: true,
      });
    }

    // REQ: MNP-5 — switch-over at the agreed time, in the next window slot at the earliest.
    const switchOverAt = switchOverTime(settings, answered, new Date());
    summary.switchOverAt = switchOverAt.toISOString();
    await order.move('pending', 'waitingForSwitchOver', 'system', `switch-over at ${summary.switchOverAt}`);
    await condition(() => cancelRequest() !== null, Math.max(1, switchOverAt.getTime() - Date.now()));

    // From the switch-over on the number moves to our network: a cancel is refused (REQ: ORD-6, MNP-5).
    passPointOfNoReturn();
    // The SIM hold may have run out during a long wait: renew it (or take another free SIM).
    const held = await step('preparingSim', act.preemptPortInSim, { orderId });
    summary.iccid = held.iccid;
    // REQ: ORD-5 — the undo switches off only what this order switched on.
    saga.addUndo(() => finish.deprovisionSubscriber({ orderId, msisdn: request.msisdn, ownOnly: true }));
    await step('provisioning', act.provisionSubscriber, {
      orderId,
      msisdn: request.msisdn,
      imsi: held.imsi,
      services: hlrServicesFor([]),
    });
    await step('committingCustomer', act.commitCustomer, { orderId });
    await step('committingLine', act.commitPortInLine, {
      orderId,
      msisdn: request.msisdn,
      iccid: held.iccid,
      customerId,
      productCode: request.productCode,
    });
    await order.move('completed', null, 'system', 'number ported in');
  } catch (err) {
    // REQ: OPEN-5 — a payment the bank did not vouch for refuses the port-in; nothing was charged.
    await finishWithFailure(err, { rejectOn: paymentRefusalCodes });
  }
  return order.closed();
}

/**
 * REQ: MNP-5 — waits for the donor's answer; after each timeout the port-in is re-submitted, and after the
 * last one the order fails `DonorNoAnswer`. A cancel while waiting ends the wait (CancelRequested).
 */
async function waitForAnswer(
  answer: () => PortInAnswered | null,
  cancelRequest: () => unknown,
  settings: PortInSettings,
  resubmit: () => Promise<void>,
): Promise<PortInAnswered> {
  for (let resubmits = 0; ; resubmits++) {
    await condition(
      () => answer() !== null || cancelRequest() !== null,
      settings.answerTimeoutSeconds * 1_000,
    );
    if (cancelRequest()) throw new CancelRequested();
    const got = answer();
    if (got) return got;
    if (resubmits >= settings.maxResubmits) {
      throw ApplicationFailure.create({
        type: 'DonorNoAnswer',
        message:
          `The donor operator did not answer within ${settings.answerTimeoutSeconds}s, ` +
          `${settings.maxResubmits} re-submissions included`,
        nonRetryable: true,
      });
    }
    await resubmit();
  }
}

/** The agreed switch-over, not before the next slot of the window (or the demo/test delay when set). */
function switchOverTime(settings: PortInSettings, answer: PortInAnswered, now: Date): Date {
  if (settings.switchOverDelaySeconds !== null)
    return new Date(now.getTime() + settings.switchOverDelaySeconds * 1_000);
  const slot = nextSwitchOver(
    now,
    settings.switchWindow,
    settings.calendar.utcOffsetHours,
    settings.calendar,
  );
  const agreed = answer.switchOverAt ? new Date(answer.switchOverAt).getTime() : 0;
  return new Date(Math.max(agreed, slot.getTime()));
}
