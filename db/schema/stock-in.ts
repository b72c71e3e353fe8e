/** Stock-in (REQ: RES-1): uploaded files of numbers or SIM cards and the result of each row. */
import { integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import type { NumberKind, ResourceType } from '../../domain/resources';
import { createdAt } from './columns';

/** REQ: RES-1 — one uploaded stock-in file; its ID is the hash of the content, so a re-upload is the same batch. */
export const stockBatches = pgTable('stock_batches', {
  id: text('id').primaryKey(),
  /**
   * The key the batch's rows are stored under (`stock_batch_rows.upload_id`): drawn when the upload starts, so
   * its rows stream straight into place before the content hash, and with it the batch ID, is known. Batches
   * staged by an earlier release keep their batch ID here.
   */
  uploadId: text('upload_id').notNull().unique(),
  /** numbers · sims */
  resourceType: text('resource_type').notNull().$type<ResourceType>(),
  fileName: text('file_name'),
  status: text('status', { enum: ['loading', 'running', 'completed', 'failed'] }).notNull(),
  /** The unit stocked into (null = central stock). */
  holderCode: text('holder_code'),
  totalRows: integer('total_rows').notNull().default(0),
  processedRows: integer('processed_rows').notNull().default(0),
  acceptedRows: integer('accepted_rows').notNull().default(0),
  rejectedRows: integer('rejected_rows').notNull().default(0),
  createdBy: text('created_by').notNull(),
  createdAt: createdAt(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
});

/** REQ: RES-1 — each row of a stock-in file as uploaded, then its result and the reason when rejected. */
export const stockBatchRows = pgTable(
  'stock_batch_rows',
  {
    /** The upload that staged the row; its batch is the one with this `upload_id`. */
    uploadId: text('upload_id').notNull(),
    rowNo: integer('row_no').notNull(),
    raw: text('raw').notNull(),
    result: text('result', { enum: ['pending', 'accepted', 'rejected'] })
      .notNull()
      .default('pending'),
    reason: text('reason'),
    /**
     * The row's item as the upload parsed it, so a chunk is stocked by one INSERT … SELECT: the number or the
     * ICCID; the IMSI; the number's kind and segment; the card's capacity. Null on a malformed row, and on rows
     * staged before these columns existed (the chunk parses those from `raw`).
     */
    itemKey: text('item_key'),
    imsi: text('imsi'),
    kind: text('kind').$type<NumberKind>(),
    segment: text('segment'),
    capacityKb: integer('capacity_kb'),
  },
  // The primary key is the only index: the report's filter by result reads the batch's rows in file order
  // through it. With half of each page left free (fillfactor 50, set by migration 0016: drizzle does not model
  // it), writing a row's result is a HOT update, which writes no index entry.
  (t) => [primaryKey({ columns: [t.uploadId, t.rowNo] })],
);
