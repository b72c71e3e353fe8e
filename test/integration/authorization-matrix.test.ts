import type { Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../api/app';
import { DEMO_PASSWORD } from '../../db/seed';
import { declaredRoutes, type DeclaredRoute } from '../../api/plugins/route-access';
import {
  admits,
  signInOrderAccessCallers,
  signInRouteCallers,
  type OrderAccessCallers,
  type RouteCaller,
} from '../support/callers';
import { groupOpenBody, insertActiveSubscription } from '../support/groups';
import { startHarness, type Harness } from '../support/harness';
import { cancelOrderAs, submitOrder, waitForOrder, type OrderView } from '../support/orders';
import { preCancellationBody } from '../support/pre-cancellation';

/**
 * CH-2, CH-3 — the authorization matrix: every `/api/` route × every seeded role. The expectation comes
 * from the rule the route declares, not from a hand-written list, so a new route is covered as soon as it
 * exists; a route that declares nothing cannot be built at all.
 */
/** A harmless request: placeholders for parameters, an empty JSON body where one may be sent. */
function requestFor(route: DeclaredRoute, token?: string) {
  const url = route.url.replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000');
  const hasBody = ['POST', 'PUT', 'PATCH'].includes(route.method);
  return {
    method: route.method,
    url,
    ...(hasBody ? { payload: {} } : {}),
    headers: token ? { authorization: `Bearer ${token}` } : {},
  };
}

const accessCodes = ['Unauthenticated', 'RoleNotAllowed', 'ChannelNotAllowed'];

describe('authorization matrix (CH-2, CH-3: every route × every role)', () => {
  let h: Harness;
  let callers: RouteCaller[];
  let routes: DeclaredRoute[];
  beforeAll(async () => {
    h = await startHarness({ noWorker: true, config: { API_RATE_LIMIT_PER_MINUTE: '100000' } });
    callers = await signInRouteCallers(h);
    // HEAD answers as GET does; logout goes last, as it revokes the token it is called with.
    const isLogout = (r: DeclaredRoute) => r.url === '/api/v1/auth/logout';
    routes = declaredRoutes(h.app).filter((r) => r.method !== 'HEAD');
    routes = [...routes.filter((r) => !isLogout(r)), ...routes.filter(isLogout)];
  });
  afterAll(async () => h?.close());

  it('CH-3: the matrix covers the whole API, and every seeded role is in it', () => {
    expect(routes.length).toBeGreaterThan(40);
    expect(new Set(callers.flatMap((c) => c.roles))).toEqual(
      new Set([
        'frontline',
        'customerManager',
        'dispatcher',
        'serviceStaff',
        'dutyManager',
        'approver',
        'admin',
      ]),
    );
  });

  it('CH-2, CH-3: every route answers 401 without a token unless it is declared public, and 403 exactly for the roles and channels its rule excludes', async () => {
    const mismatches: string[] = [];
    const tally = { refused: 0, admitted: 0 };
    for (const route of routes) {
      const anonymous = await h.app.inject(requestFor(route));
      const anonymousCode = (anonymous.json<{ code?: string }>() ?? {}).code;
      const wantsToken = route.access !== 'public';
      if (wantsToken !== (anonymous.statusCode === 401 && anonymousCode === 'Unauthenticated')) {
        mismatches.push(
          `${route.method} ${route.url} without token → ${anonymous.statusCode} ${anonymousCode}`,
        );
      }
      if (!wantsToken) continue;
      for (const caller of callers) {
        const res = await h.app.inject(requestFor(route, caller.token));
        const code = (res.json<{ code?: string }>() ?? {}).code ?? '';
        const refused = res.statusCode === 401 || (res.statusCode === 403 && accessCodes.includes(code));
        const expectRefused = !admits(route.access, caller);
        tally[expectRefused ? 'refused' : 'admitted'] += 1;
        const ok = expectRefused
          ? res.statusCode === 403 && (code === 'RoleNotAllowed' || code === 'ChannelNotAllowed')
          : !refused;
        if (!ok) {
          mismatches.push(
            `${route.method} ${route.url} as ${caller.operatorId}: expected ${expectRefused ? '403' : 'access'}, got ${res.statusCode} ${code}`,
          );
        }
      }
    }
    expect(mismatches).toEqual([]);
    // Both sides of the matrix are exercised: many refusals, many admissions.
    expect(tally.refused).toBeGreaterThan(50);
    expect(tally.admitted).toBeGreaterThan(50);
  });
});

describe('a route without a declared permission cannot start (CH-3)', () => {
  it('CH-3: building the app with an extra /api/ route lacking config.access throws naming the route', async () => {
    const h = await startHarness({ noWorker: true });
    try {
      const app = await buildApp({
        db: h.db,
        client: h.client,
        connection: {} as Connection,
        config: h.config,
        logger: false,
        mnpCallbacks: { deliver: async () => 'unknownOrder' },
        bbossCallbacks: { deliver: async () => 'unknownOrder' },
      });
      expect(() => app.get('/api/v1/forgotten-permission', async () => ({ ok: true }))).toThrow(
        /GET \/api\/v1\/forgotten-permission declares no config\.access/,
      );
      // Also inside a plugin, the way every route file registers its routes.
      await expect(
        app.register(async (child) => {
          child.post('/api/v1/also-forgotten', async () => ({ ok: true }));
        }),
      ).rejects.toThrow(/POST \/api\/v1\/also-forgotten declares no config\.access/);
    } finally {
      await h.close();
    }
  });
});

/**
 * REQ: ORD-6, PC-6, GRP-1, CH-1 — past the route's permission, each order has its own readers and cancellers:
 * the outlet (else the channel) it was taken at, that outlet's duty manager and administrators cancel it; a
 * pre-cancellation is revoked at a designated outlet with the holder's document; group orders and a group's
 * products need the product permission; an agent sees its own channel's orders only.
 */
describe('who may read and cancel which order (ORD-6, PC-6, GRP-1, CH-1)', () => {
  let h: Harness;
  let c: OrderAccessCallers;
  let admin: string;
  let manager: string;
  let store01: string;

  beforeAll(async () => {
    h = await startHarness({ config: { API_RATE_LIMIT_PER_MINUTE: '100000' } });
    admin = await h.login('admin01', 'STORE-BJ-001');
    manager = await h.login('manager01', 'STORE-BJ-001');
    store01 = await h.login('store01', 'STORE-BJ-001');
    c = await signInOrderAccessCallers(h, admin);
  });
  afterAll(async () => h?.close());

  const get = (token: string, url: string) =>
    h.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  const orderUrl = (id: string) => `/api/v1/orders/${encodeURIComponent(id)}`;

  /** A group opening with a tariff that needs approval: it waits, cancellable, for the approver. */
  async function waitingGroupOrder(token: string, groupCode: string, submitterId: string): Promise<string> {
    const body = groupOpenBody(groupCode, {
      tariff: { code: 'HDJ-CUSTOM', params: { discountPercent: 80 } },
      submitterId,
    });
    const res = await submitOrder(h.app, token, body);
    expect(res.statusCode, res.body).toBe(202);
    const id = res.json<{ id: string }>().id;
    await waitForOrder(h.app, admin, id, (o) => o.step === 'awaitingApproval');
    return id;
  }

  it('ORD-6: an order taken at an outlet is cancelled by that outlet, its duty manager or an administrator; a clerk of another outlet or of the channel at no outlet is refused 403 CancelNotAllowed', async () => {
    const atXidan = await waitingGroupOrder(c.clerkXd, '1000000002', 'clerk.xd');

    for (const [who, token] of [
      ['clerk.wfj', c.clerkWfj],
      ['clerk.store', c.clerkStore],
    ] as const) {
      const refused = await cancelOrderAs(h.app, token, atXidan, '客户改变主意');
      expect(refused.statusCode, who).toBe(403);
      expect(refused.json(), who).toMatchObject({ code: 'CancelNotAllowed' });
      expect(refused.json<{ message: string }>().message, who).toContain('OUT-BJ-XD');
    }
    expect((await get(c.clerkXd, orderUrl(atXidan))).json<OrderView>()).toMatchObject({
      status: 'pending',
      channelCode: 'STORE-BJ-001',
      outletCode: 'OUT-BJ-XD',
    });

    const byDutyManager = await cancelOrderAs(h.app, c.dutyXd, atXidan, '值班长撤单');
    expect(byDutyManager.statusCode, byDutyManager.body).toBe(200);
    expect(byDutyManager.json<OrderView>()).toMatchObject({ status: 'cancelled' });
    expect(byDutyManager.json<OrderView>().timeline.at(-1)).toMatchObject({ actor: 'duty.xd' });

    const another = await waitingGroupOrder(c.clerkXd, '1000000003', 'clerk.xd');
    const byAdmin = await cancelOrderAs(h.app, admin, another, '管理员撤单');
    expect(byAdmin.statusCode, byAdmin.body).toBe(200);
    expect(byAdmin.json<OrderView>().status).toBe('cancelled');
  });

  it('ORD-6: an order taken at no outlet is cancelled by operators of its channel; another channel is refused 403 CancelNotAllowed', async () => {
    const atStore = await waitingGroupOrder(c.clerkStore, '1000000004', 'clerk.store');
    const elsewhere = await h.login('manager01', 'STORE-BJ-002');
    const refused = await cancelOrderAs(h.app, elsewhere, atStore, '别的营业厅');
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'CancelNotAllowed' });
    expect((await get(c.clerkStore, orderUrl(atStore))).json<OrderView>()).toMatchObject({
      status: 'pending',
      channelCode: 'STORE-BJ-001',
      outletCode: null,
    });

    const sameChannel = await cancelOrderAs(h.app, c.clerkXd, atStore, '同一营业厅');
    expect(sameChannel.statusCode, sameChannel.body).toBe(200);
    expect(sameChannel.json<OrderView>().status).toBe('cancelled');
  });

  it("GRP-1: group orders and a group's product subscriptions are read and cancelled only with the product permission: 403 ProductPermissionRequired, and lists leave them out", async () => {
    const id = await waitingGroupOrder(manager, '1000000005', 'manager01');
    const read = await get(store01, orderUrl(id));
    expect(read.statusCode).toBe(403);
    expect(read.json()).toMatchObject({
      code: 'ProductPermissionRequired',
      reason: '没有该产品的权限，请找管理员授权',
    });
    const cancel = await cancelOrderAs(h.app, store01, id, 'no permission');
    expect(cancel.statusCode).toBe(403);
    expect(cancel.json()).toMatchObject({ code: 'ProductPermissionRequired' });
    expect((await get(manager, orderUrl(id))).json<OrderView>().status).toBe('pending');

    const hidden = await get(store01, '/api/v1/orders?type=groupOpen');
    expect(hidden.statusCode).toBe(200);
    expect(hidden.headers['x-total-count']).toBe('0');
    expect(hidden.json<{ items: unknown[] }>().items).toEqual([]);
    const shown = await get(manager, '/api/v1/orders?type=groupOpen');
    expect(Number(shown.headers['x-total-count'])).toBeGreaterThanOrEqual(1);
    expect(shown.json<{ items: { id: string }[] }>().items.map((o) => o.id)).toContain(id);

    await insertActiveSubscription(h.db, '1000000001');
    const group = (token: string) => get(token, '/api/v1/groups/1000000001');
    expect((await group(manager)).json<{ subscriptions: { productCode: string }[] }>().subscriptions).toEqual(
      [expect.objectContaining({ productCode: 'HDJ' })],
    );
    const withoutPermission = (await group(store01)).json<{
      subscriptions: unknown[];
      hiddenSubscriptionCount: number;
    }>();
    expect(withoutPermission.subscriptions).toEqual([]);
    expect(withoutPermission.hiddenSubscriptionCount).toBe(1);
  });

  it('GRP-1, ORD-6: an approver without the product permission can neither read nor decide a group order: 403 ProductPermissionRequired on the approval route, and the order still waits', async () => {
    // 1000000003's earlier order was cancelled, so the group is free to order again.
    const id = await waitingGroupOrder(manager, '1000000003', 'manager01');
    const created = await h.app.inject({
      method: 'POST',
      url: '/api/v1/operators',
      headers: { authorization: `Bearer ${admin}` },
      payload: {
        id: 'approver.np',
        name: 'approver.np',
        roles: ['approver'],
        channels: ['STORE-BJ-001'],
        outlets: [],
        password: DEMO_PASSWORD,
      },
    });
    expect(created.statusCode, created.body).toBeLessThan(300);
    const approver = await h.login('approver.np', 'STORE-BJ-001');

    const decided = await h.app.inject({
      method: 'POST',
      url: `${orderUrl(id)}/approval`,
      headers: { authorization: `Bearer ${approver}` },
      payload: { decision: 'reject', comment: '不该看到这张单' },
    });
    expect(decided.statusCode, decided.body).toBe(403);
    expect(decided.json()).toMatchObject({ code: 'ProductPermissionRequired' });
    expect(decided.json<Record<string, unknown>>()).not.toHaveProperty('summary');
    expect((await get(manager, orderUrl(id))).json<OrderView>()).toMatchObject({
      status: 'pending',
      step: 'awaitingApproval',
    });
    expect((await cancelOrderAs(h.app, manager, id, '测试结束')).statusCode).toBe(200);
  });

  it("CH-1, ORD-6: an agent sees only its own channel's orders: another channel's order is 404 OrderNotFound, and the list holds its own only", async () => {
    const recharge = (msisdn: string) => ({
      type: 'recharge',
      msisdn,
      amountFen: 1_000,
      payment: { method: 'cash' },
    });
    const submitted = async (token: string, msisdn: string) => {
      const res = await submitOrder(h.app, token, recharge(msisdn));
      expect(res.statusCode, res.body).toBe(202);
      const id = res.json<{ id: string }>().id;
      expect((await waitForOrder(h.app, token, id)).status).toBe('completed');
      return id;
    };
    const own = await submitted(c.agent, '13900100015');
    const storeOrder = await submitted(store01, '13900100016');

    expect((await get(c.agent, orderUrl(own))).statusCode).toBe(200);
    const foreign = await get(c.agent, orderUrl(storeOrder));
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).toMatchObject({ code: 'OrderNotFound' });
    const cancel = await cancelOrderAs(h.app, c.agent, storeOrder, 'not ours');
    expect(cancel.statusCode).toBe(404);
    expect(cancel.json()).toMatchObject({ code: 'OrderNotFound' });

    const list = await get(c.agent, '/api/v1/orders?limit=200');
    expect(list.headers['x-total-count']).toBe('1');
    expect(list.json<{ items: { id: string; channelCode: string }[] }>().items).toEqual([
      expect.objectContaining({ id: own, channelCode: c.agentChannel }),
    ]);
    // An own store reads every channel's orders (the order desk's ordinary view).
    const all = await get(store01, '/api/v1/orders?type=recharge');
    expect(all.json<{ items: { id: string }[] }>().items.map((o) => o.id)).toEqual(
      expect.arrayContaining([own, storeOrder]),
    );
  });

  it("PC-6: a pre-cancellation is revoked only by a customer manager at a designated outlet with the holder's document: none 422 naming body.identity, another's 422 IdentityMismatch, else 403", async () => {
    const msisdn = '13900100017';
    const submitted = await submitOrder(h.app, manager, preCancellationBody(msisdn));
    expect(submitted.statusCode, submitted.body).toBe(202);
    const id = submitted.json<{ id: string }>().id;
    await waitForOrder(h.app, manager, id, (o) => o.step === 'waitingForGraceEnd');
    const holder = preCancellationBody(msisdn).identity as Record<string, unknown>;
    const revoke = (token: string, identity?: Record<string, unknown>) =>
      h.app.inject({
        method: 'POST',
        url: `${orderUrl(id)}/cancel`,
        headers: { authorization: `Bearer ${token}` },
        payload: { reason: '客户撤销预销号 customer stays', ...(identity ? { identity } : {}) },
      });

    const without = await revoke(manager);
    expect(without.statusCode).toBe(422);
    expect(without.json()).toMatchObject({ code: 'IdentityVerificationRequired' });
    expect(without.json<{ message: string }>().message).toContain('body.identity');

    const someoneElse = await revoke(manager, { ...holder, idNumber: '110101199001019999' });
    expect(someoneElse.statusCode).toBe(422);
    expect(someoneElse.json()).toMatchObject({ code: 'IdentityMismatch', reason: '证件与机主资料不符' });

    const clerk = await revoke(store01, holder);
    expect(clerk.statusCode).toBe(403);
    expect(clerk.json()).toMatchObject({ code: 'RoleNotAllowed' });
    const undesignated = await revoke(await h.login('manager01', 'STORE-BJ-002'), holder);
    expect(undesignated.statusCode).toBe(403);
    expect(undesignated.json()).toMatchObject({ code: 'ChannelNotAllowed' });
    expect((await get(manager, orderUrl(id))).json<OrderView>().step).toBe('waitingForGraceEnd');

    const revoked = await revoke(manager, holder);
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json<OrderView>()).toMatchObject({ status: 'cancelled', summary: { outcome: 'revoked' } });
  });
});
