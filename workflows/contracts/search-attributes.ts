import { defineSearchAttributeKey, SearchAttributeType, type SearchAttributePair } from '@temporalio/common';
import type { OrderInput } from '../../domain/order-contract';
import type { AnyWorkflowRequest } from '../../domain/order-requests';
import type { WorkOrderInput } from '../../domain/work-order-contract';

/**
 * OPS — the custom search attributes that make an order's workflow findable in the Temporal Web UI by
 * what staff know: its type, its number, the channel and outlet it came through, the group. They are given in
 * the start options, so they are part of the WorkflowExecutionStarted event (no extra history event, never an
 * upsert), and continue-as-new carries them to the next run. Every one is a Keyword (exact match, `=` and `IN`
 * in the UI's query). The server must know them before a workflow carrying them starts: the dev server is
 * started with them (`infra/dev-server.ts`), a cluster gets them at worker start (`infra/search-attributes.ts`).
 */
export const OrderTypeAttribute = defineSearchAttributeKey('OrderType', SearchAttributeType.KEYWORD);
/** The number (MSISDN) the order is about, when it has one. */
export const MsisdnAttribute = defineSearchAttributeKey('Msisdn', SearchAttributeType.KEYWORD);
export const ChannelCodeAttribute = defineSearchAttributeKey('ChannelCode', SearchAttributeType.KEYWORD);
export const OutletCodeAttribute = defineSearchAttributeKey('OutletCode', SearchAttributeType.KEYWORD);
export const GroupCodeAttribute = defineSearchAttributeKey('GroupCode', SearchAttributeType.KEYWORD);

/** Every custom search attribute the workflows carry: what a server must have registered. */
export const searchAttributeKeys = [
  OrderTypeAttribute,
  MsisdnAttribute,
  ChannelCodeAttribute,
  OutletCodeAttribute,
  GroupCodeAttribute,
] as const;

/** An order type as the UI's search shows it: the API's type with a capital first letter (`OpenAccount`). */
export function orderTypeValue(type: AnyWorkflowRequest['type']): string {
  return type.charAt(0).toUpperCase() + type.slice(1);
}

/**
 * An order's attributes from its start input: its type, channel and (when the operator signed in at one) its
 * outlet; the number it is about — the chosen number of an account opening (none when the system picks one),
 * the line of a service change, pre-cancellation or port, the member's number of a group member order —; and
 * the group of group business.
 */
export function orderSearchAttributes(
  input: Pick<OrderInput<AnyWorkflowRequest>, 'request' | 'origin'>,
): SearchAttributePair[] {
  const { request, origin } = input;
  return [
    { key: OrderTypeAttribute, value: orderTypeValue(request.type) },
    ...keyword(MsisdnAttribute, 'msisdn' in request ? request.msisdn : undefined),
    { key: ChannelCodeAttribute, value: origin.channelCode },
    ...keyword(OutletCodeAttribute, origin.outletCode),
    ...keyword(GroupCodeAttribute, 'groupCode' in request ? request.groupCode : undefined),
  ];
}

/**
 * A work order's attributes: the customer's number, the channel it came through and the outlet it is routed
 * to (REQ: GC-1; none while unrouted). No order type: `WorkflowType = "workOrderWorkflow"` finds work orders.
 */
export function workOrderSearchAttributes(
  input: Pick<WorkOrderInput, 'request' | 'resolved' | 'channelCode'>,
): SearchAttributePair[] {
  return [
    { key: MsisdnAttribute, value: input.request.customer.msisdn },
    { key: ChannelCodeAttribute, value: input.channelCode },
    ...keyword(OutletCodeAttribute, input.resolved.outletCode),
  ];
}

/** A member batch's attributes (REQ: GRP-6): the group it adds members to and the channel it was uploaded at. */
export function memberBatchSearchAttributes(batch: {
  groupCode: string;
  channelCode: string;
}): SearchAttributePair[] {
  return [
    { key: GroupCodeAttribute, value: batch.groupCode },
    { key: ChannelCodeAttribute, value: batch.channelCode },
  ];
}

/** The attribute when it has a value; an attribute without one is left off (not set to an empty string). */
function keyword(
  key: (typeof searchAttributeKeys)[number],
  value: string | null | undefined,
): SearchAttributePair[] {
  return value ? [{ key, value }] : [];
}
