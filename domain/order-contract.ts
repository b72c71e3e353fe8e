import type { OrderFailure, OrderOrigin, OrderStatus, OrderType, TimelineEntry } from './orders';
import type { StepSettings } from './workflow-settings';

/**
 * What every order workflow gets, whatever the business: who submitted it, the request hash, and the settings
 * of its business (`SettingsOf` in workflow-settings.ts; every one has the step settings).
 */
export interface OrderInputBase<S extends StepSettings = StepSettings> {
  orderId: string;
  origin: OrderOrigin;
  /** Hash of the submitted body: a reused idempotency key with another body is refused (REQ: ORD-3). */
  requestHash: string;
  settings: S;
}

/** An order workflow's input: the common part, the business's own request and its settings. */
export interface OrderInput<R, S extends StepSettings = StepSettings> extends OrderInputBase<S> {
  request: R;
}

/** REQ: ORD-1 — an order as its workflow holds it, readable while it runs and after it ends. */
export interface OrderState {
  id: string;
  type: OrderType;
  status: OrderStatus;
  step: string | null;
  origin: OrderOrigin;
  summary: Record<string, unknown>;
  failure: OrderFailure | null;
  timeline: TimelineEntry[];
}

/** REQ: ORD-6 — who cancels an order and why. */
export interface CancelRequest {
  actor: string;
  reason: string;
}
