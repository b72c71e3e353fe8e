/** Who may work where: channels, outlets, operators and their sign-in sessions (REQ: CH-1…CH-4). */
import { sql } from 'drizzle-orm';
import { boolean, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import type { ChannelType, Role } from '../../domain/access';
import { createdAt } from './columns';

/** REQ: CH-1 — channel interfaces, one unique interface code each. */
export const channels = pgTable('channels', {
  code: text('code').primaryKey(),
  type: text('type').notNull().$type<ChannelType>(),
  name: text('name').notNull(),
  location: text('location').notNull(),
  /** What this outlet is designated for, e.g. `preCancellation` (REQ: PC-1). */
  capabilities: text('capabilities')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  active: boolean('active').notNull().default(true),
  /** REQ: CH-4 — daily window in business time, `HH:MM-HH:MM`; null = any time. */
  businessHours: text('business_hours'),
  createdAt: createdAt(),
});

/** REQ: WO-3 — service outlets (网点) that work orders are assigned to, with their city and territory. */
export const outlets = pgTable('outlets', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  city: text('city').notNull(),
  /** The area the outlet serves, matched by territory dispatch rules (REQ: WO-4). */
  territory: text('territory').notNull(),
  active: boolean('active').notNull().default(true),
});

export const operators = pgTable('operators', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  roles: text('roles').array().notNull().$type<Role[]>(),
  active: boolean('active').notNull().default(true),
  /** Failed sign-ins in a row; reset by a successful one. */
  failedLogins: integer('failed_logins').notNull().default(0),
  /** Locked out of signing in until then, after too many failed attempts. */
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  /** REQ: CH-4 — daily window in business time, `HH:MM-HH:MM`; null = any time. */
  businessHours: text('business_hours'),
  createdAt: createdAt(),
});

/** Which channels an operator may work through (REQ: CH-2). */
export const operatorChannels = pgTable(
  'operator_channels',
  {
    operatorId: text('operator_id')
      .notNull()
      .references(() => operators.id),
    channelCode: text('channel_code')
      .notNull()
      .references(() => channels.code),
  },
  (t) => [primaryKey({ columns: [t.operatorId, t.channelCode] })],
);

/**
 * REQ: CH-2 — the outlets (网点) an operator may work at. Signing in at an outlet not listed is refused
 * (403 OutletNotAllowed); an operator without any works at no particular outlet.
 */
export const operatorOutlets = pgTable(
  'operator_outlets',
  {
    operatorId: text('operator_id')
      .notNull()
      .references(() => operators.id),
    outletCode: text('outlet_code')
      .notNull()
      .references(() => outlets.code),
  },
  (t) => [primaryKey({ columns: [t.operatorId, t.outletCode] })],
);

/** Bearer sessions; only a hash of the token is kept. */
export const sessions = pgTable('sessions', {
  tokenHash: text('token_hash').primaryKey(),
  operatorId: text('operator_id')
    .notNull()
    .references(() => operators.id),
  channelCode: text('channel_code')
    .notNull()
    .references(() => channels.code),
  /** The outlet the operator signed in at, if any (one of its operator_outlets). */
  outletCode: text('outlet_code'),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  /** Set at logout: the token no longer works. */
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  createdAt: createdAt(),
});
