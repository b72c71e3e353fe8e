import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgSchema,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * The simulated outside systems' own state, in a PostgreSQL schema of their own (`simulators`), migrated
 * apart from the application's tables (simulators/migrations, `migrateSimulators`). No application code
 * reads these tables: the workers reach the systems over HTTP, as they would reach the real ones.
 */
export const simulators = pgSchema('simulators');

/** Each system's behaviour (latency, failure rate, delays, rates), from configuration and the control routes. */
export const behaviour = simulators.table('behaviour', {
  system: text('system').primaryKey(),
  settings: jsonb('settings').$type<Record<string, number>>().notNull(),
  updatedAt: timestamptz('updated_at').notNull().defaultNow(),
});

/** References (`HLR-1`, `BANK-1`, `CLR-IN-1`, `BBOSS-00000001`, `SMS-1`) are numbered per system. */
export const hlrRefs = simulators.sequence('hlr_refs');
export const bankRefs = simulators.sequence('bank_refs');
export const smsRefs = simulators.sequence('sms_refs');
export const clearingRefs = simulators.sequence('clearing_refs');
export const bbossRefs = simulators.sequence('bboss_refs');

export const hlrSubscribers = simulators.table('hlr_subscribers', {
  msisdn: text('msisdn').primaryKey(),
  imsi: text('imsi').notNull(),
  services: jsonb('services').$type<string[]>().notNull(),
  hlrRef: text('hlr_ref').notNull(),
  barred: boolean('barred').notNull().default(false),
  /** The provision that switched it on; null for a line provisioned before the HLR saw it. */
  provisionedBy: text('provisioned_by'),
});

/** The `requestId`s of the subscriber updates applied. */
export const hlrUpdates = simulators.table('hlr_updates', {
  requestId: text('request_id').primaryKey(),
  appliedAt: timestamptz('applied_at').notNull().defaultNow(),
});

/** The accounts the bank vouches for (a card's holder; a corporate account's certificates and seal card). */
export const bankAccounts = simulators.table('bank_accounts', {
  accountNo: text('account_no').primaryKey(),
  account: jsonb('account').notNull(),
});

/** Accounts whose charges the bank declines. */
export const bankDeclined = simulators.table('bank_declined', {
  accountNo: text('account_no').primaryKey(),
});

export const bankCharges = simulators.table('bank_charges', {
  seq: bigserial('seq', { mode: 'number' }).notNull(),
  idempotencyKey: text('idempotency_key').primaryKey(),
  amountFen: integer('amount_fen').notNull(),
  account: text('account').notNull(),
  bankRef: text('bank_ref').notNull(),
});

export const bankRefunds = simulators.table('bank_refunds', {
  seq: bigserial('seq', { mode: 'number' }).notNull(),
  idempotencyKey: text('idempotency_key').primaryKey(),
  chargeRef: text('charge_ref').notNull(),
  amountFen: integer('amount_fen').notNull(),
});

/** What the SMS gateway delivered, one message per event key: the phones' inboxes. */
export const smsMessages = simulators.table(
  'sms_messages',
  {
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    eventKey: text('event_key').primaryKey(),
    msisdn: text('msisdn').notNull(),
    text: text('text').notNull(),
    gatewayRef: text('gateway_ref').notNull(),
    at: timestamptz('at').notNull(),
  },
  (t) => [index('sms_messages_msisdn').on(t.msisdn, t.seq)],
);

/** Port-ins the recipient (we) submitted. The authorization code is kept only as its hex SHA-256. */
export const clearingPortIns = simulators.table('clearing_port_ins', {
  seq: bigserial('seq', { mode: 'number' }).notNull(),
  clearingRef: text('clearing_ref').primaryKey(),
  requestId: text('request_id').notNull().unique(),
  msisdn: text('msisdn').notNull(),
  orderId: text('order_id').notNull(),
  authorizationCodeSha256: text('authorization_code_sha256').notNull(),
  /** The donor's decision (a `portInAnswered` callback), made once and re-sent unchanged. */
  answer: jsonb('answer').notNull(),
  cancelled: boolean('cancelled').notNull().default(false),
});

