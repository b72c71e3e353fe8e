import { ApplicationFailure } from '@temporalio/workflow';
import type { GroupProductOrderInput, OrderState } from './contracts';

/** Groundwork placeholder: the workflow is being built. */
export async function groupProductOrderWorkflow(_input: GroupProductOrderInput): Promise<OrderState> {
  throw ApplicationFailure.nonRetryable('not built yet', 'InternalError');
}
