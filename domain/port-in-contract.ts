import type { OrderInput } from './order-contract';
import type { PortInRequest } from './port-in';
import type { SettingsOf } from './workflow-settings';

/**
 * REQ: MNP-5 — what the port-in workflow gets: the donor's authorization code is parked (sealed) before the
 * workflow starts and only its reference travels (see `api/order-secrets.ts`).
 */
export type PortInWorkflowRequest = Omit<PortInRequest, 'authorizationCode'> & {
  authorizationCodeRef: string;
};
export type PortInInput = OrderInput<PortInWorkflowRequest, SettingsOf<'portIn'>>;

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
