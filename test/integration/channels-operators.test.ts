import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness';

/** CH-1…CH-4 — administrators create channels and operators (REQ: CH-1…CH-4), through the API only. */
const PASSWORD = 'Initial2026';

interface ErrorBody {
  code: string;
  reason: string;
  message: string;
}
interface Channel {
  code: string;
  type: string;
  location: string;
  active: boolean;
  businessHours: string | null;
}
interface Operator {
  id: string;
  roles: string[];
  channels: string[];
  outlets: string[];
  active: boolean;
  failedLogins: number;
  lockedUntil: string | null;
}

/** `HH:MM` in business time, `hours` from now. */
function localClock(offsetHours: number, hours: number): string {
  const local = new Date(Date.now() + (offsetHours + hours) * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
}

describe('channels and operators (CH-1…CH-4)', () => {
  let h: Harness;
  let admin: string;
  /** A window that opens two hours from now and lasts one hour: it excludes now. */
  let closedNow: () => string;

  beforeAll(async () => {
    h = await startHarness({ noWorker: true });
    admin = await h.login('admin01', 'STORE-BJ-001');
    closedNow = () =>
      `${localClock(h.config.BUSINESS_UTC_OFFSET_HOURS, 2)}-${localClock(h.config.BUSINESS_UTC_OFFSET_HOURS, 3)}`;
  });
  afterAll(async () => h?.close());

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, token: string, payload?: object) =>
    h.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(payload ? { payload } : {}),
    });
  const signIn = (operatorId: string, channelCode: string, password = PASSWORD, outletCode?: string) =>
    h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { operatorId, password, channelCode, ...(outletCode ? { outletCode } : {}) },
    });
  const tokenOf = async (operatorId: string, channelCode: string) => {
    const res = await signIn(operatorId, channelCode);
    expect(res.statusCode).toBe(200);
    return res.json<{ token: string }>().token;
  };
  const createChannel = async (body: object): Promise<Channel> => {
    const res = await call('POST', '/api/v1/channels', admin, body);
    expect(res.statusCode).toBe(201);
    return res.json<Channel>();
  };
  const createOperator = async (body: Record<string, unknown>): Promise<Operator> => {
    const res = await call('POST', '/api/v1/operators', admin, {
      name: 'Test operator',
      password: PASSWORD,
      roles: ['frontline'],
      ...body,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<Operator>();
  };
  const listOrders = (token: string) => call('GET', '/api/v1/orders', token);

  it('CH-1: generated interface codes are unique per type and location, also for concurrent creations', async () => {
    const first = await createChannel({ type: 'ownStore', location: 'BJ', name: '朝阳营业厅 Chaoyang' });
    expect(first).toMatchObject({ code: 'STORE-BJ-003', type: 'ownStore', location: 'BJ', active: true });
    expect((await createChannel({ type: 'ownStore', location: 'BJ', name: 'Haidian' })).code).toBe(
      'STORE-BJ-004',
    );
    expect((await createChannel({ type: 'website', location: 'BJ', name: 'App' })).code).toBe('WEB-BJ-002');
    expect((await createChannel({ type: 'agentL1', location: 'SH', name: 'Agent' })).code).toBe('AG1-SH-001');

    const concurrent = await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        call('POST', '/api/v1/channels', admin, { type: 'bank', location: 'GZ', name: `Bank ${i}` }),
      ),
    );
    expect(concurrent.map((r) => r.statusCode)).toEqual([201, 201, 201, 201]);
    expect(concurrent.map((r) => r.json<Channel>().code).sort()).toEqual([
      'BANK-GZ-001',
      'BANK-GZ-002',
      'BANK-GZ-003',
      'BANK-GZ-004',
    ]);

    const listed = await call('GET', '/api/v1/channels?type=bank&location=GZ&active=true', admin);
    expect(listed.json<{ items: Channel[] }>().items.map((c) => c.code)).toEqual([
      'BANK-GZ-001',
      'BANK-GZ-002',
      'BANK-GZ-003',
      'BANK-GZ-004',
    ]);
    expect((await call('GET', '/api/v1/channels/AG1-SH-001', admin)).json<Channel>().type).toBe('agentL1');
    const missing = await call('GET', '/api/v1/channels/STORE-XX-001', admin);
    expect(missing.statusCode).toBe(404);
    expect(missing.json<ErrorBody>()).toMatchObject({ code: 'ChannelNotFound', reason: '渠道不存在' });
  });

  it('CH-2: a new operator signs in through its bound channel and is refused on another', async () => {
    const channel = await createChannel({ type: 'ownStore', location: 'TJ', name: 'Tianjin store' });
    const created = await createOperator({ id: 'new.op01', channels: [channel.code] });
    expect(created).toMatchObject({
      id: 'new.op01',
      roles: ['frontline'],
      channels: [channel.code],
      outlets: [],
    });
    expect(JSON.stringify(created)).not.toMatch(/password|Initial2026|\$2[aby]\$/i);

    const token = await tokenOf('new.op01', channel.code);
    expect((await listOrders(token)).statusCode).toBe(200);
    const elsewhere = await signIn('new.op01', 'STORE-BJ-001');
    expect(elsewhere.statusCode).toBe(403);
    expect(elsewhere.json<ErrorBody>().code).toBe('ChannelNotAllowed');

    const again = await call('POST', '/api/v1/operators', admin, {
      id: 'new.op01',
      name: 'Again',
      password: PASSWORD,
      roles: ['frontline'],
      channels: [channel.code],
    });
    expect(again.statusCode).toBe(409);
    expect(again.json<ErrorBody>()).toMatchObject({ code: 'OperatorExists', reason: '工号已存在' });

    const listed = await call('GET', `/api/v1/operators?channel=${channel.code}&role=frontline`, admin);
    expect(listed.json<{ items: Operator[] }>().items.map((o) => o.id)).toEqual(['new.op01']);
  });

  it('CH-2: an operator bound to an outlet signs in there (200 with outletCode) and is refused at another (403 OutletNotAllowed)', async () => {
    await createOperator({ id: 'outlet.op', channels: ['STORE-BJ-001'], outlets: ['OUT-BJ-XD'] });
    const refused = await signIn('outlet.op', 'STORE-BJ-001', PASSWORD, 'OUT-BJ-WFJ');
    expect(refused.statusCode).toBe(403);
    expect(refused.json<ErrorBody>().code).toBe('OutletNotAllowed');
    const bound = await signIn('outlet.op', 'STORE-BJ-001', PASSWORD, 'OUT-BJ-XD');
    expect(bound.statusCode).toBe(200);
    expect(bound.json<{ outletCode: string }>().outletCode).toBe('OUT-BJ-XD');

    // Rebinding through PATCH replaces the set.
    const patched = await call('PATCH', '/api/v1/operators/outlet.op', admin, { outlets: ['OUT-BJ-WFJ'] });
    expect(patched.json<Operator>().outlets).toEqual(['OUT-BJ-WFJ']);
    expect((await signIn('outlet.op', 'STORE-BJ-001', PASSWORD, 'OUT-BJ-WFJ')).statusCode).toBe(200);
  });

  it('CH-2, UI-1: an operator bound to several outlets must name one (422), and both outlet refusals list its outlets in details.outlets for the sign-in page', async () => {
    await createOperator({
      id: 'two.outlets',
      channels: ['STORE-BJ-001'],
      outlets: ['OUT-BJ-XD', 'OUT-BJ-WFJ'],
    });
    const unnamed = await signIn('two.outlets', 'STORE-BJ-001');
    expect(unnamed.statusCode).toBe(422);
    expect(unnamed.json()).toMatchObject({
      code: 'BusinessRuleViolated',
      details: { outlets: ['OUT-BJ-WFJ', 'OUT-BJ-XD'] },
    });
    const wrong = await signIn('two.outlets', 'STORE-BJ-001', PASSWORD, 'OUT-SH-PD');
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json()).toMatchObject({
      code: 'OutletNotAllowed',
      details: { outlets: ['OUT-BJ-WFJ', 'OUT-BJ-XD'] },
    });
    const named = await signIn('two.outlets', 'STORE-BJ-001', PASSWORD, 'OUT-BJ-WFJ');
    expect(named.json<{ outletCode: string }>().outletCode).toBe('OUT-BJ-WFJ');
  });

  it('UI-1: the operators list comes a page at a time, by ID, with the total in X-Total-Count', async () => {
    const all = await call('GET', '/api/v1/operators?limit=200', admin);
    const ids = all.json<{ items: Operator[] }>().items.map((o) => o.id);
    expect(all.headers['x-total-count']).toBe(String(ids.length));
    expect(ids).toEqual([...ids].sort());
    const page = await call('GET', '/api/v1/operators?offset=2&limit=3', admin);
    expect(page.headers['x-total-count']).toBe(String(ids.length));
    expect(page.json<{ items: Operator[] }>().items.map((o) => o.id)).toEqual(ids.slice(2, 5));
    const admins = await call('GET', '/api/v1/operators?role=admin&limit=1', admin);
    expect(Number(admins.headers['x-total-count'])).toBeGreaterThanOrEqual(1);
    expect(admins.json<{ items: Operator[] }>().items).toHaveLength(1);
  });

  it('CH-3, CH-1: a disabled channel refuses sign-in (401) and every live token bound to it (401)', async () => {
    const channel = await createChannel({ type: 'callCentre', location: 'BJ', name: 'Overflow hotline' });
    await createOperator({ id: 'cc.op', channels: [channel.code] });
    const token = await tokenOf('cc.op', channel.code);
    expect((await listOrders(token)).statusCode).toBe(200);

    const disabled = await call('PATCH', `/api/v1/channels/${channel.code}`, admin, { active: false });
    expect(disabled.json<Channel>().active).toBe(false);
    const live = await listOrders(token);
    expect(live.statusCode).toBe(401);
    expect(live.json<ErrorBody>().code).toBe('Unauthenticated');
    const login = await signIn('cc.op', channel.code);
    expect(login.statusCode).toBe(401);
    expect(login.json<ErrorBody>().code).toBe('InvalidCredentials');

    const inactive = await call('GET', '/api/v1/channels?active=false', admin);
    expect(inactive.json<{ items: Channel[] }>().items.map((c) => c.code)).toContain(channel.code);
    await call('PATCH', `/api/v1/channels/${channel.code}`, admin, { active: true });
    expect((await signIn('cc.op', channel.code)).statusCode).toBe(200);
  });

  it('CH-4: business hours set through PATCH on a channel and on an operator take effect, and null lifts them', async () => {
    const channel = await createChannel({ type: 'ownStore', location: 'CQ', name: 'Chongqing store' });
    await createOperator({ id: 'hours.op', channels: [channel.code] });
    const window = closedNow();
    const set = await call('PATCH', `/api/v1/channels/${channel.code}`, admin, { businessHours: window });
    expect(set.json<Channel>().businessHours).toBe(window);
    const refused = await signIn('hours.op', channel.code);
    expect(refused.statusCode).toBe(403);
    expect(refused.json<ErrorBody & { details: { limitedBy: string } }>()).toMatchObject({
      code: 'OutsideBusinessHours',
      details: { limitedBy: 'channel' },
    });

    await call('PATCH', `/api/v1/channels/${channel.code}`, admin, { businessHours: null });
    const token = await tokenOf('hours.op', channel.code);
    await call('PATCH', '/api/v1/operators/hours.op', admin, { businessHours: window });
    const limited = await listOrders(token);
    expect(limited.statusCode).toBe(403);
    expect(limited.json<{ details: { limitedBy: string } }>().details.limitedBy).toBe('operator');
    await call('PATCH', '/api/v1/operators/hours.op', admin, { businessHours: null });
    expect((await listOrders(token)).statusCode).toBe(200);
  });

  it('CH-2: a role change takes effect on the operator’s next request', async () => {
    await createOperator({ id: 'role.op', channels: ['STORE-BJ-001'] });
    const token = await tokenOf('role.op', 'STORE-BJ-001');
    const before = await call('GET', '/api/v1/channels', token);
    expect(before.statusCode).toBe(403);
    expect(before.json<ErrorBody>().code).toBe('RoleNotAllowed');

    const patched = await call('PATCH', '/api/v1/operators/role.op', admin, {
      roles: ['frontline', 'admin'],
    });
    expect(patched.json<Operator>().roles).toEqual(['frontline', 'admin']);
    expect((await call('GET', '/api/v1/channels', token)).statusCode).toBe(200);

    await call('PATCH', '/api/v1/operators/role.op', admin, { roles: ['frontline'] });
    expect((await call('GET', '/api/v1/channels', token)).statusCode).toBe(403);
  });

  it('CH-2: a deactivated operator’s token answers 401 and it cannot sign in; a password reset replaces the old one', async () => {
    await createOperator({ id: 'gone.op', channels: ['STORE-BJ-001'] });
    const token = await tokenOf('gone.op', 'STORE-BJ-001');
    const off = await call('PATCH', '/api/v1/operators/gone.op', admin, { active: false });
    expect(off.json<Operator>().active).toBe(false);
    expect((await listOrders(token)).statusCode).toBe(401);
    expect((await signIn('gone.op', 'STORE-BJ-001')).statusCode).toBe(401);

    await call('PATCH', '/api/v1/operators/gone.op', admin, { active: true });
    const before = await tokenOf('gone.op', 'STORE-BJ-001');
    await call('PATCH', '/api/v1/operators/gone.op', admin, { password: 'Changed2026' });
    // The reset signs the operator out: a token from the old password stops working.
    expect((await listOrders(before)).statusCode).toBe(401);
    expect((await signIn('gone.op', 'STORE-BJ-001')).statusCode).toBe(401);
    expect((await signIn('gone.op', 'STORE-BJ-001', 'Changed2026')).statusCode).toBe(200);
  });

  it('CH-2: unlock clears a lockout after too many wrong passwords', async () => {
    await createOperator({ id: 'locked.op', channels: ['STORE-BJ-001'] });
    for (let i = 0; i < h.config.LOGIN_MAX_FAILURES; i += 1) {
      await signIn('locked.op', 'STORE-BJ-001', 'wrong-password1');
    }
    const locked = await signIn('locked.op', 'STORE-BJ-001');
    expect(locked.statusCode).toBe(403);
    expect(locked.json<ErrorBody>().code).toBe('AccountLocked');
    expect(
      (await call('GET', '/api/v1/operators/locked.op', admin)).json<Operator>().lockedUntil,
    ).not.toBeNull();

    const unlocked = await call('PATCH', '/api/v1/operators/locked.op', admin, { unlock: true });
    expect(unlocked.json<Operator>()).toMatchObject({ lockedUntil: null, failedLogins: 0 });
    expect((await signIn('locked.op', 'STORE-BJ-001')).statusCode).toBe(200);
  });

  it('CH-2: an administrator may not deactivate itself or drop its own admin role (409)', async () => {
    for (const change of [{ active: false }, { roles: ['frontline'] }]) {
      const res = await call('PATCH', '/api/v1/operators/admin01', admin, change);
      expect(res.statusCode).toBe(409);
      expect(res.json<ErrorBody>().code).toBe('OwnAdminAccessKept');
    }
    expect((await call('GET', '/api/v1/operators/admin01', admin)).json<Operator>()).toMatchObject({
      active: true,
      roles: ['admin'],
    });
  });

  it('CH-2: callers without the admin role are refused (403 RoleNotAllowed)', async () => {
    const store = await h.login('store01', 'STORE-BJ-001');
    for (const [method, url] of [
      ['POST', '/api/v1/channels'],
      ['GET', '/api/v1/channels'],
      ['POST', '/api/v1/operators'],
      ['PATCH', '/api/v1/operators/store01'],
    ] as const) {
      const res = await call(method, url, store, method === 'GET' ? undefined : {});
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json<ErrorBody>().code).toBe('RoleNotAllowed');
    }
  });

  it('CH-1, CH-2: input that breaks the document is refused 400, an unknown channel or outlet 422 BusinessRuleViolated, each naming the field, and nothing is half-written', async () => {
    const breaksDocument = { status: 400, code: 'ValidationFailed' };
    const businessRule = { status: 422, code: 'BusinessRuleViolated' };
    const cases: [string, 'POST' | 'PATCH', object, string, { status: number; code: string }][] = [
      [
        '/api/v1/channels',
        'POST',
        { type: 'ownStore', location: 'bj', name: 'x' },
        'body.location',
        breaksDocument,
      ],
      ['/api/v1/channels', 'POST', { type: 'kiosk', location: 'BJ', name: 'x' }, 'body.type', breaksDocument],
      [
        '/api/v1/channels/STORE-BJ-001',
        'PATCH',
        { businessHours: '9 to 5' },
        'body.businessHours',
        breaksDocument,
      ],
      ['/api/v1/channels/STORE-BJ-001', 'PATCH', { location: 'SH' }, 'location', breaksDocument],
      [
        '/api/v1/operators',
        'POST',
        { id: 'ok.id', name: 'x', password: 'short1', roles: ['frontline'], channels: ['STORE-BJ-001'] },
        'body.password',
        breaksDocument,
      ],
      [
        '/api/v1/operators',
        'POST',
        { id: 'ok.id', name: 'x', password: PASSWORD, roles: ['boss'], channels: ['STORE-BJ-001'] },
        'body.roles',
        breaksDocument,
      ],
      [
        '/api/v1/operators',
        'POST',
        { id: 'ok.id', name: 'x', password: PASSWORD, roles: ['frontline'], channels: ['STORE-XX-404'] },
        'body.channels',
        businessRule,
      ],
      [
        '/api/v1/operators',
        'POST',
        {
          id: 'ok.id',
          name: 'x',
          password: PASSWORD,
          roles: ['frontline'],
          channels: ['STORE-BJ-001'],
          outlets: ['OUT-NOWHERE'],
        },
        'body.outlets',
        businessRule,
      ],
      [
        '/api/v1/operators',
        'POST',
        { id: 'A', name: 'x', password: PASSWORD, roles: [], channels: [] },
        'body.id',
        breaksDocument,
      ],
      ['/api/v1/operators/store01', 'PATCH', { channels: ['STORE-XX-404'] }, 'body.channels', businessRule],
    ];
    for (const [url, method, body, field, refusal] of cases) {
      const res = await call(method, url, admin, body);
      expect(res.statusCode, `${method} ${url} ${JSON.stringify(body)}`).toBe(refusal.status);
      const error = res.json<ErrorBody>();
      expect(error.code, `${method} ${url} ${JSON.stringify(body)}`).toBe(refusal.code);
      expect(error.message).toContain(field);
    }
    // The operator refused for an unknown outlet was not created, and store01 kept its channels.
    expect((await call('GET', '/api/v1/operators/ok.id', admin)).statusCode).toBe(404);
    expect((await call('GET', '/api/v1/operators/store01', admin)).json<Operator>().channels).toEqual([
      'STORE-BJ-001',
      'WEB-BJ-001',
    ]);
    expect((await h.login('store01', 'STORE-BJ-001')).length).toBeGreaterThan(0);
  });
});
