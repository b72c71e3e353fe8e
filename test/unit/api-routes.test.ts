import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../api/app';
import { declaredRoutes } from '../../api/plugins/route-access';
import { API_PREFIX } from '../../api/prefix';
import { orderDesk, preCancellationDesk } from '../../domain/access';
import { loadConfig } from '../../temporal.config';

/**
 * The route plugins of every business area declare paths relative to the API prefix they are registered
 * under; what clients see is the full path. Built with stub connections: no route is called.
 */
describe('the API routes as assembled from the business areas', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    const stub = {} as never;
    app = await buildApp({
      db: stub,
      client: stub,
      connection: stub,
      config: loadConfig({}),
      logger: false,
      simulators: stub,
      mnpCallbacks: stub,
      bbossCallbacks: stub,
    });
  });
  afterAll(async () => app?.close());

  it('CH-3: every documented path but the health checks and the metrics is served under /api/v1', async () => {
    const doc = (await app.inject({ url: '/docs/json' })).json<{ paths: Record<string, unknown> }>();
    const paths = Object.keys(doc.paths);
    expect(paths.length).toBeGreaterThan(40);
    expect(paths.filter((p) => !p.startsWith(`${API_PREFIX}/`)).sort()).toEqual([
      '/health',
      '/health/ready',
      '/metrics',
    ]);
  });

  it('PC-1, CH-3: order submission declares its access as data: the order desk, and the pre-cancellation desk for a preCancellation body', () => {
    const submit = declaredRoutes(app).find((r) => r.method === 'POST' && r.url === `${API_PREFIX}/orders`);
    expect(submit?.access).toEqual({
      rule: orderDesk,
      bodyField: 'type',
      noun: 'order',
      byValue: { preCancellation: preCancellationDesk },
    });
  });
});
