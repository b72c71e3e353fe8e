/** Live lines, the products they are on, their bills and what is owed when one is cancelled. */
import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import type { SubscriberStatus } from '../../domain/subscribers';
import { createdAt, updatedAt } from './columns';

export const products = pgTable('products', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  simFeeFen: integer('sim_fee_fen').notNull(),
  depositFen: integer('deposit_fen').notNull(),
  monthlyFeeFen: integer('monthly_fee_fen').notNull(),
  active: boolean('active').notNull().default(true),
});

/**
 * A live line: number, SIM, owner, product and state. Created when an account opening completes; changed
 * by service changes (REQ: CHG-1) and pre-cancellation (REQ: PC-1…6).
 */
export const subscribers = pgTable(
  'subscribers',
  {
    msisdn: text('msisdn').primaryKey(),
    customerId: text('customer_id').notNull(),
    iccid: text('iccid').notNull(),
    imsi: text('imsi').notNull(),
    productCode: text('product_code').notNull(),
    status: text('status').notNull().$type<SubscriberStatus>().default('active'),
    internationalRoaming: boolean('international_roaming').notNull().default(false),
    /** Prepaid balance in fen; negative means arrears. */
    balanceFen: integer('balance_fen').notNull().default(0),
    features: text('features')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    discountCode: text('discount_code'),
    servicePasswordHash: text('service_password_hash'),
    /** REQ: Q-1 — wrong service passwords in a row; reset by a right one. */
    servicePasswordFailures: integer('service_password_failures').notNull().default(0),
    /** REQ: Q-1 — service-password checks refused until then, after too many wrong ones. */
    servicePasswordLockedUntil: timestamp('service_password_locked_until', { withTimezone: true }),
    /** The order that holds the line for a long-running change (e.g. a pre-cancellation in grace). */
    lockedBy: text('locked_by'),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
    /** REQ: MNP-1 — the owner's identity was verified (实名认证); a line that was not cannot port out. */
    realNameVerified: boolean('real_name_verified').notNull().default(true),
    /** REQ: MNP-1 — end of a contract term (合约期) the line is bound to; null when there is none. */
    contractEndsAt: timestamp('contract_ends_at', { withTimezone: true }),
    /** REQ: MNP-1 — other restrictions on the line, e.g. `location` (号码所在地限制). */
    restrictions: text('restrictions')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    updatedAt: updatedAt(),
  },
  (t) => [index('subscribers_customer_idx').on(t.customerId)],
);

/** Monthly bills of a line (REQ: PC-4 reads the last three). `period` is `YYYY-MM`. */
export const bills = pgTable(
  'bills',
  {
    msisdn: text('msisdn').notNull(),
    period: text('period').notNull(),
    amountFen: integer('amount_fen').notNull(),
    paidFen: integer('paid_fen').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.msisdn, t.period] })],
);

/**
 * REQ: PC-5 — money left on a line cancelled without the customer: credit kept for a refund on request
 * (`refundDue`) or arrears handed to collection (`collection`); `settledAt` when paid out or collected.
 */
export const lineSettlements = pgTable(
  'line_settlements',
  {
    orderId: text('order_id').notNull(),
    msisdn: text('msisdn').notNull(),
    kind: text('kind', { enum: ['refundDue', 'collection'] }).notNull(),
    amountFen: integer('amount_fen').notNull(),
    createdAt: createdAt(),
    settledAt: timestamp('settled_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.orderId, t.kind] }), index('line_settlements_msisdn_idx').on(t.msisdn)],
);
