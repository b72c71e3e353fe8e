import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { TelephonyEvent } from '../domain/telephony';
import { simulateCall, type SimContext } from './behaviour';
import type { Outbox } from './outbox';
import { telephonyCalls } from './schema';

/**
 * REQ: Q-2 — the simulated call-centre telephony side (交换机 / CTI): `placeCall` is a customer dialling the
 * hotline from `callerMsisdn` and being put through to `agent`; `hangUp` ends the call. Each posts its signed
 * event to the API at once (after the configured latency) and fails when the API refuses it.
 */
export class DbTelephony {
  constructor(
    private readonly ctx: SimContext,
    private readonly outbox: Outbox,
  ) {}

  async placeCall(req: { callerMsisdn: string; agent: string }): Promise<{ callId: string }> {
    await simulateCall(this.ctx, 'telephony', 'callStarted');
    const callId = `CALL-${randomUUID()}`;
    const startedAt = this.ctx.now();
    await this.ctx.db.insert(telephonyCalls).values({ callId, ...req, startedAt });
    const event: TelephonyEvent = {
      event: 'callStarted',
      callId,
      callerMsisdn: req.callerMsisdn,
      agent: req.agent,
      startedAt: startedAt.toISOString(),
    };
    await this.outbox.sendNow('telephony', event);
    return { callId };
  }

  async hangUp(callId: string): Promise<void> {
    await simulateCall(this.ctx, 'telephony', 'callEnded');
    await this.ctx.db.update(telephonyCalls).set({ ended: true }).where(eq(telephonyCalls.callId, callId));
    const event: TelephonyEvent = { event: 'callEnded', callId, endedAt: this.ctx.now().toISOString() };
    await this.outbox.sendNow('telephony', event);
  }
}
