import type { GroupMemberRequest, GroupProductRequest } from './groups';
import type { OpenAccountWorkflowRequest } from './open-account-contract';
import type { OpenAccountRequest } from './open-account';
import type { PortInWorkflowRequest } from './port-in-contract';
import type { PortInRequest } from './port-in';
import type { PortOutRequest } from './port-out';
import type { PreCancellationRequest } from './pre-cancellation';
import type { ServiceChangeWorkflowRequest } from './service-change-contract';
import type { ServiceChangeRequest } from './service-changes';

export type AnyOrderRequest =
  | OpenAccountRequest
  | PreCancellationRequest
  | ServiceChangeRequest
  | PortInRequest
  | PortOutRequest
  | GroupProductRequest
  | GroupMemberRequest;
/** What an order workflow gets: the submitted request with its secrets parked (see `api/order-secrets.ts`). */
export type AnyWorkflowRequest =
  | OpenAccountWorkflowRequest
  | PreCancellationRequest
  | ServiceChangeWorkflowRequest
  | PortInWorkflowRequest
  | PortOutRequest
  | GroupProductRequest
  | GroupMemberRequest;
