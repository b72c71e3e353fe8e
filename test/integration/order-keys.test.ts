import { WorkflowNotFoundError } from '@temporalio/client';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { payments } from '../../db/schema';
import { startHarness, type Harness } from '../support/harness';
import { newKey, submitOrder, waitForOrder } from '../support/orders';
import { lineRow } from '../support/service-changes';
import { createWorkOrder, waitForWorkOrder, workOrderBody } from '../support/work-orders';

/**
 * REQ: ORD-3 — an Idempotency-Key is the client's, so it is scoped to the channel that submits it: two stores
 * using the same key have two orders. The key → order record is kept in PostgreSQL, so a replay finds its
 * order whenever it comes, even after Temporal has forgotten the workflow.
 */
describe('idempotency keys per channel, kept in PostgreSQL', () => {
  let h: Harness;
  let storeA: string;
  let storeB: string;
  beforeAll(async () => {
    h = await startHarness();
    storeA = await h.login('manager01', 'STORE-BJ-001');
    storeB = await h.login('manager01', 'STORE-BJ-002');
  });
  afterAll(async () => h?.close());

  const recharge = (msisdn: string, amountFen = 1_000) => ({
    type: 'recharge',
    msisdn,
    amountFen,
    payment: { method: 'cash' },
  });
  const paymentsOf = (orderId: string) => h.db.select().from(payments).where(eq(payments.orderId, orderId));
  const workflowGone = async (id: string) => {
    try {
      await h.client.workflow.getHandle(id).describe();
      return false;
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) return true;
      throw err;
    }
  };

  it('ORD-3: two stores using the same key get two orders, with the same body or another', async () => {
    const key = 'order-0001';
    const first = await submitOrder(h.app, storeA, recharge('13900100002'), key);
    expect(first.statusCode).toBe(202);
    const a = first.json<{ id: string; replayed: boolean }>();
    expect(a.replayed).toBe(false);
    await waitForOrder(h.app, storeA, a.id);

    // The other store, the same key and the same body: its own order, not the first store's.
    const same = await submitOrder(h.app, storeB, recharge('13900100002'), key);
    expect(same.statusCode).toBe(202);
    const b = same.json<{ id: string; replayed: boolean }>();
    expect(b.id).not.toBe(a.id);
    expect(b.replayed).toBe(false);
    // The order ID names the channel the key belongs to.
    expect([a.id, b.id]).toEqual([`Recharge:STORE-BJ-001:${key}`, `Recharge:STORE-BJ-002:${key}`]);
    const orderB = await waitForOrder(h.app, storeB, b.id);
    expect(orderB).toMatchObject({ status: 'completed', channelCode: 'STORE-BJ-002' });
    expect(await paymentsOf(a.id)).toHaveLength(1);
    expect(await paymentsOf(b.id)).toHaveLength(1);

    // The same key with another body, from a third channel: an order too, not 409.
    const web = await h.login('store01', 'WEB-BJ-001');
    const other = await submitOrder(h.app, web, recharge('13900100003'), key);
    expect(other.statusCode, other.body).toBe(202);
    expect(other.json()).toMatchObject({ id: `Recharge:WEB-BJ-001:${key}`, replayed: false });
    await waitForOrder(h.app, web, other.json<{ id: string }>().id);

    // Within one store the key still means one order (ORD-3).
    const again = await submitOrder(h.app, storeA, recharge('13900100002'), key);
    expect(again.json()).toMatchObject({ id: a.id, replayed: true, status: 'completed' });
    const reused = await submitOrder(h.app, storeA, recharge('13900100002', 2_000), key);
    expect(reused.statusCode).toBe(409);
    expect(reused.json()).toMatchObject({ code: 'IdempotencyKeyReused' });
  });

  it('ORD-3: a replay after Temporal has forgotten the workflow answers the existing order and starts nothing', async () => {
    const msisdn = '13900100004';
    const key = newKey('retained');
    const res = await submitOrder(h.app, storeA, recharge(msisdn), key);
    const { id } = res.json<{ id: string }>();
    const done = await waitForOrder(h.app, storeA, id);
    expect(done.status).toBe('completed');
    const balance = (await lineRow(h, msisdn))?.balanceFen;

    // What the namespace's retention does to a closed workflow.
    await h.client.workflowService.deleteWorkflowExecution({
      namespace: h.config.TEMPORAL_NAMESPACE,
      workflowExecution: { workflowId: id },
    });
    // The dev server deletes in the background: it takes some seconds.
    await vi.waitFor(async () => expect(await workflowGone(id)).toBe(true), {
      timeout: 90_000,
      interval: 1_000,
    });

    const replay = await submitOrder(h.app, storeA, recharge(msisdn), key);
    expect(replay.statusCode).toBe(202);
    expect(replay.json()).toMatchObject({ id, replayed: true, status: 'completed' });
    const reused = await submitOrder(h.app, storeA, recharge(msisdn, 3_000), key);
    expect(reused.statusCode).toBe(409);
    expect(reused.json()).toMatchObject({ code: 'IdempotencyKeyReused' });

    // Nothing ran again: a start would have been accepted before the replay answered, so no workflow now means
    // none was started; the balance is as the one order left it.
    expect(await workflowGone(id)).toBe(true);
    expect((await lineRow(h, msisdn))?.balanceFen).toBe(balance);
  }, 150_000);
  it('ORD-3: two stores using the same work-order key with the same body get two work orders', async () => {
    const key = newKey('wo-two-stores');
    const first = await createWorkOrder(h.app, storeA, workOrderBody(), key);
    expect(first.statusCode, first.body).toBe(202);
    const same = await createWorkOrder(h.app, storeB, workOrderBody(), key);
    expect(same.statusCode, same.body).toBe(202);
    const a = first.json<{ id: string; replayed: boolean }>();
    const b = same.json<{ id: string; replayed: boolean }>();
    // Each store's key is its own work order, named by the channel.
    expect([a, b]).toEqual([
      {
        id: `WorkOrder:STORE-BJ-001:${key}`,
        replayed: false,
        status: 'created',
        href: expect.any(String) as string,
      },
      {
        id: `WorkOrder:STORE-BJ-002:${key}`,
        replayed: false,
        status: 'created',
        href: expect.any(String) as string,
      },
    ]);
    const woA = await waitForWorkOrder(h.app, storeA, a.id, (w) => w.timeline.length >= 1);
    const woB = await waitForWorkOrder(h.app, storeB, b.id, (w) => w.timeline.length >= 1);
    expect([woA.channelCode, woB.channelCode]).toEqual(['STORE-BJ-001', 'STORE-BJ-002']);

    // Within one store the key is still one work order; another body is refused.
    const again = await createWorkOrder(h.app, storeA, workOrderBody(), key);
    expect(again.json()).toMatchObject({ id: a.id, replayed: true });
    const reused = await createWorkOrder(h.app, storeA, workOrderBody({ title: '另一个 Another' }), key);
    expect(reused.statusCode).toBe(409);
    expect(reused.json()).toMatchObject({ code: 'IdempotencyKeyReused' });
  });

  it('ORD-3: a work order replayed after Temporal has forgotten its workflow answers the same work order and starts nothing', async () => {
    const key = newKey('wo-retained');
    const res = await createWorkOrder(h.app, storeA, workOrderBody(), key);
    expect(res.statusCode, res.body).toBe(202);
    const { id } = res.json<{ id: string }>();
    await waitForWorkOrder(h.app, storeA, id, (w) => w.timeline.length >= 1);

    // What the namespace's retention does to the workflow (a running one is terminated first).
    await h.client.workflowService.deleteWorkflowExecution({
      namespace: h.config.TEMPORAL_NAMESPACE,
      workflowExecution: { workflowId: id },
    });
    await vi.waitFor(async () => expect(await workflowGone(id)).toBe(true), {
      timeout: 90_000,
      interval: 1_000,
    });

    const replay = await createWorkOrder(h.app, storeA, workOrderBody(), key);
    expect(replay.statusCode, replay.body).toBe(202);
    expect(replay.json()).toMatchObject({ id, replayed: true, status: 'created' });
    const reused = await createWorkOrder(h.app, storeA, workOrderBody({ title: '另一个 Another' }), key);
    expect(reused.statusCode).toBe(409);
    expect(reused.json()).toMatchObject({ code: 'IdempotencyKeyReused' });
    // No second workflow was started under the ID.
    expect(await workflowGone(id)).toBe(true);
  }, 150_000);
});
