import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client } from '@temporalio/client';

export const TIDY_SCHEDULE_ID = 'TidyPreemptions';

/** Creates the Schedule that tidies expired pre-emptions every minute, once (REQ: OPEN-2). */
export async function ensureSchedules(client: Client, taskQueue: string): Promise<void> {
  try {
    await client.schedule.create({
      scheduleId: TIDY_SCHEDULE_ID,
      spec: { intervals: [{ every: '1m' }] },
      action: { type: 'startWorkflow', workflowType: 'tidyPreemptionsWorkflow', taskQueue, args: [] },
      policies: { overlap: ScheduleOverlapPolicy.SKIP },
    });
  } catch (err) {
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
  }
}
