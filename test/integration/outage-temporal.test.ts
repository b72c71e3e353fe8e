import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../support/database';
import { newKey, submitOrder, waitForOrder } from '../support/orders';
import {
  expectServiceUnavailable,
  ordersOfKey,
  rechargeBody,
  resubmitUntilAccepted,
  startOutageSystem,
  startOwnTemporal,
  type OutageSystem,
  type OwnTemporal,
} from '../support/outage-servers';

/**
 * REQ: ORD-3 — when Temporal dies, the API says so at once (503 ServiceUnavailable with Retry-After, within its
 * configured deadline instead of the SDK's long retries) and readiness names Temporal; the clerk who retries
 * with the same Idempotency-Key once Temporal is back gets one order, even though the first try had already
 * recorded the key.
 */
describe('Temporal down, then back', () => {
  let temporal: OwnTemporal;
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let s: OutageSystem;
  let token: string;

  beforeAll(async () => {
    temporal = await startOwnTemporal();
    database = await createTestDatabase();
    s = await startOutageSystem({
      temporalAddress: temporal.address,
      databaseUrl: database.url,
      config: { TEMPORAL_RPC_DEADLINE_MS: '2000', SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS: '7' },
    });
    token = await s.login();
  });
  afterAll(async () => {
    await s?.close();
    await temporal?.stop();
    await database?.drop();
  });

  it('ORD-3: an order submitted while Temporal is down is answered 503 with Retry-After; the same key after recovery is one order that completes', async () => {
    await temporal.kill();
    const key = newKey('outage');

    expectServiceUnavailable(await submitOrder(s.app, token, rechargeBody(), key), 'Temporal', '7');
    const ready = await s.app.inject({ method: 'GET', url: '/health/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toEqual({ status: 'notReady', checks: { database: 'up', temporal: 'down' } });

    await temporal.restart();
    await s.startWorker();
    const id = await resubmitUntilAccepted(s.app, token, key);
    expect(id).toBe(`Recharge:STORE-BJ-001:${key}`);
    expect((await waitForOrder(s.app, token, id)).status).toBe('completed');

    const again = await submitOrder(s.app, token, rechargeBody(), key);
    expect(again.json()).toMatchObject({ id, status: 'completed', replayed: true });
    expect(await ordersOfKey(s.db, key)).toEqual([{ orderId: id, payments: 1 }]);
    const readyAgain = await s.app.inject({ method: 'GET', url: '/health/ready' });
    expect(readyAgain.json()).toEqual({ status: 'ready', checks: { database: 'up', temporal: 'up' } });
  }, 180_000);
});
