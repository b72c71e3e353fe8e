import { defineSignal } from '@temporalio/workflow';
import type { PortOutRequestVerdict } from '../../domain/mnp-callbacks';
import { buildOrderId, ordersTaskQueue, parseOrderIdWith, type OrderIdParts } from './orders-common';

/**
 * The contract of port-out (携号转出, we are the donor; REQ: MNP-1, MNP-5): `portOutWorkflow` answers the
 * queries and updates of every order (`./orders-common`) and hears the recipients' requests from the clearing
 * system; its order ID is `PortOut:<channelCode>:<key>`.
 */
export type { PortOutInput, PortOutSummary } from '../../domain/port-out-contract';
export { cancelOrderUpdate, orderStateQuery } from './orders-common';

/**
 * REQ: MNP-5 — a recipient operator asks for one of our numbers, relayed from the clearing system with the
 * API's verdict on the code quoted (never the code).
 */
export const portOutRequestedSignal = defineSignal<[PortOutRequestVerdict]>('portOutRequested');

export const portOutIdPrefixes = { portOut: 'PortOut' } as const;

/** REQ: ORD-3 — the order (and workflow) ID of a port-out submitted under a channel's key. */
export const portOutOrderId = (channelCode: string, idempotencyKey: string): string =>
  buildOrderId(portOutIdPrefixes.portOut, channelCode, idempotencyKey);

/** The parts of a port-out's order ID, or null when it is not one. */
export const parsePortOutOrderId = (id: string): OrderIdParts<'portOut'> | null =>
  parseOrderIdWith(portOutIdPrefixes, id);

export const portOutTaskQueue = ordersTaskQueue;
