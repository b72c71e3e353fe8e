import { ActivityFailure, ApplicationFailure, log } from '@temporalio/workflow';
import { errorCatalogue, isErrorCode } from '../domain/errors';
import { orderStatusLabels, type OrderStatus } from '../domain/order-status';
import type { OrderFailure } from '../domain/orders';

/**
 * Compensation (REQ: ORD-5): each effect registers its undo before it runs — every undo is a no-op when
 * its effect never happened — and a failure runs the undos in reverse order.
 */
export class Saga {
  private readonly undos: (() => Promise<unknown>)[] = [];

  addUndo(undo: () => Promise<unknown>): void {
    this.undos.push(undo);
  }

  async compensate(): Promise<void> {
    for (const undo of this.undos.reverse()) {
      try {
        await undo();
      } catch (err) {
        // Undo activities retry without limit; reaching here means the workflow itself is being torn down.
        log.error('compensation failed', { error: String(err) });
      }
    }
    this.undos.length = 0;
  }
}

/** Thrown inside the workflow when a cancel request is honoured at a step boundary. */
export class CancelRequested extends Error {
  constructor() {
    super('cancel requested');
    this.name = 'CancelRequested';
  }
}

/** The reason an order failed, as staff read it: stable code, English message, Chinese reason. */
export function describeFailure(err: unknown): OrderFailure {
  const app = err instanceof ActivityFailure ? err.cause : err;
  if (app instanceof ApplicationFailure && isErrorCode(app.type)) {
    return { code: app.type, message: app.message, reason: errorCatalogue[app.type].zh };
  }
  // Internals (SQL, stack traces) stay in the workflow history, not in what staff read.
  log.error('order failed unexpectedly', { error: app instanceof Error ? app.message : String(app) });
  return {
    code: 'InternalError',
    message: 'An internal error stopped the order; its workflow history has the details',
    reason: errorCatalogue.InternalError.zh,
  };
}

/** The order has ended: `refused` says what it can no longer do (by default, be cancelled). */
export function closedFailure(status: OrderStatus, refused = 'be cancelled'): ApplicationFailure {
  return ApplicationFailure.create({
    type: 'OrderAlreadyClosed',
    message: `The order is already ${status} (${orderStatusLabels[status].zh}) and cannot ${refused}`,
    nonRetryable: true,
  });
}

export function pastPointOfNoReturn(step: string | null): ApplicationFailure {
  return ApplicationFailure.create({
    type: 'PastPointOfNoReturn',
    message: `The order is at step ${step ?? 'unknown'}, past its point of no return; it can no longer be cancelled`,
    nonRetryable: true,
  });
}

export function cancelInProgress(): ApplicationFailure {
  return ApplicationFailure.create({
    type: 'CancelInProgress',
    message: 'A cancel of this order is already in progress',
    nonRetryable: true,
  });
}
