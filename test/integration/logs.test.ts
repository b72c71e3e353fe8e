import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../db/seed';
import { portInBody, sampleIndividual, verifiedCardPayment } from '../support/fixtures';
import { startHarness, type Harness } from '../support/harness';
import { openAccountBody, submitOrder, waitForOrder } from '../support/orders';

/** One log line as an operator's log shipper reads it. */
interface LogLine {
  time: string;
  level: string;
  service: string;
  msg: string;
  reqId?: string;
  operatorId?: string;
  channelCode?: string;
  outletCode?: string | null;
  orderId?: string;
  route?: string | null;
  url?: string;
  status?: number;
  responseTimeMs?: number;
  workflowId?: string;
  workflowType?: string;
  activityType?: string;
  taskQueue?: string;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** Personal numbers in clear, found the way a reviewer greps a log (UUIDs and ICCIDs aside). */
function personalNumbersIn(line: string): string[] {
  const text = line.replace(UUID, '');
  return [
    ...(text.match(/(?<!\d)1[3-9]\d{9}(?!\d)/g) ?? []),
    ...(text.match(/(?<!\d)\d{17}[\dX](?!\d)/g) ?? []),
    ...(text.match(/(?<!\d)\d{16,19}(?!\d)/g) ?? []).filter((digits) => !digits.startsWith('8986')),
  ];
}

/**
 * OPS: the log of a session that handles passwords, service passwords, an authorization code, ID, phone and
 * card numbers: every line is JSON with the request, operator, channel and order it concerns, personal
 * numbers masked, and no secret at all.
 */
describe('OPS: structured, masked logs', () => {
  const logLines: string[] = [];
  let h: Harness;
  let token: string;
  const servicePassword = '135790'; // the seeded service password of 13900100005
  const portInCode = 'K8M2PX';
  const cardNo = '6222021234567890123';
  let openingId = '';
  let openedMsisdn = '';
  let portInId = '';
  const lines = (): LogLine[] => logLines.map((l) => JSON.parse(l) as LogLine);

  beforeAll(async () => {
    h = await startHarness({
      logLines,
      config: { MNP_SWITCH_WINDOW: '0-23', MNP_SWITCH_OVER_DELAY_SECONDS: '1' },
    });
    const wrong = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { operatorId: 'store01', password: 'Wrong#2026', channelCode: 'STORE-BJ-001' },
    });
    expect(wrong.statusCode).toBe(401);
    token = await h.login();
    const auth = { authorization: `Bearer ${token}` };

    const opened = await submitOrder(
      h.app,
      token,
      openAccountBody({
        servicePassword: '582913',
        payment: await verifiedCardPayment(h.sim, cardNo),
      }),
    );
    expect(opened.statusCode, opened.body).toBe(202);
    openingId = opened.json<{ id: string }>().id;
    const order = await waitForOrder(h.app, token, openingId);
    expect(order.status).toBe('completed');
    openedMsisdn = String(order.summary.msisdn);
    expect(openedMsisdn).toMatch(/^1\d{10}$/);

    // A caller-chosen request ID is kept and echoed; one that carries a number is replaced.
    const traced = await h.app.inject({
      url: `/api/v1/orders/${encodeURIComponent(openingId)}`,
      headers: { ...auth, 'x-request-id': 'ops-trace-0001' },
    });
    expect(traced.headers['x-request-id']).toBe('ops-trace-0001');
    const personal = await h.app.inject({
      url: `/api/v1/lines/${openedMsisdn}`,
      headers: { ...auth, 'x-request-id': `trace-${openedMsisdn}` },
    });
    expect(personal.headers['x-request-id']).toMatch(UUID);

    const query = await h.app.inject({
      url: '/api/v1/queries/lines/13900100005/balance',
      headers: { ...auth, 'x-service-password': servicePassword },
    });
    expect(query.statusCode, query.body).toBe(200);

    const portIn = await submitOrder(
      h.app,
      token,
      portInBody('13312349071', { authorizationCode: portInCode }),
    );
    expect(portIn.statusCode, portIn.body).toBe(202);
    portInId = portIn.json<{ id: string }>().id;
    expect((await waitForOrder(h.app, token, portInId)).status).toBe('completed');

    // Bad requests that carry the secrets and numbers back: in the URL, and in a body the schema refuses.
    const badQuery = await h.app.inject({
      url: `/api/v1/orders?msisdn=${openedMsisdn}&customer=${sampleIndividual.idNumber}&servicePassword=${servicePassword}`,
      headers: auth,
    });
    expect(badQuery.statusCode).toBeLessThan(500);
    const badBody = await submitOrder(
      h.app,
      token,
      openAccountBody({
        customer: { ...sampleIndividual, contactPhone: 'call 13900100005' },
        servicePassword: 'pw-582913-Demo#2026',
      }),
    );
    expect(badBody.statusCode).toBe(400);
  }, 120_000);

