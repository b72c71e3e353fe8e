import { simulateCall, type SimulationOptions } from './simulation';

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
  constructor(msisdn: string) {
    super(`subscriber ${msisdn} exists (switched on by another request)`);
    this.name = 'SubscriberExistsError';
  }
}

/** An HLR that lives in memory, with latency and transient failures as configured. */
export class HlrSimulator implements HlrAdapter {
  readonly subscribers = new Map<string, HlrSubscriber>();
  /** The `requestId`s of the updates applied. */
  private readonly updates = new Set<string>();
  private seq = 0;

  constructor(public options: SimulationOptions) {}

  async provision(req: { requestId: string; msisdn: string; imsi: string; services: string[] }) {
    await simulateCall('HLR', 'provision', this.options);
    const existing = this.subscribers.get(req.msisdn);
    if (existing?.provisionedBy === req.requestId) return { hlrRef: existing.hlrRef };
    if (existing) throw new SubscriberExistsError(req.msisdn);
    const hlrRef = `HLR-${++this.seq}`;
    this.subscribers.set(req.msisdn, {
      imsi: req.imsi,
      services: req.services,
      hlrRef,
      barred: false,
      provisionedBy: req.requestId,
    });
    return { hlrRef };
  }

  async deprovision(req: { requestId: string; msisdn: string; provisionedBy?: string }) {
    const existing = this.subscribers.get(req.msisdn);
    if (!existing || (req.provisionedBy && existing.provisionedBy !== req.provisionedBy)) return;
    await simulateCall('HLR', 'deprovision', this.options);
    this.subscribers.delete(req.msisdn);
  }

  async setBarring(req: { requestId: string; msisdn: string; barred: boolean }) {
    await simulateCall('HLR', req.barred ? 'bar' : 'unbar', this.options);
    this.known(req.msisdn).barred = req.barred;
  }

  async updateSubscriber(req: SubscriberUpdate) {
    await simulateCall('HLR', 'update', this.options);
    // A retried update (a number change finds the subscriber under its new number) changes nothing again.
    if (this.updates.has(req.requestId)) return;
    if (req.undoes && !this.updates.has(req.undoes)) return;
    const moving = req.newMsisdn && req.newMsisdn !== req.msisdn ? req.newMsisdn : null;
    if (moving && this.subscribers.has(moving)) throw new SubscriberExistsError(moving);
    const sub = this.known(req.msisdn);
    if (req.imsi) sub.imsi = req.imsi;
    if (req.services) sub.services = [...req.services];
    if (moving) {
      this.subscribers.delete(req.msisdn);
      this.subscribers.set(moving, sub);
    }
    this.updates.add(req.requestId);
  }

  /**
   * The simulator starts empty at every process start, while real lines were provisioned long before: a line
   * it has not seen is taken as provisioned earlier, with default services.
   */
  private known(msisdn: string): HlrSubscriber {
    let sub = this.subscribers.get(msisdn);
    if (!sub) {
      sub = {
        imsi: 'unknown',
        services: ['voice', 'sms', 'data'],
        hlrRef: `HLR-EARLIER-${msisdn}`,
        barred: false,
      };
      this.subscribers.set(msisdn, sub);
    }
    return sub;
  }
}
