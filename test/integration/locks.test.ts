import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupSubscriptions, subscribers } from '../../db/schema';
import { insertActiveSubscription } from '../support/groups';
import { startHarness, type Harness } from '../support/harness';
import { newWorkOrder } from '../support/work-orders';

/**
 * Locks left behind: an order holds a line or a group's product while it works and lets go when it ends; a
 * workflow terminated by hand never does. Administrators release such a lock — never one a running order holds.
 */
describe('locks left behind by orders that no longer run', () => {
  let h: Harness;
  let admin: string;
  let clerk: string;
  beforeAll(async () => {
    h = await startHarness();
    admin = await h.login('admin01', 'STORE-BJ-001');
    clerk = await h.login('store01', 'STORE-BJ-001');
  });
  afterAll(async () => h?.close());

  const call = (token: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    h.app.inject({ method, url, payload, headers: { authorization: `Bearer ${token}` } });
  const lineLock = async (msisdn: string) =>
    (await h.db.select().from(subscribers).where(eq(subscribers.msisdn, msisdn)))[0]?.lockedBy;

  it('ORD-5: a line held by an order that never ran (or was lost) is listed as such and released, with the reason required', async () => {
    await h.db
      .update(subscribers)
      .set({ lockedBy: 'PreCancel:13900100011' })
      .where(eq(subscribers.msisdn, '13900100011'));
    const list = await call(admin, 'GET', '/api/v1/locks');
    expect(list.json<{ items: unknown[] }>().items).toContainEqual({
      kind: 'line',
      key: '13900100011',
      holder: 'PreCancel:13900100011',
      holderStatus: 'NOT_FOUND',
    });
    const noReason = await call(admin, 'POST', '/api/v1/locks/release', { kind: 'line', key: '13900100011' });
    expect(noReason.statusCode).toBe(400);
    const released = await call(admin, 'POST', '/api/v1/locks/release', {
      kind: 'line',
      key: '13900100011',
      reason: 'workflow lost in a cluster migration',
    });
    expect(released.json()).toEqual({
      kind: 'line',
      key: '13900100011',
      holder: 'PreCancel:13900100011',
      holderStatus: 'NOT_FOUND',
      released: true,
    });
    expect(await lineLock('13900100011')).toBeNull();
    const again = await call(admin, 'POST', '/api/v1/locks/release', {
      kind: 'line',
      key: '13900100011',
      reason: 'twice',
    });
    expect(again.statusCode).toBe(404);
    expect(again.json()).toMatchObject({ code: 'LockNotHeld' });
  });

  it('ORD-5: a lock whose order is still running is never taken away (409 LockHolderRunning)', async () => {
    const running = await newWorkOrder(h.app, clerk);
    await h.db.update(subscribers).set({ lockedBy: running }).where(eq(subscribers.msisdn, '13900100012'));
    const refused = await call(admin, 'POST', '/api/v1/locks/release', {
      kind: 'line',
      key: '13900100012',
      reason: 'looks stuck',
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'LockHolderRunning',
      reason: '占用它的订单仍在办理中，不能释放',
      details: { holder: running, holderStatus: 'RUNNING' },
    });
    expect(await lineLock('13900100012')).toBe(running);
  });

  it('ORD-5: a group product held by a workflow terminated by hand is released; only the lock is cleared', async () => {
    await insertActiveSubscription(h.db, '1000000004');
    const terminated = await newWorkOrder(h.app, clerk);
    await h.client.workflow.getHandle(terminated).terminate('stuck, terminated by an operator');
    await h.db
      .update(groupSubscriptions)
      .set({ lockedBy: terminated })
      .where(eq(groupSubscriptions.groupCode, '1000000004'));
    const res = await call(admin, 'POST', '/api/v1/locks/release', {
      kind: 'groupProduct',
      key: '1000000004/HDJ',
      reason: 'terminated change order',
    });
    expect(res.json()).toMatchObject({ holderStatus: 'TERMINATED', released: true });
    const [row] = await h.db
      .select()
      .from(groupSubscriptions)
      .where(eq(groupSubscriptions.groupCode, '1000000004'));
    expect(row).toMatchObject({ lockedBy: null, status: 'active' });
  });

  it('ORD-5: locks are administration — front-line staff are refused', async () => {
    expect((await call(clerk, 'GET', '/api/v1/locks')).statusCode).toBe(403);
  });
});
