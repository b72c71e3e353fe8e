import type { ResolvedStep } from './work-order-machine';
import type {
  CreateGreenChannelRequest,
  CreateWorkOrderRequest,
  SelfServiceWorkOrderRequest,
  WorkOrderActor,
  WorkOrderCommand,
} from './work-orders';
import type { SettingsOf } from './workflow-settings';

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
  settings: SettingsOf<'workOrder'>;
}

/** A step on the work order by someone (or `system`), with who they are (REQ: WO-2…WO-5). */
export interface WorkOrderCommandRequest {
  command: WorkOrderCommand;
  actor: WorkOrderActor;
  /** What the API looked up for the step: a dispatch's assignee's outlet (REQ: WO-3, WO-4). */
  resolved?: ResolvedStep;
}
