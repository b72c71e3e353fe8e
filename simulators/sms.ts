import { asc, eq } from 'drizzle-orm';
import type { SmsGateway } from '../activities/adapters/sms';
import { simulateCall, type SimContext } from './behaviour';
import type { SimulatedSms } from './control';
import { smsMessages } from './schema';
import { nextRef, serially } from './serially';

/**
 * The simulated SMS gateway: what it delivers lands in the phone's inbox (`inbox(msisdn)`), the only place a
 * secret sent by SMS (an authorization code) can be read back — as on the customer's real phone. One message
 * per event key.
 */
export class DbSms implements SmsGateway {
  constructor(private readonly ctx: SimContext) {}

  async send(req: { eventKey: string; msisdn: string; text: string }) {
    await simulateCall(this.ctx, 'sms', 'send');
    return serially(this.ctx.db, `sms:${req.eventKey}`, async (tx) => {
      const [existing] = await tx.select().from(smsMessages).where(eq(smsMessages.eventKey, req.eventKey));
      if (existing) return { gatewayRef: existing.gatewayRef };
      const gatewayRef = `SMS-${await nextRef(tx, 'sms_refs')}`;
      await tx.insert(smsMessages).values({ ...req, gatewayRef, at: this.ctx.now() });
      return { gatewayRef };
    });
  }

  async inbox(msisdn: string): Promise<SimulatedSms[]> {
    const rows = await this.ctx.db
      .select()
      .from(smsMessages)
      .where(eq(smsMessages.msisdn, msisdn))
      .orderBy(asc(smsMessages.seq));
    return rows.map(({ eventKey, text, gatewayRef, at }) => ({
      eventKey,
      msisdn,
      text,
      gatewayRef,
      at: at.toISOString(),
    }));
  }
}