/** Port-outs other operators asked for (the authorization code they quoted is not kept). */
export const clearingPortOutRequests = simulators.table('clearing_port_out_requests', {
  seq: bigserial('seq', { mode: 'number' }).notNull(),
  clearingRef: text('clearing_ref').primaryKey(),
  msisdn: text('msisdn').notNull(),
  recipientOperator: text('recipient_operator').notNull(),
});

/** Our answers to port-out requests, by `requestId`. */
export const clearingPortOutAnswers = simulators.table('clearing_port_out_answers', {
  seq: bigserial('seq', { mode: 'number' }).notNull(),
  requestId: text('request_id').primaryKey(),
  clearingRef: text('clearing_ref').notNull(),
  accept: boolean('accept').notNull(),
  reasonCode: text('reason_code'),
});

/** Port-ins withdrawn by their recipient, by `requestId`. */
export const clearingCancellations = simulators.table('clearing_cancellations', {
  seq: bigserial('seq', { mode: 'number' }).notNull(),
  requestId: text('request_id').primaryKey(),
  clearingRef: text('clearing_ref').notNull(),
});

/** Group product orders BBOSS accepted, each decided once. */
export const bbossOrders = simulators.table('bboss_orders', {
  seq: bigserial('seq', { mode: 'number' }).notNull(),
  bbossRef: text('bboss_ref').primaryKey(),
  requestId: text('request_id').notNull().unique(),
  submission: jsonb('submission').notNull(),
  decidesAt: timestamptz('decides_at').notNull(),
  /** The `orderAnswered` callback. */
  answer: jsonb('answer').notNull(),
  delivered: boolean('delivered').notNull().default(false),
});

/** Member results by request and member: a repeated request gets the same answers. */
export const bbossMemberResults = simulators.table(
  'bboss_member_results',
  {
    requestId: text('request_id').notNull(),
    msisdn: text('msisdn').notNull(),
    result: jsonb('result').notNull(),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.msisdn] })],
);

/** Every member change BBOSS applied, in order. */
export const bbossMemberChanges = simulators.table('bboss_member_changes', {
  seq: bigserial('seq', { mode: 'number' }).primaryKey(),
  groupCode: text('group_code').notNull(),
  productCode: text('product_code').notNull(),
  change: jsonb('change').notNull(),
});

export const telephonyCalls = simulators.table('telephony_calls', {
  callId: text('call_id').primaryKey(),
  callerMsisdn: text('caller_msisdn').notNull(),
  agent: text('agent').notNull(),
  ended: boolean('ended').notNull().default(false),
  startedAt: timestamptz('started_at').notNull(),
});

/**
 * Callbacks to POST to the API: `pending` until due, then `sending` (claimed by one process), then `sent` or
 * `lost` (decided lost up front, or the POST failed). `cancelledWith`: a port-in whose cancellation drops it.
 */
export const outbox = simulators.table(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    target: text('target').$type<'mnp' | 'bboss' | 'telephony'>().notNull(),
    body: text('body').notNull(),
    dueAt: timestamptz('due_at').notNull(),
    state: text('state').$type<'pending' | 'sending' | 'sent' | 'lost' | 'dropped'>().notNull(),
    clearingRef: text('clearing_ref'),
    bbossRef: text('bboss_ref'),
    outcome: text('outcome'),
    /** Sendings tried so far: a callback the API could not take (down, 5xx) is tried again later. */
    attempts: integer('attempts').notNull().default(0),
    /** When a process took it to send; one taken long ago by a process that died is taken again. */
    claimedAt: timestamptz('claimed_at'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('outbox_due')
      .on(t.dueAt)
      .where(sql`state = 'pending'`),
  ],
);
