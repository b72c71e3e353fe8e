import type { OrderInput } from './order-contract';
import type { PortOutRequest } from './port-out';
import type { SettingsOf } from './workflow-settings';

export type PortOutInput = OrderInput<PortOutRequest, SettingsOf<'portOut'>>;

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
