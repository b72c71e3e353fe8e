/** What the hotline and counters look up about a line: usage, calls, recharge cards (REQ: ). */
import { index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';

/** REQ: Q-2 — monthly usage of a line (voice, data, SMS). `period` is `YYYY-MM`. */
export const usageSummaries = pgTable(
  'usage_summaries',
  {
    msisdn: text('msisdn').notNull(),
    period: text('period').notNull(),
    voiceMinutes: integer('voice_minutes').notNull().default(0),
    dataMb: integer('data_mb').notNull().default(0),
    sms: integer('sms').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.msisdn, t.period] })],
);

/**
 * REQ: Q-2 — calls to the hotline as the call-centre telephony side reported them (signed call-start
 * event): the number a call came from is what makes a line "own", never a number an agent types.
 */
export const callSessions = pgTable(
  'call_sessions',
  {
    callId: text('call_id').primaryKey(),
    callerMsisdn: text('caller_msisdn').notNull(),
    agentId: text('agent_id').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('call_sessions_agent_idx').on(t.agentId, t.startedAt)],
);

/** REQ: Q-3 — recharge cards (充值卡) by serial number. */
export const rechargeCards = pgTable('recharge_cards', {
  serial: text('serial').primaryKey(),
  faceValueFen: integer('face_value_fen').notNull(),
  status: text('status', { enum: ['unused', 'used', 'expired', 'frozen'] }).notNull(),
  validUntil: timestamp('valid_until', { withTimezone: true }).notNull(),
  usedByMsisdn: text('used_by_msisdn'),
  usedAt: timestamp('used_at', { withTimezone: true }),
});

/**
 * REQ: Q-3 — the tickets opened for "17" recharge-card serials, numbered per serial: a new one is opened when
 * the last is closed.
 */
export const rechargeCardTickets = pgTable(
  'recharge_card_tickets',
  {
    serial: text('serial').notNull(),
    seq: integer('seq').notNull(),
    workOrderId: text('work_order_id').notNull().unique(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.serial, t.seq] })],
);
