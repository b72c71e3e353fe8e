import { WorkflowNotFoundError } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectWorkOrder } from '../../db/queries/work-orders';
import type { WorkOrderState } from '../../domain/work-orders';
import type { WorkOrderInput } from '../../workflows/contracts/work-order';
import { startHarness, type Harness } from '../support/harness';
import { newKey } from '../support/orders';

const LINE = '13900100005';
const PASSWORD = '135790';

const body = (overrides: Record<string, unknown> = {}) => ({
  category: 'broadbandRepair',
  title: '家里宽带断网 Broadband down',
  description: '光猫红灯，无法上网 Modem shows a red light since this morning',
  customer: { name: '测试用户 Test 05', msisdn: LINE, address: '北京市西城区西单北大街 1 号' },
  servicePassword: PASSWORD,
  territory: 'Xicheng',
  ...overrides,
});

describe('customer self-service work orders (客户自助创建工单)', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h?.close());

  const create = (payload: object, key: string = newKey('self'), channelCode = 'WEB-BJ-001') =>
    h.app.inject({
      method: 'POST',
      url: '/api/v1/self-service/work-orders',
      headers: { 'x-channel-code': channelCode, 'idempotency-key': key },
      payload,
    });

  /** The input the workflow was started with, as Temporal recorded it. */
  async function startedInput(id: string): Promise<WorkOrderInput> {
    const history = await h.client.workflow.getHandle(id).fetchHistory();
    const payload = history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
    if (!payload) throw new Error(`no start input for ${id}`);
    return defaultPayloadConverter.fromPayload<WorkOrderInput>(payload);
  }

  const notStarted = async (key: string, channelCode = 'WEB-BJ-001') =>
    expect(h.client.workflow.getHandle(`WorkOrder:${channelCode}:${key}`).describe()).rejects.toBeInstanceOf(
      WorkflowNotFoundError,
    );

  it('WO-1: a customer creates a work order on the website with the service password', async () => {
    const key = newKey('self');
    const res = await create(body(), key);
    expect(res.statusCode, res.body).toBe(202);
    const accepted = res.json<{ id: string; status: string; href: string; replayed: boolean }>();
    expect(accepted).toEqual({
      id: `WorkOrder:WEB-BJ-001:${key}`,
      status: 'created',
      href: `/api/v1/self-service/work-orders/${encodeURIComponent(`WorkOrder:WEB-BJ-001:${key}`)}?msisdn=${LINE}`,
      replayed: false,
    });

    const described = await h.client.workflow.getHandle(accepted.id).describe();
    expect(described.type).toBe('workOrderWorkflow');
    const input = await startedInput(accepted.id);
    expect(input).toMatchObject({
      id: accepted.id,
      source: 'customer',
      request: {
        kind: 'standard',
        category: 'broadbandRepair',
        priority: 'P3',
        title: '家里宽带断网 Broadband down',
        customer: { name: '测试用户 Test 05', msisdn: LINE },
        territory: 'Xicheng',
      },
      resolved: { vip: false, city: 'Beijing', outletCode: null },
      createdBy: `customer:${LINE}`,
      channelCode: 'WEB-BJ-001',
    });
    // The service password is checked at the door and goes no further.
    expect(JSON.stringify(input)).not.toContain(PASSWORD);
    expect(JSON.stringify(input)).not.toContain('servicePassword');
  });

  it('WO-1, ORD-3: the same Idempotency-Key again is the same work order, replayed', async () => {
    const key = newKey('self');
    const first = await create(body(), key);
    expect(first.statusCode, first.body).toBe(202);
    const again = await create(body(), key);
    expect(again.statusCode, again.body).toBe(202);
    expect(again.json()).toMatchObject({ id: `WorkOrder:WEB-BJ-001:${key}`, replayed: true });

    const other = await create(body({ title: 'Another problem' }), key);
    expect(other.statusCode).toBe(409);
    expect(other.json<{ code: string }>().code).toBe('IdempotencyKeyReused');
  });

  it('WO-1, Q-1: a wrong password, a line without one and a number not ours get the same 422', async () => {
    const answers: unknown[] = [];
    for (const [msisdn, password] of [
      [LINE, '000000'], // wrong password
      ['13900100007', PASSWORD], // the line has no service password
      ['13999999999', PASSWORD], // not our line
    ] as const) {
      const key = newKey('self');
      const res = await create(
        body({ customer: { name: '测试用户', msisdn }, servicePassword: password }),
        key,
      );
      expect(res.statusCode, msisdn).toBe(422);
      answers.push(res.json());
      await notStarted(key);
    }
    expect(answers[0]).toMatchObject({ code: 'ServicePasswordInvalid', reason: '服务密码验证失败' });
    expect(answers[0]).toHaveProperty('message', expect.stringContaining('body.servicePassword'));
    // The message names the number the customer typed, which tells nothing they did not know.
    const anonymous = (answer: unknown, msisdn: string) =>
      JSON.parse(JSON.stringify(answer).replaceAll(msisdn, '<msisdn>')) as unknown;
    expect(anonymous(answers[1], '13900100007')).toEqual(anonymous(answers[0], LINE));
    expect(anonymous(answers[2], '13999999999')).toEqual(anonymous(answers[0], LINE));
  });

  it('WO-1, CH-3: only an active website channel takes customers: a store is 403, no channel is 400', async () => {
    for (const channelCode of ['STORE-BJ-001', 'CC-10086-BJ', 'NO-SUCH-CHANNEL']) {
      const key = newKey('self');
      const res = await create(body(), key, channelCode);
      expect(res.statusCode, channelCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'ChannelNotAllowed' });
      expect(res.json<{ message: string }>().message).toContain('x-channel-code');
      await notStarted(key, channelCode);
    }
    const missing = await h.app.inject({
      method: 'POST',
      url: '/api/v1/self-service/work-orders',
      headers: { 'idempotency-key': newKey('self') },
      payload: body(),
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json<{ message: string }>().message).toContain('headers.x-channel-code');
  });

  it('WO-1: the Idempotency-Key is required and the body is checked field by field', async () => {
    const noKey = await h.app.inject({
      method: 'POST',
      url: '/api/v1/self-service/work-orders',
      headers: { 'x-channel-code': 'WEB-BJ-001' },
      payload: body(),
    });
    expect(noKey.statusCode).toBe(400);
    expect(noKey.json<{ message: string }>().message).toContain('headers.idempotency-key');
    const badPassword = await create(body({ servicePassword: '12ab' }));
    expect(badPassword.statusCode).toBe(400);
    expect(badPassword.json<{ message: string }>().message).toContain('body.servicePassword');
  });

  it('WO-1: both self-service routes are documented in OpenAPI, with their headers', async () => {
    const res = await h.app.inject({ url: '/docs/json' });
    expect(res.statusCode).toBe(200);
    type Operation = { tags?: string[]; parameters?: { name: string; in: string }[] };
    const paths = res.json<{ paths: Record<string, Record<string, Operation>> }>().paths;
    const create = paths['/api/v1/self-service/work-orders']?.post;
    const read = paths['/api/v1/self-service/work-orders/{id}']?.get;
    expect(create?.tags).toEqual(['self-service']);
    expect(read?.tags).toEqual(['self-service']);
    expect(create?.parameters?.map((p) => p.name)).toEqual(
      expect.arrayContaining(['x-channel-code', 'idempotency-key']),
    );
    expect(read?.parameters?.map((p) => p.name)).toEqual(
      expect.arrayContaining(['x-channel-code', 'x-service-password', 'msisdn', 'id']),
    );
  });

  describe("the customer's own view", () => {
    const id = 'WorkOrder:self-view-fixture';
    const appointmentAt = new Date(Date.now() + 86_400_000).toISOString();

    beforeAll(async () => {
      const createdAt = new Date(Date.now() - 3_600_000).toISOString();
      const state: WorkOrderState = {
        id,
        kind: 'standard',
        source: 'customer',
        category: 'broadbandRepair',
        greenChannelType: null,
        priority: 'P3',
        status: 'dispatched',
        title: '家里宽带断网',
        description: '光猫红灯',
        customer: { name: '测试用户 Test 05', msisdn: LINE },
        vip: false,
        city: 'Beijing',
        territory: 'Xicheng',
        requiredSkill: null,
        outletCode: 'OUT-BJ-XD',
        assigneeId: 'tech01',
        appointment: { at: appointmentAt, note: 'internal note', bookedBy: 'tech01' },
        result: null,
        commitments: [],
        createdBy: `customer:${LINE}`,
        channelCode: 'WEB-BJ-001',
        createdAt,
        sla: {
          responseDueAt: createdAt,
          resolutionDueAt: appointmentAt,
          respondedAt: createdAt,
          resolvedAt: null,
          responseBreached: false,
          resolutionBreached: false,
        },
        events: 1,
      };
      await projectWorkOrder(h.db, state, {
        seq: 0,
        at: createdAt,
        actor: `customer:${LINE}`,
        action: 'created',
        fromStatus: null,
        toStatus: 'dispatched',
        details: {},
      });
    });

    const view = (workOrderId: string, msisdn: string, password: string, channelCode = 'WEB-BJ-001') =>
      h.app.inject({
        method: 'GET',
        url: `/api/v1/self-service/work-orders/${encodeURIComponent(workOrderId)}?msisdn=${msisdn}`,
        headers: { 'x-channel-code': channelCode, 'x-service-password': password },
      });

    it('WO-1, WO-5: the customer sees status and appointment, and no staff internals', async () => {
      const res = await view(id, LINE, PASSWORD);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({
        id,
        status: 'dispatched',
        statusLabel: { zh: '已派工', en: 'Dispatched' },
        category: 'broadbandRepair',
        title: '家里宽带断网',
        description: '光猫红灯',
        outletName: '西单网点 Xidan',
        appointmentAt,
        createdAt: expect.any(String) as string,
        updatedAt: expect.any(String) as string,
        resolvedAt: null,
      });
      expect(res.body).not.toContain('tech01');
      expect(res.body).not.toContain('internal note');
    });

    it("WO-1: another line's work order is 404, a wrong password 422, a store channel 403", async () => {
      const other = await view(id, '13900100006', '246802');
      expect(other.statusCode).toBe(404);
      expect(other.json()).toMatchObject({ code: 'WorkOrderNotFound' });
      const unknown = await view('WorkOrder:no-such-work-order', LINE, PASSWORD);
      expect(unknown.statusCode).toBe(404);
      const wrong = await view(id, LINE, '000000');
      expect(wrong.statusCode).toBe(422);
      expect(wrong.json()).toMatchObject({ code: 'ServicePasswordInvalid' });
      expect(wrong.json<{ message: string }>().message).toContain('headers.x-service-password');
      const store = await view(id, LINE, PASSWORD, 'STORE-BJ-001');
      expect(store.statusCode).toBe(403);
    });
  });
});
