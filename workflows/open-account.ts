import { condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { depositOf, missingCustomerData } from '../domain/open-account';
import { isTerminal } from '../domain/orders';
import {
  cancelOrderUpdate,
  orderStateQuery,
  type CancelRequest,
  type OpenAccountInput,
  type OpenAccountSummary,
  type OrderState,
} from './contracts';
import { OrderTracker } from './order-tracker';
import { CancelRequested, closedFailure, describeFailure, pastPointOfNoReturn, Saga } from './saga';

/**
 * Account opening (开户), accepted → provisioned → completed (REQ: ORD-1, OPEN-2, OPEN-3, OPEN-4, RES-6):
 * completeness → pre-empt number and SIM → quote → pre-enter customer → charge → commit customer →
 * provision on the HLR → commit resources. A failure after pre-emption undoes what was done (REQ: ORD-5);
 * a cancel before provisioning does the same and ends `cancelled` (REQ: ORD-6).
 */
export async function openAccountWorkflow(input: OpenAccountInput): Promise<OrderState> {
  const { request, orderId } = input;
  const act = proxyActivities<Activities>({
    startToCloseTimeout: `${input.settings.stepTimeoutSeconds}s`,
    retry: {
      maximumAttempts: input.settings.stepMaxAttempts,
      initialInterval: '200ms',
      maximumInterval: '10s',
    },
  });
  const summary: OpenAccountSummary = {
    productCode: request.productCode,
    customerName: request.customer.name,
  };
  const order = new OrderTracker(
    'openAccount',
    input,
    summary as unknown as Record<string, unknown>,
    act.recordOrderEvent,
  );
  // Undos must finish whatever happens, so they retry without limit.
  const undo = proxyActivities<Activities>({
    startToCloseTimeout: `${input.settings.stepTimeoutSeconds}s`,
    retry: { initialInterval: '1s', maximumInterval: '1m' },
  });
  const saga = new Saga();

  let cancel: { actor: string; reason: string } | null = null;
  let pointOfNoReturn = false;
  setHandler(orderStateQuery, () => order.state);
  setHandler(
    cancelOrderUpdate,
    async (req) => {
      cancel = req;
      await order.move('assessingCancellation', order.state.step, req.actor, req.reason);
      await condition(() => isTerminal(order.state.status));
      return order.state;
    },
    {
      validator: (_req: CancelRequest) => {
        if (isTerminal(order.state.status) || cancel) throw closedFailure(order.state.status);
        if (pointOfNoReturn) throw pastPointOfNoReturn(order.state.step);
      },
    },
  );

  /** Runs one business step, first honouring a cancel that arrived while the previous step ran. */
  const step = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    if (cancel) throw new CancelRequested();
    await order.move('inProgress', name, 'system');
    return run();
  };

  await order.move('acknowledged', null, input.origin.operatorId, 'order received');
  const missing = missingCustomerData(request.customer);
  if (missing.length > 0) {
    await order.fail('rejected', {
      code: 'IncompleteCustomerData',
      message: `Customer data is incomplete: ${missing.join(', ')}`,
      reason: `客户资料不完整：${missing.join('、')}`,
    });
    return order.closed();
  }

  try {
    saga.addUndo(() => undo.releaseResources({ orderId }));
    const held = await step('preemptingResources', () =>
      act.preemptResources({ orderId, msisdn: request.msisdn }),
    );
    summary.msisdn = held.msisdn;
    summary.iccid = held.iccid;

    const quote = await step('quoting', () =>
      act.quoteOpenAccount({
        productCode: request.productCode,
        selectionFeeFen: held.selectionFeeFen,
        internationalRoaming: request.internationalRoaming,
        corporateAccount: request.payment.method === 'corporateAccount',
      }),
    );
    summary.quote = quote;

    saga.addUndo(() => undo.discardCustomer({ orderId }));
    const { customerId } = await step('preEnteringCustomer', () =>
      act.preEnterCustomer({ orderId, customer: request.customer }),
    );

    const paymentKey = `${orderId}:charge`;
    saga.addUndo(() => undo.refundPayment({ paymentKey }));
    const amountFen = quote.totalFen;
    const paid = await step('charging', () =>
      act.chargePayment({ orderId, paymentKey, amountFen, payment: request.payment }),
    );
    summary.receiptNo = paid.receiptNo;

    await step('committingCustomer', () => act.commitCustomer({ orderId }));

    // From here the subscriber goes live on the network: a cancel is refused (REQ: ORD-6).
    if (cancel) throw new CancelRequested();
    pointOfNoReturn = true;
    saga.addUndo(() => undo.deprovisionSubscriber({ orderId, msisdn: held.msisdn }));
    await step('provisioning', () =>
      act.provisionSubscriber({
        orderId,
        msisdn: held.msisdn,
        imsi: held.imsi,
        services: ['voice', 'sms', 'data'],
      }),
    );

    await step('committingResources', () =>
      act.commitResources({
        orderId,
        msisdn: held.msisdn,
        iccid: held.iccid,
        customerId,
        productCode: request.productCode,
        internationalRoaming: request.internationalRoaming,
        openingBalanceFen: depositOf(quote),
      }),
    );
    await order.move('completed', null, 'system', 'account opened');
  } catch (err) {
    if (err instanceof CancelRequested && cancel) {
      const by: { actor: string; reason: string } = cancel;
      await order.move('pendingCancellation', null, by.actor, by.reason);
      await saga.compensate();
      await order.move('cancelled', null, by.actor, by.reason);
    } else {
      await saga.compensate();
      await order.fail('failed', describeFailure(err));
    }
  }
  return order.closed();
}
