import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness';

interface NumberItem {
  msisdn: string;
  state: string;
  stateLabel: { zh: string; en: string };
  selectionFeeFen: number;
  unitCode: string;
  unitName: string | null;
  holder: string | null;
  reservedUntil: string | null;
}

interface SimItem {
  iccid: string;
  imsi: string;
  state: string;
  stateLabel: { zh: string; en: string };
  msisdn: string | null;
  unitCode: string;
  unitName: string | null;
}

interface StockLevel {
  unitCode: string;
  unitName: string | null;
  resourceType: string;
  state: string;
  count: number;
}

interface Page<T> {
  items: T[];
  total: number;
}

/** The seeded demo stock: numbers 13800100000…13800101999, of which …1900–…1949 issued down to 西单 (BJ-XC-XD). */
const XIDAN = 'BJ-XC-XD';

describe("the console's stock lists: numbers, SIM cards and live stock levels", () => {
  let h: Harness;
  let admin: string;
  let clerk: string;
  let dispatcher: string;

  beforeAll(async () => {
    h = await startHarness({ noWorker: true });
    admin = await h.login('admin01', 'STORE-BJ-001');
    clerk = await h.login('store01', 'STORE-BJ-001');
    dispatcher = await h.login('dispatch01', 'STORE-BJ-001');
  });
  afterAll(async () => h?.close());

  const get = (url: string, token = admin) =>
    h.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  const page = async <T>(url: string, token = admin): Promise<Page<T>> => {
    const res = await get(url, token);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<Page<T>>();
    expect(res.headers['x-total-count']).toBe(String(body.total));
    return body;
  };

  it('RES-3: numbers are searched by their first digits, in number order, with state, fee and the masked owner of a line in use', async () => {
    const lines = await page<NumberItem>('/api/v1/numbers?prefix=1390010000&limit=5', clerk);
    expect(lines.total).toBeGreaterThanOrEqual(lines.items.length);
    expect(lines.items).toHaveLength(5);
    expect(lines.items.map((n) => n.msisdn)).toEqual([...lines.items.map((n) => n.msisdn)].sort());
    expect(lines.items[0]).toEqual({
      msisdn: '13900100001',
      state: 'inUse',
      stateLabel: { zh: '在用', en: 'in use' },
      selectionFeeFen: 0,
      unitCode: 'central',
      unitName: null,
      holder: '李**',
      reservedUntil: null,
    });
    // Never an identity document number, nor the full name.
    const raw = (await get('/api/v1/numbers?prefix=13900100001', clerk)).body;
    expect(raw).not.toContain('110101198001011234');
    expect(raw).not.toContain('Li Lei');

    // A prefix ending in 9 stops before the next digit (…1949 is one number, not …1949 to …1999).
    const nine = await page<NumberItem>('/api/v1/numbers?prefix=13800101949');
    expect(nine.items.map((n) => n.msisdn)).toEqual(['13800101949']);
    const nines = await page<NumberItem>('/api/v1/numbers?prefix=138001019&offset=45&limit=10');
    expect(nines.total).toBe(100);
    expect(nines.items.map((n) => n.msisdn)).toEqual(
      Array.from({ length: 10 }, (_, i) => `138001019${45 + i}`),
    );
  });

  it('RES-2, RES-3: numbers are filtered by holding unit (central = not issued) and state; a reservation shows its end', async () => {
    const xidan = await page<NumberItem>(`/api/v1/numbers?unitCode=${XIDAN}&limit=100`);
    expect(xidan.total).toBe(50);
    expect(xidan.items[0]).toMatchObject({
      msisdn: '13800101900',
      state: 'unused',
      unitCode: XIDAN,
      unitName: '西单营业点',
      holder: null,
    });
    expect(new Set(xidan.items.map((n) => n.unitCode))).toEqual(new Set([XIDAN]));

    const until = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const reserved = await h.app.inject({
      method: 'POST',
      url: '/api/v1/numbers/13800101777/reservation',
      headers: { authorization: `Bearer ${admin}` },
      payload: { customerName: '王五', until },
    });
    expect(reserved.statusCode, reserved.body).toBe(200);
    const found = await page<NumberItem>('/api/v1/numbers?state=reserved&unitCode=central&prefix=1380010');
    expect(found.items).toEqual([
      expect.objectContaining({
        msisdn: '13800101777',
        state: 'reserved',
        stateLabel: { zh: '预定', en: 'reserved' },
        unitCode: 'central',
        reservedUntil: new Date(until).toISOString(),
        holder: null,
      }),
    ]);
    expect(found.total).toBe(1);

    const none = await page<NumberItem>('/api/v1/numbers?unitCode=NO-SUCH-UNIT');
    expect(none).toEqual({ items: [], total: 0 });
  });

  it('RES-3: a bad search is refused naming the parameter and its rule', async () => {
    const res = await get('/api/v1/numbers?prefix=13a&state=sold&limit=1000');
    expect(res.statusCode).toBe(400);
    const paths = res.json<{ details: { path: string }[] }>().details.map((d) => d.path);
    expect(paths).toEqual(
      expect.arrayContaining(['querystring.prefix', 'querystring.state', 'querystring.limit']),
    );
    const sims = await get('/api/v1/sims?prefix=89x');
    expect(sims.statusCode).toBe(400);
    expect(sims.json<{ message: string }>().message).toContain('querystring.prefix');
  });

  it('RES-3, RES-5: SIM cards are searched by ICCID prefix, state and unit; one card shows its number, unit and history', async () => {
    const issued = await page<SimItem>(`/api/v1/sims?unitCode=${XIDAN}&state=issued&limit=2`);
    expect(issued.total).toBe(50);
    expect(issued.items[0]).toMatchObject({
      iccid: '8986001000010001950',
      state: 'issued',
      stateLabel: { zh: '已下发', en: 'issued' },
      msisdn: null,
      unitCode: XIDAN,
      unitName: '西单营业点',
    });

    const bound = await page<SimItem>('/api/v1/sims?prefix=89860010000200&state=inUse&limit=1', clerk);
    const [card] = bound.items;
    expect(card?.msisdn).toMatch(/^1390/);
    expect(card?.unitCode).toBe('central');

    const damaged = await h.app.inject({
      method: 'POST',
      url: '/api/v1/sims/8986001000010001951/state',
      headers: { authorization: `Bearer ${admin}` },
      payload: { to: 'damaged', reason: '卡面破损' },
    });
    expect(damaged.statusCode, damaged.body).toBe(200);
    const detail = await get('/api/v1/sims/8986001000010001951', clerk);
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json()).toMatchObject({
      iccid: '8986001000010001951',
      status: 'damaged',
      statusLabel: { zh: '损坏', en: 'damaged' },
      allowedTargets: ['available'],
      msisdn: null,
      holderCode: XIDAN,
      unitName: '西单营业点',
      history: [{ from: 'issued', to: 'damaged', reason: '卡面破损', changedBy: 'admin01' }],
    });
    const boundDetail = await get(`/api/v1/sims/${card?.iccid}`);
    expect(boundDetail.json<{ msisdn: string }>().msisdn).toBe(card?.msisdn);
  });

  it('RES-3: an unknown SIM card is 404 SimNotFound in both languages; a malformed ICCID is 400', async () => {
    const res = await get('/api/v1/sims/8986009999999999999');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'SimNotFound', reason: 'SIM 卡不存在' });
    expect(res.json<{ message: string }>().message).toContain('8986009999999999999');
    const bad = await get('/api/v1/sims/12345');
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ details: { path: string }[] }>().details[0]?.path).toBe('params.iccid');
  });

  it('RES-2: live stock levels count each unit’s numbers and cards per state, and move when numbers are issued to an outlet', async () => {
    const levels = async (unitCode?: string): Promise<StockLevel[]> => {
      const res = await get(`/api/v1/stock-levels${unitCode ? `?unitCode=${unitCode}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ items: StockLevel[] }>().items;
    };
    const countOf = (rows: StockLevel[], unitCode: string, resourceType: string, state: string) =>
      rows.find((r) => r.unitCode === unitCode && r.resourceType === resourceType && r.state === state)
        ?.count ?? 0;

    const before = await levels();
    expect(countOf(before, XIDAN, 'numbers', 'unused')).toBe(50);
    expect(countOf(before, XIDAN, 'sims', 'issued')).toBeGreaterThanOrEqual(49);
    expect(before.find((r) => r.unitCode === XIDAN)?.unitName).toBe('西单营业点');
    expect(before.find((r) => r.unitCode === 'central')?.unitName).toBeNull();
    expect(countOf(await levels('BJ-XC-JR'), 'BJ-XC-JR', 'numbers', 'unused')).toBe(0);

    const range = { first: '13800101600', last: '13800101604' };
    for (const [fromCode, toCode] of [
      [null, 'BJ'],
      ['BJ', 'BJ-XC'],
      ['BJ-XC', 'BJ-XC-JR'],
    ] as const) {
      const moved = await h.app.inject({
        method: 'POST',
        url: '/api/v1/resource-movements',
        headers: { authorization: `Bearer ${admin}` },
        payload: {
          direction: 'issue',
          resourceType: 'numbers',
          fromCode,
          toCode,
          receiver: '营业点 赵六',
          items: { range },
        },
      });
      expect(moved.statusCode, moved.body).toBe(201);
    }

    const outlet = await levels('BJ-XC-JR');
    expect(outlet).toEqual([
      {
        unitCode: 'BJ-XC-JR',
        unitName: '金融街营业点',
        resourceType: 'numbers',
        state: 'unused',
        count: 5,
        stateLabel: { zh: '空闲', en: 'unused' },
      },
    ]);
    const after = await levels();
    expect(countOf(after, 'central', 'numbers', 'unused')).toBe(
      countOf(before, 'central', 'numbers', 'unused') - 5,
    );

    const refused = await get('/api/v1/stock-levels', dispatcher);
    expect(refused.statusCode).toBe(403);
    expect((await get('/api/v1/stock-levels', clerk)).statusCode).toBe(403);
  });
});
