import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditLog } from '../../db/schema';
import { DEMO_PASSWORD } from '../../db/seed';
import { groupOpenBody } from '../support/groups';
import { startHarness, type Harness } from '../support/harness';
import { openAccountBody, submitOrder } from '../support/orders';
import { ownerIdentity } from '../support/service-changes';
import { newWorkOrder, takeStep } from '../support/work-orders';

/** Audit (ORD-4): every state-changing request leaves one append-only row; admins search them. */
describe('audit log', () => {
  let h: Harness;
  let store: string;
  let manager: string;
  let dispatcher: string;
  let admin: string;
  beforeAll(async () => {
    h = await startHarness();
    [store, manager, dispatcher, admin] = await Promise.all([
      h.login('store01'),
      h.login('manager01'),
      h.login('dispatch01'),
      h.login('admin01'),
    ]);
  });
  afterAll(async () => h?.close());

  /** The audit row of an answered request; the row is written just after the answer goes out. */
  const rowOf = (res: LightMyRequestResponse) =>
    vi.waitFor(async () => {
      const requestId = String(res.headers['x-request-id']);
      const [row] = await h.db.select().from(auditLog).where(eq(auditLog.requestId, requestId));
      if (!row) throw new Error(`no audit row for ${requestId} yet`);
      return row;
    });

  it('ORD-4: an account opening, a service change, a group order and a work-order step each leave a row with who, where, what and the outcome', async () => {
    const opening = await submitOrder(h.app, store, openAccountBody());
    expect(opening.statusCode).toBe(202);
    expect(await rowOf(opening)).toMatchObject({
      operatorId: 'store01',
      channelCode: 'STORE-BJ-001',
      method: 'POST',
      route: '/api/v1/orders',
      target: opening.json<{ id: string }>().id,
      statusCode: 202,
      outcome: 'success',
      errorCode: null,
    });

    const change = await submitOrder(h.app, store, {
      type: 'changeCustomerData',
      msisdn: '13900100011',
      contactPhone: '13911112222',
      servicePassword: '864209',
      identity: ownerIdentity('13900100011'),
    });
    expect(change.statusCode, change.body).toBe(202);
    const changeRow = await rowOf(change);
    expect(changeRow).toMatchObject({ operatorId: 'store01', outcome: 'success', route: '/api/v1/orders' });
    expect(changeRow.target).toBe(change.json<{ id: string }>().id);
    // The new service password never reaches the audit log.
    expect(JSON.stringify(changeRow)).not.toContain('864209');

    const group = await submitOrder(h.app, manager, groupOpenBody('1000000001'));
    expect(group.statusCode, group.body).toBe(202);
    expect(await rowOf(group)).toMatchObject({
      operatorId: 'manager01',
      target: group.json<{ id: string }>().id,
      outcome: 'success',
    });

    const workOrderId = await newWorkOrder(h.app, store);
    const accept = await takeStep(h.app, dispatcher, workOrderId, { action: 'accept' });
    expect(accept.statusCode, accept.body).toBe(200);
    expect(await rowOf(accept)).toMatchObject({
      operatorId: 'dispatch01',
      channelCode: 'STORE-BJ-001',
      route: '/api/v1/work-orders/:id/steps',
      target: workOrderId,
      statusCode: 200,
      outcome: 'success',
    });
  });

  it('ORD-4: a refused request (403) is recorded as refused with its error code', async () => {
    const bank = await h.login('bank01', 'BANK-BJ-001');
    const refused = await submitOrder(h.app, bank, openAccountBody());
    expect(refused.statusCode).toBe(403);
    expect(await rowOf(refused)).toMatchObject({
      operatorId: 'bank01',
      channelCode: 'BANK-BJ-001',
      statusCode: 403,
      outcome: 'refused',
      errorCode: 'ChannelNotAllowed',
    });
  });

  it('ORD-4: a client that reuses a request ID still leaves one row per request', async () => {
    const requestId = `reused-${Date.now()}`;
    for (let i = 0; i < 2; i++) {
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'x-request-id': requestId },
        payload: { operatorId: 'ghost01', password: 'wrong-password', channelCode: 'STORE-BJ-001' },
      });
      expect(res.statusCode).toBe(401);
    }
    await vi.waitFor(async () => {
      const rows = await h.db.select().from(auditLog).where(eq(auditLog.requestId, requestId));
      expect(rows).toHaveLength(2);
    });
  });

  it('ORD-4: sign-ins are recorded with the claimed operator, never the password or the token', async () => {
    const wrong = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { operatorId: 'approver01', password: 'Wrong#Secret-771', channelCode: 'STORE-BJ-001' },
    });
    expect(wrong.statusCode).toBe(401);
    const wrongRow = await rowOf(wrong);
    expect(wrongRow).toMatchObject({
      operatorId: 'approver01',
      route: '/api/v1/auth/login',
      outcome: 'refused',
      errorCode: 'InvalidCredentials',
    });
    expect(JSON.stringify(wrongRow)).not.toContain('Wrong#Secret-771');

    const right = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { operatorId: 'approver01', password: DEMO_PASSWORD, channelCode: 'STORE-BJ-001' },
    });
    expect(right.statusCode).toBe(200);
    const rightRow = JSON.stringify(await rowOf(right));
    expect(rightRow).toContain('"outcome":"success"');
    expect(rightRow).not.toContain(DEMO_PASSWORD);
    expect(rightRow).not.toContain(right.json<{ token: string }>().token);
  });

  it('ORD-4: a sign-in claiming an operator ID with a NUL character is still recorded, the character shown as U+FFFD', async () => {
    const odd = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { operatorId: 'ghost\u0000x', password: 'whatever-1', channelCode: 'STORE-BJ-001' },
    });
    expect(odd.statusCode).toBeGreaterThanOrEqual(400);
    expect(await rowOf(odd)).toMatchObject({ operatorId: 'ghost\ufffdx', outcome: 'refused' });
  });

  it('ORD-4: an administrator searches the log by operator, route, target, outcome and time, newest first; others get 403', async () => {
    const from = new Date(Date.now() - 1_000).toISOString();
    const first = await submitOrder(h.app, store, openAccountBody());
    const second = await submitOrder(h.app, store, openAccountBody());
    await Promise.all([rowOf(first), rowOf(second)]);
    const search = (query: Record<string, string>, token = admin) =>
      h.app.inject({
        method: 'GET',
        url: '/api/v1/audit',
        query,
        headers: { authorization: `Bearer ${token}` },
      });

    const mine = await search({ operatorId: 'store01', route: '/api/v1/orders', outcome: 'success', from });
    expect(mine.statusCode, mine.body).toBe(200);
    const rows = mine.json<{ requestId: string; at: string }[]>();
    expect(rows.slice(0, 2).map((r) => r.requestId)).toEqual([
      second.headers['x-request-id'],
      first.headers['x-request-id'],
    ]);
    expect(Number(mine.headers['x-total-count'])).toBe(rows.length);

    const target = first.json<{ id: string }>().id;
    const byTarget = await search({ target });
    expect(byTarget.json()).toEqual([
      expect.objectContaining({ requestId: first.headers['x-request-id'], target }),
    ]);
    const refused = await search({ outcome: 'refused', operatorId: 'store01' });
    expect(refused.json()).toEqual([]);
    const future = await search({ from: new Date(Date.now() + 60_000).toISOString() });
    expect(future.headers['x-total-count']).toBe('0');
    const paged = await search({ operatorId: 'store01', limit: '1', offset: '1' });
    expect(paged.json<{ requestId: string }[]>()).toHaveLength(1);

    const notAdmin = await search({}, store);
    expect(notAdmin.statusCode).toBe(403);
    expect(notAdmin.json()).toMatchObject({ code: 'RoleNotAllowed' });
  });

  it('ORD-4: the audit log is append-only — UPDATE and DELETE are refused by the database', async () => {
    const res = await submitOrder(h.app, store, openAccountBody());
    const row = await rowOf(res);
    const refusal = (work: Promise<unknown>) =>
      work.then(
        () => 'allowed',
        (err: Error) => (err.cause instanceof Error ? err.cause.message : err.message),
      );
    expect(
      await refusal(
        h.db.update(auditLog).set({ outcome: 'error' }).where(eq(auditLog.requestId, row.requestId)),
      ),
    ).toContain('audit_log is append-only: UPDATE is not allowed');
    expect(await refusal(h.db.delete(auditLog).where(eq(auditLog.requestId, row.requestId)))).toContain(
      'audit_log is append-only: DELETE is not allowed',
    );
    expect((await rowOf(res)).outcome).toBe('success');
  });
});
