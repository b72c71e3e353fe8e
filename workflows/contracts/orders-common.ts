import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { CancelRequest, OrderState } from '../../domain/order-contract';
import type { OrderType } from '../../domain/orders';
import { idempotencyKeyPattern } from '../../domain/order-status';
import { mainTaskQueue } from './task-queue';

/**
 * What every order workflow (open account, service change, pre-cancellation, port-in, port-out, group product,
 * group member) answers to, and how an order's ID is built and read. Each business's contract uses these with
 * its own order types and ID prefixes.
 */
export type { CancelRequest, OrderInput, OrderInputBase, OrderState } from '../../domain/order-contract';

/** The order's live state, readable while it runs and after it ends (REQ: ORD-1). */
export const orderStateQuery = defineQuery<OrderState>('orderState');

/** REQ: ORD-6 — cancel before the point of no return; answers with the order once it is cancelled. */
export const cancelOrderUpdate = defineUpdate<OrderState, [CancelRequest]>('cancelOrder');

/** Every order workflow runs on the main task queue. */
export const ordersTaskQueue = mainTaskQueue;

/** The parts of an order ID; `channelCode` is null in IDs of orders submitted before keys were scoped per channel. */
export interface OrderIdParts<T extends OrderType> {
  type: T;
  channelCode: string | null;
  key: string;
}

/**
 * REQ: ORD-3 — the idempotency key, scoped to the channel that submitted it, becomes the order (and workflow)
 * ID `<Prefix>:<channelCode>:<key>`, so a retried submission is one order and two channels (stores) using the
 * same key have two.
 */
export function buildOrderId(prefix: string, channelCode: string, idempotencyKey: string): string {
  return `${prefix}:${channelCode}:${idempotencyKey}`;
}

/** A channel code as it appears in an order ID (e.g. STORE-BJ-001): no ":". */
const channelCodeInId = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * The type, channel and key of an order ID whose prefix is one of `prefixes` (order type → ID prefix), or null
 * when it is not one. IDs of orders submitted before keys were scoped per channel (`<Prefix>:<key>`) still
 * read, with no channel.
 */
export function parseOrderIdWith<T extends OrderType>(
  prefixes: Readonly<Record<T, string>>,
  id: string,
): OrderIdParts<T> | null {
  const parts = id.split(':');
  if (parts.length !== 2 && parts.length !== 3) return null;
  const [prefix, ...rest] = parts;
  const key = rest.at(-1) ?? '';
  const channelCode = rest.length === 2 ? (rest[0] ?? '') : null;
  const type = (Object.keys(prefixes) as T[]).find((t) => prefixes[t] === prefix);
  if (!type || !idempotencyKeyPattern.test(key)) return null;
  if (channelCode !== null && !channelCodeInId.test(channelCode)) return null;
  return { type, channelCode, key };
}
