import { ApplicationFailure, patched } from '@temporalio/workflow';
import { bankAccountRefusal } from '../domain/bank-accounts';
import { errorCatalogue } from '../domain/errors';
import {
  bankAccountCheckOf,
  corporateAccountMisused,
  corporateAccountRule,
  depositOf,
  missingCustomerData,
  openingPayer,
  paymentRefusalCodes,
  servicePasswordAdvice,
} from '../domain/open-account-rules';
import { hlrServicesFor } from '../domain/service-change-rules';
import type { OpenAccountInput, OpenAccountSummary } from './contracts/open-account';
import type { OrderState } from './contracts/orders-common';
import { startOrderRun } from './order-run';

/**
 * Runs started after this patch take the steps that only touch the database and are followed by a scheduled
 * step or come after the point of no return — quoting, pre-entering the customer, charging cash, committing
 * the resources — as local activities in the workflow's own task (`OrderRun.quick`): no task queue, one
 * marker each instead of three events and a workflow task of their own. A cancel sent meanwhile is heard at
 * the next scheduled step (committing the customer) and honoured there, before the point of no return.
 * Runs started before it schedule every step as an activity.
 */
export const quickStepsLocalPatch = 'opening-quick-steps-local';

/**
 * Account opening (开户), accepted → provisioned → completed (REQ: ORD-1, OPEN-2…OPEN-5, RES-6):
 * completeness → pre-empt number and SIM → verify the bank account → quote → pre-enter customer → charge →
 * commit customer → provision on the HLR → commit resources. A failure after pre-emption undoes what was
 * done (REQ: ORD-5); a cancel before provisioning does the same and ends `cancelled` (REQ: ORD-6).
 */
export async function openAccountWorkflow(input: OpenAccountInput): Promise<OrderState> {
  const { request, orderId } = input;
  const summary: OpenAccountSummary = {
    productCode: request.productCode,
    customerName: request.customer.name,
    // REQ: OPEN-6 — no service password given: the counter advises setting one.
    ...(request.servicePasswordRef ? {} : { advice: servicePasswordAdvice }),
  };
  // The first await is the first step (or a rejection's move): it carries the acknowledgement.
  const { act, quick, finish, order, saga, step, passPointOfNoReturn, finishWithFailure } =
    await startOrderRun('openAccount', input, summary, undefined, { acknowledgeWithFirstStep: true });
  // Asked once, before the first step: the whole run takes one path or the other.
  const local = patched(quickStepsLocalPatch) ? quick : act;

  const missing = missingCustomerData(request.customer);
  if (missing.length > 0) {
    await order.fail('rejected', {
      code: 'IncompleteCustomerData',
      message: `Customer data is incomplete: ${missing.join(', ')}`,
      reason: `客户资料不完整：${missing.join('、')}`,
    });
    return order.closed();
  }
  // The API's schema refuses this too; checked again because any client may start the workflow.
  if (corporateAccountMisused(request)) {
    await order.fail('rejected', {
      code: 'CorporateAccountEnterpriseOnly',
      message: `payment.method: ${corporateAccountRule}`,
      reason: errorCatalogue.CorporateAccountEnterpriseOnly.zh,
    });
    return order.closed();
  }

  try {
    saga.addUndo(() => finish.releaseResources({ orderId }));
    const held = await step('preemptingResources', act.preemptResources, {
      orderId,
      msisdn: request.msisdn,
      operatorId: input.origin.operatorId,
    });
    summary.msisdn = held.msisdn;
    summary.iccid = held.iccid;

    // REQ: OPEN-5 — the bank vouches for a card's holder or a corporate account's documents before any charge.
    const check = bankAccountCheckOf(request);
    if (check) {
      const verification = await step('verifyingBankAccount', act.verifyBankAccount, check);
      if (!verification.valid) {
        const { code, message } = bankAccountRefusal(check, verification.reason);
        throw ApplicationFailure.create({ type: code, message, nonRetryable: true });
      }
    }

    const quote = await step('quoting', local.quoteOpenAccount, {
      productCode: request.productCode,
      selectionFeeFen: held.selectionFeeFen,
      internationalRoaming: request.internationalRoaming,
      payer: openingPayer(request),
    });
    summary.quote = quote;

    saga.addUndo(() => finish.discardCustomer({ orderId }));
    const { customerId } = await step('preEnteringCustomer', local.preEnterCustomer, {
      orderId,
      customer: request.customer,
    });

    const paymentKey = `${orderId}:charge`;
    saga.addUndo(() => finish.refundPayment({ paymentKey }));
    const amountFen = quote.totalFen;
    // Cash is recorded at the counter, one insert; a card or a corporate account is charged through the bank,
    // which may be slow: a scheduled step, so a cancel sent meanwhile is heard while it runs.
    const charge = request.payment.method === 'cash' ? local : act;
    const paid = await step('charging', charge.chargePayment, {
      orderId,
      paymentKey,
      amountFen,
      payment: request.payment,
      payer: { customer: request.customer },
    });
    summary.receiptNo = paid.receiptNo;

    await step('committingCustomer', act.commitCustomer, { orderId });

    // From here the subscriber goes live on the network: a cancel is refused (REQ: ORD-6).
    passPointOfNoReturn();
    // REQ: ORD-5 — the undo switches off only what this order switched on: if its hold ran out, the number
    // may be another customer's line by now.
    saga.addUndo(() => finish.deprovisionSubscriber({ orderId, msisdn: held.msisdn, ownOnly: true }));
    await step('provisioning', act.provisionSubscriber, {
      orderId,
      msisdn: held.msisdn,
      imsi: held.imsi,
      services: hlrServicesFor(request.internationalRoaming ? ['internationalRoaming'] : []),
      numberFromStock: true,
    });

    await step('committingResources', local.commitResources, {
      orderId,
      msisdn: held.msisdn,
      iccid: held.iccid,
      customerId,
      productCode: request.productCode,
      internationalRoaming: request.internationalRoaming,
      openingBalanceFen: depositOf(quote),
      // REQ: OPEN-6, Q-1 — the line gets the service password parked (hashed) by the API.
      servicePasswordRef: request.servicePasswordRef,
    });
    await order.move('completed', null, 'system', 'account opened');
  } catch (err) {
    await finishWithFailure(err, { rejectOn: paymentRefusalCodes });
  }
  return order.closed();
}
