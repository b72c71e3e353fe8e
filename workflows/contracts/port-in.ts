import { defineSignal } from '@temporalio/workflow';
import type { PortInAnswered } from '../../domain/mnp-callbacks';
import { buildOrderId, ordersTaskQueue, parseOrderIdWith, type OrderIdParts } from './orders-common';

/**
 * The contract of port-in (携号转入, we are the recipient; REQ: MNP-3, MNP-5): `portInWorkflow` answers the
 * queries and updates of every order (`./orders-common`) and hears the donor's answer from the clearing
 * system; its order ID is `PortIn:<channelCode>:<key>`.
 */
export type { PortInInput, PortInSummary, PortInWorkflowRequest } from '../../domain/port-in-contract';
export { cancelOrderUpdate, orderStateQuery } from './orders-common';

/** REQ: MNP-5 — the donor's answer to our port-in, relayed from the clearing system's callback. */
export const portInAnsweredSignal = defineSignal<[PortInAnswered]>('portInAnswered');

export const portInIdPrefixes = { portIn: 'PortIn' } as const;

/** REQ: ORD-3 — the order (and workflow) ID of a port-in submitted under a channel's key. */
export const portInOrderId = (channelCode: string, idempotencyKey: string): string =>
  buildOrderId(portInIdPrefixes.portIn, channelCode, idempotencyKey);

/** The parts of a port-in's order ID, or null when it is not one. */
export const parsePortInOrderId = (id: string): OrderIdParts<'portIn'> | null =>
  parseOrderIdWith(portInIdPrefixes, id);

export const portInTaskQueue = ordersTaskQueue;
