import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectionFeeChanges } from '../../db/schema';
import { startHarness, type Harness } from '../support/harness';

describe('selection-fee rules and the fee-change record (RES-4)', () => {
  let h: Harness;
  let admin: string;
  beforeAll(async () => {
    h = await startHarness();
    admin = await h.login('admin01', 'STORE-BJ-001');
  });
  afterAll(async () => h?.close());

  const send = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    h.app.inject({ method, url, payload, headers: { authorization: `Bearer ${admin}` } });

  it('RES-4: the seeded rules are data, highest priority first, and the preview names the deciding rule', async () => {
    const list = await send('GET', '/api/v1/selection-fee-rules');
    expect(list.json<{ items: { id: string }[] }>().items.map((r) => r.id)).toEqual([
      'FEE-AAAA',
      'FEE-AAA',
      'FEE-ASC4',
      'FEE-88',
      'FEE-ABAB',
    ]);
    const preview = await send('POST', '/api/v1/selection-fee-rules/preview', {
      numbers: ['13800108888', '13800101288', '13800101235'],
    });
    expect(preview.json()).toEqual({
      items: [
        { msisdn: '13800108888', feeFen: 100_000, ruleId: 'FEE-AAAA' },
        { msisdn: '13800101288', feeFen: 10_000, ruleId: 'FEE-88' },
        { msisdn: '13800101235', feeFen: 0, ruleId: null },
      ],
    });
  });

  it('RES-4: an administrator adds a rule and changes it; a higher priority takes over, a deactivated one stops', async () => {
    const rule = { id: 'FEE-TAIL-35', name: '尾号 35', pattern: '35$', feeFen: 1_500, priority: 60 };
    const created = await send('POST', '/api/v1/selection-fee-rules', rule);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ ...rule, active: true, updatedBy: 'admin01' });
    expect((await send('POST', '/api/v1/selection-fee-rules', rule)).json()).toMatchObject({
      code: 'FeeRuleExists',
    });
    const previewOf = async () =>
      (
        await send('POST', '/api/v1/selection-fee-rules/preview', { numbers: ['13800101235'] })
      ).json<unknown>();
    expect(await previewOf()).toEqual({
      items: [{ msisdn: '13800101235', feeFen: 1_500, ruleId: 'FEE-TAIL-35' }],
    });

    const { id, ...definition } = rule;
    const off = await send('PUT', `/api/v1/selection-fee-rules/${id}`, { ...definition, active: false });
    expect(off.json()).toMatchObject({ id, active: false });
    expect(await previewOf()).toEqual({ items: [{ msisdn: '13800101235', feeFen: 0, ruleId: null }] });
  });

  it('RES-4: a pattern that is not a regular expression is refused 422 naming body.pattern; an unknown rule is 404', async () => {
    const bad = await send('POST', '/api/v1/selection-fee-rules', {
      id: 'FEE-BAD',
      name: 'broken',
      pattern: '(\\d',
      feeFen: 100,
      priority: 1,
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ code: 'BusinessRuleViolated' });
    expect(bad.json<{ message: string }>().message).toMatch(
      /^body\.pattern: is not a valid regular expression/,
    );
    const missing = await send('PUT', '/api/v1/selection-fee-rules/FEE-NONE', {
      name: 'x',
      pattern: '1$',
      feeFen: 1,
      priority: 1,
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'FeeRuleNotFound', reason: '选号费规则不存在' });
  });

  it('RES-4: a manual fee change records before, after, who and why', async () => {
    const msisdn = '13800101288';
    const first = await send('PUT', `/api/v1/numbers/${msisdn}/selection-fee`, {
      feeFen: 0,
      reason: 'promotion',
    });
    expect(first.json()).toMatchObject({ msisdn, beforeFen: 10_000, afterFen: 0, changedBy: 'admin01' });
    await send('PUT', `/api/v1/numbers/${msisdn}/selection-fee`, { feeFen: 2_000, reason: 'promotion over' });
    const changes = await send('GET', `/api/v1/numbers/${msisdn}/selection-fee-changes`);
    expect(changes.json()).toMatchObject({
      items: [
        { beforeFen: 10_000, afterFen: 0, reason: 'promotion', changedBy: 'admin01' },
        { beforeFen: 0, afterFen: 2_000, reason: 'promotion over', changedBy: 'admin01' },
      ],
    });
    const detail = await send('GET', `/api/v1/numbers/${msisdn}`);
    expect(detail.json()).toMatchObject({
      selectionFeeFen: 2_000,
      feeChanges: [{ afterFen: 0 }, { afterFen: 2_000 }],
    });
    const rows = await h.db.select().from(selectionFeeChanges).where(eq(selectionFeeChanges.msisdn, msisdn));
    expect(rows).toHaveLength(2);
    expect(
      (await send('PUT', '/api/v1/numbers/13800000000/selection-fee', { feeFen: 1, reason: 'x' })).json(),
    ).toMatchObject({ code: 'NumberNotFound' });
  });
});
