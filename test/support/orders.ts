import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { expect, vi } from 'vitest';
import type { OrderView as TypedOrderView } from '../../services/orders/order-view-schema';
import { isTerminal } from '../../domain/orders';

export { openAccountBody } from './fixtures';

/**
 * An order as the tests read it: the API's answer with its summary read field by field, whatever the order's
 * type (the API types each type's summary: services/orders/summary-schemas.ts).
 */
export type OrderView = Omit<TypedOrderView, 'summary'> & { summary: Record<string, unknown> };

export const newKey = (label = 'k'): string => `${label}-${randomBytes(8).toString('hex')}`;

export async function submitOrder(
  app: FastifyInstance,
  token: string,
  body: Record<string, unknown>,
  key: string = newKey(),
) {
  return app.inject({
    method: 'POST',
    url: '/api/v1/orders',
    headers: { authorization: `Bearer ${token}`, 'idempotency-key': key },
    payload: body,
  });
}

/** Asks, as the operator signed in with `token`, to cancel the order (REQ: ORD-6). */
export async function cancelOrderAs(app: FastifyInstance, token: string, id: string, reason: string) {
  return app.inject({
    method: 'POST',
    url: `/api/v1/orders/${encodeURIComponent(id)}/cancel`,
    headers: { authorization: `Bearer ${token}` },
    payload: { reason },
  });
}

export async function getOrder(app: FastifyInstance, token: string, id: string): Promise<OrderView> {
  const res = await app.inject({
    method: 'GET',
    url: `/api/v1/orders/${encodeURIComponent(id)}`,
    headers: { authorization: `Bearer ${token}` },
  });
  expect(res.statusCode).toBe(200);
  return res.json();
}

/** Polls the order through the API until it reaches a terminal status (or the predicate holds). */
export async function waitForOrder(
  app: FastifyInstance,
  token: string,
  id: string,
  until: (o: OrderView) => boolean = (o) => isTerminal(o.status),
  timeoutMs = 30_000,
): Promise<OrderView> {
  return vi.waitFor(
    async () => {
      const order = await getOrder(app, token, id);
      if (!until(order)) throw new Error(`order ${id} is ${order.status}/${order.step ?? '-'}`);
      return order;
    },
    { timeout: timeoutMs, interval: 100 },
  );
}
