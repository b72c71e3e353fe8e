import { ApplicationFailure } from '@temporalio/workflow';
import type { MemberBatchInput, MemberBatchProgress } from './contracts';

/** Groundwork placeholder: the workflow is being built. */
export async function memberBatchWorkflow(_input: MemberBatchInput): Promise<MemberBatchProgress> {
  throw ApplicationFailure.nonRetryable('not built yet', 'InternalError');
}
