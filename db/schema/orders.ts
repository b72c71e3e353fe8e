/** Orders: the read model, its timeline, idempotency keys, payments and the secrets an order brings. */
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import type { OrderFailure, OrderStatus, OrderType } from '../../domain/orders';
import { createdAt, updatedAt } from './columns';

/** Read model of every order (REQ: ORD-1, ORD-2, ORD-4), written by the order's workflow. */
export const orders = pgTable(
  'orders',
  {
    id: text('id').primaryKey(),
    type: text('type').notNull().$type<OrderType>(),
    status: text('status').notNull().$type<OrderStatus>(),
    step: text('step'),
    channelCode: text('channel_code').notNull(),
    /** The outlet the order was submitted at, if any (REQ: ORD-6 — who may cancel it). */
    outletCode: text('outlet_code'),
    operatorId: text('operator_id').notNull(),
    requestHash: text('request_hash').notNull(),
    summary: jsonb('summary')
      .notNull()
      .default(sql`'{}'::jsonb`),
    failure: jsonb('failure').$type<OrderFailure>(),
    /**
     * The timeline line (`order_events.seq`) the row shows. A write applies only with a later one: checked
     * on the row itself, which PostgreSQL re-reads after the row lock, so a late write that waited on the lock
     * of a newer one leaves it be (REQ: ORD-2).
     */
    lastSeq: integer('last_seq').notNull().default(-1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('orders_status_idx').on(t.status, t.createdAt),
    index('orders_type_idx').on(t.type, t.createdAt),
    index('orders_channel_idx').on(t.channelCode, t.createdAt),
    // REQ: UI-1 — the console finds orders by the number they are about (the line page, the order search)
    // and by the operator who took them.
    index('orders_msisdn_idx').on(sql`(${t.summary}->>'msisdn')`, t.createdAt),
    index('orders_operator_idx').on(t.operatorId, t.createdAt),
  ],
);

/** REQ: ORD-2 — an order's timeline; `seq` comes from the workflow so a retried write is a no-op. */
export const orderEvents = pgTable(
  'order_events',
  {
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id),
    seq: integer('seq').notNull(),
    status: text('status').notNull().$type<OrderStatus>(),
    step: text('step'),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actor: text('actor').notNull(),
    reason: text('reason'),
  },
  (t) => [primaryKey({ columns: [t.orderId, t.seq] })],
);

/**
 * REQ: ORD-3 — an order's idempotency key, scoped per channel: two stores may both use `order-0001`. Kept
 * here (not only as a workflow ID) so a replayed key finds its order after Temporal's retention is over.
 */
export const orderKeys = pgTable(
  'order_keys',
  {
    channelCode: text('channel_code').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    orderId: text('order_id').notNull().unique(),
    requestHash: text('request_hash').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.channelCode, t.idempotencyKey] })],
);

/** Charges and refunds; the row's key is the charge's idempotency key (REQ: OPEN-6 receipt per payment). */
export const payments = pgTable(
  'payments',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id').notNull(),
    method: text('method').notNull(),
    /** `in`: money taken from the customer; `out`: money paid back (refund of overpayment, fee refund). */
    direction: text('direction', { enum: ['in', 'out'] })
      .notNull()
      .default('in'),
    amountFen: integer('amount_fen').notNull(),
    /** charged · refunded (a charge paid back) · paid (a payout) */
    status: text('status', { enum: ['charged', 'refunded', 'paid'] }).notNull(),
    bankRef: text('bank_ref'),
    receiptNo: text('receipt_no').notNull().unique(),
    createdAt: createdAt(),
    refundedAt: timestamp('refunded_at', { withTimezone: true }),
  },
  (t) => [index('payments_order_idx').on(t.orderId)],
);

/**
 * Secrets that come with an order (a service password, an authorization code), parked before its workflow
 * starts so that only the row's ID travels in workflow inputs and histories. A password is kept as a bcrypt
 * hash; a code that must be passed on to an outside system is sealed (AES-256-GCM with the secrets key).
 */
export const parkedSecrets = pgTable(
  'parked_secrets',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id').notNull(),
    kind: text('kind', { enum: ['servicePassword', 'authorizationCode'] }).notNull(),
    hash: text('hash'),
    sealed: text('sealed'),
    createdAt: createdAt(),
    /** Set when the order has used it; a used secret is no longer needed and may be wiped. */
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('parked_secrets_order_idx').on(t.orderId)],
);