  afterAll(async () => h?.close());

  it('OPS: every line of the API and the worker is JSON with time, level name, service and message', () => {
    expect(logLines.length).toBeGreaterThan(20);
    for (const line of lines()) {
      expect(line.time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(['trace', 'debug', 'info', 'warn', 'error', 'fatal']).toContain(line.level);
      expect(['api', 'worker']).toContain(line.service);
      expect(typeof line.msg).toBe('string');
    }
    expect(new Set(lines().map((l) => l.service))).toEqual(new Set(['api', 'worker']));
  });

  it('OPS: no password, service password, authorization code or personal number in clear', () => {
    const secrets = [DEMO_PASSWORD, 'Wrong#2026', servicePassword, '582913', portInCode, token];
    for (const secret of secrets) {
      expect(
        logLines.filter((l) => l.includes(secret)),
        secret,
      ).toEqual([]);
    }
    const inClear = logLines.flatMap((l) => personalNumbersIn(l).map((n) => `${n} in ${l}`));
    expect(inClear).toEqual([]);
    // They were logged, masked: the line's number in URLs, the ID number in a search, the secret query key.
    const all = logLines.join('\n');
    expect(all).toContain(`/api/v1/lines/${openedMsisdn.slice(0, 3)}****${openedMsisdn.slice(-4)}`);
    expect(all).toContain('/api/v1/queries/lines/139****0005/balance');
    expect(all).toContain('customer=110101********1234');
    expect(all).toContain('servicePassword=[redacted]');
  });

  it("OPS: each request's lines carry its request ID, and after sign-in its operator, channel and outlet", () => {
    const completed = lines().filter((l) => l.msg === 'request completed');
    expect(completed.length).toBeGreaterThan(5);
    for (const line of completed) {
      expect(line.reqId).toBeTruthy();
      expect(line).toHaveProperty('route');
      expect(typeof line.status).toBe('number');
      expect(typeof line.responseTimeMs).toBe('number');
      // Signed callbacks come from the outside systems, not from staff.
      const staff = !line.url?.startsWith('/api/v1/callbacks/') && line.route !== '/api/v1/auth/login';
      if (line.url?.startsWith('/api/v1/') && staff) {
        expect(line, line.url).toMatchObject({ operatorId: 'store01', channelCode: 'STORE-BJ-001' });
        expect(line).toHaveProperty('outletCode');
      }
    }
    const signIns = completed.filter((l) => l.route === '/api/v1/auth/login');
    expect(signIns.map((l) => [l.operatorId, l.status])).toEqual([
      ['store01', 401],
      ['store01', 200],
    ]);
    expect(completed.filter((l) => l.reqId === 'ops-trace-0001')).toHaveLength(1);
  });

  it('OPS: the lines of an order’s requests carry its order ID, from the submission on', () => {
    for (const id of [openingId, portInId]) {
      const ofOrder = lines().filter((l) => l.service === 'api' && l.orderId === id);
      const completed = ofOrder.filter((l) => l.msg === 'request completed');
      // The submission (its ID known from the answer) and the reads that followed it.
      expect(
        completed.find((l) => l.route === '/api/v1/orders' && l.status === 202),
        id,
      ).toBeDefined();
      expect(completed.filter((l) => l.route === '/api/v1/orders/:id').length).toBeGreaterThan(0);
      for (const line of completed) {
        expect(line.reqId).toBeTruthy();
        if (line.route?.startsWith('/api/v1/callbacks/')) continue;
        expect(line).toMatchObject({ operatorId: 'store01', channelCode: 'STORE-BJ-001' });
      }
    }
    // The clearing system's answer to the port-in, through its signed callback, names the order too.
    expect(
      lines().some((l) => l.route === '/api/v1/callbacks/mnp' && l.orderId === portInId && l.status === 202),
    ).toBe(true);
    // Every line of a request on the order's URL names the order.
    const onOrderUrl = lines().filter((l) =>
      l.url?.startsWith(`/api/v1/orders/${encodeURIComponent(openingId)}`),
    );
    expect(onOrderUrl.length).toBeGreaterThan(0);
    for (const line of onOrderUrl) expect(line.orderId).toBe(openingId);
  });

  it('OPS: the worker’s lines of an order carry its order ID with the workflow and activity types', () => {
    const ofOrder = lines().filter((l) => l.service === 'worker' && l.orderId === openingId);
    expect(ofOrder.length).toBeGreaterThan(0);
    for (const line of ofOrder) {
      expect(line.workflowId).toBe(openingId);
      expect(line.taskQueue).toBe(h.taskQueue);
    }
    expect(ofOrder.some((l) => typeof l.activityType === 'string')).toBe(true);
    expect(ofOrder.some((l) => typeof l.workflowType === 'string')).toBe(true);
  });
});
