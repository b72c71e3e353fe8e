/**
 * REQ: MNP-5 — the central clearing system of number portability (携号转网集中管理平台). Calls are
 * asynchronous: the clearing system answers later through `POST /api/v1/callbacks/mnp`. Every call is
 * idempotent per `requestId`: a retried or re-submitted call with the same `requestId` changes nothing.
 */
export interface ClearingSystemAdapter {
  /**
   * We are the recipient: asks the donor operator, through the clearing system, to let the number go. The
   * answer arrives later as a `portInAnswered` callback; re-submitting (same `requestId`) re-sends it.
   */
  submitPortIn(req: {
    requestId: string;
    msisdn: string;
    authorizationCode: string;
    recipientOrderId: string;
  }): Promise<{ clearingRef: string }>;
  /** We are the donor: answers a `portOutRequested` callback the clearing system sent us. */
  answerPortOut(req: {
    requestId: string;
    clearingRef: string;
    accept: boolean;
    reasonCode?: string;
  }): Promise<void>;
  /** Withdraws a port-in before the switch-over (the customer cancels, MNP-5). */
  cancelPortIn(req: { requestId: string; clearingRef: string }): Promise<void>;
}
