import type { OrderInput } from './order-contract';
import type { ServiceChangeRequest } from './service-changes';
import type { SettingsOf } from './workflow-settings';

type ChangeCustomerDataRequest = Extract<ServiceChangeRequest, { type: 'changeCustomerData' }>;
/** REQ: Q-1 — what the service-change workflow gets: a new service password only by its parked reference. */
export type ServiceChangeWorkflowRequest =
  | Exclude<ServiceChangeRequest, { type: 'changeCustomerData' }>
  | (Omit<ChangeCustomerDataRequest, 'servicePassword'> & { servicePasswordRef?: string });
export type ServiceChangeInput = OrderInput<ServiceChangeWorkflowRequest, SettingsOf<'serviceChange'>>;
