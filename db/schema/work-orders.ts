/** Work orders (REQ: WO-1…WO-6, GC-1…GC-3): the read model and its timeline. */
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import type {
  Commitment,
  GreenChannelType,
  WorkOrderCategory,
  WorkOrderCustomer,
  WorkOrderPriority,
  WorkOrderState,
  WorkOrderStatus,
} from '../../domain/work-orders';
import { createdAt, updatedAt } from './columns';

/** Read model of every work order (REQ: WO-1…WO-6, GC-1…GC-3), written by its workflow. */
export const workOrders = pgTable(
  'work_orders',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull().$type<WorkOrderState['kind']>(),
    category: text('category').notNull().$type<WorkOrderCategory>(),
    /** REQ: GC-2 — the green-channel type. */
    greenChannelType: text('green_channel_type').$type<GreenChannelType>(),
    priority: text('priority').notNull().$type<WorkOrderPriority>(),
    status: text('status').notNull().$type<WorkOrderStatus>(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    customer: jsonb('customer').notNull().$type<WorkOrderCustomer>(),
    vip: boolean('vip').notNull().default(false),
    city: text('city'),
    territory: text('territory'),
    requiredSkill: text('required_skill'),
    outletCode: text('outlet_code'),
    assigneeId: text('assignee_id'),
    /** `customer`: self-service. */
    source: text('source').notNull().$type<WorkOrderState['source']>(),
    createdBy: text('created_by').notNull(),
    channelCode: text('channel_code').notNull(),
    appointmentAt: timestamp('appointment_at', { withTimezone: true }),
    result: jsonb('result').$type<NonNullable<WorkOrderState['result']>>(),
    commitments: jsonb('commitments').$type<Commitment[]>(),
    /** REQ: WO-6 — when a response (dispatch) and a resolution (completion) are due, and when they came. */
    responseDueAt: timestamp('response_due_at', { withTimezone: true }),
    resolutionDueAt: timestamp('resolution_due_at', { withTimezone: true }),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    responseBreached: boolean('response_breached').notNull().default(false),
    resolutionBreached: boolean('resolution_breached').notNull().default(false),
    /** The last timeline event written: a late retry of an older write changes nothing. */
    lastEventSeq: integer('last_event_seq').notNull().default(-1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    index('work_orders_status_idx').on(t.status, t.createdAt),
    index('work_orders_outlet_idx').on(t.outletCode, t.status),
    index('work_orders_assignee_idx').on(t.assigneeId, t.status),
    index('work_orders_priority_idx').on(t.priority, t.createdAt),
  ],
);

/** REQ: WO-1…WO-6 — a work order's timeline; `seq` comes from the workflow so a retried write is a no-op. */
export const workOrderEvents = pgTable(
  'work_order_events',
  {
    workOrderId: text('work_order_id')
      .notNull()
      .references(() => workOrders.id),
    seq: integer('seq').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    fromStatus: text('from_status').$type<WorkOrderStatus>(),
    toStatus: text('to_status').notNull().$type<WorkOrderStatus>(),
    details: jsonb('details')
      .$type<Record<string, unknown>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
  },
  (t) => [primaryKey({ columns: [t.workOrderId, t.seq] })],
);
