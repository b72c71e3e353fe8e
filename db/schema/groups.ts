/** Group customers, their product catalogue, subscriptions and members (REQ: GRP-1…GRP-9). */
import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { GroupSubscriptionStatus } from '../../domain/groups';
import type { AttributeValues } from '../../domain/product-spec';
import { createdAt, updatedAt } from './columns';
import { operators } from './access';

/** REQ: GRP-1 — group customers (集团客户), each with its code and customer manager. */
export const groupCustomers = pgTable('group_customers', {
  groupCode: text('group_code').primaryKey(),
  name: text('name').notNull(),
  customerManagerId: text('customer_manager_id')
    .notNull()
    .references(() => operators.id),
  createdAt: createdAt(),
});

/** REQ: GRP-1 — a group's contracts; a group product is ordered under one. */
export const groupContracts = pgTable('group_contracts', {
  id: text('id').primaryKey(),
  groupCode: text('group_code')
    .notNull()
    .references(() => groupCustomers.groupCode),
  name: text('name').notNull(),
  endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
});

/** REQ: GRP-3 — a group's paying accounts (付费账户). */
export const groupAccounts = pgTable('group_accounts', {
  id: text('id').primaryKey(),
  groupCode: text('group_code')
    .notNull()
    .references(() => groupCustomers.groupCode),
  name: text('name').notNull(),
});

/** REQ: GRP-1, GRP-3 — the group product catalogue (BBOSS products) with their specifications as data. */
export const groupProducts = pgTable('group_products', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  /** The catalogue the product is listed under, e.g. `BBOSS`. */
  catalogue: text('catalogue').notNull(),
  /** Product attributes (`ProductSpec`). */
  spec: jsonb('spec').notNull(),
  /** Member attributes (`ProductSpec`). */
  memberSpec: jsonb('member_spec').notNull(),
  active: boolean('active').notNull().default(true),
});

/** REQ: GRP-3 — tariff packages of a group product; some need approval (资费审核). */
export const groupTariffs = pgTable('group_tariffs', {
  code: text('code').primaryKey(),
  productCode: text('product_code')
    .notNull()
    .references(() => groupProducts.code),
  name: text('name').notNull(),
  /** Monthly fee per member, in fen. */
  monthlyFeePerMemberFen: integer('monthly_fee_per_member_fen').notNull(),
  needsApproval: boolean('needs_approval').notNull().default(false),
  /** Tariff parameters (`ProductSpec`). */
  paramSpec: jsonb('param_spec').notNull(),
  active: boolean('active').notNull().default(true),
});

/** REQ: GRP-1 — which group products an operator may see and order. */
export const operatorProductPermissions = pgTable(
  'operator_product_permissions',
  {
    operatorId: text('operator_id')
      .notNull()
      .references(() => operators.id),
    productCode: text('product_code')
      .notNull()
      .references(() => groupProducts.code),
    grantedBy: text('granted_by').notNull(),
    grantedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.operatorId, t.productCode] })],
);

/**
 * A group's product (the group subscription), from the order that opened it. Its ID is that order's ID. One
 * live subscription per group and product; `locked_by` holds the order changing or cancelling it.
 */
export const groupSubscriptions = pgTable(
  'group_subscriptions',
  {
    id: text('id').primaryKey(),
    groupCode: text('group_code')
      .notNull()
      .references(() => groupCustomers.groupCode),
    productCode: text('product_code')
      .notNull()
      .references(() => groupProducts.code),
    status: text('status').notNull().$type<GroupSubscriptionStatus>(),
    contractId: text('contract_id').notNull(),
    payingAccountId: text('paying_account_id').notNull(),
    customerManagerId: text('customer_manager_id').notNull(),
    submitterId: text('submitter_id').notNull(),
    attributes: jsonb('attributes').notNull().$type<AttributeValues>(),
    tariffCode: text('tariff_code').notNull(),
    tariffParams: jsonb('tariff_params').notNull().$type<AttributeValues>(),
    /** REQ: GRP-2 — when the current terms took (or take) effect. */
    termsEffectiveFrom: timestamp('terms_effective_from', { withTimezone: true }).notNull(),
    /** REQ: GRP-2, GRP-5 — a change that takes effect at the next cycle: { attributes, tariffCode, tariffParams, effectiveFrom, orderId }. */
    scheduledTerms: jsonb('scheduled_terms'),
    bbossRef: text('bboss_ref'),
    lockedBy: text('locked_by'),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('group_subscriptions_live_idx')
      .on(t.groupCode, t.productCode)
      .where(sql`status <> 'cancelled'`),
  ],
);

/** REQ: GRP-6…GRP-8 — the members of a group subscription: one row per member number. */
export const groupMembers = pgTable(
  'group_members',
  {
    subscriptionId: text('subscription_id')
      .notNull()
      .references(() => groupSubscriptions.id),
    msisdn: text('msisdn').notNull(),
    attributes: jsonb('attributes').notNull().$type<AttributeValues>(),
    /** The order or batch that added the member. */
    addedBy: text('added_by').notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.subscriptionId, t.msisdn] })],
);

/**
 * REQ: GRP-6…GRP-9 — every member change ever made (append-only): the years of changes live here, not in a
 * workflow history. One row per source (order or batch), member and action, so a retried write adds nothing.
 */
export const groupMemberEvents = pgTable(
  'group_member_events',
  {
    source: text('source').notNull(),
    msisdn: text('msisdn').notNull(),
    action: text('action', { enum: ['add', 'change', 'delete'] }).notNull(),
    subscriptionId: text('subscription_id').notNull(),
    attributes: jsonb('attributes').$type<AttributeValues>(),
    actor: text('actor').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.source, t.msisdn, t.action] }),
    index('group_member_events_member_idx').on(t.subscriptionId, t.msisdn, t.at),
  ],
);
