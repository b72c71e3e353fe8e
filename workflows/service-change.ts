import { paymentRefusalCodes } from '../domain/open-account-rules';
import type { LineChangeSummary } from '../domain/service-change-summaries';
import type { OrderState } from './contracts/orders-common';
import type { ServiceChangeInput, ServiceChangeWorkflowRequest } from './contracts/service-change';
import { startOrderRun } from './order-run';
import { runServiceChange, type ChangeContext } from './service-change-plans';

/**
 * A service change of a live line (REQ: ORD-1, CHG-1, CHG-2) — number change, SIM swap, data change,
 * ownership transfer, suspend / resume, loss report, features, discount, recharge, fee collection and
 * refund — accepted → provisioned → completed. Every type shares this skeleton: check and hold the line
 * (no other order changes it meanwhile) → the type's own steps (`service-change-plans.ts`) → completed.
 * A failure undoes what was done (REQ: ORD-5); a cancel before the point of no return does the same and
 * ends `cancelled` (REQ: ORD-6).
 */
export async function serviceChangeWorkflow(input: ServiceChangeInput): Promise<OrderState> {
  const { request, orderId } = input;
  const summary: LineChangeSummary = { msisdn: request.msisdn };
  const { act, finish, order, saga, step, passPointOfNoReturn, finishWithFailure } = await startOrderRun(
    request.type,
    input,
    summary,
  );
  const ctx: ChangeContext = {
    orderId,
    operatorId: input.origin.operatorId,
    act,
    finish,
    saga,
    summary,
    step,
    passPointOfNoReturn,
  };

  try {
    saga.addUndo(() => finish.releaseLine({ orderId }));
    const line = await step('checkingLine', act.holdLineForChange, {
      orderId,
      msisdn: request.msisdn,
      type: request.type,
      identity: identityOf(request),
    });
    const done = await runServiceChange(ctx, request, line);
    await order.move('completed', null, 'system', done);
  } catch (err) {
    // REQ: OPEN-5 — a payment the bank did not vouch for refuses the change; nothing was charged.
    await finishWithFailure(err, { rejectOn: paymentRefusalCodes });
  }
  return order.closed();
}

/** The owner's identity shown at the counter, for the changes that carry one. */
function identityOf(request: ServiceChangeWorkflowRequest): { idNumber: string } | undefined {
  return 'identity' in request ? request.identity : undefined;
}
