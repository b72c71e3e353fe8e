import { buildOrderId, ordersTaskQueue, parseOrderIdWith, type OrderIdParts } from './orders-common';

/**
 * The contract of member orders (集团成员 add, change, delete; REQ: GRP-6…GRP-8): `groupMemberOrderWorkflow`
 * answers the queries and updates of every order (`./orders-common`); its order ID is `<MemberAdd|
 * MemberChange|MemberDelete>:<channelCode>:<key>`. Member batches have a contract of their own.
 */
export type { GroupMemberOrderInput, GroupMemberSummary } from '../../domain/group-member-contract';
export { cancelOrderUpdate, orderStateQuery } from './orders-common';

export const groupMemberIdPrefixes = {
  groupMemberAdd: 'MemberAdd',
  groupMemberChange: 'MemberChange',
  groupMemberDelete: 'MemberDelete',
} as const;

export type GroupMemberOrderType = keyof typeof groupMemberIdPrefixes;

/** REQ: ORD-3 — the order (and workflow) ID of a member order submitted under a channel's key. */
export const groupMemberOrderId = (
  type: GroupMemberOrderType,
  channelCode: string,
  idempotencyKey: string,
): string => buildOrderId(groupMemberIdPrefixes[type], channelCode, idempotencyKey);

/** The parts of a member order's ID, or null when it is not one. */
export const parseGroupMemberOrderId = (id: string): OrderIdParts<GroupMemberOrderType> | null =>
  parseOrderIdWith(groupMemberIdPrefixes, id);

export const groupMemberTaskQueue = ordersTaskQueue;
