/** Member batches (REQ: GRP-6): uploaded CSVs of group members and the result of each row. */
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import type { AttributeValues } from '../../domain/product-spec';
import { createdAt } from './columns';
import { groupSubscriptions } from './groups';

/** REQ: GRP-6 — a batch of members uploaded as CSV; its rows carry one result each. */
export const memberBatches = pgTable('member_batches', {
  id: text('id').primaryKey(),
  subscriptionId: text('subscription_id')
    .notNull()
    .references(() => groupSubscriptions.id),
  groupCode: text('group_code').notNull(),
  productCode: text('product_code').notNull(),
  status: text('status', { enum: ['running', 'completed', 'failed'] }).notNull(),
  totalRows: integer('total_rows').notNull(),
  processedRows: integer('processed_rows').notNull().default(0),
  acceptedRows: integer('accepted_rows').notNull().default(0),
  rejectedRows: integer('rejected_rows').notNull().default(0),
  requestHash: text('request_hash').notNull(),
  operatorId: text('operator_id').notNull(),
  channelCode: text('channel_code').notNull(),
  failure: jsonb('failure'),
  createdAt: createdAt(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
});

/** One row of an uploaded batch and its result: pending until processed, then accepted or rejected. */
export const memberBatchRows = pgTable(
  'member_batch_rows',
  {
    batchId: text('batch_id')
      .notNull()
      .references(() => memberBatches.id),
    /** 1-based data row (the header is row 0). */
    rowNo: integer('row_no').notNull(),
    msisdn: text('msisdn').notNull(),
    attributes: jsonb('attributes').notNull().$type<AttributeValues>(),
    result: text('result', { enum: ['pending', 'accepted', 'rejected'] })
      .notNull()
      .default('pending'),
    reasonCode: text('reason_code'),
    reason: text('reason'),
    processedAt: timestamp('processed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.batchId, t.rowNo] }),
    index('member_batch_rows_result_idx').on(t.batchId, t.result, t.rowNo),
  ],
);
