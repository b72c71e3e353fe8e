import { mainTaskQueue } from './task-queue';

/**
 * The contract of the tidy-up (REQ: OPEN-2, RES-3): one long-lived workflow under a fixed ID tidies every
 * `intervalSeconds` and continues as new after `roundsPerRun` rounds (or when Temporal suggests it), so the
 * Web UI lists a few runs a day instead of one execution a minute.
 */
export interface TidyLoopInput {
  /** Seconds between two tidy rounds. */
  intervalSeconds: number;
  /** Rounds per run before it continues as new (about 11 history events a round). */
  roundsPerRun: number;
}

/** The one tidy-up workflow's ID: a second start finds it running and leaves it be. */
export const TIDY_WORKFLOW_ID = 'TidyPreemptions';

export const tidyTaskQueue = mainTaskQueue;
