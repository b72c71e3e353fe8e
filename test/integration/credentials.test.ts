import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../api/plugins/auth';
import { operators, sessions } from '../../db/schema';
import { DEMO_PASSWORD } from '../../db/seed';
import { startHarness, type Harness } from '../support/harness';

/**
 * Credentials (CH-2, CH-3): lockout after repeated wrong passwords, logout and token expiry, and rate
 * limits on sign-in and on the API.
 */
const CHANNEL = 'STORE-BJ-001';

async function login(h: Harness, operatorId: string, password: string) {
  return h.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { operatorId, password, channelCode: CHANNEL },
  });
}

const listOrders = (h: Harness, token: string) =>
  h.app.inject({ method: 'GET', url: '/api/v1/orders', headers: { authorization: `Bearer ${token}` } });

const operatorRow = async (h: Harness, id: string) =>
  (await h.db.select().from(operators).where(eq(operators.id, id)))[0];

describe('credentials: lockout, logout and token expiry', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ noWorker: true });
  });
  afterAll(async () => h?.close());

  it('CH-2: five wrong passwords in a row lock the operator for 15 minutes (403 AccountLocked with the unlock time), even with the right password', async () => {
    const unknown = await login(h, 'nobody-here', 'wrong-password');
    for (let attempt = 1; attempt <= 5; attempt++) {
      const res = await login(h, 'manager01', 'wrong-password');
      // The answer to a wrong password is the same whether or not the operator exists.
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual(unknown.json());
    }
    const before = Date.now();
    const locked = await login(h, 'manager01', DEMO_PASSWORD);
    expect(locked.statusCode).toBe(403);
    const body = locked.json<{ code: string; reason: string; details: { lockedUntil: string } }>();
    expect(body).toMatchObject({ code: 'AccountLocked', reason: '工号因多次密码错误已被锁定，请稍后再试' });
    const unlocksIn = Date.parse(body.details.lockedUntil) - before;
    expect(unlocksIn).toBeGreaterThan(14 * 60_000);
    expect(unlocksIn).toBeLessThanOrEqual(15 * 60_000 + 5_000);

    // Once the lock has run out, the right password signs in again and the count starts afresh.
    await h.db
      .update(operators)
      .set({ lockedUntil: new Date(Date.now() - 1_000) })
      .where(eq(operators.id, 'manager01'));
    expect((await login(h, 'manager01', DEMO_PASSWORD)).statusCode).toBe(200);
    expect(await operatorRow(h, 'manager01')).toMatchObject({ failedLogins: 0, lockedUntil: null });
  });

  it('CH-2: a successful sign-in resets the count of wrong passwords', async () => {
    for (let i = 0; i < 4; i++) expect((await login(h, 'dispatch01', 'wrong')).statusCode).toBe(401);
    expect((await login(h, 'dispatch01', DEMO_PASSWORD)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login(h, 'dispatch01', 'wrong')).statusCode).toBe(401);
    expect((await login(h, 'dispatch01', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('CH-2: concurrent wrong passwords each count (one conditional UPDATE, no lost increments)', async () => {
    const answers = await Promise.all([1, 2, 3, 4].map(() => login(h, 'approver01', 'wrong')));
    expect(answers.map((a) => a.statusCode)).toEqual([401, 401, 401, 401]);
    expect((await operatorRow(h, 'approver01'))?.failedLogins).toBe(4);
    expect((await login(h, 'approver01', 'wrong')).statusCode).toBe(401);
    expect((await login(h, 'approver01', DEMO_PASSWORD)).json()).toMatchObject({ code: 'AccountLocked' });
  });

  it('CH-2: logout revokes the token — it then answers 401, and logging out again does too', async () => {
    const token = await h.login('store01', CHANNEL);
    expect((await listOrders(h, token)).statusCode).toBe(200);
    const logout = () =>
      h.app.inject({
        method: 'POST',
        url: '/api/v1/auth/logout',
        headers: { authorization: `Bearer ${token}` },
      });
    const out = await logout();
    expect(out.statusCode).toBe(200);
    expect(Date.parse(out.json<{ revokedAt: string }>().revokedAt)).not.toBeNaN();
    const after = await listOrders(h, token);
    expect(after.statusCode).toBe(401);
    expect(after.json()).toMatchObject({ code: 'Unauthenticated', reason: '未登录或登录已失效' });
    expect((await logout()).statusCode).toBe(401);
    const [session] = await h.db
      .select()
      .from(sessions)
      .where(eq(sessions.tokenHash, hashToken(token)));
    expect(session?.revokedAt).toBeInstanceOf(Date);
  });

  it('CH-2: an expired token answers 401', async () => {
    const token = await h.login('store01', CHANNEL);
    await h.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 60_000) })
      .where(eq(sessions.tokenHash, hashToken(token)));
    const res = await listOrders(h, token);
    expect(res.statusCode).toBe(401);
    expect(res.json<{ message: string }>().message).toContain('expired');
  });

  it('CH-2: an operator signs in only at an outlet it is bound to (403 OutletNotAllowed), and audit rows name that outlet', async () => {
    const at = (outletCode?: string) =>
      h.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { operatorId: 'tech01', password: DEMO_PASSWORD, channelCode: CHANNEL, outletCode },
      });
    const elsewhere = await at('OUT-BJ-WFJ');
    expect(elsewhere.statusCode).toBe(403);
    expect(elsewhere.json()).toMatchObject({
      code: 'OutletNotAllowed',
      reason: '该工号无权在此网点办理业务',
      message: 'body.outletCode: operator tech01 is not bound to outlet OUT-BJ-WFJ; it may work at OUT-BJ-XD',
    });
    // Bound to one outlet: leaving it out signs in there.
    const home = await at();
    expect(home.statusCode).toBe(200);
    expect(home.json()).toMatchObject({ outletCode: 'OUT-BJ-XD' });
    // An operator bound to no outlet works at none.
    expect((await login(h, 'store01', DEMO_PASSWORD)).json()).toMatchObject({ outletCode: null });

    const token = home.json<{ token: string }>().token;
    const logout = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { authorization: `Bearer ${token}`, 'x-request-id': 'outlet-audit-0001' },
    });
    expect(logout.statusCode).toBe(200);
    const admin = await h.login('admin01', CHANNEL);
    const audit = await h.app.inject({
      method: 'GET',
      url: '/api/v1/audit?outletCode=OUT-BJ-XD&route=/api/v1/auth/logout',
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(audit.json()).toEqual([
      expect.objectContaining({ operatorId: 'tech01', channelCode: CHANNEL, outletCode: 'OUT-BJ-XD' }),
    ]);
  });
});

