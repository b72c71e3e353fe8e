import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { channels, operators } from '../../db/schema';
import { DEMO_PASSWORD } from '../../db/seed';
import { startHarness, type Harness } from '../support/harness';

/** REQ: CH-4 — business hours of channels and operators, enforced at sign-in and on every request. */
const OFFSET_HOURS = 8;

/** `HH:MM` in business time, `hours` from now (minutes truncated). */
function localClock(hours: number): string {
  const local = new Date(Date.now() + (OFFSET_HOURS + hours) * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
}

/** A window that opens two hours from now and lasts one hour: it excludes now. */
const closedNow = () => `${localClock(2)}-${localClock(3)}`;
/** A window from an hour ago to an hour ahead: it includes now. */
const openNow = () => `${localClock(-1)}-${localClock(1)}`;

interface ErrorBody {
  code: string;
  reason: string;
  message: string;
  details: { limitedBy: string; window: string; opensAt: string | null };
}

describe('business hours (CH-4)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ noWorker: true });
  });
  afterAll(async () => h?.close());
  afterEach(async () => {
    await h.db.update(channels).set({ businessHours: null });
    await h.db.update(operators).set({ businessHours: null });
  });

  const login = (operatorId: string, channelCode: string) =>
    h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { operatorId, password: DEMO_PASSWORD, channelCode },
    });
  const listOrders = (token: string) =>
    h.app.inject({ method: 'GET', url: '/api/v1/orders', headers: { authorization: `Bearer ${token}` } });

  it('CH-4: a channel limited to business hours refuses sign-in outside them, naming the window and when it opens', async () => {
    const window = closedNow();
    await h.db.update(channels).set({ businessHours: window }).where(eq(channels.code, 'STORE-BJ-002'));
    const res = await login('manager01', 'STORE-BJ-002');
    expect(res.statusCode).toBe(403);
    const body = res.json<ErrorBody>();
    expect(body.code).toBe('OutsideBusinessHours');
    expect(body.reason).toBe('当前不在营业时间内，不能办理业务');
    expect(body.details).toMatchObject({ limitedBy: 'channel', window });
    const opensIn = new Date(body.details.opensAt ?? 0).getTime() - Date.now();
    expect(opensIn).toBeGreaterThan(60 * 60_000);
    expect(opensIn).toBeLessThanOrEqual(2 * 60 * 60_000);
    // The same operator at another channel is not limited.
    expect((await login('manager01', 'STORE-BJ-001')).statusCode).toBe(200);
  });

  it('CH-4: a wrong password outside business hours still answers 401, so the window tells a stranger nothing', async () => {
    await h.db.update(channels).set({ businessHours: closedNow() }).where(eq(channels.code, 'STORE-BJ-002'));
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { operatorId: 'manager01', password: 'wrong-password', channelCode: 'STORE-BJ-002' },
    });
    expect(res.statusCode).toBe(401);
  });

  it('CH-4: a token obtained inside business hours stops working once the operator’s window excludes now', async () => {
    const token = await h.login('store01', 'STORE-BJ-001');
    expect((await listOrders(token)).statusCode).toBe(200);
    const window = closedNow();
    await h.db.update(operators).set({ businessHours: window }).where(eq(operators.id, 'store01'));
    const res = await listOrders(token);
    expect(res.statusCode).toBe(403);
    expect(res.json<ErrorBody>()).toMatchObject({
      code: 'OutsideBusinessHours',
      details: { limitedBy: 'operator', window },
    });
    expect((await login('store01', 'STORE-BJ-001')).json<ErrorBody>().code).toBe('OutsideBusinessHours');
  });

  it('CH-4: a token stops working when its channel’s window excludes now', async () => {
    const token = await h.login('dispatch01', 'STORE-BJ-001');
    await h.db.update(channels).set({ businessHours: closedNow() }).where(eq(channels.code, 'STORE-BJ-001'));
    const res = await listOrders(token);
    expect(res.statusCode).toBe(403);
    expect(res.json<ErrorBody>().details.limitedBy).toBe('channel');
  });

  it('CH-4: inside open windows of both channel and operator, sign-in and requests work', async () => {
    await h.db.update(channels).set({ businessHours: openNow() }).where(eq(channels.code, 'STORE-BJ-001'));
    await h.db.update(operators).set({ businessHours: openNow() }).where(eq(operators.id, 'store01'));
    const res = await login('store01', 'STORE-BJ-001');
    expect(res.statusCode).toBe(200);
    expect((await listOrders(res.json<{ token: string }>().token)).statusCode).toBe(200);
  });

  it('CH-4: a malformed stored window fails closed with the same refusal', async () => {
    const token = await h.login('store01', 'STORE-BJ-001');
    await h.db.update(operators).set({ businessHours: '9 to 5' }).where(eq(operators.id, 'store01'));
    const res = await listOrders(token);
    expect(res.statusCode).toBe(403);
    expect(res.json<ErrorBody>().details).toMatchObject({ limitedBy: 'operator', opensAt: null });
  });
});
