import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { newKey, submitOrder, waitForOrder } from '../support/orders';
import {
  expectServiceUnavailable,
  ordersOfKey,
  rechargeBody,
  resubmitUntilAccepted,
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
    expectServiceUnavailable(listed, 'PostgreSQL', '9');
    const key = newKey('outage');
    expectServiceUnavailable(await submitOrder(s.app, token, rechargeBody(), key), 'PostgreSQL', '9');

    await pg.restart();
    const id = await resubmitUntilAccepted(s.app, token, key);
    expect((await waitForOrder(s.app, token, id)).status).toBe('completed');
    expect(await ordersOfKey(s.db, key)).toEqual([{ orderId: id, payments: 1 }]);
    const readyAgain = await s.app.inject({ method: 'GET', url: '/health/ready' });
    expect(readyAgain.json()).toEqual({ status: 'ready', checks: { database: 'up', temporal: 'up' } });
  }, 180_000);
});
