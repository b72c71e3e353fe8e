import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { declaredRoutes, type DeclaredRoute } from '../../api/plugins/route-access';
import { signBody } from '../../api/plugins/signed-callback';
import { BBOSS_SIGNATURE_HEADER } from '../../api/callbacks/bboss-callbacks';
import { CLEARING_SIGNATURE_HEADER } from '../../api/callbacks/mnp-callbacks';
import { TELEPHONY_SIGNATURE_HEADER } from '../../api/callbacks/telephony-callbacks';
import { MAX_PATH_PARAM_LENGTH } from '../../api/schemas';
import { admits, signInRouteCallers, type RouteCaller } from '../support/callers';
import { startHarness, type Harness } from '../support/harness';
import { openAccountBody } from '../support/orders';
import { malformedRequest, toInject, unclearAnswer } from '../support/malformed-requests';

/**
 * Every declared route, fed malformed path parameters, query strings, headers and bodies
 * by fast-check, answers without a 5xx, and every refusal carries the error body staff read. Each route is
 * called as a caller its access rule admits, so the request reaches validation instead of stopping at 403.
 * No worker runs: a body that happens to be valid may start a workflow that never runs, which is fine here.
 */
/** The slice of the OpenAPI document that names a route's JSON body fields. */
const openApiPaths = z.object({
  paths: z.record(
    z.string(),
    z.record(
      z.string(),
      z
        .object({
          requestBody: z
            .object({
              content: z
                .record(
                  z.string(),
                  z
                    .object({ schema: z.object({ properties: z.record(z.string(), z.unknown()) }).partial() })
                    .partial(),
                )
                .optional(),
            })
            .optional(),
        })
        .passthrough(),
    ),
  ),
});

describe('malformed requests (property-based, every route)', () => {
  let h: Harness;
  let callers: RouteCaller[];
  let routes: DeclaredRoute[];
  let bodyFields: (route: DeclaredRoute) => string[];

  beforeAll(async () => {
    h = await startHarness({
      noWorker: true,
      config: { API_RATE_LIMIT_PER_MINUTE: '100000', LOGIN_RATE_LIMIT_PER_MINUTE: '100000' },
    });
    callers = await signInRouteCallers(h);
    routes = declaredRoutes(h.app).filter((r) => r.method !== 'HEAD');
    const doc = openApiPaths.parse(h.app.swagger());
    bodyFields = (route) => {
      const path = route.url.replace(/:([A-Za-z]+)/g, '{$1}');
      const op = doc.paths[path]?.[route.method.toLowerCase()];
      return Object.keys(op?.requestBody?.content?.['application/json']?.schema?.properties ?? {});
    };
  });
  afterAll(async () => h?.close());

  const signatures: Record<string, () => { header: string; sign: (body: string) => string }> = {
    '/api/v1/callbacks/mnp': () => ({
      header: CLEARING_SIGNATURE_HEADER,
      sign: (b) => signBody(h.config.MNP_CALLBACK_SECRET, b),
    }),
    '/api/v1/callbacks/bboss': () => ({
      header: BBOSS_SIGNATURE_HEADER,
      sign: (b) => signBody(h.config.BBOSS_CALLBACK_SECRET, b),
    }),
    '/api/v1/callbacks/telephony': () => ({
      header: TELEPHONY_SIGNATURE_HEADER,
      sign: (b) => signBody(h.config.TELEPHONY_CALLBACK_SECRET, b),
    }),
  };

  it('malformed bodies, headers and parameters never give a 5xx, and every 4xx has a clear error body (code, Chinese reason, message)', async () => {
    expect(routes.length).toBeGreaterThan(40);
    const failures: string[] = [];
    const seen = new Map<string, number>();
    for (const route of routes) {
      const caller = route.access === 'public' ? undefined : callers.find((c) => admits(route.access, c));
      if (route.access !== 'public' && !caller) {
        failures.push(`${route.method} ${route.url}: no seeded sign-in is admitted`);
        continue;
      }
      const isLogout = route.url === '/api/v1/auth/logout';
      const signature = signatures[route.url]?.();
      const details = await fc.check(
        fc.asyncProperty(malformedRequest(route, bodyFields(route)), async (req) => {
          // Logout revokes the token it is called with: it gets a fresh one each time.
          const token = isLogout ? await h.login() : caller?.token;
          const res = await h.app.inject(toInject(route, req, token, signature));
          const code = res.statusCode >= 400 ? (res.json<{ code?: string }>().code ?? '') : '';
          seen.set(`${res.statusCode} ${code}`, (seen.get(`${res.statusCode} ${code}`) ?? 0) + 1);
          const problem = unclearAnswer(res);
          if (problem) throw new Error(problem);
        }),
        { numRuns: 25 },
      );
      if (details.failed)
        failures.push(`${route.method} ${route.url}\n${fc.defaultReportMessage(details) ?? ''}`);
    }
    expect(failures).toEqual([]);
    // The inputs reach every layer: refused tokens, validation, and handlers that looked the input up.
    const statuses = [...seen.keys()];
    expect(statuses).toContain('400 ValidationFailed');
    expect(statuses).toContain('401 Unauthenticated');
    expect(statuses.some((s) => s.startsWith('2') || /^404 \w+NotFound/.test(s))).toBe(true);
  }, 180_000);

  // Counter-examples the property found; each once answered Fastify's own body or status instead of ours.
  const get = (url: string) =>
    h.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${callers[0]?.token ?? ''}` } });

  it('a path that is not valid percent-encoding is 400 ValidationFailed with the usual body', async () => {
    const res = await get('/api/v1/orders/%zz');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'ValidationFailed', reason: '请求内容不符合规则' });
    expect(res.json<{ message: string }>().message).toMatch(/^params: /);
  });

  it('a path parameter longer than the router takes is 400 ValidationFailed, not a bare 414', async () => {
    const res = await get(`/api/v1/orders/${'x'.repeat(MAX_PATH_PARAM_LENGTH + 1)}`);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'ValidationFailed' });
    expect(res.json<{ message: string }>().message).toMatch(/^params: a path parameter is longer than/);
  });

  it('a body that is not JSON is 415 UnsupportedMediaType naming the content type', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/orders',
      headers: { authorization: `Bearer ${callers[0]?.token ?? ''}`, 'content-type': 'application/xml' },
      payload: '<order/>',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({
      code: 'UnsupportedMediaType',
      message: 'headers.content-type: application/xml is not accepted by this route',
    });
  });

  it('a NUL character in a path parameter or a body field is 400 ValidationFailed, not a database 500', async () => {
    const param = await get('/api/v1/orders/%00');
    expect(param.statusCode).toBe(400);
    expect(param.json()).toMatchObject({
      code: 'ValidationFailed',
      message: 'params.id: the NUL character (\\u0000) is not allowed',
    });
    const field = await h.app.inject({
      method: 'POST',
      url: '/api/v1/orders',
      headers: { authorization: `Bearer ${callers[0]?.token ?? ''}`, 'idempotency-key': 'nul-in-body-0001' },
      payload: openAccountBody({ customer: { ...(openAccountBody().customer as object), name: 'a\u0000b' } }),
    });
    expect(field.statusCode).toBe(400);
    expect(field.json()).toMatchObject({ code: 'ValidationFailed' });
    expect(field.json<{ message: string }>().message).toMatch(/^body\.customer\.name: /);
  });

  it('a body over the limit is 413 BodyTooLarge with the usual body', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/orders',
      headers: { authorization: `Bearer ${callers[0]?.token ?? ''}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ huge: 'x'.repeat(1_100_000) }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'BodyTooLarge', reason: '请求内容过大' });
  });
});
