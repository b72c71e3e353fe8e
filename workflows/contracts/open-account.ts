import { buildOrderId, ordersTaskQueue, parseOrderIdWith, type OrderIdParts } from './orders-common';

/**
 * The contract of account opening (开户, REQ: OPEN-1…OPEN-6): `openAccountWorkflow` answers the queries and
 * updates of every order (`./orders-common`); its order ID is `OpenAccount:<channelCode>:<key>`.
 */
export type {
  OpenAccountInput,
  OpenAccountSummary,
  OpenAccountWorkflowRequest,
} from '../../domain/open-account-contract';
export { cancelOrderUpdate, orderStateQuery } from './orders-common';

export const openAccountIdPrefixes = { openAccount: 'OpenAccount' } as const;

/** REQ: ORD-3 — the order (and workflow) ID of an account opening submitted under a channel's key. */
export const openAccountOrderId = (channelCode: string, idempotencyKey: string): string =>
  buildOrderId(openAccountIdPrefixes.openAccount, channelCode, idempotencyKey);

/** The parts of an account opening's order ID, or null when it is not one. */
export const parseOpenAccountOrderId = (id: string): OrderIdParts<'openAccount'> | null =>
  parseOrderIdWith(openAccountIdPrefixes, id);

export const openAccountTaskQueue = ordersTaskQueue;
