import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';

const { tidyExpiredPreemptions } = proxyActivities<Activities>({ startToCloseTimeout: '1m' });

/**
 * Run by a Schedule every minute: marks expired number and SIM pre-emptions free (REQ: OPEN-2), releases
 * expired reservations and ends passed cool-downs (REQ: RES-3).
 */
export async function tidyPreemptionsWorkflow(): Promise<Awaited<ReturnType<typeof tidyExpiredPreemptions>>> {
  return tidyExpiredPreemptions();
}
