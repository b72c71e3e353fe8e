import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupSubscriptions, subscribers } from '../../db/schema';
import { insertActiveSubscription } from '../support/groups';
import { startHarness, type Harness } from '../support/harness';

interface Page<T> {
  items: T[];
  total: number;
}

/**
 * UI-1 — the administration lists that grow (channels, the partners' blacklist, locks, selection-fee rules)
 * are paged by the server: `offset`/`limit`, the count of all in `total` and X-Total-Count, `items` as before.
 */
describe('administration lists, one page at a time', () => {
  let h: Harness;
  let admin: string;

  beforeAll(async () => {
    h = await startHarness({ noWorker: true });
    admin = await h.login('admin01', 'STORE-BJ-001');
  });
  afterAll(async () => h?.close());

  const call = (method: 'GET' | 'POST', url: string, payload?: object) =>
    h.app.inject({ method, url, payload, headers: { authorization: `Bearer ${admin}` } });
  const page = async <T>(url: string): Promise<Page<T>> => {
    const res = await call('GET', url);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<Page<T>>();
    expect(res.headers['x-total-count']).toBe(String(body.total));
    return body;
  };

  it('UI-1 CH-1: channels come by code one page at a time, filters still apply, and the pages join up', async () => {
    for (const name of ['Paging Bank A', 'Paging Bank B', 'Paging Bank C']) {
      expect(
        (await call('POST', '/api/v1/channels', { type: 'bank', location: 'CD', name })).statusCode,
      ).toBe(201);
    }
    const all = await page<{ code: string }>('/api/v1/channels?limit=200');
    expect(all.items).toHaveLength(all.total);
    const first = await page<{ code: string }>('/api/v1/channels?limit=2');
    const rest = await page<{ code: string }>('/api/v1/channels?offset=2&limit=200');
    expect(first.total).toBe(all.total);
    expect([...first.items, ...rest.items].map((c) => c.code)).toEqual(all.items.map((c) => c.code));

    const chengdu = await page<{ code: string }>('/api/v1/channels?type=bank&location=CD&offset=1&limit=1');
    expect(chengdu).toMatchObject({ total: 3, items: [{ code: 'BANK-CD-002' }] });

    const bad = await call('GET', '/api/v1/channels?limit=201&offset=-1');
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ details: { path: string }[] }>().details.map((d) => d.path)).toEqual(
      expect.arrayContaining(['querystring.limit', 'querystring.offset']),
    );
  });

  it("UI-1 CUST-2: the partners' blacklist comes oldest listing first, one page at a time", async () => {
    const numbers = ['110101199001010011', '110101199001010022', '110101199001010033'];
    for (const idNumber of numbers) {
      const listed = await call('POST', '/api/v1/partner-blacklist', {
        idType: 'idCard',
        idNumber,
        partner: '某银行 Some Bank',
        reason: '欺诈',
      });
      expect(listed.statusCode, listed.body).toBe(201);
    }
    const all = await page<{ idNumber: string }>('/api/v1/partner-blacklist');
    expect(all.total).toBe(3);
    expect(all.items.map((l) => l.idNumber)).toEqual(numbers);
    const second = await page<{ idNumber: string }>('/api/v1/partner-blacklist?offset=1&limit=1');
    expect(second).toMatchObject({ total: 3, items: [{ idNumber: numbers[1] }] });
  });

  it('UI-1 ORD-5: locks come lines first, each by key, one page at a time', async () => {
    const lines = ['13900100013', '13900100014'];
    await h.db
      .update(subscribers)
      .set({ lockedBy: 'PreCancel:paging' })
      .where(inArray(subscribers.msisdn, lines));
    const subscriptionId = await insertActiveSubscription(h.db, '1000000003');
    await h.db
      .update(groupSubscriptions)
      .set({ lockedBy: 'GroupChange:paging' })
      .where(eq(groupSubscriptions.id, subscriptionId));

    const first = await page<{ kind: string; key: string }>('/api/v1/locks?limit=2');
    expect(first.total).toBe(3);
    expect(first.items.map((l) => [l.kind, l.key])).toEqual([
      ['line', '13900100013'],
      ['line', '13900100014'],
    ]);
    const last = await page<{ kind: string; key: string; holderStatus: string }>('/api/v1/locks?offset=2');
    expect(last.items).toEqual([
      {
        kind: 'groupProduct',
        key: '1000000003/HDJ',
        holder: 'GroupChange:paging',
        holderStatus: 'NOT_FOUND',
      },
    ]);
  });

  it('UI-1 RES-4: selection-fee rules come highest priority first, one page at a time', async () => {
    const all = await page<{ id: string }>('/api/v1/selection-fee-rules');
    expect(all.items.map((r) => r.id)).toEqual(['FEE-AAAA', 'FEE-AAA', 'FEE-ASC4', 'FEE-88', 'FEE-ABAB']);
    const middle = await page<{ id: string }>('/api/v1/selection-fee-rules?offset=2&limit=2');
    expect(middle).toMatchObject({ total: 5, items: [{ id: 'FEE-ASC4' }, { id: 'FEE-88' }] });
  });
});
