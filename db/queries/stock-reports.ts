import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { stockReports } from '../schema';

export type StockReportRow = typeof stockReports.$inferSelect;

/**
 * REQ: RES-3 — the day's stock report: per holding unit (or `central`) × resource type × state, how many.
 * Replaces whatever the day had in one transaction, so running the same day twice gives the same rows.
 */
export async function writeStockReport(db: DbOrTx, reportDate: string): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.delete(stockReports).where(eq(stockReports.reportDate, reportDate));
    const inserted = await tx.execute<{ unit_code: string }>(sql`
      insert into stock_reports (report_date, unit_code, resource_type, state, count)
      select ${reportDate}, coalesce(holder_code, 'central'), 'numbers', status, count(*)::int
        from numbers group by coalesce(holder_code, 'central'), status
      union all
      select ${reportDate}, coalesce(holder_code, 'central'), 'sims', status, count(*)::int
        from sim_cards group by coalesce(holder_code, 'central'), status
      returning unit_code`);
    return inserted.length;
  });
}

/** The latest date a report was written for, or null before the first. */
export async function latestReportDate(db: DbOrTx): Promise<string | null> {
  const [row] = await db
    .select({ reportDate: stockReports.reportDate })
    .from(stockReports)
    .orderBy(desc(stockReports.reportDate))
    .limit(1);
  return row?.reportDate ?? null;
}

export async function readStockReport(
  db: DbOrTx,
  reportDate: string,
  unitCode?: string,
): Promise<StockReportRow[]> {
  return db
    .select()
    .from(stockReports)
    .where(
      and(
        eq(stockReports.reportDate, reportDate),
        unitCode === undefined ? undefined : eq(stockReports.unitCode, unitCode),
      ),
    )
    .orderBy(asc(stockReports.unitCode), asc(stockReports.resourceType), asc(stockReports.state));
}
