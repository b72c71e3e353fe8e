import { simulateCall, type SimulationOptions } from './simulation';

/**
 * The SMS gateway (短信网关) that texts customers (REQ: NOTIF-1, MNP-5). Every message carries an event key:
 * a retried send of one event is the same message, never a second one.
 */
export interface SmsGateway {
  send(req: { eventKey: string; msisdn: string; text: string }): Promise<{ gatewayRef: string }>;
}

export interface DeliveredSms {
  eventKey: string;
  msisdn: string;
  text: string;
  gatewayRef: string;
  at: Date;
}

/**
 * A gateway in memory: what it delivers lands in the phone's inbox (`inbox(msisdn)`), the only place a
 * secret sent by SMS (an authorization code) can be read back — as on the customer's real phone.
 */
export class SmsGatewaySimulator implements SmsGateway {
  private readonly delivered = new Map<string, DeliveredSms>();
  private seq = 0;

  constructor(public options: SimulationOptions) {}

  async send(req: { eventKey: string; msisdn: string; text: string }) {
    await simulateCall('sms', 'send', this.options);
    const existing = this.delivered.get(req.eventKey);
    if (existing) return { gatewayRef: existing.gatewayRef };
    const gatewayRef = `SMS-${++this.seq}`;
    this.delivered.set(req.eventKey, { ...req, gatewayRef, at: new Date() });
    return { gatewayRef };
  }

  /** The messages a phone received, oldest first. */
  inbox(msisdn: string): DeliveredSms[] {
    return [...this.delivered.values()].filter((m) => m.msisdn === msisdn);
  }
}
