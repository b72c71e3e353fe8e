import { mainTaskQueue } from './task-queue';

/**
 * The contract of stock-in (入库, REQ: RES-1): `stockInWorkflow` stocks an uploaded file's staged rows range by
 * range and ends with the batch's progress; it takes no queries or updates (progress is read from PostgreSQL).
 * One workflow per batch: `StockIn:<batchId>`.
 */
export type { StockInInput } from '../../domain/stock-in-contract';

const prefix = 'StockIn:';

/** The workflow ID of a batch's stock-in: one per batch, so a replayed upload cannot start a second. */
export const stockInWorkflowId = (batchId: string): string => `${prefix}${batchId}`;

/** The batch of a stock-in's workflow ID, or null when it is not one. */
export function parseStockInWorkflowId(id: string): { batchId: string } | null {
  if (!id.startsWith(prefix)) return null;
  const batchId = id.slice(prefix.length);
  return batchId ? { batchId } : null;
}

export const stockInTaskQueue = mainTaskQueue;
