import type { Db, Tx } from '../db/client';
import {
  addToCounters,
  completeStockBatch,
  findStockBatch,
  insertNumbers,
  insertSims,
  lockStockBatch,
  numbersInStock,
  pendingRowsInRange,
  recordRowResults,
  registerSegments,
  simKeysInStock,
  type NewNumber,
  type NewSim,
  type StockBatchRow,
} from '../db/queries/stock-batches';
import { loadFeeRules } from '../db/queries/selection-fee-rules';
import { batchPercent } from '../domain/member-batch-csv';
import {
  checkNumberRow,
  checkSimRow,
  rowReason,
  splitCsvLine,
  type StockNumber,
  type StockSim,
} from '../domain/stock-in-csv';
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

type RowResult = { rowNo: number; result: 'accepted' | 'rejected'; reason: string | null };

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

    /** Stocks the pending rows numbered fromRow…toRow of the batch. */
    async processStockInChunk(input: {
      batchId: string;
      fromRow: number;
      toRow: number;
    }): Promise<StockInProgress> {
      return db.transaction(async (tx) => {
        const batch = await lockStockBatch(tx, input.batchId);
        if (!batch)
          throw businessFailure('StockBatchNotFound', `Stock batch ${input.batchId} does not exist`);
        const rows = await pendingRowsInRange(tx, batch.id, input.fromRow, input.toRow);
        if (rows.length === 0) return progressOf(batch);
        const results =
          batch.resourceType === 'numbers'
            ? await stockNumbers(tx, batch, rows)
            : await stockSims(tx, batch, rows);
        await recordRowResults(tx, batch.id, results);
        const accepted = results.filter((r) => r.result === 'accepted').length;
        const updated = await addToCounters(tx, batch.id, { accepted, rejected: results.length - accepted });
        return progressOf(updated ?? batch);
      });
    },

    async completeStockBatch(input: { batchId: string }): Promise<StockInProgress> {
      const batch = await completeStockBatch(db, input.batchId);
      if (!batch) throw businessFailure('StockBatchNotFound', `Stock batch ${input.batchId} does not exist`);
      return progressOf(batch);
    },
  };
}

/** Parses each row; the malformed ones (the upload rejected them already) are rejected again, defensively. */
function parseRows<T>(
  rows: readonly { rowNo: number; raw: string }[],
  check: (fields: string[]) => { ok: true; item: T } | { ok: false; reason: string },
  results: RowResult[],
): { rowNo: number; item: T }[] {
  const good: { rowNo: number; item: T }[] = [];
  for (const row of rows) {
    const verdict = check(splitCsvLine(row.raw));
    if (verdict.ok) good.push({ rowNo: row.rowNo, item: verdict.item });
    else results.push({ rowNo: row.rowNo, result: 'rejected', reason: verdict.reason });
  }
  return good;
}

/** REQ: RES-1, RES-4, RES-5 — numbers: unused, priced by the fee rules, their segments registered. */
async function stockNumbers(tx: Tx, batch: StockBatchRow, rows: { rowNo: number; raw: string }[]) {
  const results: RowResult[] = [];
  const parsed = parseRows<StockNumber>(rows, checkNumberRow, results);
  const inStock = await numbersInStock(
    tx,
    parsed.map((p) => p.item.number),
  );
  const fees = await loadFeeRules(tx);
  const fresh = parsed.filter((p) => !inStock.has(p.item.number));
  const values: NewNumber[] = fresh.map(({ item }) => ({
    msisdn: item.number,
    kind: item.kind,
    segment: item.segment,
    status: 'unused',
    selectionFeeFen: fees.feeFor(item.number).feeFen,
    holderCode: batch.holderCode,
    batchId: batch.id,
    stockedBy: batch.createdBy,
  }));
  const inserted = await insertNumbers(tx, values);
  await registerSegments(tx, [
    ...new Set(
      fresh.filter((p) => p.item.kind === 'mobile' && inserted.has(p.item.number)).map((p) => p.item.segment),
    ),
  ]);
  for (const { rowNo, item } of parsed) {
    results.push(
      inserted.has(item.number)
        ? { rowNo, result: 'accepted', reason: null }
        : { rowNo, result: 'rejected', reason: rowReason.alreadyInStock('number', item.number) },
    );
  }
  return results;
}

/** REQ: RES-1, RES-5 — SIM cards: available, ICCID and IMSI each unique. */
async function stockSims(tx: Tx, batch: StockBatchRow, rows: { rowNo: number; raw: string }[]) {
  const results: RowResult[] = [];
  const parsed = parseRows<StockSim>(rows, checkSimRow, results);
  const inStock = await simKeysInStock(
    tx,
    parsed.map((p) => p.item.iccid),
    parsed.map((p) => p.item.imsi),
  );
  const values: NewSim[] = parsed
    .filter((p) => !inStock.has(p.item.iccid) && !inStock.has(p.item.imsi))
    .map(({ item }) => ({
      iccid: item.iccid,
      imsi: item.imsi,
      capacityKb: item.capacityKb,
      status: 'available',
      holderCode: batch.holderCode,
      batchId: batch.id,
      stockedBy: batch.createdBy,
    }));
  const inserted = await insertSims(tx, values);
  for (const { rowNo, item } of parsed) {
    if (inserted.has(item.iccid)) results.push({ rowNo, result: 'accepted', reason: null });
    else {
      const [column, value] =
        inStock.has(item.imsi) && !inStock.has(item.iccid) ? ['imsi', item.imsi] : ['iccid', item.iccid];
      results.push({ rowNo, result: 'rejected', reason: rowReason.alreadyInStock(column, value) });
    }
  }
  return results;
}
