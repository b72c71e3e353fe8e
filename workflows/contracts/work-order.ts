import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { WorkOrderCommandRequest } from '../../domain/work-order-contract';
import type { WorkOrderState } from '../../domain/work-orders';
import { mainTaskQueue } from './task-queue';

/**
 * The contract of work orders (工单, REQ: WO-1…WO-6, GC-1…GC-3): the input, the live state query and the one
 * update every step goes through. Workflow ID = work order ID = `WorkOrder:<channelCode>:<key>` (or a
 * recharge-card ticket's `WorkOrder:<ticketKey>`).
 */
export type { WorkOrderCommandRequest, WorkOrderInput } from '../../domain/work-order-contract';

/** REQ: WO-1…WO-6 — the work order as its workflow holds it, readable at any time. */
export const workOrderStateQuery = defineQuery<WorkOrderState>('workOrderState');

/**
 * REQ: WO-2…WO-5 — every step is this update: its validator refuses an illegal step at once with a reason
 * (ApplicationFailure type = error code); the handler applies it and answers with the new state.
 */
export const workOrderCommandUpdate = defineUpdate<WorkOrderState, [WorkOrderCommandRequest]>(
  'workOrderCommand',
);

const prefix = 'WorkOrder:';

/**
 * REQ: WO-1, ORD-3 — the work order (and workflow) ID: the client's idempotency key, scoped to the channel it
 * came through (`WorkOrder:<channelCode>:<key>`), makes a retry the same work order and lets two stores use
 * the same key. A customer's own work order (self-service) is scoped to the website channel it names.
 */
export const workOrderId = (channelCode: string, idempotencyKey: string): string =>
  `${prefix}${channelCode}:${idempotencyKey}`;

/**
 * REQ: Q-3 — a recharge-card ticket's work order, `WorkOrder:RechargeCard-<serial>-<n>`: one per card and
 * number whoever asks, so no channel in it (before numbering: `WorkOrder:RechargeCard-<serial>`).
 */
export const cardTicketWorkOrderId = (ticketKey: string): string => `${prefix}${ticketKey}`;

/** Whether an ID can be a work order's (any of the forms above). */
export const isWorkOrderId = (id: string): boolean => id.startsWith(prefix);

/** The parts of a work order's ID: a channel's key, or a recharge-card ticket's key. */
export type WorkOrderIdParts = { channelCode: string; key: string } | { ticketKey: string };

/** The parts of a work order's ID (either form above), or null when it is not one. */
export function parseWorkOrderId(id: string): WorkOrderIdParts | null {
  if (!isWorkOrderId(id)) return null;
  const [first, second, ...rest] = id.slice(prefix.length).split(':');
  if (!first || rest.length > 0) return null;
  if (second === undefined) return { ticketKey: first };
  return second ? { channelCode: first, key: second } : null;
}

export const workOrderTaskQueue = mainTaskQueue;
