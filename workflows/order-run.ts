import {
  condition,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  type ActivityInterfaceFor,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import { isTerminal } from '../domain/order-status';
import type { OrderMoves, OrderProjection, OrderStatus, OrderType } from '../domain/orders';
import {
  cancelOrderUpdate,
  orderStateQuery,
  type CancelRequest,
  type OrderInputBase,
} from './contracts/orders-common';
import { OrderTracker } from './order-tracker';
import {
  CancelRequested,
  cancelInProgress,
  closedFailure,
  describeFailure,
  pastPointOfNoReturn,
  Saga,
} from './saga';

/**
 * The skeleton every order workflow shares (REQ: ORD-1, ORD-2, ORD-5, ORD-6): the activity proxies, the
 * tracked order with its state query, the saga of undos, and the cancel update with its point of no return.
 * A workflow starts its run, then reads top to bottom as its business steps.
 */
export interface OrderRun {
  /** Business steps: a bounded number of attempts (`stepMaxAttempts`). */
  act: ActivityInterfaceFor<Activities>;
  /**
   * Business steps as `act` (same attempts and timeout) run as local activities, in the workflow's own task:
   * for a short step that only touches the database, followed by an `act` step or past the point of no
   * return. A cancel sent meanwhile waits for the task to end (milliseconds; longer while a step retries) and
   * is honoured at the next scheduled step.
   */
  quick: ActivityInterfaceFor<Activities>;
  /** Undos, and every other step that must finish whatever happens: retried without limit. */
  finish: ActivityInterfaceFor<Activities>;
  /**
   * Steps as `finish` (retried without limit) run as local activities, in the workflow's own task: for a step
   * no cancel can interrupt any more, e.g. one a cancel itself leads to.
   */
  finishQuick: ActivityInterfaceFor<Activities>;
  order: OrderTracker;
  saga: Saga;
  /**
   * Runs one business step — one activity, from `act`, `quick` or `finish` — first honouring a cancel that arrived
   * while the previous step ran. The activity writes the order's move to the step in front of its work
   * (activities/tracked.ts): the move costs no activity of its own (REQ: ORD-1, ORD-2). The move shares the
   * activity's attempts; a move that would only repeat the order's last line is not handed over at all.
   */
  step: <I, O>(name: string, activity: TrackedActivity<I, O>, input: I) => Promise<O>;
  /**
   * Moves the order (any status, any actor) and runs one activity that writes that move in front of its work,
   * as `step` does — but a cancel asked for does not stop it: for the steps a cancel itself leads to.
   */
  moveWith: <I, O>(to: OrderMove, activity: TrackedActivity<I, O>, input: I) => Promise<O>;
  /**
   * The cancel asked for, if any. Read through a function: the update handler sets it while the workflow
   * awaits, which TypeScript's narrowing cannot see.
   */
  cancelRequest: () => CancelRequest | null;
  /** REQ: ORD-6 — from here on a cancel is refused; a cancel already asked for is honoured first (throws). */
  passPointOfNoReturn: () => void;
  /**
   * Ends the order after `err` left its business steps: a honoured cancel (`CancelRequested`) moves it
   * pendingCancellation → undos → cancelled; anything else runs the undos and fails it with the reason staff
   * read — `rejected` instead of `failed` when the failure's code is one of `rejectOn`.
   */
  finishWithFailure: (err: unknown, options?: { rejectOn?: readonly string[] }) => Promise<void>;
}

/** Where a move takes the order, who made it and why. */
export interface OrderMove {
  status: OrderStatus;
  step: string | null;
  actor: string;
  reason?: string | null;
}

/**
 * An activity as the workers register it: its input, and the move of the step it does — or the moves not
 * written yet followed by it (activities/tracked.ts).
 */
export type TrackedActivity<I, O> = (input: I, move?: OrderMoves) => Promise<O>;

/**
 * Runs started before this patch write every move of the read model by a scheduled activity of its own
 * (`recordOrderEvent`); runs started after it let each business step's activity write its move, and write
 * the others by local activity (REQ: ORD-1, ORD-2).
 */
export const readModelByStepPatch = 'read-model-by-step';

/**
 * Runs started after this patch (of the workflows that ask for it, `acknowledgeWithFirstStep`) leave the
 * order's acknowledgement to the activity of their first step, written with that step's move in one
 * statement; runs started before it write the acknowledgement by a local activity of its own (REQ: ORD-2).
 */
export const acknowledgedWithFirstStepPatch = 'acknowledged-with-first-step';

/**
 * Sets up the order's run — proxies, tracker, saga, the `orderState` query and the `cancelOrder` update —
 * and records the order as acknowledged by the operator who submitted it (with `acknowledgeWithFirstStep`,
 * the first step's activity or the next move writes that line). Returns with the handlers set, so
 * the workflow's first step may already be cancelled. `setHandlers` registers the workflow's own handlers
 * before the first await: an update that arrives with the workflow's first task finds its handler (an
 * update without one is refused, unlike a signal, which waits).
 */
export async function startOrderRun(
  type: OrderType,
  input: OrderInputBase,
  summary: object,
  setHandlers?: (order: OrderTracker) => void,
  options: {
    /**
     * The workflow's first await is a business step (`step`): the acknowledgement waits for it, and is
     * written by that step's activity with the step's own move — no local activity of its own. Only for a
     * workflow that starts with a step: one that waits first would leave the order out of the read model
     * while it waits.
     */
    acknowledgeWithFirstStep?: boolean;
    /**
     * The workflow's own patch has told that this run started after `read-model-by-step` and
     * `acknowledged-with-first-step`: their paths are taken without asking `patched()` here — each patch asked
     * is a marker and a search-attribute upsert in the history, and a write on the server. A patch added to
     * this file later must still be asked.
     */
    startedAfterPatches?: boolean;
  } = {},
): Promise<OrderRun> {
  // Asked once, before the first move, and kept: the whole run takes one path or the other.
  const newest = options.startedAfterPatches === true;
  const movesByStep = newest || patched(readModelByStepPatch);
  const acknowledgeWithFirstStep =
    movesByStep &&
    options.acknowledgeWithFirstStep === true &&
    (newest || patched(acknowledgedWithFirstStepPatch));
  const stepOptions = {
    startToCloseTimeout: `${input.settings.stepTimeoutSeconds}s`,
    retry: {
      maximumAttempts: input.settings.stepMaxAttempts,
      initialInterval: '200ms',
      maximumInterval: '10s',
    },
  };
  const act = proxyActivities<Activities>(stepOptions);
  const quick = proxyLocalActivities<Activities>(stepOptions);
  const finishOptions = {
    startToCloseTimeout: `${input.settings.stepTimeoutSeconds}s`,
    retry: { initialInterval: '1s', maximumInterval: '1m' },
  };
  const finish = proxyActivities<Activities>(finishOptions);
  const finishQuick = proxyLocalActivities<Activities>(finishOptions);
  // The read model must follow every change, compensation included: its writes retry without limit. A local
  // activity runs in the workflow's own task: no task queue, no history events beyond its marker.
  const { recordOrderEvent } = movesByStep ? finishQuick : finish;
  // Moves made but not written yet (the acknowledgement, until a step or another move carries it), in order.
  let unwritten: OrderProjection[] = [];
  const withUnwritten = (move: OrderProjection | null): OrderMoves | null => {
    const moves = move ? [...unwritten, move] : unwritten;
    unwritten = [];
    return moves.length > 1 ? moves : (moves[0] ?? null);
  };
  const order = new OrderTracker(
    type,
    input,
    summary as Record<string, unknown>,
    (move) => recordOrderEvent(withUnwritten(move) ?? move),
    movesByStep,
  );
  const saga = new Saga();

  let cancel: CancelRequest | null = null;
  let pointOfNoReturnPassed = false;
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
        if (isTerminal(order.state.status)) throw closedFailure(order.state.status);
        if (cancel) throw cancelInProgress();
        if (pointOfNoReturnPassed) throw pastPointOfNoReturn(order.state.step);
      },
    },
  );

  setHandlers?.(order);
  const cancelRequest = (): CancelRequest | null => cancel;
  const moveWith = async <I, O>(to: OrderMove, activity: TrackedActivity<I, O>, input: I): Promise<O> => {
    const reason = to.reason ?? null;
    if (!movesByStep) {
      await order.move(to.status, to.step, to.actor, reason);
      return activity(input);
    }
    const moves = withUnwritten(order.advance(to.status, to.step, to.actor, reason));
    return moves ? activity(input, moves) : activity(input);
  };

  const run: OrderRun = {
    act,
    quick,
    finish,
    finishQuick,
    order,
    saga,
    cancelRequest,
    step: async (name, activity, stepInput) => {
      if (cancelRequest()) throw new CancelRequested();
      return moveWith({ status: 'inProgress', step: name, actor: 'system' }, activity, stepInput);
    },
    moveWith,
    passPointOfNoReturn: () => {
      if (cancelRequest()) throw new CancelRequested();
      pointOfNoReturnPassed = true;
    },
    finishWithFailure: async (err, { rejectOn = [] } = {}) => {
      const by = cancelRequest();
      if (err instanceof CancelRequested && by) {
        await order.move('pendingCancellation', null, by.actor, by.reason);
        await saga.compensate();
        await order.move('cancelled', null, by.actor, by.reason);
      } else {
        await saga.compensate();
        const failure = describeFailure(err);
        await order.fail(rejectOn.includes(failure.code) ? 'rejected' : 'failed', failure);
      }
    },
  };

  const acknowledged = order.advance('acknowledged', null, input.origin.operatorId, 'order received');
  if (acknowledgeWithFirstStep && acknowledged) unwritten.push(acknowledged);
  else if (acknowledged) await recordOrderEvent(acknowledged);
  return run;
}
