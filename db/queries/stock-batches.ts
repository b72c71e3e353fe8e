import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { and, asc, between, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { TransactionSql } from 'postgres';
import type { NumberKind, ResourceType } from '../../domain/resources';
import { keyColumns, rowReason, type StockNumber, type StockSim } from '../../domain/stock-in-csv';
import { postgresClientOf, type Db, type DbOrTx, type Tx } from '../client';
import { stockBatches, stockBatchRows } from '../schema';

/**
 * REQ: RES-1 — stock-in batches (入库批次) and their rows. An upload streams its rows with `COPY … FROM STDIN`
 * straight into `stock_batch_rows`, under an upload ID drawn when it starts, inside one transaction; the batch
 * is made under its content-hash ID (known only at the end) naming that upload ID. So a half-uploaded file
 * leaves nothing behind, and a re-upload of the same file rolls its rows back and finds the batch it made the
 * first time; a stored row is never copied from elsewhere. Those rolled-back rows were written to the real
 * table all the same: an aborted upload or a re-upload leaves its rows as dead tuples until vacuum reclaims
 * them, on twice the pages a dense table would take (fillfactor 50). Each staged row carries its item as the
 * upload parsed it, so a chunk is stocked by set-based statements over the batch's rows, never one statement
 * or one parameter list per row.
 */

export type StockBatchRow = typeof stockBatches.$inferSelect;
export type StockRowResult = 'pending' | 'accepted' | 'rejected';

/** The item of a well-formed row: the number or ICCID (its first unique key), and the rest of its fields. */
export interface StagedItem {
  key: string;
  imsi: string | null;
  kind: NumberKind | null;
  segment: string | null;
  capacityKb: number | null;
}

/** One staged line of an upload: its data row number, the text, and its item or why it is malformed. */
export type StagedRow = { rowNo: number; raw: string } & (
  { item: StagedItem; problem: null } | { item: null; problem: string }
);

/** A well-formed row's item as staged: a number is its own key, a SIM card's keys are ICCID then IMSI. */
export function stagedItemOf(item: StockNumber | StockSim): StagedItem {
  return 'number' in item
    ? { key: item.number, imsi: null, kind: item.kind, segment: item.segment, capacityKb: null }
    : { key: item.iccid, imsi: item.imsi, kind: null, segment: null, capacityKb: item.capacityKb };
}

const copyEscapes: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
/** A value in COPY's text format: tab-separated, backslash-escaped, `\N` for null. */
const copyField = (v: string | number | null): string =>
  v === null
    ? '\\N'
    : typeof v === 'number'
      ? String(v)
      : v.replace(/[\\\t\n\r]/g, (c) => copyEscapes[c] ?? c);

/**
 * A staged row as one line of COPY text: upload_id, row_no, raw, result, reason, item_key, imsi, kind, segment,
 * capacity_kb. A malformed row is rejected with its problem as it is written.
 */
export function copyLineOf(uploadId: string, row: StagedRow): string {
  const { item } = row;
  return (
    [
      uploadId,
      row.rowNo,
      row.raw,
      row.problem === null ? 'pending' : 'rejected',
      row.problem,
      item?.key ?? null,
      item?.imsi ?? null,
      item?.kind ?? null,
      item?.segment ?? null,
      item?.capacityKb ?? null,
    ]
      .map(copyField)
      .join('\t') + '\n'
  );
}

/**
 * The error of a staging COPY PostgreSQL refused (kept in `errored` by the stream's `'error'` listener), or of
 * a stream closed before the upload ended; null while the COPY is healthy.
 */
function stagingFailure(staging: Writable): Error | null {
  if (staging.errored) return staging.errored;
  return staging.destroyed ? new Error("the COPY of the upload's rows closed before the upload ended") : null;
}

/**
 * Writes COPY text to the staging stream, waiting while PostgreSQL catches up (bounded memory). A COPY
 * PostgreSQL refused fails here, at the next write or while waiting, so the upload stops instead of writing
 * into (or waiting for) a stream that will never drain.
 */
export async function writeStaged(staging: Writable, text: string): Promise<void> {
  const failed = stagingFailure(staging);
  if (failed) throw failed;
  if (text === '' || staging.write(text)) return;
  const waiting = new AbortController();
  try {
    // `once` rejects on 'error'; 'close' covers a stream destroyed without one.
    await Promise.race([
      once(staging, 'drain', { signal: waiting.signal }),
      once(staging, 'close', { signal: waiting.signal }),
    ]);
  } finally {
    waiting.abort();
  }
  const closed = stagingFailure(staging);
  if (closed) throw closed;
}

/**
 * How long an ended COPY may take to be confirmed. PostgreSQL only has the last buffered rows left to store,
 * which takes far less; the client library never reports a COPY refused after its end, so without this limit
 * such an upload would wait, its transaction open, for ever.
 */
const STAGING_FINISH_LIMIT_MS = 30_000;

/** Waits for the ended COPY to be confirmed: its error, or a clear one once `limitMs` has passed. */
async function stagingFinished(staging: Writable, limitMs: number): Promise<void> {
  const deadline = new AbortController();
  try {
    await Promise.race([
      finished(staging),
      sleep(limitMs, undefined, { signal: deadline.signal }).then(() => {
        throw new Error(
          `PostgreSQL did not confirm the staged upload within ${limitMs / 1000} s after its last row; ` +
            'it is rolled back (the COPY was most likely refused)',
        );
      }),
    ]);
  } finally {
    deadline.abort();
  }
}

export interface NewStockBatch {
  id: string;
  resourceType: ResourceType;
  fileName: string | null;
  holderCode: string | null;
  createdBy: string;
}

/** Thrown inside the upload's transaction to roll its rows back when its file is a batch already. */
class StagedBefore extends Error {
  constructor(readonly batchId: string) {
    super(`stock batch ${batchId} was staged before`);
  }
}

/**
 * Stages an upload and makes its batch, in one transaction: `fill` streams the file's rows (through
 * `writeStaged`, as `copyLineOf(uploadId, row)` lines) into `stock_batch_rows` and answers the batch to make;
 * the batch is then made naming the upload, and the later duplicates in the file (by number; by ICCID, then
 * IMSI) rejected; the malformed rows were rejected as written, and both count as processed. When the batch
 * exists already (the same file again, or the same upload racing), the rows are rolled back and `created` is
 * false. An error from `fill` aborts the COPY and rolls everything back.
 */
export async function stageStockUpload(
  db: Db,
  fill: (staging: Writable, uploadId: string) => Promise<NewStockBatch>,
  options: { finishLimitMs?: number } = {},
): Promise<{ created: boolean; batchId: string }> {
  // As long as a batch ID: every staged row's primary key starts with it.
  const uploadId = `SU-${randomBytes(12).toString('hex')}`;
  try {
    return await postgresClientOf(db).begin(async (t) => {
      const staging = await t`
        copy stock_batch_rows (upload_id, row_no, raw, result, reason, item_key, imsi, kind, segment, capacity_kb)
        from stdin`.writable();
      // From the first moment: a COPY PostgreSQL refuses destroys the stream with its error, which without a
      // listener would be an uncaught exception taking the whole API down. The error stays in
      // `staging.errored` and is thrown by `writeStaged` or `stagingFinished`.
      staging.on('error', () => undefined);
      let batch: NewStockBatch;
      try {
        batch = await fill(staging, uploadId);
      } catch (err) {
        staging.destroy(err instanceof Error ? err : new Error(String(err)));
        throw err;
      }
      staging.end();
      await stagingFinished(staging, options.finishLimitMs ?? STAGING_FINISH_LIMIT_MS);
      await makeBatch(t, batch, uploadId);
      await rejectDuplicatesInFile(t, batch, uploadId);
      return { created: true, batchId: batch.id };
    });
  } catch (err) {
    if (err instanceof StagedBefore) return { created: false, batchId: err.batchId };
    throw err;
  }
}

/** Makes the batch naming the upload's rows; throws `StagedBefore` (rolling them back) when it exists. */
async function makeBatch(t: TransactionSql, batch: NewStockBatch, uploadId: string): Promise<void> {
  const [made] = await t<{ id: string }[]>`
    insert into stock_batches (id, upload_id, resource_type, file_name, holder_code, status, created_by)
    values (${batch.id}, ${uploadId}, ${batch.resourceType}, ${batch.fileName}, ${batch.holderCode}, 'running',
      ${batch.createdBy})
    on conflict do nothing
    returning id`;
  if (!made) throw new StagedBefore(batch.id);
}

/**
 * Rejects each later row of the file with the number (ICCID; else IMSI) of an earlier one, naming the first
 * row, and sets the batch's counters: every row, the rejected ones processed. One statement: the upload's rows
 * are read once, the keys grouped byte-wise (`collate "C"`: equal is equal either way, and it is far cheaper),
 * and only the rows of a key seen twice are looked at again and written.
 */
async function rejectDuplicatesInFile(t: TransactionSql, batch: NewStockBatch, uploadId: string) {
  const [col1, col2] = keyColumns[batch.resourceType];
  const dup1 = rowReason.duplicateInFile(col1, '{value}', '{row}');
  const dup2 = rowReason.duplicateInFile(col2 ?? '', '{value}', '{row}');
  // The upload's keys are grouped in a hash table in memory: a file holds at most some millions of rows, and
  // the planner, with no statistics on rows this fresh, would otherwise sort them (on disk, past 4 MB). The
  // limit is per hash node (the statement has a few) and per upload running at once: with several concurrent
  // uploads of large files, a multiple of 64 MB, held until each statement ends.
  await t`set local work_mem = '64MB'`;
  await t`set local enable_sort = off`;
  await t`
    with staged as materialized (
      select row_no, result, item_key collate "C" as item_key, imsi collate "C" as imsi
        from stock_batch_rows where upload_id = ${uploadId}
    ), firsts1 as (
      select item_key, min(row_no) as first_row from staged where result = 'pending'
       group by item_key having count(*) > 1
    ), firsts2 as (
      select imsi, min(row_no) as first_row from staged where result = 'pending' and imsi is not null
       group by imsi having count(*) > 1
    ), candidates as (
      select row_no, item_key, imsi from staged
       where result = 'pending'
         and (item_key in (select item_key from firsts1) or imsi in (select imsi from firsts2))
    ), duplicates as (
      select c.row_no,
        case
          when f1.first_row < c.row_no then replace(replace(${dup1}, '{value}', c.item_key), '{row}', f1.first_row::text)
          else replace(replace(${dup2}, '{value}', c.imsi), '{row}', f2.first_row::text)
        end as reason
        from candidates c
        left join firsts1 f1 on f1.item_key = c.item_key
        left join firsts2 f2 on f2.imsi = c.imsi
       where f1.first_row < c.row_no or f2.first_row < c.row_no
    ), rejected as (
      update stock_batch_rows r set result = 'rejected', reason = d.reason
        from duplicates d
       where r.upload_id = ${uploadId} and r.row_no = d.row_no
      returning r.row_no
    ), counted as materialized (
      select count(*)::int as total, (count(*) filter (where result = 'rejected'))::int as rejected from staged
    ), now_rejected as materialized (
      select c.total, c.rejected + (select count(*) from rejected)::int as rejected from counted c
    )
    update stock_batches b set total_rows = n.total, processed_rows = n.rejected, rejected_rows = n.rejected
      from now_rejected n
     where b.id = ${batch.id}`;
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

/**
 * A batch's rows in file order, optionally only those with one result: read in order through the primary key
 * (the rows of its upload), the result a filter on them. How many there are is the batch's counters, moved on
 * in the same transactions as the rows' results, so a page never counts the whole batch.
 */
export async function listStockBatchRows(
  db: DbOrTx,
  batch: StockBatchRow,
  filter: { result?: StockRowResult; offset: number; limit: number },
) {
  const items = await db
    .select({
      rowNo: stockBatchRows.rowNo,
      raw: stockBatchRows.raw,
      result: stockBatchRows.result,
      reason: stockBatchRows.reason,
    })
    .from(stockBatchRows)
    .where(
      and(
        eq(stockBatchRows.uploadId, batch.uploadId),
        filter.result ? eq(stockBatchRows.result, filter.result) : undefined,
      ),
    )
    .orderBy(asc(stockBatchRows.rowNo))
    .offset(filter.offset)
    .limit(filter.limit);
  return { total: rowsWithResult(batch, filter.result), items };
}

/** How many of the batch's rows have the result (all of them without one), by its counters. */
function rowsWithResult(batch: StockBatchRow, result: StockRowResult | undefined): number {
  switch (result) {
    case undefined:
      return batch.totalRows;
    case 'pending':
      return batch.totalRows - batch.processedRows;
    case 'accepted':
      return batch.acceptedRows;
    case 'rejected':
      return batch.rejectedRows;
  }
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

/** A chunk of a batch: its rows numbered fromRow…toRow that still wait for a result. */
export interface StockChunk {
  batchId: string;
  fromRow: number;
  toRow: number;
}

/** The same rows as stored: under the upload that staged the batch (`StockBatchRow.uploadId`). */
export interface StagedRange {
  uploadId: string;
  fromRow: number;
  toRow: number;
}

/**
 * Pending rows of the chunk staged before rows carried their item (an upload by an earlier release): their
 * text, to be parsed and written back with `stageItems`. None for a batch staged by this release.
 */
export async function pendingRowsWithoutItem(tx: Tx, chunk: StagedRange) {
  return tx
    .select({ rowNo: stockBatchRows.rowNo, raw: stockBatchRows.raw })
    .from(stockBatchRows)
    .where(and(pendingIn(chunk), isNull(stockBatchRows.itemKey)))
    .orderBy(asc(stockBatchRows.rowNo));
}

const pendingIn = (chunk: StagedRange) =>
  and(
    eq(stockBatchRows.uploadId, chunk.uploadId),
    between(stockBatchRows.rowNo, chunk.fromRow, chunk.toRow),
    eq(stockBatchRows.result, 'pending'),
  );

/** Writes parsed items onto pending rows (one statement for all of them). */
export async function stageItems(
  tx: Tx,
  uploadId: string,
  rows: readonly { rowNo: number; item: StagedItem }[],
): Promise<void> {
  if (rows.length === 0) return;
  const json = JSON.stringify(
    rows.map(({ rowNo, item }) => ({
      row_no: rowNo,
      item_key: item.key,
      imsi: item.imsi,
      kind: item.kind,
      segment: item.segment,
      capacity_kb: item.capacityKb,
    })),
  );
  await tx.execute(sql`
    update stock_batch_rows r
       set item_key = x.item_key, imsi = x.imsi, kind = x.kind, segment = x.segment, capacity_kb = x.capacity_kb
      from jsonb_to_recordset(${json}::jsonb)
        as x(row_no integer, item_key text, imsi text, kind text, segment text, capacity_kb integer)
     where r.upload_id = ${uploadId} and r.row_no = x.row_no and r.result = 'pending'`);
}

/** The numbers of the chunk's pending rows, to be priced (REQ: RES-4). */
export async function pendingNumbers(tx: Tx, chunk: StagedRange) {
  const rows = await tx
    .select({ rowNo: stockBatchRows.rowNo, msisdn: stockBatchRows.itemKey })
    .from(stockBatchRows)
    .where(pendingIn(chunk));
  return rows.flatMap((r) => (r.msisdn === null ? [] : [{ rowNo: r.rowNo, msisdn: r.msisdn }]));
}

/** The batch's counters once a chunk statement has moved them on. */
export type BatchCounters = Pick<StockBatchRow, 'processedRows' | 'acceptedRows' | 'rejectedRows'>;

async function countersAfter(statement: Promise<BatchCounters[]>): Promise<BatchCounters> {
  const [row] = await statement;
  if (!row) throw new Error('the stock batch vanished while locked');
  return row;
}

/**
 * REQ: RES-1, RES-4, RES-5 — stocks the chunk's pending numbers in one statement: each priced as given
 * (`fees`, row by row), inserted unused unless in stock already (then the row is rejected "already in stock"),
 * the new mobile segments registered, each row's result written and the batch's counters moved on.
 */
export async function stockPendingNumbers(
  tx: Tx,
  batch: StockBatchRow,
  chunk: StagedRange,
  fees: { rowNos: number[]; feesFen: number[] },
): Promise<BatchCounters> {
  const inStock = rowReason.alreadyInStock('number', '{value}');
  return countersAfter(
    tx.execute<BatchCounters>(sql`
    with priced as (
      select r.row_no, r.item_key as msisdn, r.kind, r.segment, f.fee_fen
        from stock_batch_rows r
        join unnest(${sqlIntArray(fees.rowNos)}, ${sqlIntArray(fees.feesFen)}) as f(row_no, fee_fen)
          on f.row_no = r.row_no
       where ${inChunk(chunk)}
    ), added as (
      insert into numbers (msisdn, kind, segment, status, selection_fee_fen, holder_code, batch_id, stocked_by)
      select msisdn, kind, segment, 'unused', fee_fen, ${batch.holderCode}, ${batch.id}, ${batch.createdBy}
        from priced order by msisdn
      on conflict do nothing
      returning msisdn, kind, segment
    ), segments as (
      insert into number_segments (prefix)
      select distinct segment from added where kind = 'mobile'
      on conflict do nothing
    ), results as (
      update stock_batch_rows r
         set result = case when r.item_key in (select msisdn from added) then 'accepted' else 'rejected' end,
             reason = case
               when r.item_key not in (select msisdn from added) then replace(${inStock}, '{value}', r.item_key)
             end
       where ${inChunk(chunk)} and r.item_key is not null
      returning r.result
    )
    ${countResults(batch.id)}`),
  );
}

/**
 * REQ: RES-1, RES-5 — stocks the chunk's pending SIM cards in one statement: each inserted available unless its
 * ICCID or IMSI is in stock already (then the row is rejected naming the one in stock, the ICCID when both
 * or when another batch stocked it meanwhile), each row's result written and the batch's counters moved on.
 */
export async function stockPendingSims(
  tx: Tx,
  batch: StockBatchRow,
  chunk: StagedRange,
): Promise<BatchCounters> {
  const iccidInStock = rowReason.alreadyInStock('iccid', '{value}');
  const imsiInStock = rowReason.alreadyInStock('imsi', '{value}');
  return countersAfter(
    tx.execute<BatchCounters>(sql`
    with staged as (
      select r.row_no, r.item_key as iccid, r.imsi, r.capacity_kb
        from stock_batch_rows r
       where ${inChunk(chunk)} and r.item_key is not null
    ), added as (
      insert into sim_cards (iccid, imsi, capacity_kb, status, holder_code, batch_id, stocked_by)
      select iccid, imsi, capacity_kb, 'available', ${batch.holderCode}, ${batch.id}, ${batch.createdBy}
        from staged order by iccid
      on conflict do nothing
      returning iccid
    ), results as (
      -- The sub-selects see sim_cards as it was before this statement: what was in stock already.
      update stock_batch_rows r
         set result = case when r.item_key in (select iccid from added) then 'accepted' else 'rejected' end,
             reason = case
               when r.item_key in (select iccid from added) then null
               when exists (select 1 from sim_cards c where c.imsi = r.imsi)
                and not exists (select 1 from sim_cards c where c.iccid = r.item_key)
                 then replace(${imsiInStock}, '{value}', r.imsi)
               else replace(${iccidInStock}, '{value}', r.item_key)
             end
       where ${inChunk(chunk)} and r.item_key is not null
      returning r.result
    )
    ${countResults(batch.id)}`),
  );
}

/**
 * The chunk's pending rows as `r`. Every statement names the range, so PostgreSQL reads the chunk's rows by
 * index, never the whole batch; a row's result is `item_key in (select … from added)`, which it hashes (a
 * join with a data-modifying CTE is planned as a nested loop: chunk × chunk comparisons).
 */
const inChunk = (chunk: StagedRange) =>
  sql`r.upload_id = ${chunk.uploadId} and r.result = 'pending' and r.row_no between ${chunk.fromRow} and ${chunk.toRow}`;

/** Whole numbers as one `int[]` parameter; anything else is a programming error, refused before PostgreSQL. */
const sqlIntArray = (values: readonly number[]) => {
  const notWhole = values.find((v) => !Number.isInteger(v));
  if (notWhole !== undefined) {
    throw new Error(`an int[] parameter holds ${notWhole}, which is not a whole number`);
  }
  return sql`${`{${values.join(',')}}`}::int[]`;
};

/** The tail of a chunk statement: adds the `results` rows to the batch's counters and answers them. */
const countResults = (batchId: string) => sql`
    , counted as (
      select (count(*) filter (where result = 'accepted'))::int as accepted,
             (count(*) filter (where result = 'rejected'))::int as rejected
        from results
    ), moved as (
      update stock_batches b
         set processed_rows = b.processed_rows + c.accepted + c.rejected,
             accepted_rows = b.accepted_rows + c.accepted,
             rejected_rows = b.rejected_rows + c.rejected
        from counted c
       where b.id = ${batchId}
      returning b.processed_rows, b.accepted_rows, b.rejected_rows
    )
    select processed_rows as "processedRows", accepted_rows as "acceptedRows", rejected_rows as "rejectedRows"
      from moved`;

/** Rejects pending rows whose text is not a row of the batch's format after all (defensive: the upload did). */
export async function rejectMalformedRows(
  tx: Tx,
  uploadId: string,
  rows: readonly { rowNo: number; reason: string }[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const json = JSON.stringify(rows.map((r) => ({ row_no: r.rowNo, reason: r.reason })));
  const rejected = await tx.execute(sql`
    update stock_batch_rows r set result = 'rejected', reason = x.reason
    from jsonb_to_recordset(${json}::jsonb) as x(row_no integer, reason text)
    where r.upload_id = ${uploadId} and r.row_no = x.row_no and r.result = 'pending'
    returning r.row_no`);
  return rejected.length;
}

/** Adds rows rejected outside a chunk statement to the batch's counters. */
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
