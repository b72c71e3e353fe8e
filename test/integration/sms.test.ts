import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SmsGateway } from '../../activities/adapters/sms';
import { createSmsSender } from '../../activities/sms';
import { smsMessages } from '../../db/schema';
import { createTestDatabase } from '../support/database';

type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>;

/** A gateway that sends whatever it is given, as a real one may: no de-duplication of its own. */
class CountingGateway implements SmsGateway {
  readonly sent: { eventKey: string; msisdn: string; text: string }[] = [];
  async send(req: { eventKey: string; msisdn: string; text: string }) {
    this.sent.push(req);
    return { gatewayRef: `GW-${this.sent.length}` };
  }
}

describe('SMS to customers', () => {
  let t: TestDatabase;
  beforeAll(async () => void (t = await createTestDatabase()));
  afterAll(async () => t?.drop());

  it('NOTIF-1: one event is texted once, even when a retry asks again and the gateway does not de-duplicate', async () => {
    const gateway = new CountingGateway();
    const sendSms = createSmsSender({ db: t.db, sms: gateway });
    const message = {
      eventKey: 'PreCancel:test:graceEnded',
      msisdn: '13900100003',
      template: 'preCancellationGraceEnded' as const,
      params: { msisdn: '13900100003', visitBy: '2027-04-01' },
    };
    const first = await sendSms(message);
    const retry = await sendSms(message);
    expect(retry).toEqual(first);
    expect(gateway.sent).toHaveLength(1);
    expect(gateway.sent[0]?.text).toContain('13900100003');
    const rows = await t.db.select().from(smsMessages).where(eq(smsMessages.eventKey, message.eventKey));
    expect(rows).toMatchObject([{ status: 'sent', gatewayRef: 'GW-1' }]);
  });

  it('NOTIF-1, MNP-5: a secret parameter goes into the text only, never into the message record', async () => {
    const gateway = new CountingGateway();
    const sendSms = createSmsSender({ db: t.db, sms: gateway });
    await sendSms({
      eventKey: 'PortOut:test:portOutCode:1',
      msisdn: '13900100004',
      template: 'portOutAuthorizationCode',
      params: { expiresAt: '2027-01-01 12:00' },
      secretParams: { code: 'K4Q9ZT' },
    });
    expect(gateway.sent[0]?.text).toContain('K4Q9ZT');
    const rows = await t.db.select().from(smsMessages).where(eq(smsMessages.msisdn, '13900100004'));
    expect(JSON.stringify(rows)).not.toContain('K4Q9ZT');
  });
});
