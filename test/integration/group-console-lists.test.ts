import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoOperators } from '../../db/seed';
import { groupOpenBody, insertActiveSubscription } from '../support/groups';
import { startHarness, type Harness } from '../support/harness';
import { submitOrder, waitForOrder } from '../support/orders';

const [G1, G2, G3] = ['1000000001', '1000000002', '1000000003'];

interface InboxItem {
  orderId: string;
  type: string;
  typeLabel: { zh: string; en: string };
  groupCode: string;
  groupName: string | null;
  productCode: string;
  productName: string | null;
  tariffCode: string | null;
  tariffName: string | null;
  tariffParams: Record<string, unknown>;
  attributes: Record<string, unknown>;
  productSpec: { attributes: { code: string; name: { zh: string; en: string } }[] } | null;
  tariffParamSpec: { attributes: { code: string; name: { zh: string; en: string } }[] } | null;
  submitterId: string | null;
  submitterName: string | null;
  customerManagerId: string | null;
  waitingSince: string;
  createdAt: string;
}

interface GroupItem {
  groupCode: string;
  name: string;
  customerManager: { id: string; name: string };
  subscriptionCount: number;
  contractCount: number;
}

const customTariff = (discountPercent: number) => ({
  tariff: { code: 'HDJ-CUSTOM', params: { discountPercent } },
});

