/** Messages out: SMS to customers and notices to staff (REQ: NOTIF-1, WO-6). */
import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';

/**
 * SMS to customers (REQ: NOTIF-1, MNP-5), one per event key: a retried send is the same message. The text
 * is not kept here when it carries a secret (`params` never does).
 */
export const smsMessages = pgTable(
  'sms_messages',
  {
    eventKey: text('event_key').primaryKey(),
    msisdn: text('msisdn').notNull(),
    template: text('template').notNull(),
    params: jsonb('params')
      .notNull()
      .default(sql`'{}'::jsonb`),
    status: text('status', { enum: ['queued', 'sent', 'failed'] }).notNull(),
    gatewayRef: text('gateway_ref'),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('sms_messages_msisdn_idx').on(t.msisdn, t.createdAt)],
);

/** REQ: WO-6 — notices to a role at an outlet (e.g. an SLA breach for the outlet's duty manager). */
export const notifications = pgTable(
  'notifications',
  {
    id: text('id').primaryKey(),
    recipientRole: text('recipient_role').notNull(),
    outletCode: text('outlet_code'),
    workOrderId: text('work_order_id'),
    kind: text('kind').notNull(),
    messageZh: text('message_zh').notNull(),
    messageEn: text('message_en').notNull(),
    createdAt: createdAt(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('notifications_recipient_idx').on(t.recipientRole, t.outletCode, t.createdAt)],
);