describe('credentials: rate limits', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      noWorker: true,
      config: { LOGIN_RATE_LIMIT_PER_MINUTE: '3', API_RATE_LIMIT_PER_MINUTE: '5' },
    });
  });
  afterAll(async () => h?.close());

  it('CH-2: sign-in allows 3 attempts a minute per IP address and operator ID, then 429 RateLimited', async () => {
    for (let i = 0; i < 3; i++) expect((await login(h, 'approver01', 'wrong')).statusCode).toBe(401);
    const limited = await login(h, 'approver01', DEMO_PASSWORD);
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'RateLimited', reason: '请求过于频繁，请稍后再试' });
    expect(limited.json<{ message: string }>().message).toContain('at most 3 a minute');
    // Another operator ID from the same address has its own budget.
    expect((await login(h, 'manager01', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('CH-3: the API allows 5 requests a minute per token (per IP without one), then 429; other tokens and /health are not affected', async () => {
    const [first, second] = [await h.login('store01', CHANNEL), await h.login('admin01', CHANNEL)];
    for (let i = 0; i < 5; i++) expect((await listOrders(h, first)).statusCode).toBe(200);
    const limited = await listOrders(h, first);
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'RateLimited' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await listOrders(h, second)).statusCode).toBe(200);
    expect((await h.app.inject({ method: 'GET', url: '/health' })).statusCode).not.toBe(429);
  });
});
