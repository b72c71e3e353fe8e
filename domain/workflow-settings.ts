import type { BusinessCalendar } from './business-calendar';
import type { SwitchOverWindow } from './number-portability-schedule';
import type { WorkOrderPriority } from './work-orders';

/**
 * The business settings every workflow is started with (parsed from the environment in `temporal.config.ts`),
 * carried in the workflow input so a running workflow keeps the settings it began with.
 */
export interface WorkflowSettings {
  stepTimeoutSeconds: number;
  stepMaxAttempts: number;
  preCancellation: {
    /** REQ: PC-5 — calendar months of grace. */
    graceMonths: number;
    /** When set, the grace lasts this many seconds instead (demos and tests). */
    graceSeconds: number | null;
    /** REQ: PC-5 — days after the grace for the customer's visit, before the system cancels the line. */
    visitDays: number;
    /** When set, the visit period lasts this many seconds instead (demos and tests). */
    visitSeconds: number | null;
    /** Business time zone as an offset from UTC, for computing the date the grace ends. */
    utcOffsetHours: number;
  };
  /** REQ: MNP-3, MNP-5 — port-in (携号转网, we are the recipient). */
  portIn: {
    /** Porting fee, in fen. */
    feeFen: number;
    /** How long to wait for the donor's answer before re-submitting. */
    answerTimeoutSeconds: number;
    /** Re-submissions before the order fails `DonorNoAnswer`. */
    maxResubmits: number;
    /** The deadline shown on the order: this many working days on `calendar`. */
    deadlineWorkingDays: number;
    calendar: BusinessCalendar;
    switchWindow: SwitchOverWindow;
    /** When set, the switch-over is this many seconds after the donor accepts (demos and tests). */
    switchOverDelaySeconds: number | null;
  };
  /** REQ: MNP-1, MNP-5 — port-out (携号转网, we are the donor); switch-over as `portIn`. */
  portOut: {
    /** How long an issued authorization code is valid, hours. */
    authCodeValidityHours: number;
    /** Wrong codes quoted before the code is void and the order ends `codeLocked`. */
    authCodeMaxAttempts: number;
  };
  /** REQ: GRP-1…GRP-9 — group product and member orders. */
  group: {
    /** How long to wait for BBOSS's answer before first asking where the order stands (GRP-4). */
    bbossAnswerTimeoutSeconds: number;
    /**
     * Only in runs started before orders kept waiting for BBOSS: the asks after which such a run, still on the
     * code it began with, fails `BbossNoAnswer`.
     */
    bbossMaxQueries?: number;
    /** Cap of the growing interval between asks while BBOSS is still processing (absent in older runs). */
    bbossMaxAskIntervalSeconds?: number;
    /** After this long without an answer staff are alerted that the order is overdue (absent in older runs). */
    bbossOverdueHours?: number;
    /** Re-submissions to a BBOSS that does not know the order (absent in older runs). */
    bbossMaxResubmits?: number;
    /** How long a tariff approval may wait for an approver. */
    approvalTimeoutHours: number;
    /** Business time zone, for the start of the next billing cycle (GRP-2). */
    utcOffsetHours: number;
  };
  /** REQ: GRP-6 — member batches. */
  memberBatch: {
    chunkSize: number;
    chunksPerRun: number;
  };
  /** REQ: WO-6 — work-order service levels. */
  workOrder: {
    sla: Record<WorkOrderPriority, { responseMinutes: number; resolutionMinutes: number }>;
    /** `business`: targets count working hours on `calendar`; `continuous`: 24×7. */
    clock: 'business' | 'continuous';
    calendar: BusinessCalendar;
    /** Working hours of a working day, business time; `toHour` exclusive. */
    workingHours: { fromHour: number; toHour: number };
    /** A response breach re-dispatches by rule. */
    redispatchOnBreach: boolean;
    /** The role at the outlet told about a breach. */
    escalationRole: string;
  };
}
