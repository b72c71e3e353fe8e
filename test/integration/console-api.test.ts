import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleEnterprise, sampleIndividual, verifiedCardPayment } from '../support/fixtures';
import { signInOrderAccessCallers } from '../support/callers';
import { startSignedInHarness, type Harness } from '../support/harness';
import { isNumberOffered } from '../support/held-calls';
import { cancelOrderAs, openAccountBody, submitOrder, waitForOrder, type OrderView } from '../support/orders';
import { preCancellationBody } from '../support/pre-cancellation';

interface FieldError {
  path: string;
  zh: string;
  en: string;
}
interface OrderPage {
  items: { id: string }[];
  total: number;
}
interface LineView {
  status: string;
  statusLabel: { zh: string; en: string };
  owner: { name: string; kind: string } | null;
  product: { code: string; name: string | null };
  balanceFen: number;
  openOrders: { id: string; type: string; status: string; statusLabel: { zh: string; en: string } }[];
  grace: { orderId: string; endsAt: string | null } | null;
  offeredChanges: string[];
}

/**
 * The routes the staff console is built on (REQ: UI-1): the quote, order search, the catalogue, the number
 * picker, the line page, the simulators' latency and the bilingual field errors. One database for the file:
 * each test uses numbers of its own.
 */
describe('the API the staff console needs', () => {
  let h: Harness;
  let token: string;
  let admin: string;
  let opened: OrderView;
  beforeAll(async () => {
    ({ h, token } = await startSignedInHarness());
    admin = await h.login('admin01', 'STORE-BJ-001');
  });
  afterAll(async () => h?.close());

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, as = token, payload?: Record<string, unknown>) =>
    h.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${as}` },
      ...(payload ? { payload } : {}),
    });
  const search = async (query: string) => {
    const res = await call('GET', `/api/v1/orders?${query}`);
    expect(res.statusCode).toBe(200);
    const page = res.json<OrderPage>();
    expect(res.headers['x-total-count']).toBe(String(page.total));
    return page;
  };
  const lineView = async (msisdn: string) => {
    const res = await call('GET', `/api/v1/lines/${msisdn}`);
    expect(res.statusCode).toBe(200);
    return res.json<LineView>();
  };

  it('UI-1 OPEN-4: the quote before submitting is what the completed order charged', async () => {
    const body = openAccountBody({ msisdn: '13800100088', internationalRoaming: true });
    const quoted = await call('POST', '/api/v1/orders/quote', token, body);
    expect(quoted.statusCode).toBe(200);
    const quote = quoted.json<{
      lines: unknown[];
      totalFen: number;
      msisdn: string;
      selectionFeeFen: number;
    }>();
    // SIM fee 20 + deposit 100 + selection fee 100 (…88 tail) + roaming deposit 500 yuan.
    expect(quote).toMatchObject({ msisdn: '13800100088', selectionFeeFen: 10_000, totalFen: 72_000 });

    const res = await submitOrder(h.app, token, body);
    opened = await waitForOrder(h.app, token, res.json<{ id: string }>().id);
    expect(opened.status).toBe('completed');
    expect(opened.summary.quote).toEqual({ lines: quote.lines, totalFen: quote.totalFen });
  });

  it('UI-1 OPEN-4, OPEN-5: without a chosen number the quote prices the number the order would take; a corporate account of an enterprise pays no deposit', async () => {
    const free = await call('GET', '/api/v1/numbers/available?limit=200');
    const cheapest = Math.min(
      ...free.json<{ items: { selectionFeeFen: number }[] }>().items.map((n) => n.selectionFeeFen),
    );
    const res = await call(
      'POST',
      '/api/v1/orders/quote',
      token,
      openAccountBody({
        customer: sampleEnterprise,
        payment: { method: 'corporateAccount', bankAccountNo: '6222000011115555', sealCardNo: 'SEAL-1' },
      }),
    );
    expect(res.statusCode).toBe(200);
    const quote = res.json<{
      msisdn: string | null;
      selectionFeeFen: number;
      lines: { item: string; amountFen: number }[];
    }>();
    expect(quote.msisdn).toBeNull();
    expect(quote.selectionFeeFen).toBe(cheapest);
    expect(quote.lines.find((l) => l.item === 'deposit')?.amountFen).toBe(0);
  });

  it('UI-1 OPEN-4: a product that does not exist is refused 422 ProductNotFound; a number already taken 409 NumberUnavailable', async () => {
    const product = await call(
      'POST',
      '/api/v1/orders/quote',
      token,
      openAccountBody({ productCode: 'NO-SUCH-1' }),
    );
    expect(product.statusCode).toBe(422);
    expect(product.json()).toMatchObject({ code: 'ProductNotFound' });
    const taken = await call(
      'POST',
      '/api/v1/orders/quote',
      token,
      openAccountBody({ msisdn: '13800100088' }),
    );
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'NumberUnavailable' });
  });

  it('UI-1 OPEN-4: the product catalogue lists what an account can be opened with, with its prices', async () => {
    const res = await call('GET', '/api/v1/products');
    expect(res.statusCode).toBe(200);
    expect(res.json<{ items: { code: string }[] }>().items).toContainEqual({
      code: 'VOICE-58',
      name: '58元畅享套餐 Voice 58',
      simFeeFen: 2_000,
      depositFen: 10_000,
      monthlyFeeFen: 5_800,
    });
  });

  it('UI-1 RES-4, OPEN-2: the number picker pages free numbers with their selection fee; a number in use is not offered', async () => {
    const res = await call('GET', '/api/v1/numbers/available?pattern=1380010*&limit=2&offset=1');
    expect(res.statusCode).toBe(200);
    const page = res.json<{ items: { msisdn: string; selectionFeeFen: number }[]; total: number }>();
    expect(page.items).toHaveLength(2);
    expect(res.headers['x-total-count']).toBe(String(page.total));
    expect(page.total).toBeGreaterThan(3);
    const first = await call('GET', '/api/v1/numbers/available?pattern=1380010*&limit=3');
    expect(first.json<{ items: unknown[] }>().items.slice(1)).toEqual(page.items);
    expect(await isNumberOffered(h.app, token, '13800100088')).toBe(false);
  });

  it('UI-1 ORD-2: orders are found by number, customer (ID number or name), operator, outlet and creation date', async () => {
    const id = opened.id;
    const found = (page: OrderPage) => page.items.map((o) => o.id);
    expect(found(await search('msisdn=13800100088'))).toEqual([id]);
    expect(found(await search(`customer=${sampleIndividual.idNumber}`))).toContain(id);
    expect(found(await search(`customer=${encodeURIComponent('张')}`))).toContain(id);
    expect(found(await search(`customer=${encodeURIComponent('无此人')}`))).toEqual([]);
    expect(found(await search('operatorId=store01&type=openAccount'))).toContain(id);
    expect(found(await search('operatorId=hotline01'))).toEqual([]);
    expect(found(await search('channelCode=STORE-BJ-001&msisdn=13800100088'))).toEqual([id]);
    expect(found(await search('channelCode=CC-10086-BJ&msisdn=13800100088'))).toEqual([]);
    const created = Date.parse(opened.createdAt ?? '');
    // A date is a business day (BUSINESS_UTC_OFFSET_HOURS): the day the order was created there.
    const businessDay = (at: number) =>
      new Date(at + h.config.BUSINESS_UTC_OFFSET_HOURS * 3_600_000).toISOString().slice(0, 10);
    const today = businessDay(created);
    const yesterday = businessDay(created - 86_400_000);
    expect(found(await search(`from=${today}&to=${today}&msisdn=13800100088`))).toEqual([id]);
    expect(found(await search(`to=${yesterday}&msisdn=13800100088`))).toEqual([]);
    const after = new Date(created + 1_000).toISOString();
    expect(found(await search(`from=${encodeURIComponent(after)}&msisdn=13800100088`))).toEqual([]);
    expect(found(await search(`to=${encodeURIComponent(after)}&msisdn=13800100088`))).toEqual([id]);
    expect((await call('GET', '/api/v1/orders?from=yesterday')).statusCode).toBe(400);
    // Dates at the ends of the calendar are read, not failed on.
    expect(found(await search('from=0000-01-01&to=9999-12-31&msisdn=13800100088'))).toEqual([id]);
    expect(
      found(await search(`to=${encodeURIComponent('9999-12-31T23:59:59-23:59')}&msisdn=13800100088`)),
    ).toEqual([id]);
  });

  it('UI-1 ORD-2, CH-1: an order taken at an outlet is found by it; an agent finds and counts only its own channel’s orders', async () => {
    const callers = await signInOrderAccessCallers(h, admin);
    const atOutlet = await submitOrder(h.app, callers.clerkXd, openAccountBody({ msisdn: '13800100066' }));
    const outletOrder = await waitForOrder(h.app, callers.clerkXd, atOutlet.json<{ id: string }>().id);
    expect(outletOrder.outletCode).toBe('OUT-BJ-XD');
    expect((await search('outletCode=OUT-BJ-XD')).items.map((o) => o.id)).toEqual([outletOrder.id]);

    const byAgent = await submitOrder(h.app, callers.agent, openAccountBody({ msisdn: '13800100055' }));
    const agentOrder = await waitForOrder(h.app, callers.agent, byAgent.json<{ id: string }>().id);
    const asAgent = await call('GET', '/api/v1/orders?type=openAccount', callers.agent);
    expect(asAgent.json<OrderPage>()).toEqual({
      items: [expect.objectContaining({ id: agentOrder.id })],
      total: 1,
    });
    expect(asAgent.headers['x-total-count']).toBe('1');
    const storeOrder = await call('GET', `/api/v1/orders?msisdn=13800100066`, callers.agent);
    expect(storeOrder.json<OrderPage>()).toEqual({ items: [], total: 0 });
  });

  it('UI-1 CHG-1, CHG-2: the line page shows the owner masked, state, product, balance, open orders and the changes the state allows', async () => {
    const line = await lineView('13800100088');
    expect(line).toMatchObject({
      status: 'active',
      statusLabel: { zh: '正常', en: 'Active' },
      owner: { name: '张**', kind: 'individual' },
      product: { code: 'VOICE-58', name: '58元畅享套餐 Voice 58' },
      balanceFen: 10_000,
      openOrders: [],
      grace: null,
    });
    expect(line.offeredChanges).toEqual(expect.arrayContaining(['suspend', 'reportLoss', 'changeFeatures']));
    expect(line.offeredChanges).not.toContain('resume');

    const suspend = await submitOrder(h.app, token, {
      type: 'suspend',
      msisdn: '13800100088',
      reason: '客户出差',
    });
    const done = await waitForOrder(h.app, token, suspend.json<{ id: string }>().id);
    expect(done.status).toBe('completed');
    const suspended = await lineView('13800100088');
    expect(suspended).toMatchObject({ status: 'suspended', statusLabel: { zh: '停机', en: 'Suspended' } });
    expect(suspended.offeredChanges).toEqual(['resume']);

    const missing = await call('GET', '/api/v1/lines/13999999999');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'SubscriberNotFound' });
  });

  it('UI-1 PC-5: a line in pre-cancellation grace shows its open order, the grace end and no service change', async () => {
    const manager = await h.login('manager01', 'STORE-BJ-001');
    const res = await submitOrder(h.app, manager, preCancellationBody('13900100005'));
    expect(res.statusCode).toBe(202);
    const id = res.json<{ id: string }>().id;
    const waiting = await waitForOrder(h.app, manager, id, (o) => o.step === 'waitingForGraceEnd');
    const res2 = await call('GET', '/api/v1/lines/13900100005', manager);
    expect(res2.statusCode).toBe(200);
    const line = res2.json<LineView>();
    expect(line).toMatchObject({
      status: 'preCancelled',
      grace: { orderId: id, endsAt: (waiting.summary as { graceEndsAt?: string }).graceEndsAt },
      offeredChanges: [],
    });
    expect(line.openOrders).toEqual([
      expect.objectContaining({ id, type: 'preCancellation', status: 'pending' }),
    ]);
    expect(line.grace?.endsAt).toEqual(expect.any(String));
  });

  it('UI-1 ORD-6: with the simulated bank slowed, an opening paid by card is cancelled before its point of no return and its number is offered again', async () => {
    expect((await call('PUT', '/api/v1/simulators/bank', token, { latencyMs: 1 })).statusCode).toBe(403);
    const slow = await call('PUT', '/api/v1/simulators/bank', admin, { latencyMs: 3_000 });
    expect(slow.statusCode).toBe(200);
    expect(slow.json()).toEqual({ latencyMs: 3_000 });
    try {
      const body = openAccountBody({
        msisdn: '13800100077',
        payment: await verifiedCardPayment(h.sim, '6222021111999988'),
      });
      const res = await submitOrder(h.app, token, body);
      const id = res.json<{ id: string }>().id;
      await waitForOrder(h.app, token, id, (o) => o.step === 'verifyingBankAccount');
      const cancelled = await cancelOrderAs(h.app, token, id, '客户改变主意');
      expect(cancelled.statusCode).toBe(200);
      expect(cancelled.json()).toMatchObject({ status: 'cancelled' });
      expect(await isNumberOffered(h.app, token, '13800100077')).toBe(true);
    } finally {
      await call('PUT', '/api/v1/simulators/bank', admin, { latencyMs: 0 });
    }
  });

  it('UI-1: the simulated HLR’s latency is set at run time by an administrator', async () => {
    const res = await call('PUT', '/api/v1/simulators/hlr', admin, { latencyMs: 250 });
    expect(res.statusCode).toBe(200);
    expect((await h.sim.behaviour('hlr')).latencyMs).toBe(250);
    expect((await call('PUT', '/api/v1/simulators/hlr', admin, { latencyMs: -1 })).statusCode).toBe(400);
    await call('PUT', '/api/v1/simulators/hlr', admin, { latencyMs: 0 });
    expect((await h.sim.behaviour('hlr')).latencyMs).toBe(0);
  });

  it('UI-1 OPEN-3: a bad ID card number is refused naming body.customer.idNumber in Chinese and English', async () => {
    const bad = openAccountBody({ customer: { ...sampleIndividual, idNumber: '11010119900307123' } });
    const expected = {
      code: 'BusinessRuleViolated',
      details: [
        {
          path: 'body.customer.idNumber',
          zh: '身份证号码应为 17 位数字加 1 位校验码（数字或 X）',
          en: 'an ID card number is 17 digits followed by a digit or X',
        },
      ],
    };
    const quoted = await call('POST', '/api/v1/orders/quote', token, bad);
    expect(quoted.statusCode).toBe(422);
    expect(quoted.json()).toMatchObject(expected);
    const submitted = await submitOrder(h.app, token, bad);
    expect(submitted.statusCode).toBe(422);
    expect(submitted.json()).toMatchObject(expected);
  });

  it('UI-1: a field refused by a built-in check answers 400 with its rule in zod’s Chinese and in English', async () => {
    const res = await call(
      'POST',
      '/api/v1/orders/quote',
      token,
      openAccountBody({ internationalRoaming: 'yes' }),
    );
    expect(res.statusCode).toBe(400);
    const body = res.json<{ code: string; details: FieldError[] }>();
    expect(body.code).toBe('ValidationFailed');
    expect(body.details).toEqual([
      {
        path: 'body.internationalRoaming',
        zh: '无效输入：期望 boolean，实际接收 string',
        en: expect.any(String) as string,
      },
    ]);
    const phone = await call(
      'POST',
      '/api/v1/orders/quote',
      token,
      openAccountBody({ customer: { ...sampleIndividual, contactPhone: 'x' } }),
    );
    expect(phone.json<{ details: FieldError[] }>().details).toEqual([
      {
        path: 'body.customer.contactPhone',
        zh: '应为 7-15 位电话号码（可带 +）',
        en: 'must be a phone number of 7-15 digits',
      },
    ]);
    const query = await call('GET', '/api/v1/orders?limit=0');
    expect(query.json<{ details: FieldError[] }>().details).toEqual([
      {
        path: 'querystring.limit',
        zh: expect.stringContaining('数值过小') as string,
        en: expect.any(String) as string,
      },
    ]);
  });
});
