import type { OrderType } from '../../domain/orders';
import { groupMemberIdPrefixes } from './group-member';
import { groupProductIdPrefixes } from './group-product';
import { openAccountIdPrefixes } from './open-account';
import { buildOrderId, parseOrderIdWith, type OrderIdParts } from './orders-common';
import { portInIdPrefixes } from './port-in';
import { portOutIdPrefixes } from './port-out';
import { preCancellationIdPrefixes } from './pre-cancellation';
import { serviceChangeIdPrefixes } from './service-change';

/**
 * Order IDs of any order type, for code that handles every order alike (the order service, the read model,
 * the callbacks): the prefix of each type, as each business's contract states it.
 */
export const orderIdPrefixes = {
  ...openAccountIdPrefixes,
  ...preCancellationIdPrefixes,
  ...serviceChangeIdPrefixes,
  ...portInIdPrefixes,
  ...portOutIdPrefixes,
  ...groupProductIdPrefixes,
  ...groupMemberIdPrefixes,
} as const satisfies Record<OrderType, string>;

/** REQ: ORD-3 — the order (and workflow) ID of an order of `type` submitted under a channel's key. */
export function orderId(type: OrderType, channelCode: string, idempotencyKey: string): string {
  return buildOrderId(orderIdPrefixes[type], channelCode, idempotencyKey);
}

/** The type, channel and key of an order ID, or null when it is not one (see `parseOrderIdWith`). */
export function parseOrderId(id: string): OrderIdParts<OrderType> | null {
  return parseOrderIdWith(orderIdPrefixes, id);
}
