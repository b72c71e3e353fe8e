import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { BusinessCalendar } from '../domain/business-calendar';
import type { PortInAnswered, PortOutRequestVerdict } from '../domain/mnp-callbacks';
import type { SwitchOverWindow } from '../domain/number-portability-schedule';
import type { OpenAccountRequest, Quote } from '../domain/open-account';
import type { PortInRequest } from '../domain/port-in';
import type { PortOutRequest } from '../domain/port-out';
import type { BbossOrderAnswered } from '../domain/bboss-callbacks';
import type { GroupMemberRequest, GroupProductRequest } from '../domain/groups';
import type { WorkOrderPriority } from '../domain/work-orders';
import type { FormalCancellationRequest, PreCancellationRequest } from '../domain/pre-cancellation';
import type { ServiceChangeRequest } from '../domain/service-changes';
import type { OrderFailure, OrderOrigin, OrderStatus, OrderType, TimelineEntry } from '../domain/orders';

/**
 * What clients (the API, tests, tools) may know about order workflows: inputs, the live state, and the
 * query and update names. Kept apart from workflow internals so importing it pulls in no workflow code.
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

export interface OrderInputBase {
  orderId: string;
  origin: OrderOrigin;
  /** Hash of the submitted body: a reused idempotency key with another body is refused (REQ: ORD-3). */
  requestHash: string;
  settings: WorkflowSettings;
}

export interface OrderInput<R> extends OrderInputBase {
  request: R;
}

/**
 * REQ: OPEN-6, Q-1 — what the open-account workflow gets: a service password given at the counter is parked
 * (hashed) before the workflow starts and only its reference travels (see `api/order-secrets.ts`).
 */
export type OpenAccountWorkflowRequest = Omit<OpenAccountRequest, 'servicePassword'> & {
  servicePasswordRef?: string;
};
type ChangeCustomerDataRequest = Extract<ServiceChangeRequest, { type: 'changeCustomerData' }>;
/** REQ: Q-1 — what the service-change workflow gets: a new service password only by its parked reference. */
export type ServiceChangeWorkflowRequest =
  | Exclude<ServiceChangeRequest, { type: 'changeCustomerData' }>
  | (Omit<ChangeCustomerDataRequest, 'servicePassword'> & { servicePasswordRef?: string });

export type OpenAccountInput = OrderInput<OpenAccountWorkflowRequest>;
export type PreCancellationInput = OrderInput<PreCancellationRequest>;
export type ServiceChangeInput = OrderInput<ServiceChangeWorkflowRequest>;
/**
 * REQ: MNP-5 — what the port-in workflow gets: the donor's authorization code is parked (sealed) before the
 * workflow starts and only its reference travels (see `api/order-secrets.ts`).
 */
export type PortInWorkflowRequest = Omit<PortInRequest, 'authorizationCode'> & {
  authorizationCodeRef: string;
};
export type PortInInput = OrderInput<PortInWorkflowRequest>;
export type PortOutInput = OrderInput<PortOutRequest>;
export type GroupProductOrderInput = OrderInput<GroupProductRequest>;
export type GroupMemberOrderInput = OrderInput<GroupMemberRequest>;
export type AnyOrderRequest =
  | OpenAccountRequest
  | PreCancellationRequest
  | ServiceChangeRequest
  | PortInRequest
  | PortOutRequest
  | GroupProductRequest
  | GroupMemberRequest;
/** What an order workflow gets: the submitted request with its secrets parked (see `api/order-secrets.ts`). */
export type AnyWorkflowRequest =
  | OpenAccountWorkflowRequest
  | PreCancellationRequest
  | ServiceChangeWorkflowRequest
  | PortInWorkflowRequest
  | PortOutRequest
  | GroupProductRequest
  | GroupMemberRequest;

export interface OpenAccountSummary {
  productCode: string;
  customerName: string;
  msisdn?: string;
  iccid?: string;
  quote?: Quote;
  receiptNo?: string;
  /** REQ: OPEN-6 — when no service password was given: advice to set one. */
  advice?: { zh: string; en: string };
}

