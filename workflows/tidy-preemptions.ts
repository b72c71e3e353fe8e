import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';

const { tidyExpiredPreemptions } = proxyActivities<Activities>({ startToCloseTimeout: '1m' });

/** Run by a Schedule: marks expired number and SIM pre-emptions free (REQ: OPEN-2). */
export async function tidyPreemptionsWorkflow(): Promise<{ numbers: number; sims: number }> {
  return tidyExpiredPreemptions();
}
