import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type {
  CreateGreenChannelRequest,
  CreateWorkOrderRequest,
  SelfServiceWorkOrderRequest,
  WorkOrderActor,
  WorkOrderCommand,
  WorkOrderState,
} from '../domain/work-orders';
import type { ResolvedStep } from '../domain/work-order-machine';
import type { WorkflowSettings } from './contracts';

/**
 * What clients may know about work-order workflows (REQ: WO-1…WO-6, GC-1…GC-3): the input, the live state
 * query and the one update every step goes through. Workflow ID = work order ID = `WorkOrder:<channelCode>:<key>`.
 */

/** What the workflow starts with; the API has already checked and resolved everything it needs. */
export interface WorkOrderInput {
  id: string;
  source: 'staff' | 'customer' | 'greenChannel';
  request:
    | ({ kind: 'standard' } & (CreateWorkOrderRequest | (SelfServiceWorkOrderRequest & { priority?: never })))
    | ({ kind: 'greenChannel' } & Omit<CreateGreenChannelRequest, 'servicePassword'>);
  /** Resolved by the API: VIP customer (REQ: CUST-1), home city and the outlet routed to (GC-1). */
  resolved: { vip: boolean; city: string | null; outletCode: string | null };
  createdBy: string;
  channelCode: string;
  settings: WorkflowSettings;
}

/** A step on the work order by someone (or `system`), with who they are (REQ: WO-2…WO-5). */
export interface WorkOrderCommandRequest {
  command: WorkOrderCommand;
  actor: WorkOrderActor;
  /** What the API looked up for the step: a dispatch's assignee's outlet (REQ: WO-3, WO-4). */
  resolved?: ResolvedStep;
}

/** REQ: WO-1…WO-6 — the work order as its workflow holds it, readable at any time. */
export const workOrderStateQuery = defineQuery<WorkOrderState>('workOrderState');

/**
 * REQ: WO-2…WO-5 — every step is this update: its validator refuses an illegal step at once with a reason
 * (ApplicationFailure type = error code); the handler applies it and answers with the new state.
 */
export const workOrderCommandUpdate = defineUpdate<WorkOrderState, [WorkOrderCommandRequest]>(
  'workOrderCommand',
);
