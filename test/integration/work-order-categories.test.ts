import bcrypt from 'bcryptjs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkOrderView } from '../../services/work-orders/work-order-view';
import { subscribers } from '../../db/schema';
import { startHarness, type Harness } from '../support/harness';
import { newKey } from '../support/orders';
import {
  createWorkOrder,
  getWorkOrder,
  selfServiceWorkOrder,
  waitForWorkOrder,
  workOrderBody,
} from '../support/work-orders';

/**
 * Customer categories reaching work orders (REQ: CUST-1, CUST-2), the "17" recharge-card ticket as a real
 * work order and one service-password lockout whichever route checks the password, through the
 * API against the real Temporal server and PostgreSQL. Every seeded line 139001000NN is owned by
 * CUST-SEED-139001000NN.
 */

interface ErrorBody {
  code: string;
  reason: string;
  message: string;
  details?: Record<string, unknown>;
}

let h: Harness;
let store: string;
let dispatcher: string;
let duty: string;
let hotline: string;
let admin: string;

beforeAll(async () => {
  h = await startHarness();
  [store, dispatcher, duty, hotline, admin] = await Promise.all([
    h.login('store01'),
    h.login('dispatch01'),
    h.login('duty01', 'CC-10086-BJ'),
    h.login('hotline01', 'CC-10086-BJ'),
    h.login('admin01'),
  ]);
});
afterAll(async () => h?.close());

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

async function assignCategory(msisdn: string, categoryCode: 'vip' | 'blacklist'): Promise<void> {
  const res = await h.app.inject({
    method: 'POST',
    url: `/api/v1/customers/CUST-SEED-${msisdn}/categories`,
    headers: auth(admin),
    payload: { categoryCode },
  });
  expect(res.statusCode, res.body).toBe(201);
}

const customer = (msisdn: string) => ({ name: `测试用户 Test ${msisdn.slice(-2)}`, msisdn });

const selfService = (msisdn: string, password: string, overrides: Record<string, unknown> = {}) =>
  selfServiceWorkOrder(h.app, msisdn, password, overrides);

const greenChannel = (msisdn: string, overrides: Record<string, unknown> = {}) =>
  h.app.inject({
    method: 'POST',
    url: '/api/v1/green-channel-orders',
    headers: { ...auth(duty), 'idempotency-key': newKey('gc') },
    payload: {
      type: 'storeAppointment',
      title: '预约营业厅办理套餐变更',
      description: '客户要求预约办理 (the customer wants an appointment)',
      customer: customer(msisdn),
      ...overrides,
    },
  });

/** The work order once its workflow has written it to the read model (the list reads only that). */
async function projected(id: string): Promise<WorkOrderView> {
  return waitForWorkOrder(h.app, dispatcher, id, (w) => w.timeline.length >= 1);
}

function accepted(res: { statusCode: number; body: string; json: <T>() => T }): string {
  expect(res.statusCode, res.body).toBe(202);
  return res.json<{ id: string }>().id;
}

describe('CUST-1: VIP customers go first in the work-order queue', () => {
  it("CUST-1: a VIP customer's work order comes before an older one of equal priority in the dispatch queue", async () => {
    await assignCategory('13900100008', 'vip');
    const body = (msisdn: string) =>
      workOrderBody({ category: 'networkFault', priority: 'P1', customer: customer(msisdn) });
    const normal = accepted(await createWorkOrder(h.app, store, body('13900100009')));
    const vip = accepted(await createWorkOrder(h.app, store, body('13900100008')));
    expect((await projected(normal)).vip).toBe(false);
    expect((await projected(vip)).vip).toBe(true);

    const res = await h.app.inject({
      url: '/api/v1/work-orders?sort=priority&priority=P1&category=networkFault',
      headers: auth(dispatcher),
    });
    expect(res.statusCode, res.body).toBe(200);
    const queue = res
      .json<{ items: { id: string; vip: boolean }[] }>()
      .items.filter((w) => w.id === normal || w.id === vip);
    expect(queue).toEqual([
      expect.objectContaining({ id: vip, vip: true }),
      expect.objectContaining({ id: normal, vip: false }),
    ]);
  });

  it('CUST-1: self-service and green-channel work orders of a VIP customer are VIP too', async () => {
    await assignCategory('13900100005', 'vip');
    const own = accepted(await selfService('13900100005', '135790'));
    const hotlineOrder = accepted(await greenChannel('13900100005'));
    expect((await projected(own)).vip).toBe(true);
    expect((await projected(hotlineOrder)).vip).toBe(true);
  });
});

