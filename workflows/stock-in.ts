import { continueAsNew, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { StockInProgress } from '../activities/stock-in';
import type { StockInInput } from './contracts/stock-in';

/**
 * REQ: RES-1 — a stock-in batch (入库批次): the rows of the uploaded file, already staged in PostgreSQL, are
 * stocked range by range (`processStockInChunk`: one activity, one transaction, idempotent). Rows, results
 * and counters live in PostgreSQL, never in the history; after `chunksPerRun` ranges the workflow continues
 * as new carrying only the next row number, so its history stays bounded for a file of any size.
 */
export async function stockInWorkflow(input: StockInInput): Promise<StockInProgress> {
  const { batchId, chunkRows, chunksPerRun } = input;
  // A range retries until it goes through: its rows are durable and every attempt starts from a clean slate.
  const act = proxyActivities<Activities>({
    startToCloseTimeout: `${input.stepTimeoutSeconds}s`,
    retry: { initialInterval: '1s', maximumInterval: '1m', nonRetryableErrorTypes: ['StockBatchNotFound'] },
  });

  const { totalRows } = await act.readStockBatch({ batchId });
  let nextRow = input.nextRow;
  for (let chunks = 0; nextRow <= totalRows; chunks++) {
    if (chunks >= chunksPerRun) return continueAsNew<typeof stockInWorkflow>({ ...input, nextRow });
    await act.processStockInChunk({ batchId, fromRow: nextRow, toRow: nextRow + chunkRows - 1 });
    nextRow += chunkRows;
  }
  return act.completeStockBatch({ batchId });
}
