import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { orderKeys, orders, payments } from '../../db/schema';
import { errorCatalogue } from '../../domain/errors';
import { createTestDatabase } from '../support/database';
import { newKey, submitOrder, waitForOrder } from '../support/orders';
import {
  rechargeBody,
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

    const refused = await submitOrder(s.app, token, rechargeBody(), key);
    expect(refused.statusCode).toBe(503);
    expect(refused.headers['retry-after']).toBe('7');
    expect(refused.json()).toEqual({
      code: 'ServiceUnavailable',
      reason: errorCatalogue.ServiceUnavailable.zh,
      message: expect.stringContaining('Temporal') as unknown,
    });

    const ready = await s.app.inject({ method: 'GET', url: '/health/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toEqual({ status: 'notReady', checks: { database: 'up', temporal: 'down' } });

    await temporal.restart();
    await s.startWorker();
    // The clerk retries with the same key until the API takes it.
    const accepted = await vi.waitFor(
      async () => {
        const res = await submitOrder(s.app, token, rechargeBody(), key);
        expect(res.statusCode).toBe(202);
        return res.json<{ id: string }>();
      },
      { timeout: 60_000, interval: 500 },
    );
    expect(accepted.id).toBe(`Recharge:STORE-BJ-001:${key}`);
    expect((await waitForOrder(s.app, token, accepted.id)).status).toBe('completed');

    const again = await submitOrder(s.app, token, rechargeBody(), key);
    expect(again.json()).toMatchObject({ id: accepted.id, status: 'completed', replayed: true });
    const keyRows = await s.db
      .select()
      .from(orderKeys)
      .where(and(eq(orderKeys.channelCode, 'STORE-BJ-001'), eq(orderKeys.idempotencyKey, key)));
    expect(keyRows.map((k) => k.orderId)).toEqual([accepted.id]);
    expect(await s.db.select().from(orders).where(eq(orders.id, accepted.id))).toHaveLength(1);
    expect(await s.db.select().from(payments).where(eq(payments.orderId, accepted.id))).toHaveLength(1);

    const readyAgain = await s.app.inject({ method: 'GET', url: '/health/ready' });
    expect(readyAgain.json()).toEqual({ status: 'ready', checks: { database: 'up', temporal: 'up' } });
  }, 180_000);
});
