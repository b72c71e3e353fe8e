/** HLR/HSS (home location register): where a subscriber's number, IMSI and services are switched on. */
export interface HlrAdapter {
  /**
   * Switches the subscriber on. Idempotent per `requestId`; a number another request already switched on is
   * refused with `SubscriberExistsError`, as a real HLR refuses "subscriber exists".
   */
  provision(req: {
    requestId: string;
    msisdn: string;
    imsi: string;
    services: string[];
  }): Promise<{ hlrRef: string }>;
  /**
   * Switches the subscriber off; a subscriber that is not there is already off. With `provisionedBy` (the
   * `requestId` of a provision) it is switched off only if that request switched it on: an undo never
   * switches off a line another request switched on under the same number.
   */
  deprovision(req: { requestId: string; msisdn: string; provisionedBy?: string }): Promise<void>;
  /** Bars (suspends) or un-bars all service of a subscriber; setting the current state again is a no-op. */
  setBarring(req: { requestId: string; msisdn: string; barred: boolean }): Promise<void>;
  /**
   * Changes a subscriber's number, IMSI (SIM swap) or services; unset fields stay as they are. Idempotent per
   * `requestId`. A `newMsisdn` another subscriber is switched on under is refused with `SubscriberExistsError`.
   * With `undoes` (the `requestId` of an earlier update) it is applied only if that update was: an undo never
   * changes what another request did.
   */
  updateSubscriber(req: SubscriberUpdate): Promise<void>;
}

export interface SubscriberUpdate {
  requestId: string;
  msisdn: string;
  newMsisdn?: string;
  imsi?: string;
  services?: string[];
  undoes?: string;
}

export interface HlrSubscriber {
  imsi: string;
  services: string[];
  hlrRef: string;
  barred: boolean;
  /** The `requestId` of the provision that switched it on; absent for a line provisioned before we saw it. */
  provisionedBy?: string;
}

/** The HLR refuses to switch on, or move a subscriber to, a number that another request has switched on. */
export class SubscriberExistsError extends Error {
  constructor(readonly msisdn: string) {
    super(`subscriber ${msisdn} exists (switched on by another request)`);
    this.name = 'SubscriberExistsError';
  }
}
