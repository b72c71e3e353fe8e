/** Whom a work order goes to (REQ: WO-4, GC-1): staff, dispatch rules, round-robin turns, response teams. */
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import type { DispatchRuleKind } from '../../domain/dispatch-rules';
import { createdAt, updatedAt } from './columns';
import { operators, outlets } from './access';

/** REQ: WO-4 — service staff: the outlet they work from and their skills. */
export const staffProfiles = pgTable('staff_profiles', {
  operatorId: text('operator_id')
    .primaryKey()
    .references(() => operators.id),
  outletCode: text('outlet_code')
    .notNull()
    .references(() => outlets.code),
  skills: text('skills')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  active: boolean('active').notNull().default(true),
});

/**
 * REQ: WO-4 — dispatch rules as data, tried in `position` order; the first enabled rule that matches a work
 * order picks its assignee. `rr_cursor` is the round-robin position of a `roundRobin` rule.
 */
export const dispatchRules = pgTable(
  'dispatch_rules',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    position: integer('position').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    kind: text('kind').notNull().$type<DispatchRuleKind>(),
    /** What a work order must have for the rule to apply: { territory?, category?, skill?, priority?, outletCode? }. */
    match: jsonb('match').notNull(),
    /** Whom the rule may pick from: { outletCode?, staffIds? }. */
    target: jsonb('target').notNull(),
    rrCursor: integer('rr_cursor').notNull().default(0),
    updatedBy: text('updated_by').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('dispatch_rules_position_idx').on(t.position)],
);

/**
 * REQ: WO-4 — the round-robin turn each dispatch took, by the activity that took it: a retried attempt finds its
 * turn here instead of taking a second one, so the rotation skips nobody.
 */
export const roundRobinTurns = pgTable('round_robin_turns', {
  /** `<workflow ID>:<activity ID>` — the same for every attempt of one dispatch. */
  turnKey: text('turn_key').primaryKey(),
  ruleId: text('rule_id').notNull(),
  turn: integer('turn').notNull(),
  createdAt: createdAt(),
});

/** REQ: GC-1 — the response team (客响) of each city: green-channel work orders go to its outlet. */
export const responseTeams = pgTable('response_teams', {
  city: text('city').primaryKey(),
  outletCode: text('outlet_code')
    .notNull()
    .references(() => outlets.code),
});

/** REQ: GC-1 — the home city of each number segment (号段归属地). */
export const segmentCities = pgTable('segment_cities', {
  segment: text('segment').primaryKey(),
  city: text('city').notNull(),
});
