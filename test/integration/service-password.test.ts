import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orders, parkedSecrets, subscribers } from '../../db/schema';
import { hashRequest } from '../../services/orders/order-service';
import { startSignedInHarness, type Harness } from '../support/harness';
import { holdsSecret, workflowHistoryText } from '../support/history';
import { newKey, openAccountBody, submitOrder, waitForOrder } from '../support/orders';
import { selfServiceWorkOrder } from '../support/work-orders';
import { ownerIdentity, runChange } from '../support/service-changes';

/**
 * REQ: OPEN-6, Q-1 — a service password set at account opening or changed later is kept (as a hash) and
 * serves the password-checked steps afterwards; it never travels in clear through a workflow history or
 * the read model.
 */
describe('service passwords given with an order', () => {
  let h: Harness;
  let token: string;
  beforeAll(async () => ({ h, token } = await startSignedInHarness()));
  afterAll(async () => h?.close());

  /**
   * A password-checked step as the customer takes it: a work order on the website (self-service, WO-1),
   * accepted only with the line's service password.
   */
  const selfService = async (msisdn: string, password: string) => {
    const res = await selfServiceWorkOrder(h.app, msisdn, password);
    return { status: res.statusCode, body: res.json<Record<string, unknown>>() };
  };
  const historyText = (id: string) => workflowHistoryText(h.client, id);
  const readModelText = async (id: string) =>
    JSON.stringify(await h.db.select().from(orders).where(eq(orders.id, id)));

  it('OPEN-6 Q-1: a service password set at opening serves a password-checked step (self-service) afterwards', async () => {
    const password = '864209';
    const res = await submitOrder(h.app, token, openAccountBody({ servicePassword: password }));
    expect(res.statusCode).toBe(202);
    const { id } = res.json<{ id: string }>();
    const order = await waitForOrder(h.app, token, id);
    expect(order.status).toBe('completed');
    const msisdn = order.summary.msisdn as string;

    const answer = await selfService(msisdn, password);
    expect(answer.status, JSON.stringify(answer.body)).toBe(202);
    const wrong = await selfService(msisdn, '864208');
    expect(wrong.body.code).toBe('ServicePasswordInvalid');

    const [line] = await h.db.select().from(subscribers).where(eq(subscribers.msisdn, msisdn));
    expect(line?.servicePasswordHash).toMatch(/^\$2[aby]\$/);
    // Not in the workflow's input or history, the order as shown, or the read model.
    expect(holdsSecret(await historyText(id), password), 'the password is in the workflow history').toBe(
      false,
    );
    expect(JSON.stringify(order)).not.toContain(password);
    expect(await readModelText(id)).not.toContain(password);
    // The parked hash was used by the order that brought it.
    const parked = await h.db.select().from(parkedSecrets).where(eq(parkedSecrets.orderId, id));
    expect(parked).toEqual([expect.objectContaining({ kind: 'servicePassword', sealed: null })]);
    expect(parked[0]?.usedAt).not.toBeNull();
  });

  it('OPEN-6 Q-1: the stored request hash does not give a 6-digit password away to a brute force', async () => {
    const password = '917350';
    const body = openAccountBody({ servicePassword: password });
    const res = await submitOrder(h.app, token, body);
    const { id } = res.json<{ id: string }>();
    await waitForOrder(h.app, token, id);
    const [row] = await h.db.select().from(orders).where(eq(orders.id, id));
    expect(row?.requestHash).toMatch(/^[0-9a-f]{64}$/);
    // What an attacker holding the hash would try: the SHA-256 of the body with each 6-digit candidate.
    const attempt = (candidate: string) => hashRequest({ ...body, servicePassword: candidate });
    expect(attempt(password)).not.toBe(row?.requestHash);
    // The same key with the same body is still the same order; with another password it is refused.
    const key = newKey('pw');
    const first = await submitOrder(h.app, token, body, key);
    expect(first.json()).toMatchObject({ replayed: false });
    const again = await submitOrder(h.app, token, body, key);
    expect(again.json()).toMatchObject({ replayed: true, id: first.json<{ id: string }>().id });
    const other = await submitOrder(h.app, token, { ...body, servicePassword: '917351' }, key);
    expect(other.statusCode).toBe(409);
    expect(other.json()).toMatchObject({ code: 'IdempotencyKeyReused' });
    await waitForOrder(h.app, token, first.json<{ id: string }>().id);
  });

  it('OPEN-6: an opening without a service password advises setting one (zh + en)', async () => {
    const res = await submitOrder(h.app, token, openAccountBody());
    const order = await waitForOrder(h.app, token, res.json<{ id: string }>().id);
    expect(order.status).toBe('completed');
    expect(order.summary.advice).toEqual({
      zh: expect.stringContaining('服务密码') as string,
      en: expect.stringContaining('service password') as string,
    });
    const [line] = await h.db
      .select()
      .from(subscribers)
      .where(eq(subscribers.msisdn, order.summary.msisdn as string));
    expect(line?.servicePasswordHash).toBeNull();

    const withPassword = await submitOrder(h.app, token, openAccountBody({ servicePassword: '520813' }));
    const set = await waitForOrder(h.app, token, withPassword.json<{ id: string }>().id);
    expect(set.summary.advice).toBeUndefined();
  });

  it("Q-1: changeCustomerData's new password works for a password-checked step and is not in the history", async () => {
    const msisdn = '13900100007';
    const password = '730156';
    const order = await runChange(h, token, {
      type: 'changeCustomerData',
      msisdn,
      servicePassword: password,
      identity: ownerIdentity(msisdn),
    });
    expect(order.status).toBe('completed');
    expect(order.summary.changed).toEqual(['servicePassword']);

    const answer = await selfService(msisdn, password);
    expect(answer.status, JSON.stringify(answer.body)).toBe(202);
    expect(
      holdsSecret(await historyText(order.id), password),
      'the password is in the workflow history',
    ).toBe(false);
    expect(JSON.stringify(order)).not.toContain(password);
    expect(await readModelText(order.id)).not.toContain(password);
  });
});
