import type { OpenAccountRequest, Quote } from './open-account';
import type { OrderInput } from './order-contract';
import type { SettingsOf } from './workflow-settings';

/**
 * REQ: OPEN-6, Q-1 — what the open-account workflow gets: a service password given at the counter is parked
 * (hashed) before the workflow starts and only its reference travels (see `api/order-secrets.ts`).
 */
export type OpenAccountWorkflowRequest = Omit<OpenAccountRequest, 'servicePassword'> & {
  servicePasswordRef?: string;
};
export type OpenAccountInput = OrderInput<OpenAccountWorkflowRequest, SettingsOf<'openAccount'>>;

/** What an open-account order shows (REQ: OPEN-1…OPEN-6). */
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
