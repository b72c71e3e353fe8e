import bcrypt from 'bcryptjs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signBody } from '../../api/plugins/signed-callback';
import { TELEPHONY_SIGNATURE_HEADER } from '../../api/callbacks/telephony-callbacks';
import { subscribers } from '../../db/schema';
import { startHarness, type Harness } from '../support/harness';
import { newKey, submitOrder, waitForOrder } from '../support/orders';
import { getWorkOrder, step } from '../support/work-orders';

/** Seeded service passwords: 13900100005 → 135790, 13900100006 → 246802; 13900100001 has none. */
const LINE = '13900100005';
const PASSWORD = '135790';
const OTHER = '13900100001';
const MAX_FAILURES = 3;
/** The seeded owner of 139001000NN (NN ≥ 05) shows ID card 1101011990010100NN. */
const ownerId = (msisdn: string) => ({ idType: 'idCard', idNumber: `1101011990010100${msisdn.slice(-2)}` });

interface Answer {
  code?: string;
  reason?: string;
  message?: string;
  details?: { advice?: { zh: string; en: string } };
  servedBy?: string;
  advice?: { zh: string; en: string } | null;
  items?: Record<string, unknown>[];
  [key: string]: unknown;
}

describe('queries: the own line, the service password and the item rules', () => {
  let h: Harness;
  /** hotline01 on the 10086 call centre; duty01 is another agent there; store01 at a store. */
  let hotline: string;
  let duty: string;
  let store: string;
  let dispatcher: string;

  beforeAll(async () => {
    h = await startHarness({
      config: { SERVICE_PASSWORD_MAX_FAILURES: String(MAX_FAILURES), SERVICE_PASSWORD_LOCK_MINUTES: '30' },
    });
    hotline = await h.login('hotline01', 'CC-10086-BJ');
    duty = await h.login('duty01', 'CC-10086-BJ');
    store = await h.login('store01', 'STORE-BJ-001');
    dispatcher = await h.login('dispatch01', 'STORE-BJ-001');
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  /** A customer dials 10086 from `from` and is put through to `agent`: the telephony side reports it. */
  const call = async (from: string, agent = 'hotline01') =>
    (await h.sim.telephony.placeCall({ callerMsisdn: from, agent })).callId;

  const ask = async (
    token: string,
    what: string,
    msisdn: string,
    query: Record<string, string> = {},
    password?: string,
  ) => {
    const qs = new URLSearchParams(query).toString();
    const res = await h.app.inject({
      url: `/api/v1/queries/lines/${msisdn}/${what}${qs ? `?${qs}` : ''}`,
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

  it('Q-2: a number the agent types is never the own line — callerMsisdn is refused and points to callId', async () => {
    for (const what of ['balance', 'usage', 'info']) {
      const typed = await ask(store, what, LINE, { callerMsisdn: LINE });
      expect(typed.status, what).toBe(422);
      expect(typed.body.code, what).toBe('BusinessRuleViolated');
      expect(typed.body.message, what).toMatch(/callerMsisdn/);
      expect(typed.body.message, what).toMatch(/callId/);
    }
    // Without a call or the owner's document, a store clerk's query is about another line.
    const plain = await ask(store, 'usage', LINE);
    expect(plain.status).toBe(422);
    expect(plain.body.code).toBe('ServicePasswordRequired');
  });

  it('Q-2: at the hotline the own line is the number the call came from — this month’s voice/SMS use and user information are answered directly', async () => {
    const callId = await call(LINE);
    const usage = await ask(hotline, 'usage', LINE, { callId });
    expect(usage.status, JSON.stringify(usage.body)).toBe(200);
    expect(usage.body).toMatchObject({ msisdn: LINE, servedBy: 'ownLine', advice: null });
    expect(usage.body.usage).toEqual({
      period: expect.stringMatching(/^\d{4}-\d{2}$/) as string,
      voiceMinutes: expect.any(Number) as number,
      sms: expect.any(Number) as number,
    });
    const info = await ask(hotline, 'info', LINE, { callId });
    expect(info.status).toBe(200);
    expect(info.body).toMatchObject({ servedBy: 'ownLine', ownerName: '测**', productCode: 'VOICE-58' });
    expect(JSON.stringify(info.body)).not.toContain('Test 05');

    // The same call asking about another line: the password is needed.
    const other = await ask(hotline, 'info', '13900100006', { callId });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('ServicePasswordRequired');
    expect(other.body.details?.advice?.zh).toMatch(/验证服务密码/);
    const withPassword = await ask(hotline, 'info', '13900100006', { callId }, '246802');
    expect(withPassword.body).toMatchObject({ servedBy: 'servicePassword', advice: null });
  });

  it('Q-2: bills, balance and GPRS use are not answered by a human without the password — the own line is sent to self-service, another line too, and refused without it', async () => {
    const own = await call(LINE);
    const stranger = await call('13700000001');
    for (const what of ['bills', 'balance', 'gprs']) {
      const ownLine = await ask(hotline, what, LINE, { callId: own });
      expect(ownLine.status, what).toBe(422);
      expect(ownLine.body.code, what).toBe('ServicePasswordRequired');
      expect(ownLine.body.details?.advice?.zh, what).toMatch(/转自动台/);
      expect(ownLine.body.details?.advice?.en, what).toMatch(/IVR/);
      const another = await ask(hotline, what, LINE, { callId: stranger });
      expect(another.status, what).toBe(422);
      expect(another.body.details?.advice?.zh, what).toMatch(/无密码谢绝查询/);
      for (const callId of [own, stranger]) {
        const served = await ask(hotline, what, LINE, { callId }, PASSWORD);
        expect(served.status, what).toBe(200);
        expect(served.body, what).toMatchObject({ msisdn: LINE, servedBy: 'servicePassword', advice: null });
      }
    }
    const balance = await ask(hotline, 'balance', LINE, { callId: own }, PASSWORD);
    expect(balance.body.balanceFen).toBe(5_000);
    const bills = await ask(hotline, 'bills', LINE, { callId: own }, PASSWORD);
    expect(bills.body.items).toHaveLength(3);
    const gprs = await ask(hotline, 'gprs', LINE, { callId: own }, PASSWORD);
    expect(gprs.body.usage).toMatchObject({ dataMb: expect.any(Number) as number });
  });

  it('Q-2: the real-time bill always needs the password, own line or not', async () => {
    const own = await call(LINE);
    const refused = await ask(hotline, 'realtime-bill', LINE, { callId: own });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('ServicePasswordRequired');
    expect(refused.body.details?.advice?.zh).toMatch(/无论是否本机/);
    const served = await ask(hotline, 'realtime-bill', LINE, { callId: own }, PASSWORD);
    expect(served.status).toBe(200);
    expect(served.body).toMatchObject({
      servedBy: 'servicePassword',
      packageFeeFen: expect.any(Number) as number,
    });
  });

  it('Q-2: payment records are served when the caller gives the amount and date of a payment, otherwise only with the password', async () => {
    const line = '13900100006';
    const recharge = await submitOrder(
      h.app,
      store,
      { type: 'recharge', msisdn: line, amountFen: 3_000, payment: { method: 'cash' } },
      newKey('recharge'),
    );
    expect(recharge.statusCode, recharge.body).toBe(202);
    const order = await waitForOrder(h.app, store, recharge.json<{ id: string }>().id);
    expect(order.status).toBe('completed');

    const callId = await call('13700000002');
    const all = await ask(hotline, 'payments', line, { callId }, '246802');
    expect(all.status, JSON.stringify(all.body)).toBe(200);
    expect(all.body.servedBy).toBe('servicePassword');
    const paid = all.body.items?.find((p) => p.amountFen === 3_000);
    expect(paid).toMatchObject({ method: 'cash', paidAt: expect.any(String) as string });
    // The date as the customer says it: business time (UTC+8 by default).
    const paidOn = new Date(new Date(String(paid?.paidAt)).getTime() + 8 * 3_600_000)
      .toISOString()
      .slice(0, 10);

    const matched = await ask(hotline, 'payments', line, { callId, amountFen: '3000', paidOn });
    expect(matched.status).toBe(200);
    expect(matched.body.servedBy).toBe('paymentDetails');
    expect(matched.body.items).toEqual([paid]);
    const noSuch = await ask(hotline, 'payments', line, { callId, amountFen: '3100', paidOn });
    expect(noSuch.body).toMatchObject({ servedBy: 'paymentDetails', items: [] });

    const neither = await ask(hotline, 'payments', line, { callId });
    expect(neither.status).toBe(422);
    expect(neither.body.code).toBe('ServicePasswordRequired');
    expect(neither.body.details?.advice?.zh).toMatch(/金额和时间/);
    const halfDetails = await ask(hotline, 'payments', line, { callId, amountFen: '3000' });
    expect(halfDetails.status).toBe(422);
    expect(halfDetails.body.code).toBe('BusinessRuleViolated');
    expect(halfDetails.body.message).toMatch(/paidOn/);
  });

  it('Q-2: an own-line caller whose real-name registration is missing is asked for the password and advised to register', async () => {
    const line = '13900100011';
    await setPassword(line, '520131');
    await h.db.update(subscribers).set({ realNameVerified: false }).where(eq(subscribers.msisdn, line));
    const callId = await call(line);
    for (const what of ['usage', 'info']) {
      const refused = await ask(hotline, what, line, { callId });
      expect(refused.status, what).toBe(422);
      expect(refused.body.code, what).toBe('ServicePasswordRequired');
      expect(refused.body.details?.advice?.zh, what).toMatch(/实名登记/);
      const served = await ask(hotline, what, line, { callId }, '520131');
      expect(served.status, what).toBe(200);
      expect(served.body.servedBy, what).toBe('servicePassword');
      expect(served.body.advice?.zh, what).toMatch(/实名登记/);
      expect(served.body.advice?.en, what).toMatch(/real-name/);
    }
  });

  it('Q-2: only the agent the call was put through to may use it; an unknown or ended call is refused naming callId; a hotline query names its call', async () => {
    const callId = await call(LINE, 'hotline01');
    const byAnother = await ask(duty, 'usage', LINE, { callId });
    expect(byAnother.status).toBe(403);
    expect(byAnother.body.code).toBe('CallNotYours');
    expect(byAnother.body.message).toMatch(/query\.callId/);

    const unknown = await ask(hotline, 'usage', LINE, { callId: 'CALL-never-placed' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.code).toBe('CallNotFound');
    expect(unknown.body.message).toMatch(/query\.callId/);

    const noCall = await ask(hotline, 'usage', LINE);
    expect(noCall.status).toBe(422);
    expect(noCall.body.code).toBe('CallRequired');
    expect(noCall.body.message).toMatch(/query\.callId/);

    await h.sim.telephony.hangUp(callId);
    const ended = await ask(hotline, 'usage', LINE, { callId });
    expect(ended.status).toBe(409);
    expect(ended.body.code).toBe('CallEnded');
  });

  it('Q-2: at a store the owner’s identity document counts as the own line; another document does not; the hotline cannot take a document', async () => {
    const shown = await ask(store, 'usage', LINE, ownerId(LINE));
    expect(shown.status, JSON.stringify(shown.body)).toBe(200);
    expect(shown.body.servedBy).toBe('ownLine');
    const info = await ask(store, 'info', LINE, ownerId(LINE));
    expect(info.body).toMatchObject({ servedBy: 'ownLine', ownerName: '测**' });

    const wrong = await ask(store, 'usage', LINE, ownerId('13900100006'));
    expect(wrong.status).toBe(422);
    expect(wrong.body.code).toBe('IdentityMismatch');
    expect(wrong.body.message).toMatch(/query\.idNumber/);

    // The document does not replace the password where a human always needs it.
    const balance = await ask(store, 'balance', LINE, ownerId(LINE));
    expect(balance.status).toBe(422);
    expect(balance.body.code).toBe('ServicePasswordRequired');

    const callId = await call(LINE);
    const atHotline = await ask(hotline, 'usage', LINE, { callId, ...ownerId(LINE) });
    expect(atHotline.status).toBe(422);
    expect(atHotline.body.code).toBe('IdentityNotInPerson');

    const half = await ask(store, 'usage', LINE, { idNumber: ownerId(LINE).idNumber });
    expect(half.status).toBe(422);
    expect(half.body.code).toBe('BusinessRuleViolated');
    expect(half.body.message).toMatch(/idType/);
  });

  it('Q-2: call events are signed by the telephony side: a bad signature is 401, an unknown agent 404, a repeat harmless, a reused call ID 409', async () => {
    const post = (event: object, sign = true) => {
      const body = JSON.stringify(event);
      return h.app.inject({
        method: 'POST',
        url: '/api/v1/callbacks/telephony',
        headers: {
          'content-type': 'application/json',
          [TELEPHONY_SIGNATURE_HEADER]: sign
            ? signBody(h.config.TELEPHONY_CALLBACK_SECRET, body)
            : 'ab'.repeat(32),
        },
        payload: body,
      });
    };
    const event = {
      event: 'callStarted',
      callId: 'CALL-signed-0001',
      callerMsisdn: '+8613900100005',
      agent: 'hotline01',
    };
    const forged = await post(event, false);
    expect(forged.statusCode).toBe(401);
    expect(forged.json<Answer>().code).toBe('InvalidSignature');
    // Forged: nothing was recorded, the call does not exist.
    expect((await ask(hotline, 'usage', LINE, { callId: 'CALL-signed-0001' })).body.code).toBe(
      'CallNotFound',
    );

    expect((await post({ ...event, agent: 'nobody01' })).json<Answer>().code).toBe('NoSuchOperator');
    expect((await post(event)).statusCode).toBe(202);
    expect((await post(event)).statusCode).toBe(202);
    const reused = await post({ ...event, callerMsisdn: '13900100006' });
    expect(reused.statusCode).toBe(409);
    expect(reused.json<Answer>().code).toBe('CallIdReused');
    // +86 before the mobile number is the national number: the own line.
    const usage = await ask(hotline, 'usage', LINE, { callId: 'CALL-signed-0001' });
    expect(usage.body.servedBy).toBe('ownLine');
  });

  it('Q-1: with the right password any caller is served, with no advice for a good password', async () => {
    const callId = await call(OTHER);
    for (const what of ['bills', 'balance', 'gprs', 'usage', 'info', 'realtime-bill', 'payments']) {
      const res = await ask(hotline, what, LINE, { callId }, PASSWORD);
      expect(res.status, what).toBe(200);
      expect(res.body, what).toMatchObject({ msisdn: LINE, servedBy: 'servicePassword', advice: null });
    }
  });

  it('Q-1: a wrong password is refused with 422 ServicePasswordInvalid; a line without one answers the same', async () => {
    const wrong = await ask(store, 'balance', '13900100006', {}, '000001');
    expect(wrong.status).toBe(422);
    expect(wrong.body.code).toBe('ServicePasswordInvalid');
    expect(wrong.body.message).not.toContain('000001');
    const none = await ask(store, 'balance', OTHER, {}, '135790');
    expect(none.body.code).toBe('ServicePasswordInvalid');
  });

  it('Q-1: a weak password (same digits, a run, the number’s last six digits) is served with advice to change it', async () => {
    for (const [msisdn, weak] of [
      ['13900100007', '888888'],
      ['13900100008', '654321'],
      ['13900100009', '100009'],
    ] as const) {
      await setPassword(msisdn, weak);
      const res = await ask(store, 'bills', msisdn, {}, weak);
      expect(res.status, weak).toBe(200);
      expect(res.body.advice?.zh, weak).toMatch(/建议尽快修改/);
      expect(res.body.advice?.en, weak).toMatch(/change/);
    }
  });

  it('Q-1: after N wrong passwords in a row the line is locked (403, even for the right one); a right one before resets the count', async () => {
    const msisdn = '13900100010';
    await setPassword(msisdn, '370415');
    const wrongOnce = async () =>
      expect((await ask(store, 'balance', msisdn, {}, '111110')).body.code).toBe('ServicePasswordInvalid');
    for (let i = 0; i < MAX_FAILURES - 1; i++) await wrongOnce();
    // A right one resets the count: N − 1 more wrong ones do not lock.
    expect((await ask(store, 'balance', msisdn, {}, '370415')).status).toBe(200);
    for (let i = 0; i < MAX_FAILURES - 1; i++) await wrongOnce();
    expect((await ask(store, 'balance', msisdn, {}, '370415')).status).toBe(200);

    for (let i = 0; i < MAX_FAILURES; i++) await wrongOnce();
    const locked = await ask(store, 'balance', msisdn, {}, '370415');
    expect(locked.status).toBe(403);
    expect(locked.body.code).toBe('ServicePasswordLocked');
    expect(locked.body.reason).toMatch(/服务密码/);
    // The own line is still served for what needs no password.
    const callId = await call(msisdn);
    expect((await ask(hotline, 'usage', msisdn, { callId })).status).toBe(200);

    // The lock ends (moved into the past rather than waited for): the right password is served again.
    await h.db
      .update(subscribers)
      .set({ servicePasswordLockedUntil: new Date(Date.now() - 1_000) })
      .where(eq(subscribers.msisdn, msisdn));
    expect((await ask(store, 'balance', msisdn, {}, '370415')).status).toBe(200);
  });

  it('Q-2: a number that is not ours answers 404; a password in a bad format is 400', async () => {
    expect((await ask(store, 'balance', '13900199999')).body.code).toBe('SubscriberNotFound');
    expect((await ask(store, 'balance', LINE, {}, '12ab')).status).toBe(400);
  });

  const card = async (serial: string, token = store, contactMsisdn = '13900100002') => {
    const res = await h.app.inject({
      url: `/api/v1/queries/recharge-cards/${serial}?contactMsisdn=${contactMsisdn}`,
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
      workOrderId: 'WorkOrder:RechargeCard-1000017000000005-1',
      workOrderHref: '/api/v1/work-orders/WorkOrder%3ARechargeCard-1000017000000005-1',
      promise: 'none',
      message: { zh: '已提交工单核查，不作承诺', en: expect.any(String) as string },
      validity: null,
      validUntil: null,
    });
  });

  it('Q-3: once the ticket is closed, the next question opens a new one; while it is open, asking again (even at once, by several) answers the same', async () => {
    // Test files share one Temporal server and a ticket's ID comes from the serial: a serial of this run.
    const serial = `2000017${String(Date.now()).slice(-9)}`;
    const first = await card(serial);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const firstId = String(first.body.workOrderId);
    await expect.poll(async () => (await getWorkOrder(h.app, dispatcher, firstId)).status).toBe('created');
    expect((await card(serial, hotline, '13900100003')).body.workOrderId).toBe(firstId);

    // The desk closes the ticket (rejected is a final status of a work order).
    const rejected = await step(h.app, dispatcher, firstId, {
      action: 'reject',
      reason: '已核查：卡可正常使用',
    });
    expect(rejected.status).toBe('rejected');

    const later = await Promise.all([card(serial), card(serial, hotline), card(serial)]);
    const ids = [...new Set(later.map((r) => String(r.body.workOrderId)))];
    expect(ids).toHaveLength(1);
    const secondId = ids[0] ?? '';
    expect(secondId).not.toBe(firstId);
    expect((await getWorkOrder(h.app, dispatcher, secondId)).status).toBe('created');
    expect((await card(serial)).body.workOrderId).toBe(secondId);
    expect([firstId, secondId]).toEqual([
      `WorkOrder:RechargeCard-${serial}-1`,
      `WorkOrder:RechargeCard-${serial}-2`,
    ]);
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
