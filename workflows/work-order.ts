import { ApplicationFailure } from '@temporalio/workflow';
import type { WorkOrderState } from '../domain/work-orders';
import type { WorkOrderInput } from './work-order-contracts';

/** Groundwork placeholder: the workflow is being built. */
export async function workOrderWorkflow(_input: WorkOrderInput): Promise<WorkOrderState> {
  throw ApplicationFailure.nonRetryable('not built yet', 'InternalError');
}
