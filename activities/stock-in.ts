import type { Db, Tx } from '../db/client';
import {
  addToCounters,
  completeStockBatch,
  findStockBatch,
  lockStockBatch,
  pendingNumbers,
  pendingRowsWithoutItem,
  rejectMalformedRows,
  stagedItemOf,
  stageItems,
  stockPendingNumbers,
  stockPendingSims,
  type StagedItem,
  type StagedRange,
  type StockBatchRow,
  type StockChunk,
} from '../db/queries/stock-batches';
import { loadFeeRules } from '../db/queries/selection-fee-rules';
import { batchPercent } from '../domain/member-batch-csv';
import { checkStockRow } from '../domain/stock-in-csv';
import { businessFailure } from './failures';

/** A batch's counters as the workflow and the bench see them. */
export interface StockInProgress {
  batchId: string;
  status: string;
  totalRows: number;
  processedRows: number;
  acceptedRows: number;
  rejectedRows: number;
  percent: number;
}

const progressOf = (b: StockBatchRow): StockInProgress => ({
  batchId: b.id,
  status: b.status,
  totalRows: b.totalRows,
  processedRows: b.processedRows,
  acceptedRows: b.acceptedRows,
  rejectedRows: b.rejectedRows,
  percent: batchPercent(b.processedRows, b.totalRows),
});

/**
 * REQ: RES-1 — stock-in (入库): the staged rows of a batch become numbers and SIM cards, one range of rows per
 * call and one transaction per range. Idempotent: a retried range finds its rows no longer pending and does
 * nothing; an item stocked meanwhile by another batch is a rejection ("already in stock"), never an error.
 */
export function createStockInActivities({ db }: { db: Db }) {
  async function batchOrFail(tx: Db | Tx, batchId: string): Promise<StockBatchRow> {
    const batch = await findStockBatch(tx, batchId);
    if (!batch) throw businessFailure('StockBatchNotFound', `Stock batch ${batchId} does not exist`);
    return batch;
  }

  return {
    async readStockBatch(input: { batchId: string }): Promise<StockInProgress> {
      return progressOf(await batchOrFail(db, input.batchId));
    },

    /**
     * Stocks the pending rows numbered fromRow…toRow of the batch: set-based statements over the staged rows
     * (see `stockPendingNumbers`, `stockPendingSims`), so a chunk costs a handful of round trips whatever its
     * size; only the numbers' fees are worked out here, by the same rules (JavaScript patterns) as everywhere.
     */
    async processStockInChunk(input: StockChunk): Promise<StockInProgress> {
      return db.transaction(async (tx) => {
        const batch = await lockStockBatch(tx, input.batchId);
        if (!batch)
          throw businessFailure('StockBatchNotFound', `Stock batch ${input.batchId} does not exist`);
        const range = { uploadId: batch.uploadId, fromRow: input.fromRow, toRow: input.toRow };
        const malformed = await parseRowsStagedBefore(tx, batch, range);
        const counters =
          batch.resourceType === 'numbers'
            ? await stockPendingNumbers(tx, batch, range, await priceNumbers(tx, range))
            : await stockPendingSims(tx, batch, range);
        const stocked = { ...batch, ...counters };
        if (malformed === 0) return progressOf(stocked);
        return progressOf(
          (await addToCounters(tx, batch.id, { accepted: 0, rejected: malformed })) ?? stocked,
        );
      });
    },

    async completeStockBatch(input: { batchId: string }): Promise<StockInProgress> {
      const batch = await completeStockBatch(db, input.batchId);
      if (!batch) throw businessFailure('StockBatchNotFound', `Stock batch ${input.batchId} does not exist`);
      return progressOf(batch);
    },
  };
}

/** REQ: RES-4 — the chunk's numbers priced by the selection-fee rules in force now. */
async function priceNumbers(tx: Tx, chunk: StagedRange) {
  const fees = await loadFeeRules(tx);
  const rows = await pendingNumbers(tx, chunk);
  return { rowNos: rows.map((r) => r.rowNo), feesFen: rows.map((r) => fees.feeFor(r.msisdn).feeFen) };
}

/**
 * Rows staged by an earlier release carry only their text: their items are parsed here and written back, so
 * the set-based statements stock them like any other; a row that does not parse (the upload rejected those
 * already) is rejected again, defensively. Returns how many were rejected.
 */
async function parseRowsStagedBefore(tx: Tx, batch: StockBatchRow, chunk: StagedRange): Promise<number> {
  const rows = await pendingRowsWithoutItem(tx, chunk);
  if (rows.length === 0) return 0;
  const parsed: { rowNo: number; item: StagedItem }[] = [];
  const malformed: { rowNo: number; reason: string }[] = [];
  for (const row of rows) {
    const verdict = checkStockRow(batch.resourceType, row.raw);
    if (verdict.ok) parsed.push({ rowNo: row.rowNo, item: stagedItemOf(verdict.item) });
    else malformed.push({ rowNo: row.rowNo, reason: verdict.reason });
  }
  await stageItems(tx, batch.uploadId, parsed);
  return rejectMalformedRows(tx, batch.uploadId, malformed);
}
