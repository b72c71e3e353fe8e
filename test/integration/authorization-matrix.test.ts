import type { Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../api/app';
import { declaredRoutes, type DeclaredRoute } from '../../api/plugins/route-access';
import { admits, signInRouteCallers, type RouteCaller } from '../support/callers';
import { startHarness, type Harness } from '../support/harness';

/**
 * Issue 7 item 2 — the authorization matrix: every `/api/` route × every seeded role. The expectation comes
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

describe('authorization matrix (issue 7: every route × every role)', () => {
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

describe('a route without a declared permission cannot start (issue 7 acceptance)', () => {
  it('CH-3: building the app with an extra /api/ route lacking config.access throws naming the route', async () => {
    const h = await startHarness({ noWorker: true });
    try {
      const app = await buildApp({
        db: h.db,
        client: h.client,
        connection: {} as Connection,
        config: h.config,
        logger: false,
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
