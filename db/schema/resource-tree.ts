/** The organisation tree resources flow through, the movements between its units and the daily stock report (REQ: RES-2). */
import { boolean, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import type { MovementDirection } from '../../domain/org-tree';
import type { OrgUnitKind, ResourceType } from '../../domain/resources';
import { createdAt } from './columns';
import { operators } from './access';

/**
 * REQ: RES-2 — the organisation tree resources flow through: city (市公司) → area (营业区) → outlet (营业点) →
 * clerk (营业员). A clerk unit is one operator.
 */
export const orgUnits = pgTable(
  'org_units',
  {
    code: text('code').primaryKey(),
    kind: text('kind').notNull().$type<OrgUnitKind>(),
    name: text('name').notNull(),
    parentCode: text('parent_code'),
    /** For a clerk: the operator. */
    operatorId: text('operator_id')
      .unique()
      .references(() => operators.id),
    active: boolean('active').notNull().default(true),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('org_units_parent_idx').on(t.parentCode)],
);

/** REQ: RES-2 — one issue (发放) or recycle (回收) step between two units of the tree, and who received it. */
export const resourceMovements = pgTable(
  'resource_movements',
  {
    id: text('id').primaryKey(),
    /** issue · recycle */
    direction: text('direction').notNull().$type<MovementDirection>(),
    resourceType: text('resource_type').notNull().$type<ResourceType>(),
    fromCode: text('from_code'),
    toCode: text('to_code'),
    /** The person who received the items (领用人 / 回退人). */
    receiver: text('receiver').notNull(),
    itemCount: integer('item_count').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('resource_movements_units_idx').on(t.fromCode, t.toCode, t.createdAt)],
);

/** REQ: RES-2 — every card or number a movement moved. */
export const resourceMovementItems = pgTable(
  'resource_movement_items',
  {
    movementId: text('movement_id').notNull(),
    item: text('item').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.movementId, t.item] }),
    index('resource_movement_items_item_idx').on(t.item),
  ],
);

/** REQ: RES-3 — the daily stock report: how many of each resource in each state, per unit. */
export const stockReports = pgTable(
  'stock_reports',
  {
    reportDate: text('report_date').notNull(),
    /** The holding unit's code, or `central`. */
    unitCode: text('unit_code').notNull(),
    resourceType: text('resource_type').notNull().$type<ResourceType>(),
    state: text('state').notNull(),
    count: integer('count').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.reportDate, t.unitCode, t.resourceType, t.state] })],
);