/** What a pre-cancellation order shows (REQ: PC-1…PC-6). Amounts in fen. */
export interface PreCancellationSummary {
  msisdn: string;
  /** REQ: PC-1 */
  leavingReason: string;
  /** REQ: PC-2 — the offer made and whether the customer took it. */
  retention: { offer: string; accepted: boolean };
  /**
   * How it ended: kept by the retention offer, revoked in the grace, cancelled formally with the customer at
   * the counter, or cancelled by the system when nobody came within the visit period (PC-5).
   */
  outcome?: 'retained' | 'revoked' | 'cancelledInPerson' | 'cancelledWithoutVisit';
  /** REQ: PC-4 — taken at pre-cancellation. */
  settlement?: {
    arrearsFen: number;
    averageBillFen: number;
    extraDepositFen: number;
    totalFen: number;
    receiptNo?: string;
  };
  /** REQ: PC-5 — when the grace ends and service stays barred, waiting for the customer (ISO 8601). */
  graceEndsAt?: string;
  /** REQ: PC-5 — by when the customer must come in person; after it the system cancels the line (ISO 8601). */
  visitBy?: string;
  /** REQ: PC-5 — when the reminder SMS went out; absent when the gateway could not deliver it. */
  reminderSentAt?: string;
  /**
   * REQ: PC-5 — the final bill. At the visit: overpayment refunded (`refund`) or arrears paid (`arrears`)
   * with the method given at the counter, each with its receipt. Without a visit: credit kept for refund on
   * request (`refundDue`) or arrears handed to collection (`collection`), nothing paid or charged.
   */
  finalBill?: {
    kind: 'refund' | 'arrears' | 'refundDue' | 'collection' | 'none';
    amountFen: number;
    method?: string;
    receiptNo?: string;
  };
  /** REQ: PC-5 — the recycled number may be sold again from then on. */
  numberAvailableFrom?: string | null;
}

/** What a port-in order shows (REQ: MNP-3, MNP-5). Amounts in fen. */
export interface PortInSummary {
  msisdn: string;
  donorOperator: string;
  productCode: string;
  customerName: string;
  channel: 'store' | 'online';
  feeFen: number;
  receiptNo?: string;
  iccid?: string;
  /** The clearing system's reference of the port-in. */
  clearingRef?: string;
  /** Times the port-in was sent to the clearing system (1 + re-submissions). */
  submissions?: number;
  /** REQ: MNP-3 — by when the porting is normally done (ISO 8601). */
  deadline?: string;
  /** REQ: MNP-5 — when the number switches over to us (ISO 8601). */
  switchOverAt?: string;
  /** REQ: MNP-5 — the donor's answer. */
  donorAnswer?: { accepted: boolean; reasonCode?: string; reason?: string };
}

/** What a port-out order shows (REQ: MNP-1, MNP-5). Amounts in fen. */
export interface PortOutSummary {
  msisdn: string;
  /**
   * REQ: MNP-5, NOTIF-1 — when the authorization code was texted to the holder (ISO 8601). The code itself is
   * in that SMS only: never in the order, its read model or the workflow.
   */
  codeSentAt?: string;
  /** When the code stops being valid (ISO 8601). */
  codeExpiresAt?: string;
  /** Requests refused for a wrong, expired or void code. */
  refusedRequests?: number;
  /** The clearing system's reference of the accepted request. */
  clearingRef?: string;
  recipientOperator?: string;
  /** REQ: MNP-5 — when the number leaves our network (ISO 8601). */
  switchOverAt?: string;
  /** The final bill: a positive balance refunded; arrears stay outstanding, for collection. */
  finalBill?: { kind: 'refund' | 'arrears' | 'none'; amountFen: number; receiptNo?: string };
  /**
   * How it ended: the number left; the code expired with no valid request; or `MNP_AUTH_CODE_MAX_ATTEMPTS`
   * wrong codes made it void (the holder asks for a new one with a new port-out).
   */
  outcome?: 'portedOut' | 'codeExpired' | 'codeLocked';
}

export interface OrderState {
  id: string;
  type: OrderType;
  status: OrderStatus;
  step: string | null;
  origin: OrderOrigin;
  summary: Record<string, unknown>;
  failure: OrderFailure | null;
  timeline: TimelineEntry[];
}

export interface CancelRequest {
  actor: string;
  reason: string;
}

/** The order's live state, readable while it runs and after it ends (REQ: ORD-1). */
export const orderStateQuery = defineQuery<OrderState>('orderState');