describe("the console's group lists: the approver's inbox and the group customers", () => {
  let h: Harness;
  let manager: string;
  let approver: string;
  let frontline: string;
  let admin: string;

  beforeAll(async () => {
    h = await startHarness({ bboss: { answerDelayMs: 50, approvalExtraDelayMs: 50 } });
    manager = await h.login('manager01', 'STORE-BJ-001');
    approver = await h.login('approver01', 'STORE-BJ-001');
    frontline = await h.login('store01', 'STORE-BJ-001');
    admin = await h.login('admin01', 'STORE-BJ-001');
  });
  afterAll(async () => h?.close());

  const get = (token: string, url: string) =>
    h.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

  async function openWaitingForApproval(groupCode: string, discountPercent: number): Promise<string> {
    const res = await submitOrder(h.app, manager, groupOpenBody(groupCode, customTariff(discountPercent)));
    expect(res.statusCode, res.body).toBe(202);
    const id = res.json<{ id: string }>().id;
    await waitForOrder(h.app, manager, id, (o) => o.step === 'awaitingApproval');
    return id;
  }

  it('GRP-3: the approver reads the orders waiting for tariff approval, oldest waiting first, with what to decide on', async () => {
    const first = await openWaitingForApproval(G1, 80);
    const second = await openWaitingForApproval(G2, 90);

    const res = await get(approver, '/api/v1/approvals');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ items: InboxItem[]; total: number }>();
    expect(body.total).toBe(2);
    expect(res.headers['x-total-count']).toBe('2');
    expect(body.items.map((i) => i.orderId)).toEqual([first, second]);
    const [item] = body.items;
    expect(item).toMatchObject({
      orderId: first,
      type: 'groupOpen',
      typeLabel: { zh: '集团产品开通', en: 'Group product opening' },
      groupCode: G1,
      productCode: 'HDJ',
      tariffCode: 'HDJ-CUSTOM',
      tariffParams: { discountPercent: 80 },
      attributes: { serviceLevel: 'standard', maxTalkGroups: 20, adminPhone: '13900100001' },
      submitterId: 'manager01',
      customerManagerId: 'manager01',
    });
    expect(item?.groupName).toContain('Example Logistics');
    expect(item?.productName).toBeTruthy();
    expect(item?.tariffName).toContain('资费审核');
    expect(item?.submitterName).toBe(demoOperators.find((o) => o.id === 'manager01')?.name);
    // What the approver reads is named as the specification names it, not by its codes.
    expect(item?.productSpec?.attributes.find((a) => a.code === 'maxTalkGroups')?.name).toBeTruthy();
    expect(item?.tariffParamSpec?.attributes.find((a) => a.code === 'discountPercent')?.name).toEqual({
      zh: '折扣（%）',
      en: 'Discount (%)',
    });
    expect(Date.parse(item?.waitingSince ?? '')).toBeGreaterThanOrEqual(Date.parse(item?.createdAt ?? ''));

    // One group only, and one page at a time.
    const one = await get(approver, `/api/v1/approvals?groupCode=${G2}`);
    expect(one.json<{ items: InboxItem[] }>().items.map((i) => i.orderId)).toEqual([second]);
    const paged = await get(approver, '/api/v1/approvals?offset=1&limit=1');
    expect(paged.json<{ items: InboxItem[]; total: number }>()).toMatchObject({
      total: 2,
      items: [{ orderId: second }],
    });

    // Decided, it leaves the inbox.
    const decided = await h.app.inject({
      method: 'POST',
      url: `/api/v1/orders/${encodeURIComponent(first)}/approval`,
      headers: { authorization: `Bearer ${approver}` },
      payload: { decision: 'reject', comment: '折扣过大' },
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const after = await get(approver, '/api/v1/approvals');
    expect(after.json<{ items: InboxItem[] }>().items.map((i) => i.orderId)).toEqual([second]);
  });

  it('GRP-1, GRP-3: an approver without the product permission sees none of its orders; a clerk may not open the inbox', async () => {
    const created = await h.app.inject({
      method: 'POST',
      url: '/api/v1/operators',
      headers: { authorization: `Bearer ${admin}` },
      payload: {
        id: 'approver-noperm',
        name: 'Approver without HDJ',
        password: DEMO_PASSWORD,
        roles: ['approver'],
        channels: ['STORE-BJ-001'],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const unpermitted = await h.login('approver-noperm', 'STORE-BJ-001');
    const res = await get(unpermitted, '/api/v1/approvals');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ items: [], total: 0 });
    expect(res.headers['x-total-count']).toBe('0');

    const clerk = await get(frontline, '/api/v1/approvals');
    expect(clerk.statusCode).toBe(403);
    expect(clerk.json<{ code: string }>().code).toBe('RoleNotAllowed');
  });

  it('GRP-3: a bad page or group code is refused naming the parameter', async () => {
    const res = await get(approver, '/api/v1/approvals?limit=0&groupCode=abc');
    expect(res.statusCode).toBe(400);
    const paths = res.json<{ details: { path: string }[] }>().details.map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['querystring.limit', 'querystring.groupCode']));
  });

  it('GRP-1: group customers are listed in code order with their manager, contracts and the subscriptions the operator may see', async () => {
    await insertActiveSubscription(h.db, G3);

    const res = await get(manager, '/api/v1/groups?limit=3');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ items: GroupItem[]; total: number }>();
    expect(body.total).toBeGreaterThanOrEqual(5);
    expect(res.headers['x-total-count']).toBe(String(body.total));
    expect(body.items.map((g) => g.groupCode)).toEqual([G1, G2, G3]);
    expect(body.items[2]).toMatchObject({
      groupCode: G3,
      customerManager: { id: 'manager01' },
      subscriptionCount: 1,
      contractCount: 1,
    });

    // store01 lacks the HDJ permission: the group is listed, its HDJ subscription is not counted (GRP-1).
    const clerk = await get(frontline, `/api/v1/groups?q=${G3}`);
    expect(clerk.statusCode, clerk.body).toBe(200);
    expect(clerk.json<{ items: GroupItem[] }>().items).toMatchObject([
      { groupCode: G3, subscriptionCount: 0, contractCount: 1 },
    ]);
  });

  it('GRP-1: `q` finds a group by the start of its code or a part of its name, in any case', async () => {
    const byCode = await get(manager, '/api/v1/groups?q=100000000');
    expect(byCode.json<{ total: number }>().total).toBeGreaterThanOrEqual(5);
    const byName = await get(manager, `/api/v1/groups?q=${encodeURIComponent('example TAXI')}`);
    expect(byName.json<{ items: GroupItem[] }>().items.map((g) => g.groupCode)).toEqual(['1000000004']);
    const byChinese = await get(manager, `/api/v1/groups?q=${encodeURIComponent('物业')}`);
    expect(byChinese.json<{ items: GroupItem[] }>().items.map((g) => g.groupCode)).toEqual([G2]);
    const wildcard = await get(manager, `/api/v1/groups?q=${encodeURIComponent('%')}`);
    expect(wildcard.json()).toEqual({ items: [], total: 0 });
    const middleOfCode = await get(manager, '/api/v1/groups?q=0000001');
    expect(middleOfCode.json<{ total: number }>().total).toBe(0);

    const blank = await get(manager, '/api/v1/groups?q=%20');
    expect(blank.statusCode).toBe(400);
    expect(blank.json<{ details: { path: string }[] }>().details[0]?.path).toBe('querystring.q');
  });
});
