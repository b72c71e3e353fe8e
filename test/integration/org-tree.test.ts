import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness';

interface ErrorBody {
  code: string;
  reason: string;
  message: string;
}
interface UnitView {
  code: string;
  kind: string;
  name: string;
  parentCode: string | null;
  operatorId: string | null;
  active: boolean;
  held: { numbers: number; sims: number };
  children: UnitView[];
}

describe('organisation tree (RES-2)', () => {
  let h: Harness;
  let admin: string;
  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    h.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${admin}` },
      ...(payload ? { payload } : {}),
    });

  beforeAll(async () => {
    h = await startHarness({ noWorker: true });
    admin = await h.login('admin01', 'STORE-BJ-001');
  });
  afterAll(async () => h?.close());

  it('RES-2: the tree comes back nested city → area → outlet → clerk, with what each unit holds', async () => {
    const res = await call('GET', '/api/v1/org-units');
    expect(res.statusCode).toBe(200);
    const tree = res.json<{ central: { numbers: number; sims: number }; cities: UnitView[] }>();
    const [bj] = tree.cities;
    expect(bj).toMatchObject({ code: 'BJ', kind: 'city', name: '北京市公司', held: { numbers: 0, sims: 0 } });
    const xc = bj!.children.find((a) => a.code === 'BJ-XC');
    expect(xc?.children.map((o) => o.code)).toEqual(['BJ-XC-JR', 'BJ-XC-XD']);
    const xd = xc!.children.find((o) => o.code === 'BJ-XC-XD');
    expect(xd).toMatchObject({ name: '西单营业点', held: { numbers: 50, sims: 50 } });
    expect(xd?.children).toEqual([
      expect.objectContaining({ code: 'BJ-XC-XD-CLERK01', kind: 'clerk', operatorId: 'clerk01' }),
    ]);
    expect(tree.central.numbers).toBeGreaterThan(1_000);
  });

  it('RES-2: a unit must sit under the kind one level up — 422 IllegalOrgUnitParent naming both kinds', async () => {
    const cases = [
      [
        { code: 'BJ-HD-X', kind: 'outlet', name: '海淀', parentCode: 'BJ' },
        "BJ is a city company; an outlet's parent must be a business area",
      ],
      [{ code: 'SH', kind: 'city', name: '上海', parentCode: 'BJ' }, 'a city company has no parent'],
      [{ code: 'BJ-HD', kind: 'area', name: '海淀' }, 'a business area needs a parent: a city company'],
      [{ code: 'BJ-HD', kind: 'area', name: '海淀', parentCode: 'NOPE' }, 'no organisation unit NOPE'],
    ] as const;
    for (const [body, message] of cases) {
      const res = await call('POST', '/api/v1/org-units', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(422);
      const error = res.json<ErrorBody>();
      expect(error.code).toBe('IllegalOrgUnitParent');
      expect(error.reason).toBe('组织单元的上级不符合 市公司→营业区→营业点→营业员 的层级');
      expect(error.message).toContain(message);
    }
    expect((await call('GET', '/api/v1/org-units/BJ-HD')).statusCode).toBe(404);
  });

  it('RES-2: units are added under the right parent; a clerk is one existing operator, once', async () => {
    const area = await call('POST', '/api/v1/org-units', {
      code: 'BJ-HD',
      kind: 'area',
      name: '海淀营业区',
      parentCode: 'BJ',
    });
    expect(area.statusCode).toBe(201);
    expect(area.headers.location).toBe('/api/v1/org-units/BJ-HD');
    const outlet = await call('POST', '/api/v1/org-units', {
      code: 'BJ-HD-ZGC',
      kind: 'outlet',
      name: '中关村营业点',
      parentCode: 'BJ-HD',
    });
    expect(outlet.statusCode).toBe(201);

    const noOperator = await call('POST', '/api/v1/org-units', {
      code: 'BJ-HD-ZGC-C1',
      kind: 'clerk',
      name: 'x',
      parentCode: 'BJ-HD-ZGC',
    });
    expect(noOperator.statusCode).toBe(422);
    expect(noOperator.json<ErrorBody>().code).toBe('BusinessRuleViolated');
    expect(noOperator.json<ErrorBody>().message).toContain('operatorId');
    const unknown = await call('POST', '/api/v1/org-units', {
      code: 'BJ-HD-ZGC-C1',
      kind: 'clerk',
      name: 'x',
      parentCode: 'BJ-HD-ZGC',
      operatorId: 'ghost99',
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json<ErrorBody>()).toMatchObject({
      code: 'OperatorNotFound',
      message: 'operatorId: no operator ghost99',
    });
    const twice = await call('POST', '/api/v1/org-units', {
      code: 'BJ-HD-ZGC-C1',
      kind: 'clerk',
      name: 'x',
      parentCode: 'BJ-HD-ZGC',
      operatorId: 'clerk01',
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json<ErrorBody>()).toMatchObject({
      code: 'OrgUnitExists',
      message: 'operatorId: operator clerk01 is already clerk unit BJ-XC-XD-CLERK01',
    });

    const clerk = await call('POST', '/api/v1/org-units', {
      code: 'BJ-HD-ZGC-C1',
      kind: 'clerk',
      name: '王芳',
      parentCode: 'BJ-HD-ZGC',
      operatorId: 'store01',
    });
    expect(clerk.statusCode).toBe(201);
    expect(clerk.json<UnitView>()).toMatchObject({
      kind: 'clerk',
      operatorId: 'store01',
      parentCode: 'BJ-HD-ZGC',
      active: true,
    });
    const sameCode = await call('POST', '/api/v1/org-units', {
      code: 'BJ-HD',
      kind: 'area',
      name: 'again',
      parentCode: 'BJ',
    });
    expect(sameCode.statusCode).toBe(409);
    expect(sameCode.json<ErrorBody>().code).toBe('OrgUnitExists');

    const detail = await call('GET', '/api/v1/org-units/BJ-HD-ZGC');
    expect(detail.json<UnitView>().children.map((c) => c.code)).toEqual(['BJ-HD-ZGC-C1']);
  });

  it('RES-2: a unit holding stock cannot be deactivated (409 with the counts); an empty one can', async () => {
    const refused = await call('PATCH', '/api/v1/org-units/BJ-XC-XD', { active: false });
    expect(refused.statusCode).toBe(409);
    expect(refused.json<ErrorBody>()).toMatchObject({
      code: 'OrgUnitHoldsStock',
      message: 'active: BJ-XC-XD still holds 50 numbers and 50 SIM cards; recycle them first',
    });
    expect((await call('GET', '/api/v1/org-units/BJ-XC-XD')).json<UnitView>().active).toBe(true);

    const done = await call('PATCH', '/api/v1/org-units/BJ-XC-JR', {
      active: false,
      name: '金融街营业点（停业）',
    });
    expect(done.statusCode).toBe(200);
    expect(done.json<UnitView>()).toMatchObject({ active: false, name: '金融街营业点（停业）' });
    expect((await call('PATCH', '/api/v1/org-units/NOPE', { name: 'x' })).json<ErrorBody>().code).toBe(
      'OrgUnitNotFound',
    );
  });
});
