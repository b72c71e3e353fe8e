/** Customers and their categories, and partners' blacklists (REQ: OPEN-3, CUST-1, CUST-2). */
import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import type { CategoryEffect } from '../../domain/customer-categories';
import { createdAt, updatedAt } from './columns';

/** REQ: OPEN-3 — customer data is pre-entered before payment and committed only after it. */
export const customers = pgTable(
  'customers',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id').notNull().unique(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    idType: text('id_type').notNull(),
    idNumber: text('id_number').notNull(),
    address: text('address').notNull(),
    contactPhone: text('contact_phone').notNull(),
    details: jsonb('details')
      .notNull()
      .default(sql`'{}'::jsonb`),
    state: text('state').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  /** REQ: CUST-2 — screening finds a customer's categories by identity document. */
  (t) => [index('customers_identity_idx').on(t.idType, t.idNumber)],
);

/** REQ: CUST-1 — customer categories (normal, VIP, blacklist, redlist …): added and changed, never deleted. */
export const customerCategories = pgTable('customer_categories', {
  code: text('code').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  note: text('note'),
  /** What the category means to the system: `vip` gets priority, `blacklist` refuses new business. */
  effect: text('effect').notNull().$type<CategoryEffect>().default('none'),
  updatedBy: text('updated_by').notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** REQ: CUST-1 — a customer's categories, several per customer; ended, never deleted. */
export const customerCategoryAssignments = pgTable(
  'customer_category_assignments',
  {
    customerId: text('customer_id').notNull(),
    categoryCode: text('category_code')
      .notNull()
      .references(() => customerCategories.code),
    note: text('note'),
    assignedBy: text('assigned_by').notNull(),
    assignedAt: createdAt(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endedBy: text('ended_by'),
  },
  (t) => [primaryKey({ columns: [t.customerId, t.categoryCode] })],
);

/** REQ: CUST-2 — blacklists shared by partners, by identity document. */
export const partnerBlacklist = pgTable(
  'partner_blacklist',
  {
    idType: text('id_type').notNull(),
    idNumber: text('id_number').notNull(),
    partner: text('partner').notNull(),
    reason: text('reason').notNull(),
    listedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.idType, t.idNumber, t.partner] })],
);
