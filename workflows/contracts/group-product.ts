import { defineSignal, defineUpdate } from '@temporalio/workflow';
import type { BbossOrderAnswered } from '../../domain/bboss-callbacks';
import type { ApprovalDecision } from '../../domain/group-product-contract';
import type { OrderState } from '../../domain/order-contract';
import { buildOrderId, ordersTaskQueue, parseOrderIdWith, type OrderIdParts } from './orders-common';

/**
 * The contract of group product orders (集团产品 open, change, cancel via BBOSS; REQ: GRP-1…GRP-5, GRP-9):
 * `groupProductOrderWorkflow` answers the queries and updates of every order (`./orders-common`), takes an
 * approver's decision on the tariff and hears BBOSS's answer; its order ID is `<GroupOpen|GroupChange|
 * GroupCancel>:<channelCode>:<key>`.
 */
export type {
  ApprovalDecision,
  GroupProductOrderInput,
  GroupProductSummary,
} from '../../domain/group-product-contract';
export { cancelOrderUpdate, orderStateQuery } from './orders-common';

/** REQ: GRP-3 — approve or reject an order's tariff; answers with the order as it stands after the decision. */
export const decideApprovalUpdate = defineUpdate<OrderState, [ApprovalDecision]>('decideApproval');

/** REQ: GRP-4 — BBOSS's answer to a group product order, relayed from its callback. */
export const bbossAnsweredSignal = defineSignal<[BbossOrderAnswered]>('bbossAnswered');

export const groupProductIdPrefixes = {
  groupOpen: 'GroupOpen',
  groupChange: 'GroupChange',
  groupCancel: 'GroupCancel',
} as const;

export type GroupProductOrderType = keyof typeof groupProductIdPrefixes;

/** REQ: ORD-3 — the order (and workflow) ID of a group product order submitted under a channel's key. */
export const groupProductOrderId = (
  type: GroupProductOrderType,
  channelCode: string,
  idempotencyKey: string,
): string => buildOrderId(groupProductIdPrefixes[type], channelCode, idempotencyKey);

/** The parts of a group product order's ID, or null when it is not one. */
export const parseGroupProductOrderId = (id: string): OrderIdParts<GroupProductOrderType> | null =>
  parseOrderIdWith(groupProductIdPrefixes, id);

export const groupProductTaskQueue = ordersTaskQueue;
