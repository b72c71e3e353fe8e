import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupContracts, groupMemberEvents, groupSubscriptions } from '../../db/schema';
import type { OrderType } from '../../domain/orders';
import { orderId } from '../../workflows/contracts/orders';
import { groupOpenBody, insertActiveSubscription, insertMembers, memberLine } from '../support/groups';
import { startSignedInHarness, type Harness } from '../support/harness';
import { newKey, submitOrder } from '../support/orders';

const HINT_ZH = '看不到产品说明没有产品权限，请找管理员授权';

interface ErrorBody {
  code: string;
  reason: string;
  message: string;
  details?: unknown;
}

interface ProductList {
  items: {
    code: string;
    tariffs: { code: string; needsApproval: boolean }[];
    spec: { attributes: { code: string }[] };
    memberSpec: { attributes: { code: string }[] };
    subscription: { id: string; memberCount: number } | null;
  }[];
  hiddenCount: number;
  hint: { zh: string; en: string } | null;
}

describe('group business API: reads, product permissions and the checks before a group order starts', () => {
  let h: Harness;
  /** store01: front-line, without the 和对讲 product permission. */
  let storeToken: string;
  let managerToken: string;
  let adminToken: string;
  beforeAll(async () => {
    ({ h, token: storeToken } = await startSignedInHarness());
    managerToken = await h.login('manager01', 'STORE-BJ-001');
    adminToken = await h.login('admin01', 'STORE-BJ-001');
  });
  afterAll(async () => h?.close());

  const request = (method: 'GET' | 'PUT' | 'DELETE', url: string, token: string) =>
    h.app.inject({ method, url, headers: { authorization: `Bearer ${token}` } });
  const products = (token: string, groupCode: string) =>
    request('GET', `/api/v1/groups/${groupCode}/products`, token);
  const permission = (method: 'PUT' | 'DELETE', operatorId: string, productCode: string) =>
    request(method, permissionUrl(operatorId, productCode), adminToken);
  const permissionUrl = (operatorId: string, productCode: string) =>
    `/api/v1/operators/${operatorId}/product-permissions/${productCode}`;

  /** An active 和对讲 subscription of group 1000000003 with 25 members (fixtures; a second call adds nothing). */
  async function groupWithMembers(): Promise<string> {
    const subscriptionId = await insertActiveSubscription(h.db, '1000000003');
    await insertMembers(
      h.db,
      subscriptionId,
      Array.from({ length: 25 }, (_, i) => memberLine(i)),
    );
    return subscriptionId;
  }

  /** Submits as `token` and asserts nothing was started: the would-be order does not exist. */
  async function submitRefused(token: string, body: Record<string, unknown>) {
    const key = newKey('refused');
    const res = await submitOrder(h.app, token, body, key);
    // Every token of this file is signed in at STORE-BJ-001: the channel the key belongs to (ORD-3).
    const wouldBe = orderId(body.type as OrderType, 'STORE-BJ-001', key);
    const lookup = await request('GET', `/api/v1/orders/${encodeURIComponent(wouldBe)}`, managerToken);
    expect(lookup.statusCode).toBe(404);
    return { status: res.statusCode, body: res.json<ErrorBody>() };
  }

  it('GRP-1: an operator without the product permission does not see 和对讲 and ordering it is refused 403 ProductPermissionRequired (ask an administrator)', async () => {
    const hidden = await products(storeToken, '1000000001');
    expect(hidden.statusCode).toBe(200);
    expect(hidden.json<ProductList>()).toMatchObject({ items: [], hiddenCount: 1, hint: { zh: HINT_ZH } });
    expect(hidden.json<ProductList>().hint?.en).toContain('ask an administrator');

    const seen = (await products(managerToken, '1000000001')).json<ProductList>();
    expect(seen.hint).toBeNull();
    expect(seen.items.map((p) => p.code)).toEqual(['HDJ']);
    const hdj = seen.items[0];
    expect(hdj?.tariffs.map((t) => [t.code, t.needsApproval])).toEqual([
      ['HDJ-10', false],
      ['HDJ-20', false],
      ['HDJ-CUSTOM', true],
    ]);
    expect(hdj?.spec.attributes.map((a) => a.code)).toContain('maxTalkGroups');
    expect(hdj?.memberSpec.attributes.map((a) => a.code)).toContain('displayName');
    expect(hdj?.subscription).toBeNull();

    // Every one of the six group order types needs the permission.
    const hdjOf1 = { groupCode: '1000000001', productCode: 'HDJ' };
    const bodies = [
      groupOpenBody('1000000001'),
      {
        type: 'groupCancel',
        ...hdjOf1,
        reason: '不再使用',
        customerManagerId: 'manager01',
        submitterId: 'store01',
      },
      { type: 'groupMemberAdd', ...hdjOf1, msisdn: memberLine(0), attributes: { displayName: '张三' } },
      { type: 'groupMemberDelete', ...hdjOf1, msisdn: memberLine(0) },
    ];
    for (const body of bodies) {
      const refused = await submitRefused(storeToken, body);
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({
        code: 'ProductPermissionRequired',
        reason: '没有该产品的权限，请找管理员授权',
      });
      expect(refused.body.message).toContain('store01 has no permission for product HDJ');
      expect(refused.body.message).toContain('ask an administrator to grant it');
    }

    // Only an administrator grants it.
    const selfGrant = await request('PUT', permissionUrl('store01', 'HDJ'), storeToken);
    expect(selfGrant.statusCode).toBe(403);
    expect(selfGrant.json<ErrorBody>().code).toBe('RoleNotAllowed');

    const granted = await permission('PUT', 'store01', 'HDJ');
    expect(granted.statusCode).toBe(201);
    expect(granted.json()).toMatchObject({ operatorId: 'store01', productCode: 'HDJ', grantedBy: 'admin01' });
    const again = await permission('PUT', 'store01', 'HDJ');
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(granted.json());
    const list = await request('GET', '/api/v1/operators/store01/product-permissions', adminToken);
    expect(list.json()).toMatchObject({ operatorId: 'store01', items: [{ productCode: 'HDJ' }] });

    const nowSeen = (await products(storeToken, '1000000001')).json<ProductList>();
    expect(nowSeen).toMatchObject({ hiddenCount: 0, hint: null });
    expect(nowSeen.items.map((p) => p.code)).toEqual(['HDJ']);
    const accepted = await submitOrder(h.app, storeToken, groupOpenBody('1000000001'));
    expect(accepted.statusCode).toBe(202);
    expect(accepted.json<{ id: string }>().id).toMatch(/^GroupOpen:/);

    const revoked = await permission('DELETE', 'store01', 'HDJ');
    expect(revoked.statusCode).toBe(204);
    expect(revoked.body).toBe('');
    expect((await permission('DELETE', 'store01', 'HDJ')).statusCode).toBe(204);
    expect((await products(storeToken, '1000000001')).json<ProductList>()).toMatchObject({
      items: [],
      hint: { zh: HINT_ZH },
    });
    const refusedAgain = await submitRefused(storeToken, groupOpenBody('1000000002'));
    expect(refusedAgain.status).toBe(403);
    expect(refusedAgain.body.code).toBe('ProductPermissionRequired');
  });

  it('GRP-1: granting names a real operator and a product of the catalogue', async () => {
    const ghost = await permission('PUT', 'ghost01', 'HDJ');
    expect(ghost.statusCode).toBe(404);
    expect(ghost.json()).toMatchObject({ code: 'NotFound', message: 'operatorId: no operator ghost01' });
    const noProduct = await permission('PUT', 'store01', 'NOPE');
    expect(noProduct.statusCode).toBe(422);
    expect(noProduct.json()).toMatchObject({ code: 'GroupProductNotFound' });
    expect(noProduct.json<ErrorBody>().message).toContain('productCode: no active group product NOPE');
    const byManager = await request('GET', '/api/v1/operators/store01/product-permissions', managerToken);
    expect(byManager.statusCode).toBe(403);
  });

  it.each([
    [
      'a missing required attribute',
      { attributes: { serviceLevel: 'standard', maxTalkGroups: 20 } },
      'InvalidProductAttributes',
      'attributes.adminPhone: is required',
    ],
    [
      'a value outside the enumeration',
      { attributes: { serviceLevel: 'gold', maxTalkGroups: 20, adminPhone: '13900100001' } },
      'InvalidProductAttributes',
      'attributes.serviceLevel: must be one of: standard, professional',
    ],
    [
      'a number out of range',
      { attributes: { serviceLevel: 'standard', maxTalkGroups: 501, adminPhone: '13900100001' } },
      'InvalidProductAttributes',
      'attributes.maxTalkGroups: must be a whole number from 1 to 500',
    ],
    [
      'an unknown attribute',
      {
        attributes: { serviceLevel: 'standard', maxTalkGroups: 20, adminPhone: '13900100001', colour: 'red' },
      },
      'InvalidProductAttributes',
      'attributes.colour: is not an attribute of this product',
    ],
    [
      'a tariff parameter out of range',
      { tariff: { code: 'HDJ-CUSTOM', params: { discountPercent: 30 } } },
      'InvalidProductAttributes',
      'tariff.params.discountPercent: must be a whole number from 50 to 100',
    ],
    [
      'a missing tariff parameter',
      { tariff: { code: 'HDJ-CUSTOM', params: {} } },
      'InvalidProductAttributes',
      'tariff.params.discountPercent: is required',
    ],
    [
      'an unknown tariff',
      { tariff: { code: 'HDJ-99', params: {} } },
      'TariffNotFound',
      'tariff.code: HDJ-99 is not a tariff of product HDJ; known: HDJ-10, HDJ-20, HDJ-CUSTOM',
    ],
    [
      'a contract of another group',
      { contractId: 'HT-1000000003' },
      'ContractNotFound',
      'contractId: HT-1000000003 is not a contract of group 1000000002',
    ],
    [
      'a paying account of another group',
      { payingAccountId: 'ACC-1000000003' },
      'PayingAccountNotFound',
      'payingAccountId: ACC-1000000003 is not a paying account of group 1000000002',
    ],
    [
      'a submitter that does not exist',
      { submitterId: 'ghost01' },
      'OperatorNotFound',
      'submitterId: no active operator ghost01',
    ],
    [
      'a customer manager who is not one',
      { customerManagerId: 'store01' },
      'OperatorNotFound',
      'customerManagerId: operator store01 is not a customer manager',
    ],
    [
      'a product not in the catalogue',
      { productCode: 'NOPE' },
      'GroupProductNotFound',
      'productCode: no active group product NOPE',
    ],
  ])(
    'GRP-3: an opening with %s is refused 422 naming the field and the rule; nothing starts',
    async (_case, overrides, code, message) => {
      const refused = await submitRefused(managerToken, groupOpenBody('1000000002', overrides));
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe(code);
      expect(refused.body.message).toContain(message);
    },
  );

  it('GRP-3: every broken attribute rule is listed at once, in the message and as details', async () => {
    const refused = await submitRefused(
      managerToken,
      groupOpenBody('1000000002', {
        attributes: { serviceLevel: 'gold', maxTalkGroups: 0, recording: 'yes' },
        tariff: { code: 'HDJ-CUSTOM', params: { discountPercent: 101 } },
      }),
    );
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      code: 'InvalidProductAttributes',
      reason: '产品参数不符合产品规格',
    });
    expect(refused.body.details).toEqual([
      { path: 'attributes.serviceLevel', rule: 'must be one of: standard, professional' },
      { path: 'attributes.maxTalkGroups', rule: 'must be a whole number from 1 to 500' },
      { path: 'attributes.recording', rule: 'must be true or false' },
      { path: 'attributes.adminPhone', rule: 'is required' },
      { path: 'tariff.params.discountPercent', rule: 'must be a whole number from 50 to 100' },
    ]);
    expect(refused.body.message).toBe(
      'attributes.serviceLevel: must be one of: standard, professional; ' +
        'attributes.maxTalkGroups: must be a whole number from 1 to 500; ' +
        'attributes.recording: must be true or false; attributes.adminPhone: is required; ' +
        'tariff.params.discountPercent: must be a whole number from 50 to 100',
    );
  });

  it('GRP-1: an unknown group code is 404 GroupNotFound, for orders and reads alike', async () => {
    const refused = await submitRefused(managerToken, groupOpenBody('1234567890'));
    expect(refused.status).toBe(404);
    expect(refused.body).toMatchObject({
      code: 'GroupNotFound',
      message: 'groupCode: no group customer 1234567890',
    });
    for (const url of [
      '/api/v1/groups/1234567890',
      '/api/v1/groups/1234567890/products',
      '/api/v1/groups/1234567890/products/HDJ/members',
    ]) {
      const res = await request('GET', url, managerToken);
      expect(res.statusCode).toBe(404);
      expect(res.json<ErrorBody>().code).toBe('GroupNotFound');
    }
    const malformed = await request('GET', '/api/v1/groups/12345', managerToken);
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json<ErrorBody>().message).toContain('params.groupCode');
  });

  it('GRP-1: an opening under an expired contract is refused 422 ContractExpired; the group view shows it expired', async () => {
    await h.db
      .update(groupContracts)
      .set({ endsAt: sql`now() - interval '1 day'` })
      .where(eq(groupContracts.id, 'HT-1000000005'));
    const refused = await submitRefused(managerToken, groupOpenBody('1000000005'));
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'ContractExpired', reason: '集团合同已到期，请续签后再受理' });
    expect(refused.body.message).toMatch(/^contractId: contract HT-1000000005 ended at .+; renew it/);
    const view = await request('GET', '/api/v1/groups/1000000005', managerToken);
    expect(view.json()).toMatchObject({ contracts: [{ id: 'HT-1000000005', expired: true }] });
  });

  it('GRP-5, GRP-9: a change and a cancellation are checked the same way before they start', async () => {
    const change = (overrides: Record<string, unknown>) => ({
      type: 'groupChange',
      groupCode: '1000000002',
      productCode: 'HDJ',
      effectiveMode: 'nextCycle',
      customerManagerId: 'manager01',
      submitterId: 'manager01',
      ...overrides,
    });
    const badAttribute = await submitRefused(
      managerToken,
      change({ operation: 'attributeChange', attributes: { maxTalkGroups: 0 } }),
    );
    expect(badAttribute.status).toBe(422);
    expect(badAttribute.body.details).toEqual([
      { path: 'attributes.maxTalkGroups', rule: 'must be a whole number from 1 to 500' },
    ]);
    const newTariffWithoutParams = await submitRefused(
      managerToken,
      change({ operation: 'tariffChange', tariff: { code: 'HDJ-CUSTOM', params: {} } }),
    );
    expect(newTariffWithoutParams.status).toBe(422);
    expect(newTariffWithoutParams.body.message).toBe('tariff.params.discountPercent: is required');
    const unknownTariff = await submitRefused(
      managerToken,
      change({ operation: 'tariffChange', tariff: { code: 'HDJ-5', params: {} } }),
    );
    expect(unknownTariff.body.code).toBe('TariffNotFound');

    const cancel = await submitRefused(managerToken, {
      type: 'groupCancel',
      groupCode: '1000000002',
      productCode: 'HDJ',
      reason: '合同到期不续',
      customerManagerId: 'nobody',
      submitterId: 'manager01',
    });
    expect(cancel.status).toBe(422);
    expect(cancel.body).toMatchObject({
      code: 'OperatorNotFound',
      message: 'customerManagerId: no active operator nobody',
    });
  });

  it('GRP-6, GRP-7: member attributes that break the member specification are refused 422', async () => {
    const member = { groupCode: '1000000002', productCode: 'HDJ', msisdn: memberLine(10) };
    const add = await submitRefused(managerToken, {
      type: 'groupMemberAdd',
      ...member,
      attributes: { role: 'boss', priority: 9, nickname: '小王' },
    });
    expect(add.status).toBe(422);
    expect(add.body.code).toBe('InvalidProductAttributes');
    expect(add.body.details).toEqual([
      {
        path: 'attributes.nickname',
        rule: 'is not an attribute of this product; known: displayName, role, priority',
      },
      { path: 'attributes.displayName', rule: 'is required' },
      { path: 'attributes.role', rule: 'must be one of: member, dispatcher' },
      { path: 'attributes.priority', rule: 'must be a whole number from 1 to 7' },
    ]);
    const change = await submitRefused(managerToken, {
      type: 'groupMemberChange',
      ...member,
      attributes: { displayName: '这个名字实在是太长了超过了二十个字的上限啊啊啊' },
    });
    expect(change.status).toBe(422);
    expect(change.body.message).toBe('attributes.displayName: must be at most 20 characters');
  });

  it('GRP-1, GRP-2, GRP-6: the group view shows its products with member counts and a scheduled next-cycle change', async () => {
    const groupCode = '1000000003';
    const subscriptionId = await groupWithMembers();
    const nextMonth = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const scheduled = {
      attributes: { maxTalkGroups: 40 },
      tariffCode: 'HDJ-20',
      tariffParams: {},
      effectiveFrom: nextMonth,
      orderId: 'GroupChange:scheduled',
    };
    await h.db
      .update(groupSubscriptions)
      .set({ scheduledTerms: scheduled })
      .where(eq(groupSubscriptions.id, subscriptionId));

    const view = await request('GET', `/api/v1/groups/${groupCode}`, managerToken);
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({
      groupCode,
      customerManager: { id: 'manager01' },
      contracts: [{ id: `HT-${groupCode}`, expired: false }],
      payingAccounts: [{ id: `ACC-${groupCode}` }],
      subscriptions: [
        {
          id: subscriptionId,
          productCode: 'HDJ',
          status: 'active',
          memberCount: 25,
          lockedBy: null,
          tariffCode: 'HDJ-10',
          currentTerms: { tariffCode: 'HDJ-10', attributes: { maxTalkGroups: 20 } },
          scheduledTerms: { ...scheduled, inEffect: false },
        },
      ],
    });

    // Once its time has passed, the scheduled change is the terms in force.
    const lastMonth = new Date(Date.now() - 86_400_000).toISOString();
    await h.db
      .update(groupSubscriptions)
      .set({ scheduledTerms: { ...scheduled, effectiveFrom: lastMonth } })
      .where(eq(groupSubscriptions.id, subscriptionId));
    const due = await request('GET', `/api/v1/groups/${groupCode}`, managerToken);
    expect(due.json()).toMatchObject({
      subscriptions: [
        {
          tariffCode: 'HDJ-10',
          currentTerms: {
            tariffCode: 'HDJ-20',
            effectiveFrom: lastMonth,
            attributes: { serviceLevel: 'standard', maxTalkGroups: 40, adminPhone: '13900100001' },
          },
          scheduledTerms: { inEffect: true },
        },
      ],
    });

    const listed = (await products(managerToken, groupCode)).json<ProductList>();
    expect(listed.items[0]?.subscription).toMatchObject({ id: subscriptionId, memberCount: 25 });
  });

  it('GRP-6: members are listed a page at a time with X-Total-Count, and found by their first digits', async () => {
    await groupWithMembers();
    const url = '/api/v1/groups/1000000003/products/HDJ/members';
    const page = await request('GET', `${url}?offset=20&limit=10`, managerToken);
    expect(page.statusCode).toBe(200);
    expect(page.headers['x-total-count']).toBe('25');
    const body = page.json<{ items: { msisdn: string; addedBy: string }[] }>();
    expect(body.items.map((m) => m.msisdn)).toEqual([20, 21, 22, 23, 24].map(memberLine));
    expect(body.items[0]).toMatchObject({ addedBy: 'fixture', attributes: { displayName: '成员 0020' } });

    const found = await request('GET', `${url}?msisdn=${memberLine(1).slice(0, 10)}`, managerToken);
    expect(found.headers['x-total-count']).toBe('10');
    const badFilter = await request('GET', `${url}?msisdn=139x`, managerToken);
    expect(badFilter.statusCode).toBe(400);

    const withoutPermission = await request('GET', url, storeToken);
    expect(withoutPermission.statusCode).toBe(403);
    expect(withoutPermission.json<ErrorBody>().code).toBe('ProductPermissionRequired');
    const notOrdered = await request('GET', '/api/v1/groups/1000000004/products/HDJ/members', managerToken);
    expect(notOrdered.statusCode).toBe(409);
    expect(notOrdered.json<ErrorBody>().code).toBe('GroupProductNotActive');
  });

  it("GRP-6, GRP-7, GRP-8: a member's history lists every change, newest first", async () => {
    const subscriptionId = await groupWithMembers();
    const msisdn = memberLine(3);
    const day = (n: number) => new Date(Date.UTC(2024, 0, 1 + n));
    await h.db.insert(groupMemberEvents).values([
      {
        source: 'MemberAdd:a',
        msisdn,
        action: 'add',
        subscriptionId,
        attributes: { displayName: 'A' },
        actor: 'manager01',
        at: day(0),
      },
      {
        source: 'MemberChange:b',
        msisdn,
        action: 'change',
        subscriptionId,
        attributes: { priority: 2 },
        actor: 'manager01',
        at: day(400),
      },
      {
        source: 'MemberChange:c',
        msisdn,
        action: 'change',
        subscriptionId,
        attributes: { role: 'dispatcher' },
        actor: 'manager01',
        at: day(800),
      },
      {
        source: 'MemberAdd:other',
        msisdn: memberLine(5),
        action: 'add',
        subscriptionId,
        attributes: null,
        actor: 'x',
        at: day(1),
      },
    ]);
    const url = `/api/v1/groups/1000000003/products/HDJ/members/${msisdn}/history`;
    const res = await request('GET', url, managerToken);
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-total-count']).toBe('3');
    expect(res.json<{ items: { source: string; at: string }[] }>().items).toEqual([
      expect.objectContaining({ source: 'MemberChange:c', action: 'change', at: day(800).toISOString() }),
      expect.objectContaining({ source: 'MemberChange:b', attributes: { priority: 2 } }),
      expect.objectContaining({ source: 'MemberAdd:a', action: 'add', actor: 'manager01' }),
    ]);
    const second = await request('GET', `${url}?offset=1&limit=1`, managerToken);
    expect(second.json<{ items: { source: string }[] }>().items.map((e) => e.source)).toEqual([
      'MemberChange:b',
    ]);

    // A member without recorded changes has an empty history; a number never a member is 404.
    const quiet = await request('GET', url.replace(msisdn, memberLine(4)), managerToken);
    expect(quiet.statusCode).toBe(200);
    expect(quiet.json()).toEqual({ items: [] });
    const stranger = await request('GET', url.replace(msisdn, memberLine(150)), managerToken);
    expect(stranger.statusCode).toBe(404);
    expect(stranger.json<ErrorBody>().code).toBe('NotGroupMember');
  });

  it('GRP-1: the group reads and the permission routes are documented in OpenAPI under "group business"', async () => {
    const res = await h.app.inject({ url: '/docs/json' });
    expect(res.statusCode).toBe(200);
    const paths = res.json<{ paths: Record<string, Record<string, { tags?: string[] }>> }>().paths;
    const documented = [
      ['/api/v1/groups/{groupCode}', 'get'],
      ['/api/v1/groups/{groupCode}/products', 'get'],
      ['/api/v1/groups/{groupCode}/products/{productCode}/members', 'get'],
      ['/api/v1/groups/{groupCode}/products/{productCode}/members/{msisdn}/history', 'get'],
      ['/api/v1/operators/{operatorId}/product-permissions', 'get'],
      ['/api/v1/operators/{operatorId}/product-permissions/{productCode}', 'put'],
      ['/api/v1/operators/{operatorId}/product-permissions/{productCode}', 'delete'],
    ] as const;
    for (const [path, method] of documented) {
      expect(paths[path]?.[method]?.tags, `${method} ${path}`).toEqual(['group business']);
    }
  });
});
