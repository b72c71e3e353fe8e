import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimNumber, claimSim } from '../../db/queries/resources';
import { numbers, resourceMovementItems, resourceMovements, simCards } from '../../db/schema';
import { startHarness, type Harness } from '../support/harness';

interface ErrorBody {
  code: string;
  reason: string;
  message: string;
  details?: { offenders: { item: string; holderCode: string | null; state: string }[] };
}
interface Movement {
  id: string;
  direction: string;
  fromCode: string | null;
  toCode: string | null;
  receiver: string;
  itemCount: number;
  createdBy: string;
}

describe('issue and recycle down and up the tree (RES-2)', () => {
  let h: Harness;
  let admin: string;
  const move = (body: object) =>
    h.app.inject({
      method: 'POST',
      url: '/api/v1/resource-movements',
      headers: { authorization: `Bearer ${admin}` },
      payload: body,
    });
  const get = (url: string) =>
    h.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${admin}` } });
  const holderOf = async (msisdn: string) =>
    (await h.db.select().from(numbers).where(eq(numbers.msisdn, msisdn)))[0]?.holderCode;

  beforeAll(async () => {
    h = await startHarness({ noWorker: true });
    admin = await h.login('admin01', 'STORE-BJ-001');
  });
  afterAll(async () => h?.close());

  it('RES-2: numbers go city → area → outlet → clerk and back up; the history of a number shows each step and receiver', async () => {
    const range = { first: '13800101500', last: '13800101509' };
    const path: [string | null, string | null, string][] = [
      [null, 'BJ', '市公司 张三'],
      ['BJ', 'BJ-XC', '营业区 李四'],
      ['BJ-XC', 'BJ-XC-XD', '营业点 王五'],
      ['BJ-XC-XD', 'BJ-XC-XD-CLERK01', '营业员 周杰'],
    ];
    for (const [fromCode, toCode, receiver] of path) {
      const res = await move({
        direction: 'issue',
        resourceType: 'numbers',
        fromCode,
        toCode,
        receiver,
        items: { range },
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json<Movement>()).toMatchObject({
        direction: 'issue',
        fromCode,
        toCode,
        receiver,
        itemCount: 10,
        createdBy: 'admin01',
      });
    }
    expect(await holderOf('13800101505')).toBe('BJ-XC-XD-CLERK01');

    // Back up by list, one level at a time.
    const list = Array.from({ length: 10 }, (_, i) => `1380010150${i}`);
    for (const [toCode, fromCode, receiver] of [...path].reverse()) {
      const res = await move({
        direction: 'recycle',
        resourceType: 'numbers',
        fromCode,
        toCode,
        receiver: `回退 ${receiver}`,
        items: { list },
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    expect(await holderOf('13800101505')).toBeNull();

    const history = (await get('/api/v1/resource-movements?item=13800101505')).json<{
      items: Movement[];
      total: number;
    }>();
    expect(history.total).toBe(8);
    expect(history.items.map((m) => [m.direction, m.fromCode, m.toCode, m.receiver])).toEqual([
      ['issue', null, 'BJ', '市公司 张三'],
      ['issue', 'BJ', 'BJ-XC', '营业区 李四'],
      ['issue', 'BJ-XC', 'BJ-XC-XD', '营业点 王五'],
      ['issue', 'BJ-XC-XD', 'BJ-XC-XD-CLERK01', '营业员 周杰'],
      ['recycle', 'BJ-XC-XD-CLERK01', 'BJ-XC-XD', '回退 营业员 周杰'],
      ['recycle', 'BJ-XC-XD', 'BJ-XC', '回退 营业点 王五'],
      ['recycle', 'BJ-XC', 'BJ', '回退 营业区 李四'],
      ['recycle', 'BJ', null, '回退 市公司 张三'],
    ]);
    const detail = await get(`/api/v1/resource-movements/${history.items[0]!.id}?limit=3&offset=2`);
    expect(detail.json<{ items: string[]; itemCount: number }>()).toMatchObject({
      itemCount: 10,
      items: ['13800101502', '13800101503', '13800101504'],
    });
  });

  it('RES-2: SIM cards are issued below the city and available again when recycled to it', async () => {
    const range = { first: '8986001000010001800', last: '8986001000010001804' };
    const status = async () =>
      (await h.db.select().from(simCards).where(eq(simCards.iccid, '8986001000010001802')))[0];
    for (const [fromCode, toCode] of [
      [null, 'BJ'],
      ['BJ', 'BJ-XC'],
    ] as const) {
      expect(
        (
          await move({
            direction: 'issue',
            resourceType: 'sims',
            fromCode,
            toCode,
            receiver: '领用人',
            items: { range },
          })
        ).statusCode,
      ).toBe(201);
    }
    expect(await status()).toMatchObject({ holderCode: 'BJ-XC', status: 'issued' });
    const back = await move({
      direction: 'recycle',
      resourceType: 'sims',
      fromCode: 'BJ-XC',
      toCode: 'BJ',
      receiver: '回退人',
      items: { range },
    });
    expect(back.statusCode).toBe(201);
    expect(await status()).toMatchObject({ holderCode: 'BJ', status: 'available' });
  });

  it('RES-2: an issue that skips a level, or a recycle that jumps, is refused and moves nothing', async () => {
    const skip = await move({
      direction: 'issue',
      resourceType: 'numbers',
      fromCode: 'BJ-XC',
      toCode: 'BJ-XC-XD-CLERK01',
      receiver: 'x',
      items: { list: ['13800101900'] },
    });
    expect(skip.statusCode).toBe(422);
    expect(skip.json<ErrorBody>()).toMatchObject({
      code: 'IllegalMovementPath',
      reason: '发放只能发给直接下级，回收只能退回直接上级',
      message:
        'toCode: BJ-XC-XD-CLERK01 (clerk) is not a direct child of BJ-XC (business area); an issue goes one level down',
    });
    const fromCentral = await move({
      direction: 'issue',
      resourceType: 'numbers',
      toCode: 'BJ-XC',
      receiver: 'x',
      items: { list: ['13800101600'] },
    });
    expect(fromCentral.json<ErrorBody>().message).toContain('not a direct child of central stock');
    const jump = await move({
      direction: 'recycle',
      resourceType: 'numbers',
      fromCode: 'BJ-XC-XD',
      toCode: 'BJ',
      receiver: 'x',
      items: { list: ['13800101900'] },
    });
    expect(jump.statusCode).toBe(422);
    expect(jump.json<ErrorBody>().message).toContain('a recycle goes one level up');
    expect(await holderOf('13800101900')).toBe('BJ-XC-XD');
    expect(await holderOf('13800101600')).toBeNull();
  });

  it('RES-2: an item not held by the giver, pre-empted or in use refuses the whole movement (409 naming holder and state)', async () => {
    await claimNumber(h.db, 'OpenAccount:held-by-an-order', 600, '13800101702');
    const inUse = '13900100005';
    const res = await move({
      direction: 'issue',
      resourceType: 'numbers',
      fromCode: null,
      toCode: 'BJ',
      receiver: '张三',
      items: { list: ['13800101700', '13800101701', '13800101702', '13800101900', inUse, '13800109999'] },
    });
    expect(res.statusCode).toBe(409);
    const error = res.json<ErrorBody>();
    expect(error.code).toBe('ResourceNotHeld');
    expect(error.reason).toBe('资源不在发放方名下或状态不允许调拨');
    expect(error.details?.offenders).toEqual([
      { item: '13800101702', holderCode: null, state: 'preempted' },
      { item: '13800101900', holderCode: 'BJ-XC-XD', state: 'unused' },
      { item: inUse, holderCode: null, state: 'inUse' },
      { item: '13800109999', holderCode: null, state: 'unknown' },
    ]);
    expect(error.message).toContain('13800101900 (unused, held by BJ-XC-XD)');
    expect(error.message).toContain('nothing was moved');
    // Nothing half-moved: the movable ones stayed central, and no movement was written.
    expect(await holderOf('13800101700')).toBeNull();
    const items = await h.db
      .select()
      .from(resourceMovementItems)
      .where(inArray(resourceMovementItems.item, ['13800101700', '13800101701']));
    expect(items).toHaveLength(0);

    await claimSim(h.db, 'OpenAccount:sim-held', 600);
    const [held] = await h.db.select().from(simCards).where(eq(simCards.preemptedBy, 'OpenAccount:sim-held'));
    const sim = await move({
      direction: 'issue',
      resourceType: 'sims',
      toCode: 'BJ',
      receiver: '张三',
      items: { list: [held!.iccid] },
    });
    expect(sim.statusCode).toBe(409);
    expect(sim.json<ErrorBody>().details?.offenders).toEqual([
      { item: held!.iccid, holderCode: null, state: 'preempted' },
    ]);
  });

  it('RES-2: ranges are checked — reversed, too long or not ICCIDs are refused 422 naming the field, and nothing moves', async () => {
    const before = (await h.db.select().from(resourceMovements)).length;
    const reversed = await move({
      direction: 'issue',
      resourceType: 'numbers',
      toCode: 'BJ',
      receiver: 'x',
      items: { range: { first: '13800101709', last: '13800101700' } },
    });
    expect(reversed.statusCode).toBe(422);
    expect(reversed.json<ErrorBody>().code).toBe('BusinessRuleViolated');
    expect(reversed.json<ErrorBody>().message).toBe('body.items.range: last must not be below first');
    const tooMany = await move({
      direction: 'issue',
      resourceType: 'numbers',
      toCode: 'BJ',
      receiver: 'x',
      items: { range: { first: '13800000000', last: '13800200000' } },
    });
    expect(tooMany.statusCode).toBe(422);
    expect(tooMany.json<ErrorBody>().code).toBe('BusinessRuleViolated');
    expect(tooMany.json<ErrorBody>().message).toBe(
      'body.items.range: 200001 items; at most 100000 per movement',
    );
    const notIccid = await move({
      direction: 'issue',
      resourceType: 'sims',
      toCode: 'BJ',
      receiver: 'x',
      items: { list: ['13800101700'] },
    });
    expect(notIccid.statusCode).toBe(422);
    expect(notIccid.json<ErrorBody>().code).toBe('BusinessRuleViolated');
    expect(notIccid.json<ErrorBody>().message).toContain('body.items.list: 13800101700 is not an ICCID');
    expect((await h.db.select().from(resourceMovements)).length).toBe(before);
  });
});
