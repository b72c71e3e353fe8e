import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client } from '@temporalio/client';
import { workflowCall } from '../services/temporal/workflow-registry';

export const TIDY_SCHEDULE_ID = 'TidyPreemptions';
export const STOCK_REPORT_SCHEDULE_ID = 'DailyStockReport';
/** The daily stock report runs at 00:10 business time, once the day has begun. */
export const STOCK_REPORT_MINUTE_OF_DAY = 10;

/**
 * Creates, once, the Schedules: the every-minute tidy-up of expired pre-emptions, reservations and cool-downs
 * (REQ: OPEN-2, RES-3) and the daily stock report at 00:10 business time (REQ: RES-3).
 */
export async function ensureSchedules(
  client: Client,
  taskQueue: string,
  utcOffsetHours: number,
): Promise<void> {
  const utc = stockReportTimeUtc(utcOffsetHours);
  const tidy = workflowCall('tidyPreemptionsWorkflow');
  const stockReport = workflowCall('stockReportWorkflow', { utcOffsetHours });
  for (const options of [
    {
      scheduleId: TIDY_SCHEDULE_ID,
      spec: { intervals: [{ every: '1m' }] },
      action: {
        type: 'startWorkflow' as const,
        workflowType: tidy.name,
        taskQueue,
        args: tidy.args,
      },
      policies: { overlap: ScheduleOverlapPolicy.SKIP },
    },
    {
      scheduleId: STOCK_REPORT_SCHEDULE_ID,
      spec: { calendars: [{ hour: utc.hour, minute: utc.minute }] },
      action: {
        type: 'startWorkflow' as const,
        workflowType: stockReport.name,
        taskQueue,
        args: stockReport.args,
      },
      policies: { overlap: ScheduleOverlapPolicy.SKIP },
    },
  ]) {
    try {
      await client.schedule.create(options);
    } catch (err) {
      if (!(err instanceof ScheduleAlreadyRunning)) throw err;
    }
  }
}

/** 00:10 business time as a UTC hour and minute (the schedule's calendar is in UTC). */
export function stockReportTimeUtc(utcOffsetHours: number): { hour: number; minute: number } {
  const minutes = (((STOCK_REPORT_MINUTE_OF_DAY - utcOffsetHours * 60) % 1440) + 1440) % 1440;
  return { hour: Math.floor(minutes / 60), minute: Math.round(minutes % 60) };
}
