import type { FastifyInstance } from 'fastify';
import { expect, vi } from 'vitest';
import type { WorkOrderView } from '../../services/work-orders/work-order-view';
import type { WorkOrderStatus } from '../../domain/work-orders';
import { newKey } from './orders';

/** A staff work order (REQ: WO-1) for a Beijing line; override any field. */
export function workOrderBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    category: 'broadbandRepair',
    priority: 'P3',
    title: '宽带无法上网 Broadband down',
    description: 'The customer has had no broadband since this morning; the modem light is red.',
    customer: { name: '张三 Zhang San', msisdn: '13800100001', address: '北京市海淀区中关村大街 1 号' },
    territory: 'Haidian',
    ...overrides,
  };
}

const auth = (token: string) => ({ authorization: `Bearer ${token}` });
const path = (id: string, rest = '') => `/api/v1/work-orders/${encodeURIComponent(id)}${rest}`;

/**
 * A customer's own work order on the website (self-service, REQ: WO-1), accepted only with the line's service
 * password (REQ: Q-1); the raw response. Override any field of the body.
 */
export async function selfServiceWorkOrder(
  app: FastifyInstance,
  msisdn: string,
  password: string,
  overrides: Record<string, unknown> = {},
) {
  return app.inject({
    method: 'POST',
    url: '/api/v1/self-service/work-orders',
    headers: { 'x-channel-code': 'WEB-BJ-001', 'idempotency-key': newKey('self') },
    payload: {
      category: 'broadbandRepair',
      title: '家里宽带断网 Broadband down',
      description: '光猫红灯，无法上网 Modem shows a red light',
      customer: { name: `测试用户 Test ${msisdn.slice(-2)}`, msisdn },
      servicePassword: password,
      ...overrides,
    },
  });
}

/** POST /api/v1/work-orders as the operator of `token`; the raw response. */
export async function createWorkOrder(
  app: FastifyInstance,
  token: string,
  body: Record<string, unknown> = workOrderBody(),
  key: string = newKey('wo'),
) {
  return app.inject({
    method: 'POST',
    url: '/api/v1/work-orders',
    headers: { ...auth(token), 'idempotency-key': key },
    payload: body,
  });
}

/** Creates a work order (expects 202) and returns its ID. */
export async function newWorkOrder(
  app: FastifyInstance,
  token: string,
  body: Record<string, unknown> = workOrderBody(),
): Promise<string> {
  const res = await createWorkOrder(app, token, body);
  expect(res.statusCode, res.body).toBe(202);
  return res.json<{ id: string }>().id;
}

/** POST /api/v1/work-orders/:id/steps — one step (REQ: WO-2…WO-5) as the operator of `token`; the raw response. */
export async function takeStep(
  app: FastifyInstance,
  token: string,
  id: string,
  command: Record<string, unknown>,
) {
  return app.inject({ method: 'POST', url: path(id, '/steps'), headers: auth(token), payload: command });
}

/** Takes a step that must succeed (200) and returns the work order as the step left it. */
export async function step(
  app: FastifyInstance,
  token: string,
  id: string,
  command: Record<string, unknown>,
): Promise<WorkOrderView> {
  const res = await takeStep(app, token, id, command);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<WorkOrderView>();
}

export async function getWorkOrder(app: FastifyInstance, token: string, id: string): Promise<WorkOrderView> {
  const res = await app.inject({ method: 'GET', url: path(id), headers: auth(token) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<WorkOrderView>();
}

/** Reads the work order through the API until `until` holds. */
export async function waitForWorkOrder(
  app: FastifyInstance,
  token: string,
  id: string,
  until: (w: WorkOrderView) => boolean,
  timeoutMs = 20_000,
): Promise<WorkOrderView> {
  return vi.waitFor(
    async () => {
      const w = await getWorkOrder(app, token, id);
      if (!until(w))
        throw new Error(`work order ${id} is ${w.status}, last event ${w.timeline.at(-1)?.action}`);
      return w;
    },
    { timeout: timeoutMs, interval: 100 },
  );
}

export const waitForStatus = (app: FastifyInstance, token: string, id: string, status: WorkOrderStatus) =>
  waitForWorkOrder(app, token, id, (w) => w.status === status);
