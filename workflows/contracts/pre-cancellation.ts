import { defineUpdate } from '@temporalio/workflow';
import type { OrderState } from '../../domain/order-contract';
import type { FormalCancellationVisit } from '../../domain/pre-cancellation-contract';
import { buildOrderId, ordersTaskQueue, parseOrderIdWith, type OrderIdParts } from './orders-common';

/**
 * The contract of pre-cancellation (预销户, REQ: PC-1…PC-6): `preCancellationWorkflow` answers the queries and
 * updates of every order (`./orders-common`; its cancel is the revocation, PC-6) and the formal cancellation
 * at the counter; its order ID is `PreCancel:<channelCode>:<key>`.
 */
export type {
  FormalCancellationVisit,
  PreCancellationInput,
  PreCancellationSummary,
} from '../../domain/pre-cancellation-contract';
export { cancelOrderUpdate, orderStateQuery } from './orders-common';

/**
 * REQ: PC-5 — formal cancellation (销号) in person after the grace; answers with the completed order, or is
 * refused (identity, payment) and the order keeps waiting for the customer.
 */
export const formalCancellationUpdate = defineUpdate<OrderState, [FormalCancellationVisit]>(
  'formalCancellation',
);

export const preCancellationIdPrefixes = { preCancellation: 'PreCancel' } as const;

/** REQ: ORD-3 — the order (and workflow) ID of a pre-cancellation submitted under a channel's key. */
export const preCancellationOrderId = (channelCode: string, idempotencyKey: string): string =>
  buildOrderId(preCancellationIdPrefixes.preCancellation, channelCode, idempotencyKey);

/** The parts of a pre-cancellation's order ID, or null when it is not one. */
export const parsePreCancellationOrderId = (id: string): OrderIdParts<'preCancellation'> | null =>
  parseOrderIdWith(preCancellationIdPrefixes, id);

export const preCancellationTaskQueue = ordersTaskQueue;
