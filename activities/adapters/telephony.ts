import { randomUUID } from 'node:crypto';
import type { TelephonyEvent } from '../../domain/telephony';
import { simulateCall, type SimulationOptions } from './simulation';

/**
 * REQ: Q-2 — the call-centre telephony side (交换机 / CTI). It is the one that knows which number a hotline
 * call came from and which agent took it; it tells us through signed events posted to
 * `POST /api/v1/callbacks/telephony` (`callStarted`, `callEnded`). Nothing here is called by our workflows:
 * the telephony side calls us.
 */
export interface TelephonySimulationOptions extends SimulationOptions {
  /** Posts an event to us, as the telephony side would (signed JSON). */
  deliver: (event: TelephonyEvent) => Promise<void>;
  /** Clock for the events' times; tests pass a fixed one. */
  now?: () => Date;
}

/**
 * A telephony side in memory: `placeCall` is a customer dialling the hotline from `callerMsisdn` and being put
 * through to `agent`; `hangUp` ends the call. Each posts its event after the configured latency (and fails
 * like a flaky link with the configured rate, before anything is posted).
 */
export class TelephonySimulator {
  /** Calls placed, by call ID. */
  readonly calls = new Map<string, { callerMsisdn: string; agent: string; ended: boolean }>();

  constructor(public options: TelephonySimulationOptions) {}

  private now(): Date {
    return (this.options.now ?? (() => new Date()))();
  }

  async placeCall(req: { callerMsisdn: string; agent: string }): Promise<{ callId: string }> {
    await simulateCall('telephony', 'callStarted', this.options);
    const callId = `CALL-${randomUUID()}`;
    this.calls.set(callId, { ...req, ended: false });
    await this.options.deliver({
      event: 'callStarted',
      callId,
      callerMsisdn: req.callerMsisdn,
      agent: req.agent,
      startedAt: this.now().toISOString(),
    });
    return { callId };
  }

  async hangUp(callId: string): Promise<void> {
    await simulateCall('telephony', 'callEnded', this.options);
    const call = this.calls.get(callId);
    if (call) call.ended = true;
    await this.options.deliver({ event: 'callEnded', callId, endedAt: this.now().toISOString() });
  }
}
