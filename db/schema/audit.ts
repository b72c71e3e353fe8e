/** The audit log of every state-changing request. */
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Every state-changing request (who, channel, what, when, outcome, request ID) — append-only: a database
 * trigger refuses UPDATE and DELETE. Secrets and passwords never go in.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    /** Generated here: a client may send its own request ID, so that cannot be the key. */
    id: text('id')
      .primaryKey()
      .default(sql`gen_random_uuid()::text`),
    requestId: text('request_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    operatorId: text('operator_id'),
    channelCode: text('channel_code'),
    /** The outlet the operator signed in at, if any. */
    outletCode: text('outlet_code'),
    method: text('method').notNull(),
    /** The route pattern, e.g. `/api/v1/orders/:id/cancel`. */
    route: text('route').notNull(),
    /** What it acted on, e.g. an order or work order ID. */
    target: text('target'),
    statusCode: integer('status_code').notNull(),
    /** refused: 4xx · error: 5xx */
    outcome: text('outcome', { enum: ['success', 'refused', 'error'] }).notNull(),
    /** The error code when refused or failed. */
    errorCode: text('error_code'),
    details: jsonb('details')
      .notNull()
      .default(sql`'{}'::jsonb`),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_operator_idx').on(t.operatorId, t.at),
    index('audit_log_target_idx').on(t.target),
    index('audit_log_request_idx').on(t.requestId),
  ],
);
