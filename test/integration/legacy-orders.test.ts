import { readFileSync } from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderKeys, orders } from '../../db/schema';
import type { OrderType } from '../../domain/orders';
import { createTestDatabase } from '../support/database';

type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>;

/** The statements of the migration that mends the orders taken before keys were scoped per channel. */
const statements = readFileSync(
  new URL('../../db/migrations/0012_trust_existing_data.sql', import.meta.url),
  'utf8',
)
  .split('--> statement-breakpoint')
  .map((s) => s.trim())
  .filter((s) => s !== '');

/**
 * Orders written before this release: a port-out that kept its authorization code in the summary, and orders
 * with IDs `<Type>:<key>` and plain SHA-256 request hashes. The migration runs over them as it does at start-up.
 */
describe('orders taken before keys were scoped per channel (migration 0012)', () => {
  let t: TestDatabase;
  const legacy = (id: string, type: OrderType, summary: Record<string, unknown> = {}) => ({
    id,
    type,
    status: 'completed' as const,
    channelCode: 'STORE-BJ-001',
    operatorId: 'store01',
    requestHash: 'a3f1c0ffee'.repeat(6),
    summary,
  });

  beforeAll(async () => {
    t = await createTestDatabase();
    await t.db
      .insert(orders)
      .values([
        legacy('PortOut:legacy-0001', 'portOut', { msisdn: '13900100021', authorizationCode: 'ZF8N1X' }),
        legacy('OpenAccount:legacy-0002', 'openAccount', { productCode: 'VOICE-58' }),
        { ...legacy('OpenAccount:STORE-BJ-001:fresh-0003', 'openAccount'), requestHash: 'keyed' },
      ]);
    for (const statement of statements) await t.db.execute(sql.raw(statement));
  });
  afterAll(async () => t?.drop());

  const order = async (id: string) => (await t.db.select().from(orders).where(eq(orders.id, id)))[0];

  it('MNP-5: a port-out code kept in an old summary is removed, the rest of the summary stays', async () => {
    expect((await order('PortOut:legacy-0001'))?.summary).toEqual({ msisdn: '13900100021' });
  });

  it("ORD-3: an old order's key is recorded under its channel, so a replay finds it; its unkeyed hash is dropped (OPEN-6)", async () => {
    const keys = await t.db.select().from(orderKeys).where(eq(orderKeys.channelCode, 'STORE-BJ-001'));
    expect(keys.map((k) => [k.idempotencyKey, k.orderId]).sort()).toEqual([
      ['legacy-0001', 'PortOut:legacy-0001'],
      ['legacy-0002', 'OpenAccount:legacy-0002'],
    ]);
    expect((await order('OpenAccount:legacy-0002'))?.requestHash).toBe('legacy');
    // An order of this release keeps its keyed hash.
    expect((await order('OpenAccount:STORE-BJ-001:fresh-0003'))?.requestHash).toBe('keyed');
  });
});
