import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleEnterprise, sampleIndividual } from '../support/fixtures';
import { startSignedInHarness, type Harness } from '../support/harness';
import { isNumberOffered } from '../support/held-calls';
import { cancelOrderAs, newKey, openAccountBody, submitOrder, waitForOrder } from '../support/orders';

/** The routes the staff console is built on (REQ: UI-1), each with the business rule it serves. */
describe('the API the staff console needs', () => {
  let h: Harness;
  let token: string;
  let admin: string;
  beforeAll(async () => {
    ({ h, token } = await startSignedInHarness());
    admin = await h.login('admin01', 'STORE-BJ-001');
  });
  afterAll(async () => h?.close());

  const call = (
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    as: string = token,
    payload?: Record<string, unknown>,
  ) =>
    h.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${as}` },
      ...(payload ? { payload } : {}),
    });

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
    expect(quote.msisdn).toBe('13800100088');
    expect(quote.totalFen).toBe(72_000);

    const res = await submitOrder(h.app, token, body);
    const order = await waitForOrder(h.app, token, res.json<{ id: string }>().id);
    expect(order.status).toBe('completed');
    expect(order.summary.quote).toEqual({ lines: quote.lines, totalFen: quote.totalFen });
    expect(quote.lines).toContainEqual(
      expect.objectContaining({ item: 'selectionFee', amountFen: quote.selectionFeeFen }),
    );
  });

  it('UI-1 OPEN-4: a product that does not exist is refused 422 ProductNotFound, nothing held', async () => {
    const res = await call(
      'POST',
      '/api/v1/orders/quote',
      token,
      openAccountBody({ productCode: 'NO-SUCH-1' }),
    );
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'ProductNotFound' });
  });

  it('UI-1 OPEN-4: the product catalogue lists what an account can be opened with', async () => {
    const res = await call('GET', '/api/v1/products');
    expect(res.statusCode).toBe(200);
    expect(res.json<{ items: { code: string }[] }>().items).toContainEqual(
      expect.objectContaining({ code: 'VOICE-58', simFeeFen: 2_000, depositFen: 10_000 }),
    );
  });

  it('UI-1 RES-4: the number picker pages free numbers with their selection fee and counts them', async () => {
    const res = await call('GET', '/api/v1/numbers/available?pattern=1380010*&limit=2&offset=1');
    expect(res.statusCode).toBe(200);
    const page = res.json<{ items: { msisdn: string; selectionFeeFen: number }[]; total: number }>();
    expect(page.items).toHaveLength(2);
    expect(res.headers['x-total-count']).toBe(String(page.total));
    expect(page.total).toBeGreaterThan(2);
  });

  it('UI-1 ORD-2: line summary', async () => {
    const res = await call('GET', '/api/v1/lines/13800100088');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ owner: { name: '张**' }, status: 'active' });
    expect((await call('GET', '/api/v1/lines/13999999999')).statusCode).toBe(404);
  });

  it('UI-1 ORD-6: simulators', async () => {
    const res = await call('PUT', '/api/v1/simulators/hlr', admin, { latencyMs: 5 });
    expect(res.statusCode).toBe(200);
    expect(h.hlr.options.latencyMs).toBe(5);
    await call('PUT', '/api/v1/simulators/hlr', admin, { latencyMs: 0 });
  });

  it('UI-1 OPEN-3: a bad ID card number is refused naming body.customer.idNumber in Chinese and English', async () => {
    const bad = openAccountBody({ customer: { ...sampleIndividual, idNumber: '11010119900307123' } });
    for (const url of ['/api/v1/orders/quote', '/api/v1/orders']) {
      const res =
        url === '/api/v1/orders' ? await submitOrder(h.app, token, bad) : await call('POST', url, token, bad);
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({
        code: 'BusinessRuleViolated',
        details: [
          {
            path: 'body.customer.idNumber',
            zh: '身份证号码应为 17 位数字加 1 位校验码（数字或 X）',
            en: 'an ID card number is 17 digits followed by a digit or X',
          },
        ],
      });
    }
  });

  it('UI-1: a field refused by a built-in check answers 400 with its rule in zod’s Chinese and in English', async () => {
    const res = await call(
      'POST',
      '/api/v1/orders/quote',
      token,
      openAccountBody({ internationalRoaming: 'yes' }),
    );
    expect(res.statusCode).toBe(400);
    const body = res.json<{ code: string; details: { path: string; zh: string; en: string }[] }>();
    expect(body.code).toBe('ValidationFailed');
    expect(body.details).toEqual([
      {
        path: 'body.internationalRoaming',
        zh: expect.stringContaining('期望 boolean') as string,
        en: expect.any(String) as string,
      },
    ]);
    const phone = await call(
      'POST',
      '/api/v1/orders/quote',
      token,
      openAccountBody({ customer: { ...sampleIndividual, contactPhone: 'x' } }),
    );
    expect(phone.json()).toMatchObject({
      details: [
        {
          path: 'body.customer.contactPhone',
          zh: '应为 7-15 位电话号码（可带 +）',
          en: 'must be a phone number of 7-15 digits',
        },
      ],
    });
  });

  it('UI-1 ORD-2: search', async () => {
    const res = await call(
      'GET',
      '/api/v1/orders?customer=张&msisdn=13800100088&from=2020-01-01&to=2099-01-01',
    );
    expect(res.statusCode).toBe(200);
    expect(res.json<{ total: number }>().total).toBe(1);
    void sampleEnterprise;
    void cancelOrderAs;
    void newKey;
    void isNumberOffered;
  });
});
