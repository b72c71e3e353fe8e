import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { orderKeys, payments } from '../../db/schema';
import { errorCatalogue } from '../../domain/errors';
import { newKey, submitOrder, waitForOrder } from '../support/orders';
import {
  rechargeBody,
  startOutageSystem,
  startOwnPostgres,
  type OutageSystem,
  type OwnPostgres,
} from '../support/outage-servers';

/**
 * REQ: ORD-3 — when PostgreSQL is down, readiness names the database and every request that needs it is
 * answered 503 ServiceUnavailable with Retry-After (not 500); once it is back, the clerk's retry with the same
 * Idempotency-Key is one order.
 */
describe('PostgreSQL down, then back', () => {
  let pg: OwnPostgres;
  let s: OutageSystem;
  let token: string;

  beforeAll(async () => {
    pg = await startOwnPostgres();
    s = await startOutageSystem({
      temporalAddress: inject('temporalAddress'),
      databaseUrl: pg.url,
      config: { DATABASE_CONNECT_TIMEOUT_SECONDS: '2', SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS: '9' },
    });
    await s.startWorker();
    token = await s.login();
  });
  afterAll(async () => {
    await s?.close();
    await pg?.close();
  });

  it('ORD-3: while PostgreSQL is down readiness names the database and requests answer 503 with Retry-After; the same key after recovery is one order', async () => {
    await pg.stop();

    const ready = await s.app.inject({ method: 'GET', url: '/health/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toEqual({ status: 'notReady', checks: { database: 'down', temporal: 'up' } });

    const listed = await s.app.inject({
      method: 'GET',
      url: '/api/v1/orders',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(listed.statusCode).toBe(503);
    expect(listed.headers['retry-after']).toBe('9');
    expect(listed.json()).toEqual({
      code: 'ServiceUnavailable',
      reason: errorCatalogue.ServiceUnavailable.zh,
      message: expect.stringContaining('PostgreSQL') as unknown,
    });

    const key = newKey('outage');
    const refused = await submitOrder(s.app, token, rechargeBody(), key);
    expect(refused.statusCode).toBe(503);
    expect(refused.headers['retry-after']).toBe('9');

    await pg.restart();
    const accepted = await vi.waitFor(
      async () => {
        const res = await submitOrder(s.app, token, rechargeBody(), key);
        expect(res.statusCode).toBe(202);
        return res.json<{ id: string }>();
      },
      { timeout: 60_000, interval: 500 },
    );
    expect((await waitForOrder(s.app, token, accepted.id)).status).toBe('completed');
    const keyRows = await s.db
      .select()
      .from(orderKeys)
      .where(and(eq(orderKeys.channelCode, 'STORE-BJ-001'), eq(orderKeys.idempotencyKey, key)));
    expect(keyRows.map((k) => k.orderId)).toEqual([accepted.id]);
    expect(await s.db.select().from(payments).where(eq(payments.orderId, accepted.id))).toHaveLength(1);

    const readyAgain = await s.app.inject({ method: 'GET', url: '/health/ready' });
    expect(readyAgain.json()).toEqual({ status: 'ready', checks: { database: 'up', temporal: 'up' } });
  }, 180_000);
});
