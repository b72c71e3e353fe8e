import type { BusinessCalendar } from './business-calendar';
import type { SwitchOverWindow } from './number-portability-schedule';
import type { WorkOrderPriority } from './work-orders';

/**
 * The business settings a workflow is started with (built from the API process's environment by
 * `workflowSettingsFor` in `temporal.config.ts`), carried in its input so a running workflow keeps the settings
 * it began with. Each business gets only the parts it reads (`SettingsOf`), under the same property paths as
 * before: a workflow started when every input carried every business's settings (`WorkflowSettings`, a superset)
 * still reads its own where it always did.
 */

/** How long one step (activity) may take and how often it is tried; every workflow with steps reads these. */
export interface StepSettings {
  stepTimeoutSeconds: number;
  stepMaxAttempts: number;
}

/** REQ: PC-5 — the grace and the visit period of a pre-cancellation. */
export interface PreCancellationSettings {
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
}

/** REQ: MNP-5 — when a number switches over: a slot of the daily window on a working day of `calendar`. */
export interface SwitchOverSettings {
  calendar: BusinessCalendar;
  switchWindow: SwitchOverWindow;
  /** When set, the switch-over is this many seconds after the donor accepts (demos and tests). */
  switchOverDelaySeconds: number | null;
}

/** REQ: MNP-3, MNP-5 — port-in (携号转网, we are the recipient). */
export interface PortInSettings extends SwitchOverSettings {
  /** Porting fee, in fen. */
  feeFen: number;
  /** How long to wait for the donor's answer before re-submitting. */
  answerTimeoutSeconds: number;
  /** Re-submissions before the order fails `DonorNoAnswer`. */
  maxResubmits: number;
  /** The deadline shown on the order: this many working days on `calendar`. */
  deadlineWorkingDays: number;
}

/** REQ: MNP-1, MNP-5 — port-out (携号转网, we are the donor); its switch-over is timed as a port-in's. */
export interface PortOutSettings {
  /** How long an issued authorization code is valid, hours. */
  authCodeValidityHours: number;
  /** Wrong codes quoted before the code is void and the order ends `codeLocked`. */
  authCodeMaxAttempts: number;
}

/** REQ: GRP-1…GRP-9 — group product orders: BBOSS's answer and the tariff approval. */
export interface GroupSettings {
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
}

/** REQ: GRP-6 — member batches. */
export interface MemberBatchSettings {
  chunkSize: number;
  chunksPerRun: number;
}

/** REQ: WO-6 — work-order service levels. */
export interface WorkOrderSettings {
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
}

/**
 * What each business's workflow is started with: the step settings, and the rules of that business alone. A
 * port-out also times its switch-over as a port-in does, so it carries those parts of `portIn` (MNP-5).
 */
export interface SettingsByBusiness {
  openAccount: StepSettings;
  serviceChange: StepSettings;
  preCancellation: StepSettings & { preCancellation: PreCancellationSettings };
  portIn: StepSettings & { portIn: PortInSettings };
  portOut: StepSettings & { portOut: PortOutSettings; portIn: SwitchOverSettings };
  groupProduct: StepSettings & { group: GroupSettings };
  /** A member order reads no group rule: BBOSS's answer comes back within its step. */
  groupMember: StepSettings;
  memberBatch: StepSettings & { memberBatch: MemberBatchSettings };
  workOrder: StepSettings & { workOrder: WorkOrderSettings };
}

/** A business that starts workflows with settings. */
export type SettingsBusiness = keyof SettingsByBusiness;

/** The settings a workflow of `B` is started with. */
export type SettingsOf<B extends SettingsBusiness> = SettingsByBusiness[B];

/** Each business's settings on demand, for a starter that starts several businesses' workflows. */
export type WorkflowSettingsSource = <B extends SettingsBusiness>(business: B) => SettingsOf<B>;

/**
 * Every business's settings in one object: what each workflow input carried before inputs carried only their
 * business's (a superset of every `SettingsOf`, so those runs still type-check and replay).
 */
export interface WorkflowSettings extends StepSettings {
  preCancellation: PreCancellationSettings;
  portIn: PortInSettings;
  portOut: PortOutSettings;
  group: GroupSettings;
  memberBatch: MemberBatchSettings;
  workOrder: WorkOrderSettings;
}
