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

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/** REQ: CH-1 — channel interfaces, one unique interface code each. */
export const channels = pgTable('channels', {
  code: text('code').primaryKey(),
  type: text('type').notNull(),
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

export const operators = pgTable('operators', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  roles: text('roles').array().notNull(),
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

export const products = pgTable('products', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  simFeeFen: integer('sim_fee_fen').notNull(),
  depositFen: integer('deposit_fen').notNull(),
  monthlyFeeFen: integer('monthly_fee_fen').notNull(),
  active: boolean('active').notNull().default(true),
});

/** REQ: RES-3, RES-5 — the number pool. A pre-emption past `preempted_until` is free by rule (OPEN-2). */
export const numbers = pgTable(
  'numbers',
  {
    msisdn: text('msisdn').primaryKey(),
    segment: text('segment').notNull(),
    status: text('status').notNull().default('unused'),
    selectionFeeFen: integer('selection_fee_fen').notNull().default(0),
    preemptedBy: text('preempted_by'),
    preemptedUntil: timestamp('preempted_until', { withTimezone: true }),
    /** A recycled number may be sold again from this time on (cool-down, REQ: PC-5). */
    availableFrom: timestamp('available_from', { withTimezone: true }),
    /** REQ: RES-1 — mobile · smsPort (短信批发端口号) · access (特殊接入号). */
    kind: text('kind').notNull().default('mobile'),
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
    status: text('status').notNull().default('available'),
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

/**
 * REQ: RES-2 — the organisation tree resources flow through: city (市公司) → area (营业区) → outlet (营业点) →
 * clerk (营业员). A clerk unit is one operator.
 */
export const orgUnits = pgTable(
  'org_units',
  {
    code: text('code').primaryKey(),
    kind: text('kind').notNull(),
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

/** REQ: RES-1 — one uploaded stock-in file; its ID is the hash of the content, so a re-upload is the same batch. */
export const stockBatches = pgTable('stock_batches', {
  id: text('id').primaryKey(),
  /** numbers · sims */
  resourceType: text('resource_type').notNull(),
  fileName: text('file_name'),
  /** loading · running · completed · failed */
  status: text('status').notNull(),
  /** The unit stocked into (null = central stock). */
  holderCode: text('holder_code'),
  totalRows: integer('total_rows').notNull().default(0),
  processedRows: integer('processed_rows').notNull().default(0),
  acceptedRows: integer('accepted_rows').notNull().default(0),
  rejectedRows: integer('rejected_rows').notNull().default(0),
  createdBy: text('created_by').notNull(),
  createdAt: createdAt(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
});

/** REQ: RES-1 — each row of a stock-in file as uploaded, then its result and the reason when rejected. */
export const stockBatchRows = pgTable(
  'stock_batch_rows',
  {
    batchId: text('batch_id').notNull(),
    rowNo: integer('row_no').notNull(),
    raw: text('raw').notNull(),
    /** pending · accepted · rejected */
    result: text('result').notNull().default('pending'),
    reason: text('reason'),
  },
  (t) => [
    primaryKey({ columns: [t.batchId, t.rowNo] }),
    index('stock_batch_rows_result_idx').on(t.batchId, t.result, t.rowNo),
  ],
);

/** REQ: RES-2 — one issue (发放) or recycle (回收) step between two units of the tree, and who received it. */
export const resourceMovements = pgTable(
  'resource_movements',
  {
    id: text('id').primaryKey(),
    /** issue · recycle */
    direction: text('direction').notNull(),
    resourceType: text('resource_type').notNull(),
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
    resourceType: text('resource_type').notNull(),
    item: text('item').notNull(),
    fromState: text('from_state').notNull(),
    toState: text('to_state').notNull(),
    reason: text('reason').notNull(),
    changedBy: text('changed_by').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('resource_state_changes_item_idx').on(t.item, t.changedAt)],
);

/** REQ: RES-3 — the daily stock report: how many of each resource in each state, per unit. */
export const stockReports = pgTable(
  'stock_reports',
  {
    reportDate: text('report_date').notNull(),
    /** The holding unit's code, or `central`. */
    unitCode: text('unit_code').notNull(),
    resourceType: text('resource_type').notNull(),
    state: text('state').notNull(),
    count: integer('count').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.reportDate, t.unitCode, t.resourceType, t.state] })],
);

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

/** Charges and refunds; the row's key is the charge's idempotency key (REQ: OPEN-6 receipt per payment). */
export const payments = pgTable(
  'payments',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id').notNull(),
    method: text('method').notNull(),
    /** `in`: money taken from the customer; `out`: money paid back (refund of overpayment, fee refund). */
    direction: text('direction').notNull().default('in'),
    amountFen: integer('amount_fen').notNull(),
    status: text('status').notNull(),
    bankRef: text('bank_ref'),
    receiptNo: text('receipt_no').notNull().unique(),
    createdAt: createdAt(),
    refundedAt: timestamp('refunded_at', { withTimezone: true }),
  },
  (t) => [index('payments_order_idx').on(t.orderId)],
);

/** Read model of every order (REQ: ORD-1, ORD-2, ORD-4), written by the order's workflow. */
export const orders = pgTable(
  'orders',
  {
    id: text('id').primaryKey(),
    type: text('type').notNull(),
    status: text('status').notNull(),
    step: text('step'),
    channelCode: text('channel_code').notNull(),
    /** The outlet the order was submitted at, if any (REQ: ORD-6 — who may cancel it). */
    outletCode: text('outlet_code'),
    operatorId: text('operator_id').notNull(),
    requestHash: text('request_hash').notNull(),
    summary: jsonb('summary')
      .notNull()
      .default(sql`'{}'::jsonb`),
    failure: jsonb('failure'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('orders_status_idx').on(t.status, t.createdAt),
    index('orders_type_idx').on(t.type, t.createdAt),
    index('orders_channel_idx').on(t.channelCode, t.createdAt),
  ],
);

/**
 * REQ: ORD-3 — an order's idempotency key, scoped per channel: two stores may both use `order-0001`. Kept
 * here (not only as a workflow ID) so a replayed key finds its order after Temporal's retention is over.
 */
export const orderKeys = pgTable(
  'order_keys',
  {
    channelCode: text('channel_code').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    orderId: text('order_id').notNull().unique(),
    requestHash: text('request_hash').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.channelCode, t.idempotencyKey] })],
);

/**
 * Secrets that come with an order (a service password, an authorization code), parked before its workflow
 * starts so that only the row's ID travels in workflow inputs and histories. A password is kept as a bcrypt
 * hash; a code that must be passed on to an outside system is sealed (AES-256-GCM with the secrets key).
 */
export const parkedSecrets = pgTable(
  'parked_secrets',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id').notNull(),
    /** servicePassword · authorizationCode */
    kind: text('kind').notNull(),
    hash: text('hash'),
    sealed: text('sealed'),
    createdAt: createdAt(),
    /** Set when the order has used it; a used secret is no longer needed and may be wiped. */
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('parked_secrets_order_idx').on(t.orderId)],
);

