import bcrypt from 'bcryptjs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subscribers } from '../../db/schema';
import { startSignedInHarness, type Harness } from '../support/harness';

/** Seeded service passwords: 13900100005 → 135790, 13900100006 → 246802; 13900100001 has none. */
const LINE = '13900100005';
const PASSWORD = '135790';
const OTHER = '13900100001';
const MAX_FAILURES = 3;

interface Answer {
  code?: string;
  reason?: string;
  message?: string;
  servedBy?: string;
  advice?: { zh: string; en: string } | null;
  [key: string]: unknown;
}

describe('queries with the service password', () => {
  let h: Harness;
  let token: string;

  beforeAll(async () => {
    ({ h, token } = await startSignedInHarness({
      noWorker: true,
      config: { SERVICE_PASSWORD_MAX_FAILURES: String(MAX_FAILURES), SERVICE_PASSWORD_LOCK_MINUTES: '30' },
    }));
  });
  afterAll(async () => {
    await h.close();
  });

  const ask = async (what: string, msisdn: string, caller: string, password?: string) => {
    const res = await h.app.inject({
      url: `/api/v1/queries/lines/${msisdn}/${what}?callerMsisdn=${caller}`,
      headers: {
        authorization: `Bearer ${token}`,
        ...(password === undefined ? {} : { 'x-service-password': password }),
      },
    });
    return { status: res.statusCode, body: res.json<Answer>() };
  };
  const setPassword = async (msisdn: string, password: string) => {
    await h.db
      .update(subscribers)
      .set({ servicePasswordHash: await bcrypt.hash(password, 4) })
      .where(eq(subscribers.msisdn, msisdn));
  };

  it('Q-2: bills, balance, usage and user information of the own line are served without a password', async () => {
    const bills = await ask('bills', LINE, LINE);
    expect(bills.status).toBe(200);
    expect(bills.body).toMatchObject({ msisdn: LINE, servedBy: 'ownLine', advice: null });
    expect(bills.body.items).toHaveLength(3);
    const balance = await ask('balance', LINE, LINE);
    expect(balance.body).toMatchObject({ servedBy: 'ownLine', balanceFen: 5_000 });
    const usage = await ask('usage', LINE, LINE);
    expect(usage.status).toBe(200);
    expect(usage.body.usage).toMatchObject({ voiceMinutes: expect.any(Number) as number });
    const info = await ask('info', LINE, LINE);
    expect(info.body).toMatchObject({ ownerName: '测**', productCode: 'VOICE-58', status: 'active' });
    expect(JSON.stringify(info.body)).not.toContain('Test 05');
  });

  it('Q-2: another line without the password is refused for every query', async () => {
    for (const what of ['bills', 'balance', 'usage', 'info', 'realtime-bill', 'payments']) {
      const res = await ask(what, LINE, OTHER);
      expect(res.status, what).toBe(422);
      expect(res.body.code, what).toBe('ServicePasswordRequired');
      expect(res.body.reason).toMatch(/服务密码/);
    }
  });

  it('Q-2: the real-time bill and payment records need the password even for the own line', async () => {
    for (const what of ['realtime-bill', 'payments']) {
      const res = await ask(what, LINE, LINE);
      expect(res.status, what).toBe(422);
      expect(res.body.code, what).toBe('ServicePasswordRequired');
    }
    const realtime = await ask('realtime-bill', LINE, LINE, PASSWORD);
    expect(realtime.status).toBe(200);
    expect(realtime.body).toMatchObject({
      servedBy: 'servicePassword',
      packageFeeFen: expect.any(Number) as number,
    });
    const payments = await ask('payments', LINE, LINE, PASSWORD);
    expect(payments.status).toBe(200);
    expect(payments.body.items).toHaveLength(3);
  });

  it('Q-1: with the right password any caller is served, with no advice for a good password', async () => {
    for (const what of ['bills', 'balance', 'usage', 'info', 'realtime-bill', 'payments']) {
      const res = await ask(what, LINE, OTHER, PASSWORD);
      expect(res.status, what).toBe(200);
      expect(res.body, what).toMatchObject({ msisdn: LINE, servedBy: 'servicePassword', advice: null });
    }
  });

  it('Q-1: a wrong password is refused with 422 ServicePasswordInvalid; a line without one answers the same', async () => {
    const wrong = await ask('balance', '13900100006', OTHER, '000001');
    expect(wrong.status).toBe(422);
    expect(wrong.body.code).toBe('ServicePasswordInvalid');
    expect(wrong.body.message).not.toContain('000001');
    const none = await ask('balance', OTHER, LINE, '135790');
    expect(none.body.code).toBe('ServicePasswordInvalid');
  });

  it('Q-1: a weak password (same digits, a run, the number’s last six digits) is served with advice to change it', async () => {
    for (const [msisdn, weak] of [
      ['13900100007', '888888'],
      ['13900100008', '654321'],
      ['13900100009', '100009'],
    ] as const) {
      await setPassword(msisdn, weak);
      const res = await ask('bills', msisdn, OTHER, weak);
      expect(res.status, weak).toBe(200);
      expect(res.body.advice?.zh, weak).toMatch(/建议尽快修改/);
      expect(res.body.advice?.en, weak).toMatch(/change/);
    }
  });

  it('Q-1: after N wrong passwords in a row the line is locked (403, even for the right one); a right one before resets the count', async () => {
    const msisdn = '13900100010';
    await setPassword(msisdn, '370415');
    for (let i = 0; i < MAX_FAILURES - 1; i++) {
      expect((await ask('balance', msisdn, OTHER, '111110')).body.code).toBe('ServicePasswordInvalid');
    }
    // A right one resets the count: N − 1 more wrong ones do not lock.
    expect((await ask('balance', msisdn, OTHER, '370415')).status).toBe(200);
    for (let i = 0; i < MAX_FAILURES - 1; i++) {
      expect((await ask('balance', msisdn, OTHER, '111110')).body.code).toBe('ServicePasswordInvalid');
    }
    expect((await ask('balance', msisdn, OTHER, '370415')).status).toBe(200);

    for (let i = 0; i < MAX_FAILURES; i++) {
      expect((await ask('balance', msisdn, OTHER, '111110')).body.code).toBe('ServicePasswordInvalid');
    }
    const locked = await ask('balance', msisdn, OTHER, '370415');
    expect(locked.status).toBe(403);
    expect(locked.body.code).toBe('ServicePasswordLocked');
    expect(locked.body.reason).toMatch(/服务密码/);
    // The own line is still served for what needs no password.
    expect((await ask('balance', msisdn, msisdn)).status).toBe(200);

    // The lock ends (moved into the past rather than waited for): the right password is served again.
    await h.db
      .update(subscribers)
      .set({ servicePasswordLockedUntil: new Date(Date.now() - 1_000) })
      .where(eq(subscribers.msisdn, msisdn));
    expect((await ask('balance', msisdn, OTHER, '370415')).status).toBe(200);
  });

  it('Q-2: a number that is not ours answers 404; a password in a bad format is 400', async () => {
    expect((await ask('balance', '13900199999', '13900199999')).body.code).toBe('SubscriberNotFound');
    expect((await ask('balance', LINE, OTHER, '12ab')).status).toBe(400);
  });

  const card = async (serial: string) => {
    const res = await h.app.inject({
      url: `/api/v1/queries/recharge-cards/${serial}?callerMsisdn=13900100002`,
      headers: { authorization: `Bearer ${token}` },
    });
    return { status: res.statusCode, body: res.json<Answer>() };
  };

  it('Q-3: a serial with "17" in digits 6–7 opens a ticket with no promise and discloses nothing else', async () => {
    const res = await card('1000017000000005');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      serial: '1000017000000005',
      ticket: true,
      workOrderId: 'WorkOrder:RechargeCard-1000017000000005',
      workOrderHref: '/api/v1/work-orders/WorkOrder%3ARechargeCard-1000017000000005',
      promise: 'none',
      message: { zh: '已提交工单核查，不作承诺', en: expect.any(String) as string },
      validity: null,
      validUntil: null,
    });
  });

  it('Q-3: other cards disclose only validity — never the face value or who used it', async () => {
    const expected = {
      '1000010000000001': 'valid',
      '1000020000000002': 'used',
      '1000030000000003': 'expired',
      '1000040000000004': 'frozen',
    } as const;
    for (const [serial, validity] of Object.entries(expected)) {
      const res = await card(serial);
      expect(res.status, serial).toBe(200);
      expect(Object.keys(res.body).sort()).toEqual(
        [
          'message',
          'promise',
          'serial',
          'ticket',
          'validUntil',
          'validity',
          'workOrderHref',
          'workOrderId',
        ].sort(),
      );
      expect(res.body).toMatchObject({ serial, ticket: false, workOrderId: null, validity });
      expect(JSON.stringify(res.body)).not.toContain('13900100001'); // the used card's line
    }
    expect((await card('1000099000000009')).body.code).toBe('RechargeCardNotFound');
  });
});
