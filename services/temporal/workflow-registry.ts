import type { Client, WorkflowOptions, WorkflowStartOptions } from '@temporalio/client';
import type { AnyWorkflowRequest } from '../../domain/order-requests';
import type { OrderInput } from '../../domain/order-contract';
import type { WorkflowSettingsSource } from '../../domain/workflow-settings';
// Type-only: the API process must never load workflow code; the names and parameters are all it needs.
import type * as workflows from '../../workflows';

/**
 * The workflows the workers run, by the names `workflows/index.ts` exports them under. A workflow is started
 * through a `WorkflowCall` — its name, checked to be a key of that module, and its arguments, checked against
 * the workflow function's parameters — so renaming a workflow or changing its input breaks the build here
 * rather than failing at run time with "unknown workflow type".
 */
export type WorkflowName = keyof typeof workflows;
export type WorkflowFunction<N extends WorkflowName> = (typeof workflows)[N];
export type WorkflowArgs<N extends WorkflowName> = Parameters<WorkflowFunction<N>>;

/** One workflow to start: its name and the arguments its function takes. */
export interface WorkflowCallOf<N extends WorkflowName> {
  name: N;
  args: WorkflowArgs<N>;
}

/** Any workflow to start (a union over every name, so a call's args always match its name). */
export type WorkflowCall = { [N in WorkflowName]: WorkflowCallOf<N> }[WorkflowName];

/** The call of workflow `name` with `args`, type-checked against the workflow function. */
export function workflowCall<N extends WorkflowName>(name: N, ...args: WorkflowArgs<N>): WorkflowCallOf<N> {
  return { name, args };
}

/** Starts the call's workflow with the start options given (workflow ID, task queue, policies, memo). */
export function startWorkflow<N extends WorkflowName>(
  client: Client,
  call: WorkflowCallOf<N>,
  options: WorkflowOptions,
) {
  // The SDK types `args` by a conditional on the function's parameters, which TypeScript cannot resolve for a
  // generic `N`; `WorkflowCallOf<N>` has already checked them.
  const startOptions = { ...options, args: call.args } as WorkflowStartOptions<WorkflowFunction<N>>;
  return client.workflow.start<WorkflowFunction<N>>(call.name, startOptions);
}

/**
 * The workflow that runs an order, by its order type (REQ: ORD-1): each business's workflow gets its own
 * request and only its business's settings, so the input is narrowed by the request's type before it is
 * handed over.
 */
export function orderWorkflowCall(
  order: Omit<OrderInput<AnyWorkflowRequest>, 'settings'>,
  settingsOf: WorkflowSettingsSource,
): WorkflowCall {
  const { request } = order;
  switch (request.type) {
    case 'openAccount':
      return workflowCall('openAccountWorkflow', { ...order, request, settings: settingsOf('openAccount') });
    case 'preCancellation':
      return workflowCall('preCancellationWorkflow', {
        ...order,
        request,
        settings: settingsOf('preCancellation'),
      });
    case 'portIn':
      return workflowCall('portInWorkflow', { ...order, request, settings: settingsOf('portIn') });
    case 'portOut':
      return workflowCall('portOutWorkflow', { ...order, request, settings: settingsOf('portOut') });
    case 'groupOpen':
    case 'groupChange':
    case 'groupCancel':
      return workflowCall('groupProductOrderWorkflow', {
        ...order,
        request,
        settings: settingsOf('groupProduct'),
      });
    case 'groupMemberAdd':
    case 'groupMemberChange':
    case 'groupMemberDelete':
      return workflowCall('groupMemberOrderWorkflow', {
        ...order,
        request,
        settings: settingsOf('groupMember'),
      });
    default:
      return workflowCall('serviceChangeWorkflow', {
        ...order,
        request,
        settings: settingsOf('serviceChange'),
      });
  }
}
