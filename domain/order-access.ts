import { accessDenial, preCancellationDesk, type ChannelType, type Principal } from './access';
import type { OrderType } from './orders';

/**
 * Who may read and cancel which order, past the route's permission (`orderDesk`): the rules of ORD-6, PC-6,
 * GRP-1 and CH-1 as pure functions. The API gives them the order's facts (from the read model, or the
 * workflow's live state before the read model has it) and the caller's grants from the database.
 */

/** What the rules need to know about an order: where it was taken (REQ: ORD-4) and its group product. */
export interface OrderAccessFacts {
  type: OrderType;
  channelCode: string;
  /** The outlet (网点) it was submitted at; null when taken at no outlet. */
  outletCode: string | null;
  /** The group product a group order concerns (REQ: GRP-1); null for other orders. */
  productCode: string | null;
}

/** The caller: its token, and the grants an administrator gave it. */
export interface OrderCaller {
  principal: Principal;
  /** Group products it holds the product permission (产品权限) for (REQ: GRP-1). */
  productPermissions: readonly string[];
  /** The outlets it is bound to: a duty manager (值班长) answers for these. */
  boundOutlets: readonly string[];
}

/** Group product and member orders: read and cancelled only with the product permission (REQ: GRP-1). */
export const groupOrderTypes: readonly OrderType[] = [
  'groupOpen',
  'groupChange',
  'groupCancel',
  'groupMemberAdd',
  'groupMemberChange',
  'groupMemberDelete',
];

/** Level-1 and level-2 agents (一级/二级代理商) see their own channel's orders only (REQ: CH-1). */
export const agentChannelTypes: readonly ChannelType[] = ['agentL1', 'agentL2'];

/** Why an order may not be read: hidden from an agent (its existence is not disclosed), or a product. */
export type OrderReadDenial = 'OrderNotFound' | 'ProductPermissionRequired';

export type OrderCancelDenial = OrderReadDenial | 'RoleNotAllowed' | 'ChannelNotAllowed' | 'CancelNotAllowed';

/**
 * REQ: CH-1, GRP-1 — an agent reads only orders taken through its own channel (another's is as if it did not
 * exist); a group order needs the permission for its product. Every other order desk reads every order.
 */
export function orderReadDenial(caller: OrderCaller, order: OrderAccessFacts): OrderReadDenial | null {
  const { principal } = caller;
  if (agentChannelTypes.includes(principal.channelType) && order.channelCode !== principal.channelCode) {
    return 'OrderNotFound';
  }
  if (groupOrderTypes.includes(order.type)) {
    const permitted = order.productCode !== null && caller.productPermissions.includes(order.productCode);
    if (!permitted) return 'ProductPermissionRequired';
  }
  return null;
}

/**
 * REQ: ORD-6, PC-6 — who may cancel an order they may read:
 * - a pre-cancellation is revoked by the customer in person: only at a desk that may take pre-cancellations
 *   (a customer manager at an outlet designated for it); the holder's document is checked apart;
 * - any other order by an administrator; by the operators signed in at the outlet it was taken at, and by
 *   that outlet's duty manager (bound to it, wherever signed in); an order taken at no outlet by the
 *   operators of its channel.
 */
export function orderCancelDenial(caller: OrderCaller, order: OrderAccessFacts): OrderCancelDenial | null {
  const readDenial = orderReadDenial(caller, order);
  if (readDenial) return readDenial;
  const { principal } = caller;
  if (order.type === 'preCancellation') return accessDenial(principal, preCancellationDesk);
  if (principal.roles.includes('admin')) return null;
  if (order.outletCode === null) {
    return principal.channelCode === order.channelCode ? null : 'CancelNotAllowed';
  }
  if (principal.outletCode === order.outletCode) return null;
  const dutyManager =
    principal.roles.includes('dutyManager') && caller.boundOutlets.includes(order.outletCode);
  return dutyManager ? null : 'CancelNotAllowed';
}

/** The orders a list shows the caller: `orderReadDenial` as a filter the database applies. */
export interface OrderListScope {
  /** Only orders taken through this channel (an agent's own); null for every channel. */
  channelCode: string | null;
  /** Group orders of these products only; other orders are not limited by product. */
  groupProductCodes: readonly string[];
}

/** REQ: CH-1, GRP-1 — the list filter that shows exactly the orders `orderReadDenial` lets the caller read. */
export function orderListScope(caller: OrderCaller): OrderListScope {
  const { principal } = caller;
  return {
    channelCode: agentChannelTypes.includes(principal.channelType) ? principal.channelCode : null,
    groupProductCodes: caller.productPermissions,
  };
}
