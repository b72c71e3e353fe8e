import { continueAsNew, proxyActivities, sleep, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { TidyLoopInput } from './contracts/tidy';

const { tidyExpiredPreemptions } = proxyActivities<Activities>({ startToCloseTimeout: '1m' });

/**
 * One tidy round: marks expired number and SIM pre-emptions free (REQ: OPEN-2), releases expired reservations
 * and ends passed cool-downs (REQ: RES-3). Answers with what it released.
 */
export async function tidyPreemptionsWorkflow(): Promise<Awaited<ReturnType<typeof tidyExpiredPreemptions>>> {
  return tidyExpiredPreemptions();
}

/**
 * The tidy-up as one long-lived workflow (ID `TidyPreemptions`, see `contracts/tidy.ts`): a round, a timer of
 * `intervalSeconds`, again. A round costs about eleven history events (two workflow tasks, the activity,
 * the timer), so after `roundsPerRun` rounds — or sooner, when the server suggests it — it continues as new
 * with the same input: its history stays small, and the Web UI's list gains one run per `roundsPerRun` rounds
 * (six a day with the defaults) where a Schedule added one execution every minute. A round whose activity
 * fails is retried by Temporal (the database may be down); the loop waits for it.
 */
export async function tidyLoopWorkflow(input: TidyLoopInput): Promise<never> {
  for (let round = 1; ; round++) {
    await tidyExpiredPreemptions();
    await sleep(input.intervalSeconds * 1000);
    if (round >= input.roundsPerRun || workflowInfo().continueAsNewSuggested) {
      return continueAsNew<typeof tidyLoopWorkflow>(input);
    }
  }
}
