import type { OrderInput } from './order-contract';
import type { FormalCancellationRequest, PreCancellationRequest } from './pre-cancellation';
import type { SettingsOf } from './workflow-settings';

export type PreCancellationInput = OrderInput<PreCancellationRequest, SettingsOf<'preCancellation'>>;

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

/** REQ: PC-5 — the customer at the counter for the formal cancellation, as the operator recorded it. */
export interface FormalCancellationVisit extends FormalCancellationRequest {
  actor: string;
}
