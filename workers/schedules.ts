import {
  ScheduleAlreadyRunning,
  ScheduleNotFoundError,
  ScheduleOverlapPolicy,
  type Client,
} from '@temporalio/client';
import { WorkflowIdConflictPolicy, WorkflowIdReusePolicy } from '@temporalio/common';
import { startWorkflow, workflowCall } from '../services/temporal/workflow-registry';
import type { AppConfig } from '../temporal.config';
import { TIDY_WORKFLOW_ID, type TidyLoopInput } from '../workflows/contracts/tidy';

/** The every-minute Schedule of the tidy-up in earlier releases; removed at start (the loop replaced it). */
export const OLD_TIDY_SCHEDULE_ID = 'TidyPreemptions';
export const STOCK_REPORT_SCHEDULE_ID = 'DailyStockReport';
/** The daily stock report runs at 00:10 business time, once the day has begun. */
export const STOCK_REPORT_MINUTE_OF_DAY = 10;

/**
 * Makes sure the recurring work runs, once however many workers and runtimes start: the tidy-up of expired
 * pre-emptions, reservations and cool-downs (REQ: OPEN-2, RES-3) as one long-lived workflow (see
 * `tidyLoopWorkflow`), and the daily stock report at 00:10 business time (REQ: RES-3) as a Schedule.
 */
export async function ensureRecurringWork(
  client: Client,
  options: { taskQueue: string; utcOffsetHours: number; tidy: TidyLoopInput },
): Promise<void> {
  await removeOldTidySchedule(client);
  await ensureTidyLoop(client, options.taskQueue, options.tidy);
  await ensureStockReportSchedule(client, options.taskQueue, options.utcOffsetHours);
}

/** The recurring work's settings from the configuration. */
export function recurringWork(
  config: Pick<
    AppConfig,
    'TEMPORAL_TASK_QUEUE' | 'BUSINESS_UTC_OFFSET_HOURS' | 'TIDY_INTERVAL_SECONDS' | 'TIDY_ROUNDS_PER_RUN'
  >,
) {
  return {
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    utcOffsetHours: config.BUSINESS_UTC_OFFSET_HOURS,
    tidy: { intervalSeconds: config.TIDY_INTERVAL_SECONDS, roundsPerRun: config.TIDY_ROUNDS_PER_RUN },
  };
}

/**
 * Starts the tidy loop under its fixed ID unless it runs already (USE_EXISTING: the running loop is left as it
 * is, its settings too; a loop that ended — terminated by an operator — is started anew).
 */
export async function ensureTidyLoop(client: Client, taskQueue: string, tidy: TidyLoopInput): Promise<void> {
  await startWorkflow(client, workflowCall('tidyLoopWorkflow', tidy), {
    workflowId: TIDY_WORKFLOW_ID,
    taskQueue,
    workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
    workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE,
  });
}

/** An earlier release's every-minute tidy Schedule, deleted so the tidy-up does not run twice. */
async function removeOldTidySchedule(client: Client): Promise<void> {
  try {
    await client.schedule.getHandle(OLD_TIDY_SCHEDULE_ID).delete();
  } catch (err) {
    if (!(err instanceof ScheduleNotFoundError)) throw err;
  }
}

async function ensureStockReportSchedule(
  client: Client,
  taskQueue: string,
  utcOffsetHours: number,
): Promise<void> {
  const utc = stockReportTimeUtc(utcOffsetHours);
  const stockReport = workflowCall('stockReportWorkflow', { utcOffsetHours });
  try {
    await client.schedule.create({
      scheduleId: STOCK_REPORT_SCHEDULE_ID,
      spec: { calendars: [{ hour: utc.hour, minute: utc.minute }] },
      action: {
        type: 'startWorkflow',
        workflowType: stockReport.name,
        taskQueue,
        args: stockReport.args,
      },
      policies: { overlap: ScheduleOverlapPolicy.SKIP },
    });
  } catch (err) {
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
  }
}

/** 00:10 business time as a UTC hour and minute (the schedule's calendar is in UTC). */
export function stockReportTimeUtc(utcOffsetHours: number): { hour: number; minute: number } {
  const minutes = (((STOCK_REPORT_MINUTE_OF_DAY - utcOffsetHours * 60) % 1440) + 1440) % 1440;
  return { hour: Math.floor(minutes / 60), minute: Math.round(minutes % 60) };
}