/** REQ: ORD-6 — cancel before the point of no return; answers with the order once it is cancelled. */
export const cancelOrderUpdate = defineUpdate<OrderState, [CancelRequest]>('cancelOrder');

/** REQ: PC-5 — the customer at the counter for the formal cancellation, as the operator recorded it. */
export interface FormalCancellationVisit extends FormalCancellationRequest {
  actor: string;
}

/**
 * REQ: PC-5 — formal cancellation (销号) in person after the grace; answers with the completed order, or is
 * refused (identity, payment) and the order keeps waiting for the customer.
 */
export const formalCancellationUpdate = defineUpdate<OrderState, [FormalCancellationVisit]>(
  'formalCancellation',
);

/** REQ: MNP-5 — the donor's answer to our port-in, relayed from the clearing system's callback. */
export const portInAnsweredSignal = defineSignal<[PortInAnswered]>('portInAnswered');

/**
 * REQ: MNP-5 — a recipient operator asks for one of our numbers, relayed from the clearing system with the
 * API's verdict on the code quoted (never the code).
 */
export const portOutRequestedSignal = defineSignal<[PortOutRequestVerdict]>('portOutRequested');

/** What a group product order (open, change, cancel) shows (REQ: GRP-1…GRP-5, GRP-9). */
export interface GroupProductSummary {
  action: 'open' | 'change' | 'cancel';
  groupCode: string;
  productCode: string;
  /** The group subscription (its ID is the ID of the order that opened it). */
  subscriptionId?: string;
  tariffCode?: string;
  effectiveMode?: 'immediate' | 'nextCycle';
  /** REQ: GRP-2 — when the new terms take effect (ISO 8601). */
  effectiveFrom?: string;
  customerManagerId?: string;
  submitterId?: string;
  /** REQ: GRP-3 — the tariff approval, when the tariff needs one. */
  approval?: {
    required: boolean;
    decision?: 'approved' | 'rejected';
    approverId?: string;
    comment?: string;
    decidedAt?: string;
  };
  /**
   * REQ: GRP-4 — the BBOSS leg: reference, since when we wait, how often we asked, when it became overdue
   * (staff alerted), how often it was re-submitted to a BBOSS that did not know it, and BBOSS's answer.
   */
  bboss?: {
    ref?: string;
    waitingSince?: string;
    queries: number;
    overdueAt?: string;
    resubmits?: number;
    outcome?: 'completed' | 'rejected';
    reasonCode?: string;
    reason?: string;
    answeredAt?: string;
  };
  /** REQ: GRP-9 — members removed with the cancellation. */
  membersRemoved?: number;
}

/** What a member order (add, change, delete) shows (REQ: GRP-6…GRP-8). */
export interface GroupMemberSummary {
  action: 'add' | 'change' | 'delete';
  groupCode: string;
  productCode: string;
  msisdn: string;
  subscriptionId?: string;
  attributes?: Record<string, string | number | boolean>;
}

/** REQ: GRP-3 — an approver's decision on a tariff that needs approval. */
export interface ApprovalDecision {
  approverId: string;
  approve: boolean;
  comment: string;
}

/** REQ: GRP-3 — approve or reject an order's tariff; answers with the order as it stands after the decision. */
export const decideApprovalUpdate = defineUpdate<OrderState, [ApprovalDecision]>('decideApproval');

/** REQ: GRP-4 — BBOSS's answer to a group product order, relayed from its callback. */
export const bbossAnsweredSignal = defineSignal<[BbossOrderAnswered]>('bbossAnswered');

/** REQ: GRP-6 — a member batch's workflow input; rows live in PostgreSQL, never in the history. */
export interface MemberBatchInput {
  batchId: string;
  settings: WorkflowSettings;
  /** Carried across continue-as-new: chunks handled by earlier runs. */
  chunksDone: number;
  /** Carried across continue-as-new: the progress when the previous run ended. */
  progress?: MemberBatchProgress;
}

/** Progress of a member batch as its workflow knows it. */
export interface MemberBatchProgress {
  batchId: string;
  status: 'running' | 'completed' | 'failed';
  totalRows: number;
  processedRows: number;
  acceptedRows: number;
  rejectedRows: number;
  percent: number;
}

export const memberBatchProgressQuery = defineQuery<MemberBatchProgress>('memberBatchProgress');
