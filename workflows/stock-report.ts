import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';

const { tidyExpiredPreemptions, writeDailyStockReport } = proxyActivities<Activities>({
  startToCloseTimeout: '5m',
});

export interface StockReportInput {
  /** YYYY-MM-DD; by default the business date when the run started. */
  reportDate?: string;
  /** Offset of business time from UTC, hours (BUSINESS_UTC_OFFSET_HOURS), for the default date. */
  utcOffsetHours: number;
}

/**
 * REQ: RES-3 — the daily stock report (库存日报), run by a Schedule shortly after midnight business time.
 * It tidies first so that lapsed holds, reservations and cool-downs are not counted in their old state; the
 * date is fixed from workflow time, so a retry writes the same day again (the write replaces it).
 */
export async function stockReportWorkflow(
  input: StockReportInput,
): Promise<{ reportDate: string; rows: number }> {
  const reportDate =
    input.reportDate ?? new Date(Date.now() + input.utcOffsetHours * 3_600_000).toISOString().slice(0, 10);
  await tidyExpiredPreemptions();
  const { rows } = await writeDailyStockReport({ reportDate });
  return { reportDate, rows };
}
