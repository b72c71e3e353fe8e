import { and, asc, between, count, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { ResourceType } from '../../domain/resources';
import { keyColumns, rowReason } from '../../domain/stock-in-csv';
import type { DbOrTx, Tx } from '../client';
import { numbers, numberSegments, simCards, stockBatches, stockBatchRows } from '../schema';

/**
 * REQ: RES-1 — stock-in batches (入库批次) and their rows. An upload is staged in a temporary table inside one
 * transaction and copied under its content-hash ID only at the end, so a half-uploaded file leaves nothing
 * behind and a re-upload of the same file finds the batch it made the first time. Rows travel to PostgreSQL
 * as one JSON parameter per chunk (`jsonb_to_recordset`), never one statement per row.
 */

export type StockBatchRow = typeof stockBatches.$inferSelect;
export type StockRowResult = 'pending' | 'accepted' | 'rejected';

/** One staged line of an upload: its data row number, the text, its unique keys or why it is malformed. */
export interface StagedRow {
  rowNo: number;
  raw: string;
  key1: string | null;
  key2: string | null;
  problem: string | null;
}

/** Creates the upload's staging table; it disappears with the transaction, committed or not. */
export async function createStagingTable(tx: Tx): Promise<void> {
  await tx.execute(sql`
    create temp table stock_upload (
      row_no integer primary key, raw text not null, key1 text, key2 text, problem text
    ) on commit drop`);
}

export async function stageRows(tx: Tx, rows: readonly StagedRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.execute(sql`
    insert into stock_upload (row_no, raw, key1, key2, problem)
    select row_no, raw, key1, key2, problem
    from jsonb_to_recordset(${JSON.stringify(rows.map(toRecord))}::jsonb)
      as x(row_no integer, raw text, key1 text, key2 text, problem text)`);
}

const toRecord = (r: StagedRow) => ({
  row_no: r.rowNo,
  raw: r.raw,
  key1: r.key1,
  key2: r.key2,
  problem: r.problem,
});

export interface NewStockBatch {
  id: string;
  resourceType: ResourceType;
  fileName: string | null;
  holderCode: string | null;
  createdBy: string;
}

/**
 * Makes the batch from the staged upload: its rows are copied in, malformed rows and later duplicates in the
 * file (by number; by ICCID, then IMSI) already rejected and counted as processed. When the batch exists
 * already (the same file again, or the same upload racing), nothing is written and it comes back with
 * `created: false`.
 */
export async function createBatchFromStaging(
  tx: Tx,
  batch: NewStockBatch,
): Promise<{ created: boolean; batch: StockBatchRow }> {
  const [created] = await tx
    .insert(stockBatches)
    .values({ ...batch, status: 'running' })
    .onConflictDoNothing()
    .returning();
  if (!created) {
    const existing = await findStockBatch(tx, batch.id);
    if (!existing) throw new Error(`stock batch ${batch.id} conflicted but cannot be read`);
    return { created: false, batch: existing };
  }
  const [col1, col2] = keyColumns[batch.resourceType];
  const dup1 = rowReason.duplicateInFile(col1, '{value}', '{row}');
  const dup2 = rowReason.duplicateInFile(col2 ?? '', '{value}', '{row}');
  const [counts] = await tx.execute<{ total: number; rejected: number }>(sql`
    with ranked as (
      select row_no, raw, problem, key1, key2,
        case when problem is null then min(row_no) over (partition by key1) end as first1,
        case when problem is null and key2 is not null then min(row_no) over (partition by key2) end as first2
      from stock_upload
    ), copied as (
      insert into stock_batch_rows (batch_id, row_no, raw, result, reason)
      select ${batch.id}, row_no, raw,
        case when problem is not null or first1 < row_no or first2 < row_no then 'rejected' else 'pending' end,
        case
          when problem is not null then problem
          when first1 < row_no then replace(replace(${dup1}, '{value}', key1), '{row}', first1::text)
          when first2 < row_no then replace(replace(${dup2}, '{value}', key2), '{row}', first2::text)
        end
      from ranked
      returning result
    )
    select count(*)::int as total, (count(*) filter (where result = 'rejected'))::int as rejected from copied`);
  const total = counts?.total ?? 0;
  const rejected = counts?.rejected ?? 0;
  const [updated] = await tx
    .update(stockBatches)
    .set({ totalRows: total, processedRows: rejected, rejectedRows: rejected })
    .where(eq(stockBatches.id, batch.id))
    .returning();
  return { created: true, batch: updated ?? created };
}

export async function findStockBatch(db: DbOrTx, id: string): Promise<StockBatchRow | null> {
  const [row] = await db.select().from(stockBatches).where(eq(stockBatches.id, id));
  return row ?? null;
}

/** Batches newest first. */
export async function listStockBatches(db: DbOrTx, page: { offset: number; limit: number }) {
  const [total] = await db.select({ n: count() }).from(stockBatches);
  const items = await db
    .select()
    .from(stockBatches)
    .orderBy(desc(stockBatches.createdAt), asc(stockBatches.id))
    .offset(page.offset)
    .limit(page.limit);
  return { total: total?.n ?? 0, items };
}

/** A batch's rows in file order, optionally only those with one result. */
export async function listStockBatchRows(
  db: DbOrTx,
  batchId: string,
  filter: { result?: StockRowResult; offset: number; limit: number },
) {
  const where = and(
    eq(stockBatchRows.batchId, batchId),
    filter.result ? eq(stockBatchRows.result, filter.result) : undefined,
  );
  const [total] = await db.select({ n: count() }).from(stockBatchRows).where(where);
  const items = await db
    .select({
      rowNo: stockBatchRows.rowNo,
      raw: stockBatchRows.raw,
      result: stockBatchRows.result,
      reason: stockBatchRows.reason,
    })
    .from(stockBatchRows)
    .where(where)
    .orderBy(asc(stockBatchRows.rowNo))
    .offset(filter.offset)
    .limit(filter.limit);
  return { total: total?.n ?? 0, items };
}

/** Marks the batch completed; a repeated call keeps the first finish time. */
export async function completeStockBatch(db: DbOrTx, batchId: string): Promise<StockBatchRow | null> {
  const [row] = await db
    .update(stockBatches)
    .set({ status: 'completed', finishedAt: sql`coalesce(${stockBatches.finishedAt}, now())` })
    .where(eq(stockBatches.id, batchId))
    .returning();
  return row ?? null;
}

// ——— One chunk, inside the caller's transaction ———

/** Locks the batch: one chunk at a time per batch, even when an attempt is retried early. */
export async function lockStockBatch(tx: Tx, batchId: string): Promise<StockBatchRow | null> {
  const [row] = await tx.select().from(stockBatches).where(eq(stockBatches.id, batchId)).for('update');
  return row ?? null;
}

/** The rows of a range still waiting for a result (a retried chunk finds none left). */
export async function pendingRowsInRange(tx: Tx, batchId: string, fromRow: number, toRow: number) {
  return tx
    .select({ rowNo: stockBatchRows.rowNo, raw: stockBatchRows.raw })
    .from(stockBatchRows)
    .where(
      and(
        eq(stockBatchRows.batchId, batchId),
        between(stockBatchRows.rowNo, fromRow, toRow),
        eq(stockBatchRows.result, 'pending'),
      ),
    )
    .orderBy(asc(stockBatchRows.rowNo));
}

/** Which of these numbers are in stock already. */
export async function numbersInStock(tx: Tx, list: readonly string[]): Promise<Set<string>> {
  if (list.length === 0) return new Set();
  const rows = await tx
    .select({ msisdn: numbers.msisdn })
    .from(numbers)
    .where(inArray(numbers.msisdn, [...list]));
  return new Set(rows.map((r) => r.msisdn));
}

/** Which of these ICCIDs and IMSIs are in stock already (one set: the two never look alike). */
export async function simKeysInStock(
  tx: Tx,
  iccids: readonly string[],
  imsis: readonly string[],
): Promise<Set<string>> {
  if (iccids.length === 0) return new Set();
  const rows = await tx
    .select({ iccid: simCards.iccid, imsi: simCards.imsi })
    .from(simCards)
    .where(or(inArray(simCards.iccid, [...iccids]), inArray(simCards.imsi, [...imsis])));
  return new Set(rows.flatMap((r) => [r.iccid, r.imsi]));
}

export type NewNumber = typeof numbers.$inferInsert;
export type NewSim = typeof simCards.$inferInsert;

/** Inserts numbers; returns those inserted (one stocked meanwhile by someone else is not). */
export async function insertNumbers(tx: Tx, rows: readonly NewNumber[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const inserted = await tx
    .insert(numbers)
    .values([...rows])
    .onConflictDoNothing()
    .returning({ msisdn: numbers.msisdn });
  return new Set(inserted.map((r) => r.msisdn));
}

/** Inserts SIM cards; returns the ICCIDs inserted (a clash on ICCID or IMSI inserts nothing for that card). */
export async function insertSims(tx: Tx, rows: readonly NewSim[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const inserted = await tx
    .insert(simCards)
    .values([...rows])
    .onConflictDoNothing()
    .returning({ iccid: simCards.iccid });
  return new Set(inserted.map((r) => r.iccid));
}

/** REQ: RES-5 — registers segments (号段) new to the system. */
export async function registerSegments(tx: Tx, prefixes: readonly string[]): Promise<void> {
  if (prefixes.length === 0) return;
  await tx
    .insert(numberSegments)
    .values(prefixes.map((prefix) => ({ prefix })))
    .onConflictDoNothing();
}

/** Writes each row's result and reason (only rows still pending: a retry changes nothing). */
export async function recordRowResults(
  tx: Tx,
  batchId: string,
  results: readonly { rowNo: number; result: 'accepted' | 'rejected'; reason: string | null }[],
): Promise<void> {
  if (results.length === 0) return;
  const json = JSON.stringify(results.map((r) => ({ row_no: r.rowNo, result: r.result, reason: r.reason })));
  await tx.execute(sql`
    update stock_batch_rows r set result = x.result, reason = x.reason
    from jsonb_to_recordset(${json}::jsonb) as x(row_no integer, result text, reason text)
    where r.batch_id = ${batchId} and r.row_no = x.row_no and r.result = 'pending'`);
}

/** Adds a chunk's outcome to the batch's counters. */
export async function addToCounters(
  tx: Tx,
  batchId: string,
  counts: { accepted: number; rejected: number },
): Promise<StockBatchRow | null> {
  const [row] = await tx
    .update(stockBatches)
    .set({
      processedRows: sql`${stockBatches.processedRows} + ${counts.accepted + counts.rejected}`,
      acceptedRows: sql`${stockBatches.acceptedRows} + ${counts.accepted}`,
      rejectedRows: sql`${stockBatches.rejectedRows} + ${counts.rejected}`,
    })
    .where(eq(stockBatches.id, batchId))
    .returning();
  return row ?? null;
}
