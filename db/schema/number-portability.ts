/** Number portability (REQ: MNP-5): the port-out authorization codes. */
import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';

/**
 * REQ: MNP-5 — the port-out authorization code of an order: only its hash, its expiry and the wrong
 * attempts; the code itself exists only in the SMS sent to the holder.
 */
export const portOutCodes = pgTable(
  'port_out_codes',
  {
    orderId: text('order_id').primaryKey(),
    msisdn: text('msisdn').notNull(),
    codeHash: text('code_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('port_out_codes_msisdn_idx').on(t.msisdn)],
);