describe('CUST-2: blacklisted customers get no new business by work order, but service on their lines', () => {
  it('CUST-2: installation and business handling are refused 403 CustomerBlacklisted; repairs and complaints are taken', async () => {
    await assignCategory('13900100010', 'blacklist');
    const staff = (category: string) =>
      createWorkOrder(h.app, store, workOrderBody({ category, customer: customer('13900100010') }));

    for (const category of ['installation', 'businessHandling']) {
      const res = await staff(category);
      expect(res.statusCode, category).toBe(403);
      expect(res.json<ErrorBody>()).toEqual({
        code: 'CustomerBlacklisted',
        reason: '该客户已列入黑名单，不能办理新业务',
        message: 'The owner of 13900100010 is in category blacklist (黑名单客户)',
        details: { category: 'blacklist' },
      });
    }
    for (const category of ['broadbandRepair', 'networkFault', 'terminalSupport', 'complaintFollowUp']) {
      expect((await staff(category)).statusCode, category).toBe(202);
    }

    // The green channel: an appointment to do business is new business; terminal support is service.
    const appointment = await greenChannel('13900100010');
    expect(appointment.statusCode).toBe(403);
    expect(appointment.json<ErrorBody>()).toMatchObject({ code: 'CustomerBlacklisted' });
    expect((await greenChannel('13900100010', { type: 'terminalSupport' })).statusCode).toBe(202);
  });

  it('CUST-2: a blacklisted customer on self-service may report a fault but not order an installation', async () => {
    await assignCategory('13900100006', 'blacklist');
    const install = await selfService('13900100006', '246802', { category: 'installation' });
    expect(install.statusCode).toBe(403);
    expect(install.json<ErrorBody>()).toMatchObject({
      code: 'CustomerBlacklisted',
      details: { category: 'blacklist' },
    });
    expect((await selfService('13900100006', '246802')).statusCode).toBe(202);
  });
});

describe('Q-3: a "17" recharge card opens a real ticket', () => {
  // Test files share one Temporal server and the ticket's ID comes from the serial: a serial of this run.
  const serial = `1000017${String(Date.now()).slice(-9)}`;
  const ask = (token: string, caller = '13900100002') =>
    h.app.inject({
      url: `/api/v1/queries/recharge-cards/${serial}?contactMsisdn=${caller}`,
      headers: auth(token),
    });

  it('Q-3: the ticket is a business-handling work order by the asking operator; asking again, by anyone, shows the same one', async () => {
    const first = await ask(store);
    expect(first.statusCode, first.body).toBe(200);
    const answer = first.json<{ ticket: boolean; workOrderId: string; workOrderHref: string }>();
    expect(answer).toMatchObject({ ticket: true, promise: 'none', validity: null });

    const res = await h.app.inject({ url: answer.workOrderHref, headers: auth(dispatcher) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<WorkOrderView>()).toMatchObject({
      id: answer.workOrderId,
      status: 'created',
      category: 'businessHandling',
      title: `充值卡状态核查 Recharge-card check ${serial}`,
      createdBy: 'store01',
      channelCode: 'STORE-BJ-001',
    });

    const again = await ask(store);
    const byAnother = await ask(hotline, '13900100003');
    expect(again.json()).toMatchObject({ workOrderId: answer.workOrderId });
    expect(byAnother.statusCode, byAnother.body).toBe(200);
    expect(byAnother.json()).toMatchObject({ workOrderId: answer.workOrderId });
    expect((await getWorkOrder(h.app, dispatcher, answer.workOrderId)).createdBy).toBe('store01');
  });
});

describe('Q-1: one service-password lockout for every route', () => {
  it('Q-1: 5 wrong passwords on self-service lock the line for staff queries and green-channel acceptance too', async () => {
    const line = '13900100012';
    const password = '864209';
    await h.db
      .update(subscribers)
      .set({ servicePasswordHash: await bcrypt.hash(password, 4) })
      .where(eq(subscribers.msisdn, line));

    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const wrong = await selfService(line, '000000');
      expect(wrong.statusCode, `attempt ${attempt}`).toBe(422);
      expect(wrong.json<ErrorBody>()).toMatchObject({ code: 'ServicePasswordInvalid' });
    }

    const locked = await selfService(line, password);
    expect(locked.statusCode).toBe(403);
    expect(locked.json<ErrorBody>()).toMatchObject({
      code: 'ServicePasswordLocked',
      message: expect.stringContaining('body.servicePassword') as string,
    });

    const query = await h.app.inject({
      url: `/api/v1/queries/lines/${line}/balance`,
      headers: { ...auth(store), 'x-service-password': password },
    });
    expect(query.statusCode).toBe(403);
    expect(query.json<ErrorBody>()).toMatchObject({
      code: 'ServicePasswordLocked',
      message: expect.stringContaining('headers.x-service-password') as string,
    });

    const entrusted = await greenChannel(line, { type: 'entrustedAcceptance', servicePassword: password });
    expect(entrusted.statusCode).toBe(403);
    expect(entrusted.json<ErrorBody>()).toMatchObject({ code: 'ServicePasswordLocked' });
  });
});
