import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { numbers } from '../../db/schema';
import { startHarness, type Harness } from '../support/harness';

interface Segment {
  prefix: string;
  groupCode: string | null;
  total: number;
  byState: Record<string, number>;
}

describe('segments and groups of segments (RES-5)', () => {
  let h: Harness;
  let admin: string;
  beforeAll(async () => {
    h = await startHarness();
    admin = await h.login('admin01', 'STORE-BJ-001');
  });
  afterAll(async () => h?.close());

  const send = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    h.app.inject({ method, url, payload, headers: { authorization: `Bearer ${admin}` } });

  it('RES-5: each segment shows its group and its numbers counted per state, matching the table', async () => {
    await h.db.update(numbers).set({ status: 'disabled' }).where(eq(numbers.msisdn, '13800101999'));
    const res = await send('GET', '/api/v1/segments?groupCode=BJ-GSM');
    const items = res.json<{ items: Segment[] }>().items;
    expect(items.map((s) => s.prefix)).toEqual(['1380010']);
    const rows = await h.db.select().from(numbers).where(eq(numbers.segment, '1380010'));
    const expected: Record<string, number> = {};
    for (const r of rows) expected[r.status] = (expected[r.status] ?? 0) + 1;
    expect(items[0]).toMatchObject({ groupCode: 'BJ-GSM', total: rows.length, byState: expected });
    expect(items[0]!.byState.disabled).toBeGreaterThanOrEqual(1);
  });

  it('RES-5: a new group takes a segment; the group shows its segments and totals per state', async () => {
    const created = await send('POST', '/api/v1/number-groups', { code: 'SH-TEST', name: '上海测试号群' });
    expect(created.statusCode).toBe(201);
    expect(
      (await send('POST', '/api/v1/number-groups', { code: 'SH-TEST', name: 'x' })).json(),
    ).toMatchObject({
      code: 'NumberGroupExists',
    });
    const moved = await send('PUT', '/api/v1/segments/1380010', { groupCode: 'SH-TEST' });
    expect(moved.json()).toMatchObject({
      prefix: '1380010',
      groupCode: 'SH-TEST',
      groupName: '上海测试号群',
    });
    const groups = await send('GET', '/api/v1/number-groups');
    const group = groups
      .json<{ items: (Segment & { code: string; segments: string[] })[] }>()
      .items.find((g) => g.code === 'SH-TEST');
    const count = (await h.db.select().from(numbers).where(eq(numbers.segment, '1380010'))).length;
    expect(group).toMatchObject({ segments: ['1380010'], total: count });
    const unknown = await send('PUT', '/api/v1/segments/1380010', { groupCode: 'NOPE' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'NumberGroupNotFound' });
  });
});
