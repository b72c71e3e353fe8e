import { allHandlersFinished, condition } from '@temporalio/workflow';
import type { OrderFailure, OrderProjection, OrderStatus, OrderType, TimelineEntry } from '../domain/orders';
import type { OrderInputBase, OrderState } from './contracts/orders-common';

type Recorder = (projection: OrderProjection) => Promise<void>;
type Line = Pick<TimelineEntry, 'status' | 'step' | 'actor' | 'reason'>;

const repeats = (last: Line, next: Line): boolean =>
  last.status === next.status &&
  last.step === next.step &&
  last.actor === next.actor &&
  last.reason === next.reason;

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
    /**
     * Skip a move that would only repeat the last line — same status, step, actor and reason (runs started
     * with the `read-model-by-step` patch). A note while waiting (same status and step, a new reason) is a line.
     */
    private readonly onlyChanges = false,
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

  /**
   * Moves the order to a status (and step), records who and why, and writes the projection (REQ: ORD-2).
   * With `onlyChanges`, a move that repeats the last line writes nothing.
   */
  async move(
    status: OrderStatus,
    step: string | null,
    actor: string,
    reason: string | null = null,
  ): Promise<void> {
    const projection = this.advance(status, step, actor, reason);
    if (projection) await this.record(projection);
  }

  /**
   * Moves the order as `move` does but leaves the write to the caller: the projection — timeline line and
   * its number — that the activity of the step writes in front of its work. Null when nothing changes.
   */
  advance(
    status: OrderStatus,
    step: string | null,
    actor: string,
    reason: string | null = null,
  ): OrderProjection | null {
    const last = this.state.timeline.at(-1);
    if (this.onlyChanges && last && repeats(last, { status, step, actor, reason })) return null;
    const entry = { status, step, at: new Date().toISOString(), actor, reason };
    this.state.status = status;
    this.state.step = step;
    this.state.timeline.push(entry);
    const seq = this.seq++;
    return {
      id: this.input.orderId,
      type: this.state.type,
      origin: this.input.origin,
      requestHash: this.input.requestHash,
      status,
      step,
      summary: this.state.summary,
      failure: this.state.failure,
      event: { ...entry, seq },
    };
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