/**
 * REQ: MNP-5 — the port-out authorization code of an order: only its hash, its expiry and the wrong
 * attempts; the code itself exists only in the SMS sent to the holder.
 */
export const portOutCodes = pgTable(
  'port_out_codes',
  {
    orderId: text('order_id').primaryKey(),
    msisdn: text('msisdn').notNull(),
    codeHash: text('code_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('port_out_codes_msisdn_idx').on(t.msisdn)],
);

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
    /** queued · sent · failed */
    status: text('status').notNull(),
    gatewayRef: text('gateway_ref'),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('sms_messages_msisdn_idx').on(t.msisdn, t.createdAt)],
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

/**
 * REQ: PC-5 — money left on a line cancelled without the customer: credit kept for a refund on request
 * (`refundDue`) or arrears handed to collection (`collection`); `settledAt` when paid out or collected.
 */
export const lineSettlements = pgTable(
  'line_settlements',
  {
    orderId: text('order_id').notNull(),
    msisdn: text('msisdn').notNull(),
    /** refundDue · collection */
    kind: text('kind').notNull(),
    amountFen: integer('amount_fen').notNull(),
    createdAt: createdAt(),
    settledAt: timestamp('settled_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.orderId, t.kind] }), index('line_settlements_msisdn_idx').on(t.msisdn)],
);

/** REQ: ORD-2 — an order's timeline; `seq` comes from the workflow so a retried write is a no-op. */
export const orderEvents = pgTable(
  'order_events',
  {
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id),
    seq: integer('seq').notNull(),
    status: text('status').notNull(),
    step: text('step'),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actor: text('actor').notNull(),
    reason: text('reason'),
  },
  (t) => [primaryKey({ columns: [t.orderId, t.seq] })],
);

/**
 * A live line: number, SIM, owner, product and state. Created when an account opening completes; changed
 * by service changes (REQ: CHG-1) and pre-cancellation (REQ: PC-1…6).
 */
export const subscribers = pgTable(
  'subscribers',
  {
    msisdn: text('msisdn').primaryKey(),
    customerId: text('customer_id').notNull(),
    iccid: text('iccid').notNull(),
    imsi: text('imsi').notNull(),
    productCode: text('product_code').notNull(),
    /** active · suspended · lossReported · preCancelled · cancelled */
    status: text('status').notNull().default('active'),
    internationalRoaming: boolean('international_roaming').notNull().default(false),
    /** Prepaid balance in fen; negative means arrears. */
    balanceFen: integer('balance_fen').notNull().default(0),
    features: text('features')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    discountCode: text('discount_code'),
    servicePasswordHash: text('service_password_hash'),
    /** REQ: Q-1 — wrong service passwords in a row; reset by a right one. */
    servicePasswordFailures: integer('service_password_failures').notNull().default(0),
    /** REQ: Q-1 — service-password checks refused until then, after too many wrong ones. */
    servicePasswordLockedUntil: timestamp('service_password_locked_until', { withTimezone: true }),
    /** The order that holds the line for a long-running change (e.g. a pre-cancellation in grace). */
    lockedBy: text('locked_by'),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
    /** REQ: MNP-1 — the owner's identity was verified (实名认证); a line that was not cannot port out. */
    realNameVerified: boolean('real_name_verified').notNull().default(true),
    /** REQ: MNP-1 — end of a contract term (合约期) the line is bound to; null when there is none. */
    contractEndsAt: timestamp('contract_ends_at', { withTimezone: true }),
    /** REQ: MNP-1 — other restrictions on the line, e.g. `location` (号码所在地限制). */
    restrictions: text('restrictions')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    updatedAt: updatedAt(),
  },
  (t) => [index('subscribers_customer_idx').on(t.customerId)],
);

/** Monthly bills of a line (REQ: PC-4 reads the last three). `period` is `YYYY-MM`. */
export const bills = pgTable(
  'bills',
  {
    msisdn: text('msisdn').notNull(),
    period: text('period').notNull(),
    amountFen: integer('amount_fen').notNull(),
    paidFen: integer('paid_fen').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.msisdn, t.period] })],
);

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
    /** opening · active · cancelling · cancelled */
    status: text('status').notNull(),
    contractId: text('contract_id').notNull(),
    payingAccountId: text('paying_account_id').notNull(),
    customerManagerId: text('customer_manager_id').notNull(),
    submitterId: text('submitter_id').notNull(),
    attributes: jsonb('attributes').notNull(),
    tariffCode: text('tariff_code').notNull(),
    tariffParams: jsonb('tariff_params').notNull(),
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
    attributes: jsonb('attributes').notNull(),
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
    /** add · change · delete */
    action: text('action').notNull(),
    subscriptionId: text('subscription_id').notNull(),
    attributes: jsonb('attributes'),
    actor: text('actor').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.source, t.msisdn, t.action] }),
    index('group_member_events_member_idx').on(t.subscriptionId, t.msisdn, t.at),
  ],
);

