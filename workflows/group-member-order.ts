import { ApplicationFailure } from '@temporalio/workflow';
import type { GroupMemberOrderInput, OrderState } from './contracts';

/** Groundwork placeholder: the workflow is being built. */
export async function groupMemberOrderWorkflow(_input: GroupMemberOrderInput): Promise<OrderState> {
  throw ApplicationFailure.nonRetryable('not built yet', 'InternalError');
}
