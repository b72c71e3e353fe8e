/**
 * The baseline for `open-account`: a workflow that only runs `noop` k times, one after another, as an order
 * runs its k activities. Loaded by the bench worker through `workflowsPath`.
 */
import { proxyActivities } from '@temporalio/workflow';

export interface BareActivities {
  noop(): Promise<void>;
}

const { noop } = proxyActivities<BareActivities>({ startToCloseTimeout: '30s' });

export async function bareWorkflow(k: number): Promise<number> {
  for (let i = 0; i < k; i++) await noop();
  return k;
}
