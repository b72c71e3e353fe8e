import { simulateCall, type SimulationOptions } from './simulation';

/** HLR/HSS (home location register): where a subscriber's number, IMSI and services are switched on. */
export interface HlrAdapter {
  /** Switches the subscriber on. Idempotent per `requestId`. */
  provision(req: {
    requestId: string;
    msisdn: string;
    imsi: string;
    services: string[];
  }): Promise<{ hlrRef: string }>;
  /** Switches the subscriber off; a subscriber that is not there is already off. */
  deprovision(req: { requestId: string; msisdn: string }): Promise<void>;
}

interface Subscriber {
  imsi: string;
  services: string[];
  hlrRef: string;
}

/** An HLR that lives in memory, with latency and transient failures as configured. */
export class HlrSimulator implements HlrAdapter {
  readonly subscribers = new Map<string, Subscriber>();
  private seq = 0;

  constructor(public options: SimulationOptions) {}

  async provision(req: { requestId: string; msisdn: string; imsi: string; services: string[] }) {
    await simulateCall('HLR', 'provision', this.options);
    const existing = this.subscribers.get(req.msisdn);
    if (existing) return { hlrRef: existing.hlrRef };
    const hlrRef = `HLR-${++this.seq}`;
    this.subscribers.set(req.msisdn, { imsi: req.imsi, services: req.services, hlrRef });
    return { hlrRef };
  }

  async deprovision(req: { requestId: string; msisdn: string }) {
    if (!this.subscribers.has(req.msisdn)) return;
    await simulateCall('HLR', 'deprovision', this.options);
    this.subscribers.delete(req.msisdn);
  }
}
