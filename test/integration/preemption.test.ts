import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createResourceActivities } from '../../activities/resources';
import { numbers, simCards } from '../../db/schema';
import { startHarness, type Harness } from '../support/harness';
import { newKey, openAccountBody, submitOrder, waitForOrder } from '../support/orders';

describe('number and SIM pre-emption', () => {
  let h: Harness;
  let token: string;
  beforeAll(async () => {
    // Holds outlast the orders even on a loaded machine; the expiry cases set their own short hold.
    h = await startHarness({ config: { PREEMPTION_TTL_SECONDS: '120' } });
    token = await h.login();
  });
  afterAll(async () => h?.close());

  it('RES-6, OPEN-2: 50 concurrent orders for one number — exactly one wins, the rest fail with a clear reason', async () => {
    const msisdn = '13800100777';
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => submitOrder(h.app, token, openAccountBody({ msisdn }))),
    );
    expect(responses.every((r) => r.statusCode === 202)).toBe(true);
    const ids = responses.map((r) => r.json<{ id: string }>().id);
    const finals = await Promise.all(ids.map((id) => waitForOrder(h.app, token, id, undefined, 60_000)));

    const winners = finals.filter((o) => o.status === 'completed');
    const losers = finals.filter((o) => o.status === 'failed');
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(49);
    for (const o of losers) {
      expect(o.failure).toMatchObject({
        code: 'NumberUnavailable',
        reason: '号码不可用（已被占用或不存在）',
      });
      expect(o.failure?.message).toContain(msisdn);
    }
    const [number] = await h.db.select().from(numbers).where(eq(numbers.msisdn, msisdn));
    expect(number).toMatchObject({ status: 'inUse', preemptedBy: winners[0]!.id });
    // No loser holds anything, and exactly one SIM is bound to the number.
    const loserIds = losers.map((o) => o.id);
    expect(await h.db.select().from(numbers).where(inArray(numbers.preemptedBy, loserIds))).toHaveLength(0);
    expect(await h.db.select().from(simCards).where(inArray(simCards.preemptedBy, loserIds))).toHaveLength(0);
    expect(await h.db.select().from(simCards).where(eq(simCards.msisdn, msisdn))).toHaveLength(1);
  });

  it('RES-6: concurrent orders that let the system pick never share a number or a SIM', async () => {
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => submitOrder(h.app, token, openAccountBody())),
    );
    const finals = await Promise.all(
      responses.map((r) => waitForOrder(h.app, token, r.json<{ id: string }>().id, undefined, 60_000)),
    );
    expect(finals.every((o) => o.status === 'completed')).toBe(true);
    expect(new Set(finals.map((o) => o.summary.msisdn)).size).toBe(20);
    expect(new Set(finals.map((o) => o.summary.iccid)).size).toBe(20);
    const [dup] = await h.db.execute<{ n: number }>(
      sql`select count(*)::int as n from (select msisdn from sim_cards where msisdn is not null group by msisdn having count(*) > 1) d`,
    );
    expect(dup?.n).toBe(0);
  });

  it('OPEN-2: a pre-emption that expires unused returns the number to the pool by itself', async () => {
    const msisdn = '13800100555';
    const resources = createResourceActivities({ db: h.db, preemptionTtlSeconds: 1 });
    // An order that pre-empted the number and was then abandoned at the counter.
    await resources.preemptResources({ orderId: `OpenAccount:${newKey('abandoned')}`, msisdn });

    const available = async () => {
      const res = await h.app.inject({
        method: 'GET',
        url: `/api/v1/numbers/available?pattern=${msisdn}`,
        headers: { authorization: `Bearer ${token}` },
      });
      return res.json<{ items: { msisdn: string }[] }>().items.map((i) => i.msisdn);
    };
    expect(await available()).toEqual([]);
    const blocked = await waitForOrder(
      h.app,
      token,
      (await submitOrder(h.app, token, openAccountBody({ msisdn }))).json<{ id: string }>().id,
    );
    expect(blocked.failure?.code).toBe('NumberUnavailable');

    await vi.waitFor(async () => expect(await available()).toEqual([msisdn]), {
      timeout: 5_000,
      interval: 100,
    });
    const later = await submitOrder(h.app, token, openAccountBody({ msisdn }));
    expect((await waitForOrder(h.app, token, later.json<{ id: string }>().id)).status).toBe('completed');
  });

  it('OPEN-2: the tidy-up marks expired pre-emptions free in the table too', async () => {
    const msisdn = '13800100556';
    const resources = createResourceActivities({ db: h.db, preemptionTtlSeconds: 1 });
    await resources.preemptResources({ orderId: `OpenAccount:${newKey('abandoned')}`, msisdn });
    await vi.waitFor(
      async () => {
        await resources.tidyExpiredPreemptions();
        const [row] = await h.db
          .select()
          .from(numbers)
          .where(and(eq(numbers.msisdn, msisdn), eq(numbers.status, 'unused')));
        expect(row?.preemptedBy).toBeNull();
      },
      { timeout: 5_000, interval: 200 },
    );
  });
});
