/** REQ: RES-1 — what starts (and continues) a stock-in: the batch, where to go on, and the chunking. */
export interface StockInInput {
  batchId: string;
  /** The first data row not yet handed to a chunk (1 at the start). */
  nextRow: number;
  chunkRows: number;
  chunksPerRun: number;
  stepTimeoutSeconds: number;
}
