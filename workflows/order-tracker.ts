import { allHandlersFinished, condition } from '@temporalio/workflow';
import type { OrderFailure, OrderProjection, OrderStatus, OrderType } from '../domain/orders';
import type { OrderInputBase, OrderState } from './contracts/orders-common';

type Recorder = (projection: OrderProjection) => Promise<void>;

/**
 * Holds an order's live state inside its workflow and mirrors every change to the read model, one numbered
 * timeline line at a time (REQ: ORD-2).
 */
export class OrderTracker {
  readonly state: OrderState;
  private seq = 0;

  constructor(
    type: OrderType,
    private readonly input: OrderInputBase,
    summary: Record<string, unknown>,
    private readonly record: Recorder,
  ) {
    this.state = {
      id: input.orderId,
      type,
      status: 'acknowledged',
      step: null,
      origin: input.origin,
      summary,
      failure: null,
      timeline: [],
    };
  }

  /** Moves the order to a status (and step), records who and why, and writes the projection. */
  async move(
    status: OrderStatus,
    step: string | null,
    actor: string,
    reason: string | null = null,
  ): Promise<void> {
    const entry = { status, step, at: new Date().toISOString(), actor, reason };
    this.state.status = status;
    this.state.step = step;
    this.state.timeline.push(entry);
    const seq = this.seq++;
    await this.record({
      id: this.input.orderId,
      type: this.state.type,
      origin: this.input.origin,
      requestHash: this.input.requestHash,
      status,
      step,
      summary: this.state.summary,
      failure: this.state.failure,
      event: { ...entry, seq },
    });
  }

  async fail(status: 'failed' | 'rejected', failure: OrderFailure, actor = 'system'): Promise<void> {
    this.state.failure = failure;
    await this.move(status, null, actor, failure.message);
  }

  /**
   * The order as the workflow returns it, once every update handler has finished: a cancel handler answers
   * with the ended order, and a workflow that ends first would leave its caller without an answer.
   */
  async closed(): Promise<OrderState> {
    await condition(allHandlersFinished);
    return this.state;
  }
}