/** REQ: GRP-6 — a batch of members uploaded as CSV; its rows carry one result each. */
export const memberBatches = pgTable('member_batches', {
  id: text('id').primaryKey(),
  subscriptionId: text('subscription_id')
    .notNull()
    .references(() => groupSubscriptions.id),
  groupCode: text('group_code').notNull(),
  productCode: text('product_code').notNull(),
  /** running · completed · failed */
  status: text('status').notNull(),
  totalRows: integer('total_rows').notNull(),
  processedRows: integer('processed_rows').notNull().default(0),
  acceptedRows: integer('accepted_rows').notNull().default(0),
  rejectedRows: integer('rejected_rows').notNull().default(0),
  requestHash: text('request_hash').notNull(),
  operatorId: text('operator_id').notNull(),
  channelCode: text('channel_code').notNull(),
  failure: jsonb('failure'),
  createdAt: createdAt(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
});

/** One row of an uploaded batch and its result: pending until processed, then accepted or rejected. */
export const memberBatchRows = pgTable(
  'member_batch_rows',
  {
    batchId: text('batch_id')
      .notNull()
      .references(() => memberBatches.id),
    /** 1-based data row (the header is row 0). */
    rowNo: integer('row_no').notNull(),
    msisdn: text('msisdn').notNull(),
    attributes: jsonb('attributes').notNull(),
    /** pending · accepted · rejected */
    result: text('result').notNull().default('pending'),
    reasonCode: text('reason_code'),
    reason: text('reason'),
    processedAt: timestamp('processed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.batchId, t.rowNo] }),
    index('member_batch_rows_result_idx').on(t.batchId, t.result, t.rowNo),
  ],
);

/** REQ: WO-3 — service outlets (网点) that work orders are assigned to, with their city and territory. */
export const outlets = pgTable('outlets', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  city: text('city').notNull(),
  /** The area the outlet serves, matched by territory dispatch rules (REQ: WO-4). */
  territory: text('territory').notNull(),
  active: boolean('active').notNull().default(true),
});

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
    /** territory · skill · leastLoad · roundRobin */
    kind: text('kind').notNull(),
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

/** Read model of every work order (REQ: WO-1…WO-6, GC-1…GC-3), written by its workflow. */
export const workOrders = pgTable(
  'work_orders',
  {
    id: text('id').primaryKey(),
    /** standard · greenChannel */
    kind: text('kind').notNull(),
    category: text('category').notNull(),
    /** REQ: GC-2 — the green-channel type. */
    greenChannelType: text('green_channel_type'),
    priority: text('priority').notNull(),
    status: text('status').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    customer: jsonb('customer').notNull(),
    vip: boolean('vip').notNull().default(false),
    city: text('city'),
    territory: text('territory'),
    requiredSkill: text('required_skill'),
    outletCode: text('outlet_code'),
    assigneeId: text('assignee_id'),
    /** staff · customer (self-service) · greenChannel */
    source: text('source').notNull(),
    createdBy: text('created_by').notNull(),
    channelCode: text('channel_code').notNull(),
    appointmentAt: timestamp('appointment_at', { withTimezone: true }),
    result: jsonb('result'),
    commitments: jsonb('commitments'),
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
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    details: jsonb('details')
      .notNull()
      .default(sql`'{}'::jsonb`),
  },
  (t) => [primaryKey({ columns: [t.workOrderId, t.seq] })],
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

/**
 * Every state-changing request (who, channel, what, when, outcome, request ID) — append-only: a database
 * trigger refuses UPDATE and DELETE. Secrets and passwords never go in.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    /** Generated here: a client may send its own request ID, so that cannot be the key. */
    id: text('id')
      .primaryKey()
      .default(sql`gen_random_uuid()::text`),
    requestId: text('request_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    operatorId: text('operator_id'),
    channelCode: text('channel_code'),
    /** The outlet the operator signed in at, if any. */
    outletCode: text('outlet_code'),
    method: text('method').notNull(),
    /** The route pattern, e.g. `/api/v1/orders/:id/cancel`. */
    route: text('route').notNull(),
    /** What it acted on, e.g. an order or work order ID. */
    target: text('target'),
    statusCode: integer('status_code').notNull(),
    /** success · refused (4xx) · error (5xx) */
    outcome: text('outcome').notNull(),
    /** The error code when refused or failed. */
    errorCode: text('error_code'),
    details: jsonb('details')
      .notNull()
      .default(sql`'{}'::jsonb`),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_operator_idx').on(t.operatorId, t.at),
    index('audit_log_target_idx').on(t.target),
    index('audit_log_request_idx').on(t.requestId),
  ],
);

/** REQ: CUST-1 — customer categories (normal, VIP, blacklist, redlist …): added and changed, never deleted. */
export const customerCategories = pgTable('customer_categories', {
  code: text('code').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  note: text('note'),
  /** What the category means to the system: `vip` gets priority, `blacklist` refuses new business. */
  effect: text('effect').notNull().default('none'),
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

/** REQ: Q-3 — recharge cards (充值卡) by serial number. */
export const rechargeCards = pgTable('recharge_cards', {
  serial: text('serial').primaryKey(),
  faceValueFen: integer('face_value_fen').notNull(),
  /** unused · used · expired · frozen */
  status: text('status').notNull(),
  validUntil: timestamp('valid_until', { withTimezone: true }).notNull(),
  usedByMsisdn: text('used_by_msisdn'),
  usedAt: timestamp('used_at', { withTimezone: true }),
});
