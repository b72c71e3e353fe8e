import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assignment, Category } from '../../db/queries/customer-categories';
import { sampleIndividual } from '../support/fixtures';
import { startSignedInHarness, type Harness } from '../support/harness';
import { groupOpenBody, memberLine } from '../support/groups';
import { openAccountBody, submitOrder, waitForOrder } from '../support/orders';

interface ErrorBody {
  code: string;
  reason: string;
  message: string;
  details?: Record<string, unknown>;
}

/** A seeded line whose owner is CUST-SEED-<msisdn>, with id card 1101011990010100<last two digits>. */
const seededIdentity = (msisdn: string) =>
  ({ idType: 'idCard', idNumber: `1101011990010100${msisdn.slice(-2)}` }) as const;

const recharge = (msisdn: string) => ({
  type: 'recharge',
  msisdn,
  amountFen: 1_000,
  payment: { method: 'cash' },
});

const portInBody = (msisdn: string, customer: Record<string, unknown>) => ({
  type: 'portIn',
  msisdn,
  donorOperator: 'China Telecom',
  authorizationCode: 'AB12CD',
  customer,
  agreementSigned: true,
  channel: 'store',
  productCode: 'VOICE-58',
  payment: { method: 'cash' },
});

describe('customer categories and the blacklist', () => {
  let h: Harness;
  let token: string;
  let admin: string;
  beforeAll(async () => {
    ({ h, token } = await startSignedInHarness());
    admin = await h.login('admin01', 'STORE-BJ-001');
  });
  afterAll(async () => h?.close());

  const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object, as = admin) =>
    h.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${as}` },
      ...(payload ? { payload } : {}),
    });

  describe('CUST-1: categories', () => {
    it('CUST-1: the seeded categories are normal, vip, blacklist, redlist and staff, each with its effect', async () => {
      const res = await call('GET', '/api/v1/customer-categories');
      expect(res.statusCode).toBe(200);
      const effects = Object.fromEntries(
        res.json<{ items: Category[] }>().items.map((c) => [c.code, c.effect]),
      );
      expect(effects).toEqual({
        blacklist: 'blacklist',
        normal: 'none',
        redlist: 'none',
        staff: 'none',
        vip: 'vip',
      });
    });

    it('CUST-1: an administrator adds and changes a category; a second add of the code is refused 409', async () => {
      const added = await call('POST', '/api/v1/customer-categories', {
        code: 'gold',
        nameZh: '金卡客户',
        nameEn: 'Gold',
      });
      expect(added.statusCode).toBe(201);
      expect(added.json<Category>()).toMatchObject({
        code: 'gold',
        effect: 'none',
        note: null,
        updatedBy: 'admin01',
      });
      const again = await call('POST', '/api/v1/customer-categories', {
        code: 'gold',
        nameZh: '金',
        nameEn: 'G',
      });
      expect(again.statusCode).toBe(409);
      expect(again.json<ErrorBody>().code).toBe('CategoryExists');

      const changed = await call('PUT', '/api/v1/customer-categories/gold', {
        note: '年消费满一万元',
        effect: 'vip',
      });
      expect(changed.statusCode).toBe(200);
      expect(changed.json<Category>()).toMatchObject({
        code: 'gold',
        nameZh: '金卡客户',
        effect: 'vip',
        note: '年消费满一万元',
      });
      const renamed = await call('PUT', '/api/v1/customer-categories/gold', { nameEn: 'Gold card' });
      expect(renamed.json<Category>()).toMatchObject({
        nameEn: 'Gold card',
        effect: 'vip',
        note: '年消费满一万元',
      });
      const missing = await call('PUT', '/api/v1/customer-categories/nosuch', { note: 'x' });
      expect(missing.json<ErrorBody>()).toMatchObject({ code: 'CategoryNotFound' });
    });

    it('CUST-1: deleting a category is refused 409 CategoryCannotBeDeleted with the reason; it stays', async () => {
      const res = await call('DELETE', '/api/v1/customer-categories/redlist');
      expect(res.statusCode).toBe(409);
      expect(res.json<ErrorBody>()).toMatchObject({
        code: 'CategoryCannotBeDeleted',
        reason: '客户类别只能新增和修改，不能删除',
      });
      expect(res.json<ErrorBody>().message).toContain('only added and changed');
      const list = await call('GET', '/api/v1/customer-categories');
      expect(list.json<{ items: Category[] }>().items.map((c) => c.code)).toContain('redlist');
    });

    it('CUST-1: only administrators keep categories: front-line staff are refused 403 RoleNotAllowed', async () => {
      const res = await call(
        'POST',
        '/api/v1/customer-categories',
        { code: 'x1', nameZh: 'x', nameEn: 'x' },
        token,
      );
      expect(res.statusCode).toBe(403);
      expect(res.json<ErrorBody>().code).toBe('RoleNotAllowed');
    });

    it('CUST-1: a customer holds several categories; ending one keeps it as history; deleting is refused', async () => {
      const url = '/api/v1/customers/CUST-SEED-13900100005/categories';
      expect((await call('POST', url, { categoryCode: 'vip' })).statusCode).toBe(201);
      expect((await call('POST', url, { categoryCode: 'staff', note: '本公司员工' })).statusCode).toBe(201);
      expect((await call('POST', url, { categoryCode: 'vip' })).statusCode).toBe(200);

      const ended = await call('POST', `${url}/vip/end`);
      expect(ended.statusCode).toBe(200);
      expect(ended.json<Assignment>()).toMatchObject({ categoryCode: 'vip', endedBy: 'admin01' });
      expect((await call('POST', `${url}/vip/end`)).json<ErrorBody>().code).toBe('CategoryNotAssigned');

      const refused = await call('DELETE', `${url}/staff`);
      expect(refused.statusCode).toBe(409);
      expect(refused.json<ErrorBody>().code).toBe('CategoryAssignmentCannotBeDeleted');

      const list = (await call('GET', url)).json<{ items: Assignment[] }>().items;
      expect(list.map((a) => [a.categoryCode, a.endedAt === null])).toEqual([
        ['vip', false],
        ['staff', true],
      ]);
      expect(list[1]).toMatchObject({ categoryName: '内部员工', note: '本公司员工', assignedBy: 'admin01' });
    });

    it('CUST-1: assigning to an unknown customer or an unknown category is refused 404', async () => {
      const noCustomer = await call('POST', '/api/v1/customers/CUST-NONE/categories', {
        categoryCode: 'vip',
      });
      expect(noCustomer.json<ErrorBody>().code).toBe('CustomerNotFound');
      const noCategory = await call('POST', '/api/v1/customers/CUST-SEED-13900100005/categories', {
        categoryCode: 'nosuch',
      });
      expect(noCategory.json<ErrorBody>().code).toBe('CategoryNotFound');
    });
  });

  describe('CUST-2: blacklisted customers are refused new business', () => {
    it('CUST-2: a blacklisted customer keeps the lines it has: recharge, fee payment, loss report and resume are served; an account opening with the same identity is refused', async () => {
      const msisdn = '13900100007';
      const assigned = await call('POST', `/api/v1/customers/CUST-SEED-${msisdn}/categories`, {
        categoryCode: 'blacklist',
        note: '恶意欠费',
      });
      expect(assigned.statusCode).toBe(201);

      for (const body of [
        recharge(msisdn),
        { type: 'collectFee', msisdn, amountFen: 500, payment: { method: 'cash' } },
        { type: 'reportLoss', msisdn, reason: '手机丢失 phone lost' },
        { type: 'resume', msisdn, identity: seededIdentity(msisdn) },
      ]) {
        const res = await submitOrder(h.app, token, body);
        expect(res.statusCode, `${body.type}: ${res.body}`).toBe(202);
        const order = await waitForOrder(h.app, token, res.json<{ id: string }>().id);
        expect(order.status, `${body.type}: ${JSON.stringify(order.failure)}`).toBe('completed');
      }

      const open = await submitOrder(
        h.app,
        token,
        openAccountBody({ customer: { ...sampleIndividual, ...seededIdentity(msisdn) } }),
      );
      expect(open.statusCode).toBe(403);
      expect(open.json<ErrorBody>()).toMatchObject({
        code: 'CustomerBlacklisted',
        reason: '该客户已列入黑名单，不能办理新业务',
        details: { category: 'blacklist' },
      });
    });

    it('CUST-2: an ownership transfer is screened by the new owner: to a blacklisted person it is refused; away from a blacklisted owner it is taken', async () => {
      // The owner of 13900100013 is blacklisted: the same person may not take over another line.
      const blacklisted = seededIdentity('13900100013');
      await call('POST', '/api/v1/customers/CUST-SEED-13900100013/categories', { categoryCode: 'blacklist' });
      const newOwner = (idNumber: string) => ({ ...sampleIndividual, name: '新机主 New Owner', idNumber });

      const toListed = await submitOrder(h.app, token, {
        type: 'transferOwnership',
        msisdn: '13900100011',
        identity: seededIdentity('13900100011'),
        newOwner: newOwner(blacklisted.idNumber),
      });
      expect(toListed.statusCode).toBe(403);
      expect(toListed.json<ErrorBody>()).toMatchObject({
        code: 'CustomerBlacklisted',
        details: { category: 'blacklist' },
      });
      expect(toListed.json<ErrorBody>().message).toContain(blacklisted.idNumber);

      await call('POST', '/api/v1/customers/CUST-SEED-13900100012/categories', { categoryCode: 'blacklist' });
      const fromBlacklisted = await submitOrder(h.app, token, {
        type: 'transferOwnership',
        msisdn: '13900100012',
        identity: seededIdentity('13900100012'),
        newOwner: newOwner('110101199212123333'),
      });
      expect(fromBlacklisted.statusCode).toBe(202);
    });

    it('CUST-2: a blacklisted group customer is refused a new group product and new members; the category is assigned to its group code', async () => {
      const groupCode = '1000000005';
      const assigned = await call('POST', `/api/v1/customers/${groupCode}/categories`, {
        categoryCode: 'blacklist',
        note: '集团恶意欠费',
      });
      expect(assigned.statusCode).toBe(201);
      expect(assigned.json<Assignment>()).toMatchObject({ customerId: groupCode, effect: 'blacklist' });

      const manager = await h.login('manager01', 'STORE-BJ-001');
      const open = await submitOrder(h.app, manager, groupOpenBody(groupCode));
      expect(open.statusCode).toBe(403);
      expect(open.json<ErrorBody>()).toMatchObject({
        code: 'CustomerBlacklisted',
        details: { category: 'blacklist' },
      });
      expect(open.json<ErrorBody>().message).toContain(groupCode);

      const member = await submitOrder(h.app, manager, {
        type: 'groupMemberAdd',
        groupCode,
        productCode: 'HDJ',
        msisdn: memberLine(1),
        attributes: { displayName: '成员 0001' },
      });
      expect(member.statusCode).toBe(403);
      expect(member.json<ErrorBody>().code).toBe('CustomerBlacklisted');

      const other = await submitOrder(h.app, manager, groupOpenBody('1000000004'));
      expect(other.statusCode).toBe(202);
    });

    it("CUST-2: an identity on a partner's shared blacklist is refused an account opening and a port-in", async () => {
      const listing = {
        idType: 'idCard',
        idNumber: '110101198807071111',
        partner: '某银行 Some Bank',
        reason: '欺诈',
      };
      const listed = await call('POST', '/api/v1/partner-blacklist', listing);
      expect(listed.statusCode).toBe(201);
      expect((await call('POST', '/api/v1/partner-blacklist', listing)).statusCode).toBe(200);
      const all = (await call('GET', '/api/v1/partner-blacklist')).json<{ items: (typeof listing)[] }>()
        .items;
      expect(all).toEqual([expect.objectContaining(listing)]);

      const customer = { ...sampleIndividual, idNumber: listing.idNumber };
      const open = await submitOrder(h.app, token, openAccountBody({ customer }));
      expect(open.statusCode).toBe(403);
      expect(open.json<ErrorBody>()).toMatchObject({
        code: 'CustomerBlacklisted',
        details: { partner: listing.partner },
      });
      expect(open.json<ErrorBody>().message).toContain(listing.partner);

      const portIn = await submitOrder(h.app, token, portInBody('13312349901', customer));
      expect(portIn.statusCode).toBe(403);
      expect(portIn.json<ErrorBody>()).toMatchObject({
        code: 'CustomerBlacklisted',
        details: { partner: listing.partner },
      });
    });

    it('CUST-2: once the blacklist category is ended, the customer is served new business again', async () => {
      const url = '/api/v1/customers/CUST-SEED-13900100009/categories';
      const open = () =>
        submitOrder(
          h.app,
          token,
          openAccountBody({ customer: { ...sampleIndividual, ...seededIdentity('13900100009') } }),
        );
      expect((await call('POST', url, { categoryCode: 'blacklist' })).statusCode).toBe(201);
      expect((await open()).statusCode).toBe(403);
      expect((await call('POST', `${url}/blacklist/end`)).statusCode).toBe(200);
      expect((await open()).statusCode).toBe(202);
    });

    it('CUST-2: a customer without categories, or with other categories only, is served (202)', async () => {
      const open = (msisdn: string) =>
        submitOrder(
          h.app,
          token,
          openAccountBody({ customer: { ...sampleIndividual, ...seededIdentity(msisdn) } }),
        );
      expect((await open('13900100008')).statusCode).toBe(202);
      await call('POST', '/api/v1/customers/CUST-SEED-13900100010/categories', { categoryCode: 'redlist' });
      expect((await open('13900100010')).statusCode).toBe(202);
    });
  });
});
