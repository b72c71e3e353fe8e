/** Numbers and SIM cards, number groups and segments, selection fees and hand-made state changes (REQ: RES-1…RES-5). */
import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { NumberStatus, SimStatus } from '../../domain/numbers';
import type { NumberKind, ResourceType } from '../../domain/resources';
import { createdAt, updatedAt } from './columns';

/** REQ: RES-3, RES-5 — the number pool. A pre-emption past `preempted_until` is free by rule (OPEN-2). */
export const numbers = pgTable(
  'numbers',
  {
    msisdn: text('msisdn').primaryKey(),
    segment: text('segment').notNull(),
    status: text('status').notNull().$type<NumberStatus>().default('unused'),
    selectionFeeFen: integer('selection_fee_fen').notNull().default(0),
    preemptedBy: text('preempted_by'),
    preemptedUntil: timestamp('preempted_until', { withTimezone: true }),
    /** A recycled number may be sold again from this time on (cool-down, REQ: PC-5). */
    availableFrom: timestamp('available_from', { withTimezone: true }),
    /** REQ: RES-1 — mobile · smsPort (短信批发端口号) · access (特殊接入号). */
    kind: text('kind').notNull().$type<NumberKind>().default('mobile'),
    /** REQ: RES-2 — the organisation unit holding it; null = central stock, not issued into the tree. */
    holderCode: text('holder_code'),
    /** REQ: RES-3 — a reservation (预定) for a named customer, until `reservedUntil`. */
    reservedFor: text('reserved_for'),
    reservedUntil: timestamp('reserved_until', { withTimezone: true }),
    /** REQ: RES-1 — the stock-in batch and who stocked it in (null for seeded stock). */
    batchId: text('batch_id'),
    stockedBy: text('stocked_by'),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('numbers_status_idx').on(t.status, t.msisdn),
    index('numbers_preempted_by_idx').on(t.preemptedBy),
    index('numbers_holder_idx').on(t.holderCode, t.status),
    index('numbers_segment_idx').on(t.segment, t.status),
  ],
);

/** REQ: RES-3, RES-5 — SIM stock; number ↔ SIM ↔ IMSI one to one once in use. */
export const simCards = pgTable(
  'sim_cards',
  {
    iccid: text('iccid').primaryKey(),
    imsi: text('imsi').notNull().unique(),
    status: text('status').notNull().$type<SimStatus>().default('available'),
    msisdn: text('msisdn').unique(),
    preemptedBy: text('preempted_by'),
    preemptedUntil: timestamp('preempted_until', { withTimezone: true }),
    /** REQ: RES-2 — the organisation unit holding it; null = central stock, not issued into the tree. */
    holderCode: text('holder_code'),
    /** Storage in KB (8K, 32K …), as the batch file states it. */
    capacityKb: integer('capacity_kb'),
    batchId: text('batch_id'),
    stockedBy: text('stocked_by'),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('sim_cards_status_idx').on(t.status, t.iccid),
    index('sim_cards_preempted_by_idx').on(t.preemptedBy),
    index('sim_cards_holder_idx').on(t.holderCode, t.status),
  ],
);

/** REQ: RES-5 — number groups (号群): a group holds segments (号段, the 10,000 numbers of a 7-digit prefix). */
export const numberGroups = pgTable('number_groups', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  note: text('note'),
  createdAt: createdAt(),
});

/** REQ: RES-5 — known segments and the group each belongs to; a stock-in registers a new segment. */
export const numberSegments = pgTable('number_segments', {
  prefix: text('prefix').primaryKey(),
  groupCode: text('group_code').references(() => numberGroups.code),
  createdAt: createdAt(),
});

/** REQ: RES-4 — selection-fee rules (选号费规则) by pattern, as data; the highest priority that matches wins. */
export const selectionFeeRules = pgTable('selection_fee_rules', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** A regular expression over the 11 digits, e.g. `(\d)\1{3}$` for a quad tail. */
  pattern: text('pattern').notNull(),
  feeFen: integer('fee_fen').notNull(),
  priority: integer('priority').notNull(),
  active: boolean('active').notNull().default(true),
  updatedBy: text('updated_by').notNull(),
  updatedAt: updatedAt(),
});

/** REQ: RES-4 — every change of a number's selection fee: before, after, who and why. */
export const selectionFeeChanges = pgTable(
  'selection_fee_changes',
  {
    id: text('id')
      .primaryKey()
      .default(sql`gen_random_uuid()::text`),
    msisdn: text('msisdn').notNull(),
    beforeFen: integer('before_fen').notNull(),
    afterFen: integer('after_fen').notNull(),
    reason: text('reason').notNull(),
    changedBy: text('changed_by').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('selection_fee_changes_msisdn_idx').on(t.msisdn, t.changedAt)],
);

/** REQ: RES-3 — every state change made by hand (状态释放), with who and why. */
export const resourceStateChanges = pgTable(
  'resource_state_changes',
  {
    id: text('id')
      .primaryKey()
      .default(sql`gen_random_uuid()::text`),
    resourceType: text('resource_type').notNull().$type<ResourceType>(),
    item: text('item').notNull(),
    fromState: text('from_state').notNull(),
    toState: text('to_state').notNull(),
    reason: text('reason').notNull(),
    changedBy: text('changed_by').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('resource_state_changes_item_idx').on(t.item, t.changedAt)],
);
