import { z } from 'zod';
import { workOrderPriorities, type WorkOrderPriority } from './domain/work-orders';
import type { WorkflowSettings } from './domain/workflow-settings';

/**
 * Every setting of the system, parsed once from the environment. Durations and amounts that the business
 * source leaves open live here with a documented default (see README "Configuration").
 */
const boolFromEnv = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .optional();

/** Whole hours `from-to` of business time, `from` ≤ `to` ≤ `maxTo` (e.g. 9-20). */
const hourRange = (fallback: string, maxTo: number) =>
  z
    .string()
    .default(fallback)
    .transform((v, ctx) => {
      const m = /^(\d{1,2})-(\d{1,2})$/.exec(v.trim());
      const fromHour = Number(m?.[1]);
      const toHour = Number(m?.[2]);
      if (!m || fromHour > 23 || toHour > maxTo || fromHour > toHour) {
        ctx.addIssue({
          code: 'custom',
          message: `must be whole hours from-to, 0-${maxTo}, e.g. ${fallback}`,
        });
        return z.NEVER;
      }
      return { fromHour, toHour };
    });

/** Comma-separated YYYY-MM-DD business dates. */
const dateList = z
  .string()
  .default('')
  .transform((v) =>
    v
      .split(',')
      .map((d) => d.trim())
      .filter((d) => d !== ''),
  )
  .pipe(z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be comma-separated YYYY-MM-DD dates')));

/** REQ: WO-6 — `P1:30/240,P2:…`: response/resolution minutes per priority (fractions allowed, for tests). */
const slaTargets = z
  .string()
  .default('P1:30/240,P2:120/960,P3:240/1920,P4:480/4800')
  .transform((v, ctx) => {
    const targets: Partial<
      Record<WorkOrderPriority, { responseMinutes: number; resolutionMinutes: number }>
    > = {};
    for (const part of v.split(',')) {
      const m = /^\s*(P[1-4]):(\d+(?:\.\d+)?)\/(\d+(?:\.\d+)?)\s*$/.exec(part);
      if (!m) {
        ctx.addIssue({
          code: 'custom',
          message: `"${part}" must look like P1:30/240 (minutes response/resolution)`,
        });
        return z.NEVER;
      }
      targets[m[1] as WorkOrderPriority] = { responseMinutes: Number(m[2]), resolutionMinutes: Number(m[3]) };
    }
    const missing = workOrderPriorities.filter((p) => !targets[p]);
    if (missing.length > 0) {
      ctx.addIssue({ code: 'custom', message: `targets for ${missing.join(', ')} are missing` });
      return z.NEVER;
    }
    return targets as Record<WorkOrderPriority, { responseMinutes: number; resolutionMinutes: number }>;
  });

export const configSchema = z.object({
  /** Temporal frontend; unset means "start a local dev server". */
  TEMPORAL_ADDRESS: z.string().min(1).optional(),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('orders'),
  /** Temporal Cloud API key (sent with TLS). */
  TEMPORAL_API_KEY: z.string().min(1).optional(),
  /** mTLS client certificate and key (paths to PEM files). */
  TEMPORAL_TLS_CERT_PATH: z.string().min(1).optional(),
  TEMPORAL_TLS_KEY_PATH: z.string().min(1).optional(),
  TEMPORAL_TLS: boolFromEnv,
  /** Port of the local dev server started when TEMPORAL_ADDRESS is unset. */
  TEMPORAL_DEV_PORT: z.coerce.number().int().positive().default(7233),
  TEMPORAL_UI_PORT: z.coerce.number().int().positive().default(8233),
  /**
   * Longest the API waits for one Temporal call (start, signal, update, query) before it answers
   * `503 ServiceUnavailable`, milliseconds: a clerk retries with the same idempotency key instead of waiting on
   * the SDK's own long retries.
   */
  TEMPORAL_RPC_DEADLINE_MS: z.coerce.number().int().positive().default(10_000),

  /** PostgreSQL; unset means "start an embedded PostgreSQL under DATA_DIR". */
  DATABASE_URL: z.string().min(1).optional(),
  EMBEDDED_PG_PORT: z.coerce.number().int().positive().default(54329),
  DATA_DIR: z.string().min(1).default('.data'),
  /** How long the API waits for a PostgreSQL connection before it answers `503 ServiceUnavailable`, seconds. */
  DATABASE_CONNECT_TIMEOUT_SECONDS: z.coerce.number().int().positive().default(5),
  /** `Retry-After` of a `503 ServiceUnavailable` (Temporal or PostgreSQL unreachable), seconds. */
  SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS: z.coerce.number().int().positive().default(5),

  API_HOST: z.string().min(1).default('127.0.0.1'),
  API_PORT: z.coerce.number().int().nonnegative().default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Bearer tokens live this long after login. */
  SESSION_TTL_MINUTES: z.coerce.number().int().positive().default(720),
  /** Failed sign-ins in a row after which an operator is locked out. */
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  /** How long a locked-out operator may not sign in, minutes. */
  LOGIN_LOCKOUT_MINUTES: z.coerce.number().positive().default(15),
  /** Sign-in attempts per minute from one IP address for one operator ID. */
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(10),
  /** Requests per minute under `/api/v1` per bearer token (per IP address without one). */
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(600),
  /** REQ: Q-1 — wrong service passwords in a row after which a line's password checks are refused. */
  SERVICE_PASSWORD_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  /** REQ: Q-1 — how long a line's password checks stay refused, minutes. */
  SERVICE_PASSWORD_LOCK_MINUTES: z.coerce.number().positive().default(30),

  /** REQ: OPEN-2 — how long a pre-empted number and SIM stay held for one order. */
  PREEMPTION_TTL_SECONDS: z.coerce.number().int().positive().default(1800),
  /** REQ: OPEN-4 — international-roaming deposit, in fen (分). */
  ROAMING_DEPOSIT_FEN: z.coerce.number().int().nonnegative().default(50_000),
  /** Start-to-close timeout of one business step (activity), seconds. */
  STEP_TIMEOUT_SECONDS: z.coerce.number().int().positive().default(30),
  /** Attempts of a failing step before the order is compensated and fails. */
  STEP_MAX_ATTEMPTS: z.coerce.number().int().positive().default(5),

  /** REQ: PC-5 — grace between pre-cancellation and formal cancellation, in calendar months. */
  PRE_CANCEL_GRACE_MONTHS: z.coerce.number().int().min(0).max(24).default(3),
  /** Replaces the grace in months by this many seconds (demos and tests only). */
  PRE_CANCEL_GRACE_SECONDS: z.coerce.number().int().positive().optional(),
  /**
   * REQ: PC-5 — days after the grace within which the customer comes in person to cancel formally; then the
   * system cancels the line. The source names no period: 30 days is one billing cycle, time enough to get the
   * reminder and come, while the barred number is not held out of the recycle pool much longer.
   */
  PRE_CANCEL_VISIT_DAYS: z.coerce.number().int().positive().max(365).default(30),
  /** Replaces the visit period in days by this many seconds (demos and tests only). */
  PRE_CANCEL_VISIT_SECONDS: z.coerce.number().int().positive().optional(),
  /** Offset of business time from UTC, in hours (China Standard Time: 8, no daylight saving). */
  BUSINESS_UTC_OFFSET_HOURS: z.coerce.number().min(-12).max(14).default(8),
  /** REQ: PC-4 — average monthly bill over which an extra deposit is due, in fen. */
  PRE_CANCEL_BILL_THRESHOLD_FEN: z.coerce.number().int().nonnegative().default(20_000),
  /** REQ: PC-4 — the extra deposit taken at pre-cancellation, in fen. */
  PRE_CANCEL_EXTRA_DEPOSIT_FEN: z.coerce.number().int().nonnegative().default(50_000),
  /** REQ: PC-5 — days a recycled number rests before it can be sold again. */
  RECYCLE_COOLDOWN_DAYS: z.coerce.number().min(0).default(90),
  /** REQ: RES-3 — the longest a number may be reserved (预定) for a customer, days from now. */
  RESERVATION_MAX_DAYS: z.coerce.number().positive().default(7),
  /** REQ: CHG-1 — fees of a number change and of a SIM swap / replacement, in fen. */
  CHANGE_NUMBER_FEE_FEN: z.coerce.number().int().nonnegative().default(2_000),
  SIM_SWAP_FEE_FEN: z.coerce.number().int().nonnegative().default(2_000),

  /**
   * REQ: MNP-1 — days a number must have been in network before it may port out (携号转网). The source guide
   * says 90; the national rule is 120.
   */
  MNP_MIN_TENURE_DAYS: z.coerce.number().int().min(0).default(90),
  /**
   * REQ: MNP-5 — shared secret of the clearing system's callbacks (`x-clearing-signature`, HMAC-SHA256 of
   * the raw body). The default only suits the embedded demo; production must set its own.
   */
  MNP_CALLBACK_SECRET: z.string().min(1).default('dev-clearing-secret'),

  /**
   * REQ: Q-2 — shared secret of the call-centre telephony side's call events (`x-telephony-signature`,
   * HMAC-SHA256 of the raw body). The default only suits the embedded demo; production must set its own.
   */
  TELEPHONY_CALLBACK_SECRET: z.string().min(1).default('dev-telephony-secret'),
  /**
   * REQ: Q-2 — a hotline call whose end the telephony side never reported stops identifying the own line
   * this many minutes after it started (the source names no limit).
   */
  TELEPHONY_CALL_MAX_MINUTES: z.coerce.number().positive().default(240),

  /**
   * Key that seals secrets an order must pass on to an outside system (a port-in's authorization code) while
   * they are parked in PostgreSQL; any string, stretched to an AES-256 key. The default only suits the
   * embedded demo; production must set its own.
   */
  SECRETS_KEY: z.string().min(16, 'must be at least 16 characters').default('dev-secrets-key-change-me'),

  /**
   * REQ: MNP-3 — fee of a port-in (携号转网), in fen. The source says the porting fee is paid at the counter
   * but names no amount; the national rule (MIIT) makes porting free, hence 0. Set it when the tariff has one.
   */
  MNP_PORT_IN_FEE_FEN: z.coerce.number().int().nonnegative().default(0),
  /** REQ: MNP-5 — how long a port-in waits for the donor's answer before re-submitting it, seconds. */
  MNP_ANSWER_TIMEOUT_SECONDS: z.coerce.number().int().positive().default(3600),
  /** REQ: MNP-5 — re-submissions of an unanswered port-in before the order fails `DonorNoAnswer`. */
  MNP_MAX_RESUBMITS: z.coerce.number().int().min(0).default(3),
  /** REQ: MNP-3 — working days within which a porting is normally completed (shown as the deadline). */
  MNP_DEADLINE_WORKING_DAYS: z.coerce.number().int().positive().default(3),
  /** REQ: MNP-3 — public holidays of the business calendar: comma-separated YYYY-MM-DD business dates. */
  MNP_HOLIDAYS: dateList,
  /** REQ: MNP-5 — daily switch-over window in business time, whole hours `from-to` inclusive (e.g. 9-20). */
  MNP_SWITCH_WINDOW: hourRange('9-20', 23),
  /** Replaces the switch-over time by this many seconds after the donor accepts (demos and tests only). */
  MNP_SWITCH_OVER_DELAY_SECONDS: z.coerce.number().int().nonnegative().optional(),
  /** REQ: MNP-5 — hours a port-out authorization code stays valid (fractions allowed, for tests). */
  MNP_AUTH_CODE_VALIDITY_HOURS: z.coerce.number().positive().default(24),
  /**
   * REQ: MNP-5 — wrong port-out authorization codes a recipient may quote before the code is void: every later
   * request is refused, the port-out order ends `cancelled` (outcome `codeLocked`) and the holder is told by
   * SMS to ask for a new code. The source names no limit; 5 is the usual bank-card and SIM PIN allowance.
   */
  MNP_AUTH_CODE_MAX_ATTEMPTS: z.coerce.number().int().positive().max(100).default(5),

  /** Simulated clearing system (携号转网集中管理平台): delay of the donor's answer, reject and loss rates. */
  CLEARING_ANSWER_DELAY_MS: z.coerce.number().int().nonnegative().default(2_000),
  CLEARING_REJECT_RATE: z.coerce.number().min(0).max(1).default(0),
  CLEARING_LOSS_RATE: z.coerce.number().min(0).max(1).default(0),

  /**
   * REQ: GRP-4 — shared secret of BBOSS's callbacks (`x-bboss-signature`, HMAC-SHA256 of the raw body). The
   * default only suits the embedded demo; production must set its own.
   */
  BBOSS_CALLBACK_SECRET: z.string().min(1).default('dev-bboss-secret'),
  /**
   * REQ: GRP-4 — how long a group order waits for BBOSS's answer before it first asks BBOSS where the order
   * stands, seconds. The order never gives up while BBOSS is processing it (or cannot be reached).
   */
  BBOSS_ANSWER_TIMEOUT_SECONDS: z.coerce.number().int().positive().default(2_700),
  /**
   * REQ: GRP-4 — while BBOSS says it is still processing, the order keeps waiting and asks again at twice the
   * previous interval, never less often than this, seconds.
   */
  BBOSS_MAX_ASK_INTERVAL_SECONDS: z.coerce.number().int().positive().default(21_600),
  /** REQ: GRP-4 — a group order still without BBOSS's answer after this long is overdue: staff are alerted. */
  BBOSS_OVERDUE_HOURS: z.coerce.number().positive().default(4),
  /** REQ: GRP-4 — the role told about an overdue group order (at the outlet that took it, if any). */
  BBOSS_OVERDUE_ROLE: z.string().min(1).default('dutyManager'),
  /** REQ: GRP-4 — re-submissions to a BBOSS that does not know the order before the order ends unknown. */
  BBOSS_MAX_RESUBMITS: z.coerce.number().int().min(0).default(3),
  /** REQ: GRP-3 — how long a tariff approval may wait for an approver before the order fails, hours. */
  GROUP_APPROVAL_TIMEOUT_HOURS: z.coerce.number().positive().default(72),
  /** REQ: GRP-6 — rows of a member batch handled in one step (one database transaction, one BBOSS call). */
  MEMBER_BATCH_CHUNK_SIZE: z.coerce.number().int().min(1).max(2_000).default(200),
  /** Chunks one run of the batch workflow handles before it continues as new (keeps its history short). */
  MEMBER_BATCH_CHUNKS_PER_RUN: z.coerce.number().int().min(1).max(500).default(20),
  /** REQ: GRP-6 — most rows one uploaded member batch may have. */
  MEMBER_BATCH_MAX_ROWS: z.coerce.number().int().min(1).default(50_000),
  /** REQ: RES-1 — rows of a stock-in file handled in one step (one database transaction). */
  STOCK_IN_CHUNK_ROWS: z.coerce.number().int().min(1).max(20_000).default(2_000),
  /** Chunks one run of the stock-in workflow handles before it continues as new (keeps its history short). */
  STOCK_IN_CHUNKS_PER_RUN: z.coerce.number().int().min(1).max(500).default(20),

  /**
   * Simulated BBOSS: how long it takes to decide a group order (about 30 minutes in the source), the extra
   * time when the tariff needs approval, and its reject and loss rates; latency of each call; how often it
   * refuses one member.
   */
  BBOSS_ANSWER_DELAY_MS: z.coerce.number().int().nonnegative().default(1_800_000),
  BBOSS_APPROVAL_EXTRA_DELAY_MS: z.coerce.number().int().nonnegative().default(3_600_000),
  BBOSS_REJECT_RATE: z.coerce.number().min(0).max(1).default(0),
  BBOSS_LOSS_RATE: z.coerce.number().min(0).max(1).default(0),
  BBOSS_LATENCY_MS: z.coerce.number().int().nonnegative().default(50),
  BBOSS_MEMBER_REJECT_RATE: z.coerce.number().min(0).max(1).default(0),

  /** REQ: WO-6 — response (to dispatch) and resolution (to completion) targets per priority, in minutes. */
  WO_SLA: slaTargets,
  /** REQ: WO-6 — `business`: targets count working hours on the business calendar; `continuous`: 24×7. */
  WO_SLA_CLOCK: z.enum(['business', 'continuous']).default('business'),
  /** REQ: WO-6 — working hours of the business calendar, whole hours `from-to` (end exclusive, up to 24). */
  WO_WORKING_HOURS: hourRange('9-18', 24),
  /** REQ: WO-6 — public holidays of the work-order calendar (YYYY-MM-DD, comma-separated). */
  WO_HOLIDAYS: dateList,
  /** REQ: WO-6 — weekend days worked (调休上班), YYYY-MM-DD, comma-separated. */
  WO_EXTRA_WORKING_DAYS: dateList,
  /** REQ: WO-6 — a response breach re-dispatches the work order by rule. */
  WO_REDISPATCH_ON_BREACH: boolFromEnv.default(true),
  /** REQ: WO-6 — the role at the outlet told about a breach. */
  WO_ESCALATION_ROLE: z.string().min(1).default('dutyManager'),

  /** Simulated HLR/HSS: latency (ms) and failure rate (0..1) of each provisioning call. */
  HLR_LATENCY_MS: z.coerce.number().int().nonnegative().default(200),
  HLR_FAILURE_RATE: z.coerce.number().min(0).max(1).default(0),
  /** Simulated SMS gateway: latency of a send and the rate of transient failures. */
  SMS_LATENCY_MS: z.coerce.number().int().nonnegative().default(50),
  SMS_FAILURE_RATE: z.coerce.number().min(0).max(1).default(0),
  /** Simulated call-centre telephony side: latency of posting a call event. */
  TELEPHONY_LATENCY_MS: z.coerce.number().int().nonnegative().default(50),
  /** Simulated bank / payment gateway. */
  BANK_LATENCY_MS: z.coerce.number().int().nonnegative().default(100),
  BANK_FAILURE_RATE: z.coerce.number().min(0).max(1).default(0),

  /**
   * Workflows a worker keeps in memory between tasks (about 1.5 MB each). Long waits, such as 2,000
   * pre-cancellations in grace, otherwise hold gigabytes; an evicted workflow is replayed when it wakes.
   */
  WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int().positive().default(500),

  /** Seed demo data (operators, channels, numbers, SIMs, products) at start. */
  SEED_DEMO_DATA: boolFromEnv,
});

export type AppConfig = z.infer<typeof configSchema>;

/** Parses the environment; a bad value stops the process with the variable's name and the rule. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  return parsed.data;
}

/** Per-order settings the workflow needs; workflows cannot read the environment themselves. */
export function workflowSettings(config: AppConfig): WorkflowSettings {
  return {
    stepTimeoutSeconds: config.STEP_TIMEOUT_SECONDS,
    stepMaxAttempts: config.STEP_MAX_ATTEMPTS,
    preCancellation: {
      graceMonths: config.PRE_CANCEL_GRACE_MONTHS,
      graceSeconds: config.PRE_CANCEL_GRACE_SECONDS ?? null,
      visitDays: config.PRE_CANCEL_VISIT_DAYS,
      visitSeconds: config.PRE_CANCEL_VISIT_SECONDS ?? null,
      utcOffsetHours: config.BUSINESS_UTC_OFFSET_HOURS,
    },
    portIn: {
      feeFen: config.MNP_PORT_IN_FEE_FEN,
      answerTimeoutSeconds: config.MNP_ANSWER_TIMEOUT_SECONDS,
      maxResubmits: config.MNP_MAX_RESUBMITS,
      deadlineWorkingDays: config.MNP_DEADLINE_WORKING_DAYS,
      calendar: { utcOffsetHours: config.BUSINESS_UTC_OFFSET_HOURS, holidays: config.MNP_HOLIDAYS },
      switchWindow: config.MNP_SWITCH_WINDOW,
      switchOverDelaySeconds: config.MNP_SWITCH_OVER_DELAY_SECONDS ?? null,
    },
    portOut: {
      authCodeValidityHours: config.MNP_AUTH_CODE_VALIDITY_HOURS,
      authCodeMaxAttempts: config.MNP_AUTH_CODE_MAX_ATTEMPTS,
    },
    group: {
      bbossAnswerTimeoutSeconds: config.BBOSS_ANSWER_TIMEOUT_SECONDS,
      bbossMaxAskIntervalSeconds: config.BBOSS_MAX_ASK_INTERVAL_SECONDS,
      bbossOverdueHours: config.BBOSS_OVERDUE_HOURS,
      bbossMaxResubmits: config.BBOSS_MAX_RESUBMITS,
      approvalTimeoutHours: config.GROUP_APPROVAL_TIMEOUT_HOURS,
      utcOffsetHours: config.BUSINESS_UTC_OFFSET_HOURS,
    },
    memberBatch: {
      chunkSize: config.MEMBER_BATCH_CHUNK_SIZE,
      chunksPerRun: config.MEMBER_BATCH_CHUNKS_PER_RUN,
    },
    workOrder: {
      sla: config.WO_SLA,
      clock: config.WO_SLA_CLOCK,
      calendar: {
        utcOffsetHours: config.BUSINESS_UTC_OFFSET_HOURS,
        holidays: config.WO_HOLIDAYS,
        extraWorkingDays: config.WO_EXTRA_WORKING_DAYS,
      },
      workingHours: config.WO_WORKING_HOURS,
      redispatchOnBreach: config.WO_REDISPATCH_ON_BREACH,
      escalationRole: config.WO_ESCALATION_ROLE,
    },
  };
}
