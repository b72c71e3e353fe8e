import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { numbers, orders } from '../../db/schema';
import { startSignedInHarness, type Harness } from '../support/harness';
import { newKey, openAccountBody, submitOrder } from '../support/orders';

describe('API: access, validation, health and docs', () => {
  let h: Harness;
  let token: string;
  beforeAll(async () => ({ h, token } = await startSignedInHarness()));
  afterAll(async () => h?.close());

  const orderCount = async () => (await h.db.select({ n: count() }).from(orders))[0]?.n ?? -1;
  const preempted = async () =>
    (await h.db.select().from(numbers)).filter((n) => n.status !== 'unused').length;

  it('CH-3: a request without a token is refused with 401', async () => {
    const res = await submitOrder(h.app, '', openAccountBody());
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'Unauthenticated', reason: '未登录或登录已失效' });
    expect(res.json<{ message: string }>().message).toContain('headers.authorization');
    const bogus = await submitOrder(h.app, 'not-a-real-token', openAccountBody());
    expect(bogus.statusCode).toBe(401);
  });

  it('CH-2: sign-in needs interface code, operator ID and password together', async () => {
    const login = (payload: Record<string, string>) =>
      h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload });
    const wrongPassword = await login({
      operatorId: 'store01',
      password: 'nope',
      channelCode: 'STORE-BJ-001',
    });
    expect(wrongPassword.statusCode).toBe(401);
    expect(wrongPassword.json()).toMatchObject({ code: 'InvalidCredentials' });
    const unknownChannel = await login({
      operatorId: 'store01',
      password: 'Demo#2026',
      channelCode: 'NOPE-1',
    });
    expect(unknownChannel.statusCode).toBe(401);
    const missing = await login({ operatorId: 'store01', password: 'Demo#2026' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json<{ message: string }>().message).toContain('body.channelCode');
  });

  it('CH-2, ORD-4: an operator signing in through a channel not assigned to them gets 403', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { operatorId: 'store01', password: 'Demo#2026', channelCode: 'CC-10086-BJ' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'ChannelNotAllowed', reason: '该工号无权在此渠道办理业务' });
  });

  it('ORD-4: a channel type not allowed for orders, or a role without the right, gets 403 and nothing is written', async () => {
    const before = await orderCount();
    const bankToken = await h.login('bank01', 'BANK-BJ-001');
    const viaBank = await submitOrder(h.app, bankToken, openAccountBody());
    expect(viaBank.statusCode).toBe(403);
    expect(viaBank.json()).toMatchObject({ code: 'ChannelNotAllowed' });
    const dispatcher = await h.login('dispatch01', 'STORE-BJ-001');
    const byDispatcher = await submitOrder(h.app, dispatcher, openAccountBody());
    expect(byDispatcher.statusCode).toBe(403);
    expect(byDispatcher.json()).toMatchObject({ code: 'RoleNotAllowed' });
    expect(await orderCount()).toBe(before);
  });

  it.each([
    [
      'a missing customer name',
      openAccountBody({ customer: { ...(openAccountBody().customer as object), name: undefined } }),
      'body.customer.name',
    ],
    ['a 10-digit number', openAccountBody({ msisdn: '1380010077' }), 'body.msisdn'],
    ['an unknown payment method', openAccountBody({ payment: { method: 'cheque' } }), 'body.payment.method'],
    [
      'an enterprise without business licence',
      openAccountBody({
        customer: {
          kind: 'enterprise',
          name: '某公司',
          unitCertificateNo: 'U1',
          address: 'A',
          contactPhone: '01088886666',
          agent: { name: '李四', idType: 'idCard', idNumber: '110101199003071234' },
        },
      }),
      'body.customer.businessLicenceNo',
    ],
    ['an unknown order type', { type: 'teleport' }, 'body.type'],
  ])(
    'OPEN-3: %s is refused with 400 naming the field, and nothing is written',
    async (_what, body, field) => {
      const [ordersBefore, heldBefore] = [await orderCount(), await preempted()];
      const res = await submitOrder(h.app, token, body);
      expect(res.statusCode).toBe(400);
      const err = res.json<{
        code: string;
        reason: string;
        message: string;
        details: { path: string; zh: string; en: string }[];
      }>();
      expect(err.code).toBe('ValidationFailed');
      expect(err.reason).toBe('请求内容不符合规则');
      expect(err.message).toContain(field);
      expect(err.details.some((i) => i.path === field && i.en.length > 0 && i.zh.length > 0)).toBe(true);
      expect([await orderCount(), await preempted()]).toEqual([ordersBefore, heldBefore]);
    },
  );

  it('OPEN-3: an ID card number that is not 17 digits and a check character is a business refusal, 422 naming the field, and nothing is written', async () => {
    const [ordersBefore, heldBefore] = [await orderCount(), await preempted()];
    const customer = { ...(openAccountBody().customer as object), idType: 'idCard', idNumber: '12345' };
    const res = await submitOrder(h.app, token, openAccountBody({ customer }));
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'BusinessRuleViolated', reason: '请求不符合业务规则' });
    expect(res.json<{ message: string }>().message).toBe(
      'body.customer.idNumber: an ID card number is 17 digits followed by a digit or X',
    );
    expect([await orderCount(), await preempted()]).toEqual([ordersBefore, heldBefore]);
  });

  it('ORD-3: an order without an Idempotency-Key is refused with 400 naming the header', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/orders',
      headers: { authorization: `Bearer ${token}` },
      payload: openAccountBody(),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ message: string }>().message).toContain('headers.idempotency-key');
    const short = await submitOrder(h.app, token, openAccountBody(), 'short');
    expect(short.statusCode).toBe(400);
  });

  it('a body that is not JSON gets 400, not 500', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/orders',
      headers: {
        authorization: `Bearer ${token}`,
        'idempotency-key': newKey(),
        'content-type': 'application/json',
      },
      payload: '{"type": "openAccount",',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'ValidationFailed' });
  });

  it('health answers; readiness reports Temporal and the database up', async () => {
    expect((await h.app.inject({ url: '/health' })).json()).toEqual({ status: 'ok' });
    const ready = await h.app.inject({ url: '/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', checks: { database: 'up', temporal: 'up' } });
  });

  it('OpenAPI 3 document describes every route with its security and schemas', async () => {
    const res = await h.app.inject({ url: '/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json<{
      openapi: string;
      paths: Record<
        string,
        Record<string, { security?: unknown; responses: object; description?: string; summary?: string }>
      >;
    }>();
    expect(doc.openapi).toMatch(/^3\./);
    const post = doc.paths['/api/v1/orders']?.post;
    expect(post?.security).toEqual([{ bearerAuth: [] }]);
    expect(Object.keys(post?.responses ?? {})).toEqual(expect.arrayContaining(['202', '400', '401', '403']));
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        expect(op.summary, `${method} ${path} has a summary`).toBeTruthy();
      }
    }
  });
});
