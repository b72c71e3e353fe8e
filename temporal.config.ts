import { z } from 'zod';
import { workOrderPriorities, type WorkOrderPriority } from './domain/work-orders';
import type {
  GroupSettings,
  SettingsBusiness,
  SettingsOf,
  StepSettings,
  SwitchOverSettings,
  WorkflowSettingsSource,
} from './domain/workflow-settings';

/**
 * Every setting of the system, parsed once from the environment. Durations and amounts that the business
 * source leaves open live here with a documented default; each `.describe()` text is rendered into
 * docs/configuration.md (`npm run docs:config`).
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
  TEMPORAL_ADDRESS: z
    .string()
    .min(1)
    .optional()
    .describe('Temporal frontend `host:port`; unset starts a local dev server'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default').describe('Temporal namespace'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('orders').describe('task queue of the workers'),
  TEMPORAL_API_KEY: z.string().min(1).optional().describe('Temporal Cloud API key (implies TLS)'),
  TEMPORAL_TLS_CERT_PATH: z.string().min(1).optional().describe('mTLS client certificate (PEM file)'),
  TEMPORAL_TLS_KEY_PATH: z.string().min(1).optional().describe('mTLS client key (PEM file)'),
  TEMPORAL_TLS: boolFromEnv.describe('connect to Temporal over TLS'),
  TEMPORAL_DEV_PORT: z.coerce
    .number()
    .int()
    .positive()
    .default(7233)
    .describe('port of the local dev server started when `TEMPORAL_ADDRESS` is unset'),
  TEMPORAL_UI_PORT: z.coerce
    .number()
    .int()
    .positive()
    .default(8233)
    .describe("port of the local dev server's Web UI"),
  /**
   * Longest the API waits for one Temporal call (start, signal, update, query) before it answers
   * `503 ServiceUnavailable`, milliseconds: a clerk retries with the same idempotency key instead of waiting on
   * the SDK's own long retries.
   */
  TEMPORAL_RPC_DEADLINE_MS: z.coerce
    .number()
    .int()
    .positive()
    .default(10_000)
    .describe(
      "longest one Temporal call from the API waits, the SDK's retries included, before the API answers 503 (per call; an update — a cancel, an approval, a work-order command — waits for the workflow to do it instead, and a Temporal that is down fails it after the SDK's bounded retries)",
    ),

  DATABASE_URL: z
    .string()
    .min(1)
    .optional()
    .describe('`postgres://…` of a managed PostgreSQL; unset starts an embedded PostgreSQL under `DATA_DIR`'),
  EMBEDDED_PG_PORT: z.coerce
    .number()
    .int()
    .positive()
    .default(54329)
    .describe('port of the embedded PostgreSQL'),
  DATA_DIR: z.string().min(1).default('.data').describe('Temporal SQLite file and embedded PostgreSQL data'),
  DATABASE_CONNECT_TIMEOUT_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .default(5)
    .describe('longest wait for a new PostgreSQL connection before 503'),
  SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .default(5)
    .describe(
      "`Retry-After` of a 503; the API's Temporal connection also tries to reconnect at least this often",
    ),

  API_HOST: z.string().min(1).default('127.0.0.1').describe('address the API listens on'),
  API_PORT: z.coerce.number().int().nonnegative().default(3000).describe('port the API listens on'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info')
    .describe(
      "level of the JSON log lines of the API and the workers' Temporal runtime (`warn` under `npm start` unless set)",
    ),
  SESSION_TTL_MINUTES: z.coerce
    .number()
    .int()
    .positive()
    .default(720)
    .describe('bearer token lifetime, minutes'),
  LOGIN_MAX_FAILURES: z.coerce
    .number()
    .int()
    .positive()
    .default(5)
    .describe('wrong passwords in a row that lock an operator out'),
  LOGIN_LOCKOUT_MINUTES: z.coerce
    .number()
    .positive()
    .default(15)
    .describe('how long a locked-out operator may not sign in, minutes'),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce
    .number()
    .int()
    .positive()
    .default(10)
    .describe('sign-in attempts per minute per IP address and operator ID (then 429)'),
  API_RATE_LIMIT_PER_MINUTE: z.coerce
    .number()
    .int()
    .positive()
    .default(600)
    .describe(
      '`/api/v1` requests per minute per bearer token, per IP address without one (then 429); counted per API process',
    ),
  SERVICE_PASSWORD_MAX_FAILURES: z.coerce
    .number()
    .int()
    .positive()
    .default(5)
    .describe("wrong service passwords in a row after which a line's password checks are refused (Q-1)"),
  SERVICE_PASSWORD_LOCK_MINUTES: z.coerce
    .number()
    .positive()
    .default(30)
    .describe("how long a line's password checks stay refused, minutes (Q-1)"),

  PREEMPTION_TTL_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .default(1800)
    .describe("how long a pre-empted number and SIM stay held after the order's latest step (OPEN-2)"),
  ROAMING_DEPOSIT_FEN: z.coerce
    .number()
    .int()
    .nonnegative()
    .default(50_000)
    .describe('international-roaming deposit, fen (OPEN-4)'),
  STEP_TIMEOUT_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .default(30)
    .describe('start-to-close timeout of one business step, seconds'),
  STEP_MAX_ATTEMPTS: z.coerce
    .number()
    .int()
    .positive()
    .default(5)
    .describe('attempts of a failing step before the order compensates and fails'),

  PRE_CANCEL_GRACE_MONTHS: z.coerce
    .number()
    .int()
    .min(0)
    .max(24)
    .default(3)
    .describe('grace between pre-cancellation and formal cancellation, calendar months (PC-5)'),
  PRE_CANCEL_GRACE_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .describe('replaces the grace by this many seconds (demos, tests)'),
  /**
   * REQ: PC-5 — days after the grace within which the customer comes in person to cancel formally; then the
   * system cancels the line. The source names no period: 30 days is one billing cycle, time enough to get the
   * reminder and come, while the barred number is not held out of the recycle pool much longer.
   */
  PRE_CANCEL_VISIT_DAYS: z.coerce
    .number()
    .int()
    .positive()
    .max(365)
    .default(30)
    .describe(
      'days after the grace for the customer to come in person and cancel formally; then the system cancels the line (PC-5). The source names no period: one billing cycle is time enough to get the reminder and come, without holding the barred number out of the recycle pool much longer',
    ),
  PRE_CANCEL_VISIT_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .describe('replaces the visit period by this many seconds (demos, tests)'),
  BUSINESS_UTC_OFFSET_HOURS: z.coerce
    .number()
    .min(-12)
    .max(14)
    .default(8)
    .describe(
      "business time zone, hours from UTC (China Standard Time: 8, no daylight saving; the grace ends at 00:00 business time; channels' and operators' business hours are read in it, CH-4)",
    ),
  PRE_CANCEL_BILL_THRESHOLD_FEN: z.coerce
    .number()
    .int()
    .nonnegative()
    .default(20_000)
    .describe('3-month average bill over which an extra deposit is due, fen (PC-4)'),
  PRE_CANCEL_EXTRA_DEPOSIT_FEN: z.coerce
    .number()
    .int()
    .nonnegative()
    .default(50_000)
    .describe('the extra deposit, fen (PC-4)'),
  RECYCLE_COOLDOWN_DAYS: z.coerce
    .number()
    .min(0)
    .default(90)
    .describe('days a recycled number rests before it can be sold again (PC-5)'),
  RESERVATION_MAX_DAYS: z.coerce
    .number()
    .positive()
    .default(7)
    .describe('the longest a number may be reserved (预定) for a customer, days from now (RES-3)'),
  CHANGE_NUMBER_FEE_FEN: z.coerce
    .number()
    .int()
    .nonnegative()
    .default(2_000)
    .describe('fee of a number change, fen (CHG-1)'),
  SIM_SWAP_FEE_FEN: z.coerce
    .number()
    .int()
    .nonnegative()
    .default(2_000)
    .describe('fee of a SIM swap or replacement, fen (CHG-1)'),

  /**
   * REQ: MNP-1 — days a number must have been in network before it may port out (携号转网). The source guide
   * says 90; the national rule is 120.
   */
  MNP_MIN_TENURE_DAYS: z.coerce
    .number()
    .int()
    .min(0)
    .default(90)
    .describe('days in network before a number may port out (MNP-1; the national rule is 120)'),
  /**
   * REQ: MNP-5 — shared secret of the clearing system's callbacks (`x-clearing-signature`, HMAC-SHA256 of
   * the raw body). The default only suits the embedded demo; production must set its own.
   */
  MNP_CALLBACK_SECRET: z
    .string()
    .min(1)
    .default('dev-clearing-secret')
    .describe('shared secret signing clearing-system callbacks (MNP-5); **production must set it**'),

  /**
   * REQ: Q-2 — shared secret of the call-centre telephony side's call events (`x-telephony-signature`,
   * HMAC-SHA256 of the raw body). The default only suits the embedded demo; production must set its own.
   */
  TELEPHONY_CALLBACK_SECRET: z
    .string()
    .min(1)
    .default('dev-telephony-secret')
    .describe(
      "shared secret signing the call-centre telephony side's call events (Q-2); **production must set it**",
    ),
  /**
   * REQ: Q-2 — a hotline call whose end the telephony side never reported stops identifying the own line
   * this many minutes after it started (the source names no limit).
   */
  TELEPHONY_CALL_MAX_MINUTES: z.coerce
    .number()
    .positive()
    .default(240)
    .describe(
      'a hotline call whose end was never reported stops identifying the own line this long after it started, minutes (Q-2)',
    ),

  /**
   * Key that seals secrets an order must pass on to an outside system (a port-in's authorization code) while
   * they are parked in PostgreSQL; any string, stretched to an AES-256 key. The default only suits the
   * embedded demo; production must set its own.
   */
  SECRETS_KEY: z
    .string()
    .min(16, 'must be at least 16 characters')
    .default('dev-secrets-key-change-me')
    .describe(
      "at least 16 characters: keys the HMAC of order requests (ORD-3) and seals secrets parked for an order (`parked_secrets`); **production must set it** (changing it makes earlier keys' replays answer 409)",
    ),

  /**
   * REQ: MNP-3 — fee of a port-in (携号转网), in fen. The source says the porting fee is paid at the counter
   * but names no amount; the national rule (MIIT) makes porting free, hence 0. Set it when the tariff has one.
   */
  MNP_PORT_IN_FEE_FEN: z.coerce
    .number()
    .int()
    .nonnegative()
    .default(0)
    .describe('port-in fee, fen; the source names no amount and porting is free by national rule (MNP-3)'),
  MNP_ANSWER_TIMEOUT_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .default(3600)
    .describe("wait for the donor's answer before re-submitting the port-in, seconds (MNP-5)"),
  MNP_MAX_RESUBMITS: z.coerce
    .number()
    .int()
    .min(0)
    .default(3)
    .describe('re-submissions before the port-in fails `DonorNoAnswer` (MNP-5)'),
  MNP_DEADLINE_WORKING_DAYS: z.coerce
    .number()
    .int()
    .positive()
    .default(3)
    .describe("working days shown as the port-in's deadline (MNP-3)"),
  MNP_HOLIDAYS: dateList.describe('public holidays, comma-separated `YYYY-MM-DD` (business calendar, MNP-3)'),
  MNP_SWITCH_WINDOW: hourRange('9-20', 23).describe(
    'daily switch-over slots, whole hours `from-to` business time (MNP-5)',
  ),
  MNP_SWITCH_OVER_DELAY_SECONDS: z.coerce
    .number()
    .int()
    .nonnegative()
    .optional()
    .describe('replaces the switch-over time by this many seconds after acceptance (demos, tests)'),
  MNP_AUTH_CODE_VALIDITY_HOURS: z.coerce
    .number()
    .positive()
    .default(24)
    .describe('hours a port-out authorization code stays valid (fractions allowed)'),
  /**
   * REQ: MNP-5 — wrong port-out authorization codes a recipient may quote before the code is void: every later
   * request is refused, the port-out order ends `cancelled` (outcome `codeLocked`) and the holder is told by
   * SMS to ask for a new code. The source names no limit; 5 is the usual bank-card and SIM PIN allowance.
   */
  MNP_AUTH_CODE_MAX_ATTEMPTS: z.coerce
    .number()
    .int()
    .positive()
    .max(100)
    .default(5)
    .describe(
      'wrong port-out codes before the code is void: the order ends `cancelled` (`codeLocked`), the holder is texted to ask for a new one (MNP-5)',
    ),

  CLEARING_ANSWER_DELAY_MS: z.coerce
    .number()
    .int()
    .nonnegative()
    .default(2_000)
    .describe("simulated clearing system (携号转网集中管理平台): delay of the donor's answer, ms"),
  CLEARING_REJECT_RATE: z.coerce
    .number()
    .min(0)
    .max(1)
    .default(0)
    .describe('simulated clearing system: donor rejection rate (0..1)'),
  CLEARING_LOSS_RATE: z.coerce
    .number()
    .min(0)
    .max(1)
    .default(0)
    .describe('simulated clearing system: lost-answer rate (0..1)'),

  /**
   * REQ: GRP-4 — shared secret of BBOSS's callbacks (`x-bboss-signature`, HMAC-SHA256 of the raw body). The
   * default only suits the embedded demo; production must set its own.
   */
  BBOSS_CALLBACK_SECRET: z
    .string()
    .min(1)
    .default('dev-bboss-secret')
    .describe('shared secret signing BBOSS callbacks (GRP-4); **production must set it**'),
  /**
   * REQ: GRP-4 — how long a group order waits for BBOSS's answer before it first asks BBOSS where the order
   * stands, seconds. The order never gives up while BBOSS is processing it (or cannot be reached).
   */
  BBOSS_ANSWER_TIMEOUT_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .default(2_700)
    .describe("wait for BBOSS's answer before first asking BBOSS where the order stands, seconds (GRP-4)"),
  /**
   * REQ: GRP-4 — while BBOSS says it is still processing, the order keeps waiting and asks again at twice the
   * previous interval, never less often than this, seconds.
   */
  BBOSS_MAX_ASK_INTERVAL_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .default(21_600)
    .describe(
      'while BBOSS is still processing, asks come at twice the previous interval, at most this far apart, seconds (GRP-4)',
    ),
  BBOSS_OVERDUE_HOURS: z.coerce
    .number()
    .positive()
    .default(4)
    .describe(
      "without BBOSS's answer this long, the order is overdue: staff get one notice, the order keeps waiting (GRP-4)",
    ),
  BBOSS_OVERDUE_ROLE: z
    .string()
    .min(1)
    .default('dutyManager')
    .describe('the role told about an overdue group order, at the outlet that took it (GRP-4)'),
  BBOSS_MAX_RESUBMITS: z.coerce
    .number()
    .int()
    .min(0)
    .default(3)
    .describe(
      're-submissions to a BBOSS that does not know the order before it fails `BbossOrderUnknown` (GRP-4)',
    ),
  GROUP_APPROVAL_TIMEOUT_HOURS: z.coerce
    .number()
    .positive()
    .default(72)
    .describe('how long a tariff approval may wait before the order fails `ApprovalTimedOut`, hours (GRP-3)'),
  MEMBER_BATCH_CHUNK_SIZE: z.coerce
    .number()
    .int()
    .min(1)
    .max(2_000)
    .default(200)
    .describe('member batch rows per step (one transaction, one BBOSS request) (GRP-6)'),
  MEMBER_BATCH_CHUNKS_PER_RUN: z.coerce
    .number()
    .int()
    .min(1)
    .max(500)
    .default(20)
    .describe('chunks per batch workflow run before it continues as new'),
  MEMBER_BATCH_MAX_ROWS: z.coerce
    .number()
    .int()
    .min(1)
    .default(50_000)
    .describe('most rows of one member batch file (GRP-6)'),
  STOCK_IN_CHUNK_ROWS: z.coerce
    .number()
    .int()
    .min(1)
    .max(20_000)
    .default(10_000)
    .describe('stock-in rows per step (one database transaction) (RES-1)'),
  STOCK_IN_CHUNKS_PER_RUN: z.coerce
    .number()
    .int()
    .min(1)
    .max(500)
    .default(20)
    .describe('steps per run of the stock-in workflow before it continues as new'),

  /**
   * The tidy-up of expired pre-emptions, reservations and cool-downs (REQ: OPEN-2, RES-3): one long-lived
   * workflow `TidyPreemptions` (workers/schedules.ts) that tidies every interval and continues as new after so
   * many rounds. Read when a worker or `npm start` starts the loop; a loop already running keeps its settings.
   */
  TIDY_INTERVAL_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(3_600)
    .default(60)
    .describe('seconds between two rounds of the tidy-up of expired pre-emptions (OPEN-2, RES-3)'),
  TIDY_ROUNDS_PER_RUN: z.coerce
    .number()
    .int()
    .min(1)
    .max(300)
    .default(240)
    .describe('tidy-up rounds per run before it continues as new (~11 history events a round)'),

  /**
   * Simulated BBOSS: how long it takes to decide a group order (about 30 minutes in the source), the extra
   * time when the tariff needs approval, and its reject and loss rates; latency of each call; how often it
   * refuses one member.
   */
  BBOSS_ANSWER_DELAY_MS: z.coerce
    .number()
    .int()
    .nonnegative()
    .default(1_800_000)
    .describe('simulated BBOSS: time to decide a group order (~30 min), ms'),
  BBOSS_APPROVAL_EXTRA_DELAY_MS: z.coerce
    .number()
    .int()
    .nonnegative()
    .default(3_600_000)
    .describe('simulated BBOSS: extra time when the tariff needs approval, ms'),
  BBOSS_REJECT_RATE: z.coerce
    .number()
    .min(0)
    .max(1)
    .default(0)
    .describe('simulated BBOSS: order rejection rate (0..1)'),
  BBOSS_LOSS_RATE: z.coerce
    .number()
    .min(0)
    .max(1)
    .default(0)
    .describe('simulated BBOSS: lost callback rate (0..1)'),
  BBOSS_LATENCY_MS: z.coerce
    .number()
    .int()
    .nonnegative()
    .default(50)
    .describe('simulated BBOSS: latency of each call, ms'),
  BBOSS_MEMBER_REJECT_RATE: z.coerce
    .number()
    .min(0)
    .max(1)
    .default(0)
    .describe('simulated BBOSS: member refusal rate (0..1)'),

  WO_SLA: slaTargets.describe('response/resolution targets per priority, minutes (fractions allowed) (WO-6)'),
  WO_SLA_CLOCK: z
    .enum(['business', 'continuous'])
    .default('business')
    .describe('`business`: targets count working time; `continuous`: 24×7 (WO-6)'),
  WO_WORKING_HOURS: hourRange('9-18', 24).describe(
    'working hours of the business calendar, whole hours `from-to` (end exclusive) (WO-6)',
  ),
  WO_HOLIDAYS: dateList.describe('holidays of the work-order calendar, comma-separated `YYYY-MM-DD` (WO-6)'),
  WO_EXTRA_WORKING_DAYS: dateList.describe('worked weekend days (调休), comma-separated `YYYY-MM-DD` (WO-6)'),
  WO_REDISPATCH_ON_BREACH: boolFromEnv
    .default(true)
    .describe('a response breach dispatches the work order by rule (WO-6)'),
  WO_ESCALATION_ROLE: z
    .string()
    .min(1)
    .default('dutyManager')
    .describe('the role at the outlet told about a breach (WO-6)'),

  /**
   * The simulators process (simulators/, `npm run simulators`): the simulated outside systems as one HTTP
   * server on their own tables (schema `simulators`). Workers and the API's demo routes reach it at
   * SIMULATORS_URL; it posts the systems' callbacks to CALLBACK_API_URL. `npm start` hosts it in-process on
   * SIMULATORS_PORT unless SIMULATORS_URL is set.
   */
  SIMULATORS_URL: z
    .url()
    .optional()
    .describe('where workers reach the simulated outside systems, e.g. `http://127.0.0.1:3100`'),
  SIMULATORS_HOST: z
    .string()
    .min(1)
    .default('127.0.0.1')
    .describe('address the simulators process listens on'),
  SIMULATORS_PORT: z.coerce
    .number()
    .int()
    .nonnegative()
    .default(3100)
    .describe('port the simulators process listens on (0: a free one)'),
  CALLBACK_API_URL: z
    .url()
    .default('http://127.0.0.1:3000')
    .describe("the API's base URL, where the simulators post the outside systems' signed callbacks"),

  HLR_LATENCY_MS: z.coerce
    .number()
    .int()
    .nonnegative()
    .default(200)
    .describe('simulated HLR/HSS: latency of each provisioning call, ms'),
  HLR_FAILURE_RATE: z.coerce
    .number()
    .min(0)
    .max(1)
    .default(0)
    .describe('simulated HLR/HSS: transient failure rate (0..1)'),
  SMS_LATENCY_MS: z.coerce
    .number()
    .int()
    .nonnegative()
    .default(50)
    .describe('simulated SMS gateway: latency of a send, ms'),
  SMS_FAILURE_RATE: z.coerce
    .number()
    .min(0)
    .max(1)
    .default(0)
    .describe('simulated SMS gateway: transient failure rate (0..1)'),
  TELEPHONY_LATENCY_MS: z.coerce
    .number()
    .int()
    .nonnegative()
    .default(50)
    .describe('simulated telephony side: latency of posting a call event, ms'),
  BANK_LATENCY_MS: z.coerce
    .number()
    .int()
    .nonnegative()
    .default(100)
    .describe('simulated bank: latency of each call, ms'),
  BANK_FAILURE_RATE: z.coerce
    .number()
    .min(0)
    .max(1)
    .default(0)
    .describe('simulated bank: transient failure rate (0..1)'),

  /**
   * Workflows a worker keeps in memory between tasks (at most about 0.8 MB of worker memory each, measured with
   * 2,000 pre-cancellations waiting in grace: `npm run bench -- grace-timers`); an evicted workflow is replayed
   * when it wakes. docs/operations.md ("Worker sizing") explains the default.
   */
  WORKER_MAX_CACHED_WORKFLOWS: z.coerce
    .number()
    .int()
    .positive()
    .default(500)
    .describe('workflows a worker keeps in memory between tasks (≤ ~0.8 MB of worker memory each)'),
  /**
   * Activities one worker runs at once. They wait mostly on PostgreSQL and the outside systems, so more than the
   * cores is right; past about twice `DATABASE_POOL_MAX` they only queue for a connection inside the worker,
   * where another worker could have taken them.
   */
  WORKER_MAX_CONCURRENT_ACTIVITIES: z.coerce
    .number()
    .int()
    .positive()
    .default(20)
    .describe(
      'activities one worker runs at once (about twice DATABASE_POOL_MAX: they wait on the database)',
    ),
  /** Workflow tasks one worker runs at once: CPU work on the worker's one JavaScript thread. */
  WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: z.coerce
    .number()
    .int()
    .positive()
    .default(10)
    .describe("workflow tasks one worker runs at once (CPU on the worker's one JavaScript thread)"),
  DATABASE_POOL_MAX: z.coerce
    .number()
    .int()
    .positive()
    .default(10)
    .describe('PostgreSQL connections one process (API, worker) opens at most'),

  // Metrics (docs/operations.md, "Metrics and what to alert on").
  METRICS_CACHE_SECONDS: z.coerce
    .number()
    .nonnegative()
    .default(10)
    .describe(
      'API: how long the business metrics of `GET /metrics` (read from the database) are reused before they are counted again, seconds; scrapes in between answer the same counts, so many scrapers cannot load the database (0: count on every scrape)',
    ),
  WORKER_METRICS_HOST: z
    .string()
    .min(1)
    .default('127.0.0.1')
    .describe(
      "worker: address the Temporal SDK's Prometheus exporter listens on (`0.0.0.0` to be scraped from other machines)",
    ),
  WORKER_METRICS_PORT: z.coerce
    .number()
    .int()
    .min(0)
    .max(65535)
    .default(9464)
    .describe(
      "worker: port of the Temporal SDK's Prometheus exporter (`temporal_*` and the activities' `om_worker_*` metrics at `/metrics`); 0: no exporter. One per worker process, so two workers on one machine need two ports",
    ),

  WORKFLOW_BUNDLE_PATH: z
    .string()
    .min(1)
    .optional()
    .describe(
      'worker: a file with the workflows already bundled (`npm run cluster` bundles once for its workers); unset: the worker bundles them at start',
    ),
  SEED_DEMO_DATA: boolFromEnv.describe(
    'seed operators, channels, products, numbers, SIMs at start; unset means true when the database is embedded',
  ),
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

/** REQ: every workflow with steps — how long one step may take and how often it is tried. */
function stepSettings(config: AppConfig): StepSettings {
  return { stepTimeoutSeconds: config.STEP_TIMEOUT_SECONDS, stepMaxAttempts: config.STEP_MAX_ATTEMPTS };
}

/** REQ: MNP-3, MNP-5 — the port-in calendar and switch-over timing, which a port-out's switch-over uses too. */
function switchOverSettings(config: AppConfig): SwitchOverSettings {
  return {
    calendar: { utcOffsetHours: config.BUSINESS_UTC_OFFSET_HOURS, holidays: config.MNP_HOLIDAYS },
    switchWindow: config.MNP_SWITCH_WINDOW,
    switchOverDelaySeconds: config.MNP_SWITCH_OVER_DELAY_SECONDS ?? null,
  };
}

/** REQ: GRP-1…GRP-9 — the group rules a group product order reads. */
function groupSettings(config: AppConfig): GroupSettings {
  return {
    bbossAnswerTimeoutSeconds: config.BBOSS_ANSWER_TIMEOUT_SECONDS,
    bbossMaxAskIntervalSeconds: config.BBOSS_MAX_ASK_INTERVAL_SECONDS,
    bbossOverdueHours: config.BBOSS_OVERDUE_HOURS,
    bbossMaxResubmits: config.BBOSS_MAX_RESUBMITS,
    approvalTimeoutHours: config.GROUP_APPROVAL_TIMEOUT_HOURS,
    utcOffsetHours: config.BUSINESS_UTC_OFFSET_HOURS,
  };
}

/**
 * The one place that builds workflow settings: per business, from the configuration of the process that starts
 * the workflow (the API; docs/operations.md, "Which settings each workflow starts with"). Each business gets
 * the step settings and its own rules only, so no calendar travels in an input that does not use it.
 */
const settingsBuilders: { [B in SettingsBusiness]: (config: AppConfig) => SettingsOf<B> } = {
  openAccount: stepSettings,
  serviceChange: stepSettings,
  preCancellation: (config) => ({
    ...stepSettings(config),
    preCancellation: {
      graceMonths: config.PRE_CANCEL_GRACE_MONTHS,
      graceSeconds: config.PRE_CANCEL_GRACE_SECONDS ?? null,
      visitDays: config.PRE_CANCEL_VISIT_DAYS,
      visitSeconds: config.PRE_CANCEL_VISIT_SECONDS ?? null,
      utcOffsetHours: config.BUSINESS_UTC_OFFSET_HOURS,
    },
  }),
  portIn: (config) => ({
    ...stepSettings(config),
    portIn: {
      feeFen: config.MNP_PORT_IN_FEE_FEN,
      answerTimeoutSeconds: config.MNP_ANSWER_TIMEOUT_SECONDS,
      maxResubmits: config.MNP_MAX_RESUBMITS,
      deadlineWorkingDays: config.MNP_DEADLINE_WORKING_DAYS,
      ...switchOverSettings(config),
    },
  }),
  portOut: (config) => ({
    ...stepSettings(config),
    portOut: {
      authCodeValidityHours: config.MNP_AUTH_CODE_VALIDITY_HOURS,
      authCodeMaxAttempts: config.MNP_AUTH_CODE_MAX_ATTEMPTS,
    },
    portIn: switchOverSettings(config),
  }),
  groupProduct: (config) => ({ ...stepSettings(config), group: groupSettings(config) }),
  groupMember: stepSettings,
  memberBatch: (config) => ({
    ...stepSettings(config),
    memberBatch: {
      chunkSize: config.MEMBER_BATCH_CHUNK_SIZE,
      chunksPerRun: config.MEMBER_BATCH_CHUNKS_PER_RUN,
    },
  }),
  workOrder: (config) => ({
    ...stepSettings(config),
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
  }),
};

/** The settings a workflow of `business` starts with; workflows cannot read the environment themselves. */
export function workflowSettings<B extends SettingsBusiness>(config: AppConfig, business: B): SettingsOf<B> {
  return settingsBuilders[business](config);
}

/** Each business's settings from `config`, built when its workflow starts (a few small objects). */
export function workflowSettingsSource(config: AppConfig): WorkflowSettingsSource {
  return (business) => workflowSettings(config, business);
}
