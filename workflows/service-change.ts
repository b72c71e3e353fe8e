import { condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { isTerminal } from '../domain/orders';
import type { ServiceChangeRequest } from '../domain/service-changes';
import {
  cancelOrderUpdate,
  orderStateQuery,
  type CancelRequest,
  type OrderState,
  type ServiceChangeInput,
} from './contracts';
import { OrderTracker } from './order-tracker';
import { CancelRequested, closedFailure, describeFailure, pastPointOfNoReturn, Saga } from './saga';
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
  const act = proxyActivities<Activities>({
    startToCloseTimeout: `${input.settings.stepTimeoutSeconds}s`,
    retry: {
      maximumAttempts: input.settings.stepMaxAttempts,
      initialInterval: '200ms',
      maximumInterval: '10s',
    },
  });
  // Undos must finish whatever happens, so they retry without limit.
  const undo = proxyActivities<Activities>({
    startToCloseTimeout: `${input.settings.stepTimeoutSeconds}s`,
    retry: { initialInterval: '1s', maximumInterval: '1m' },
  });
  const summary: Record<string, unknown> = { msisdn: request.msisdn };
  const order = new OrderTracker(request.type, input, summary, act.recordOrderEvent);
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

  const ctx: ChangeContext = {
    orderId,
    act,
    undo,
    saga,
    summary,
    step: async (name, run) => {
      if (cancel) throw new CancelRequested();
      await order.move('inProgress', name, 'system');
      return run();
    },
    pointOfNoReturn: () => {
      if (cancel) throw new CancelRequested();
      pointOfNoReturn = true;
    },
  };

  await order.move('acknowledged', null, input.origin.operatorId, 'order received');
  try {
    saga.addUndo(() => undo.releaseLine({ orderId }));
    const line = await ctx.step('checkingLine', () =>
      act.holdLineForChange({
        orderId,
        msisdn: request.msisdn,
        type: request.type,
        identity: identityOf(request),
      }),
    );
    const done = await runServiceChange(ctx, request, line);
    await order.move('completed', null, 'system', done);
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
  return order.state;
}

/** The owner's identity shown at the counter, for the changes that carry one. */
function identityOf(request: ServiceChangeRequest): { idNumber: string } | undefined {
  return 'identity' in request ? request.identity : undefined;
}
