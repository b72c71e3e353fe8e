import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLiveSubscription } from '../../db/queries/group-subscriptions';
import type { Harness } from '../support/harness';
import { startSignedInHarness } from '../support/harness';
import { groupOpenBody } from '../support/groups';
import { submitOrder, waitForOrder } from '../support/orders';

/** 0.0005 h = 1.8 s: long enough to see the order wait, short enough for a test. */
const APPROVAL_TIMEOUT_HOURS = '0.0005';

describe('tariff approval: too early, and never given', () => {
  let h: Harness;
  let token: string;
  beforeAll(
    async () =>
      ({ h, token } = await startSignedInHarness({
        config: { GROUP_APPROVAL_TIMEOUT_HOURS: APPROVAL_TIMEOUT_HOURS },
      })),
  );
  afterAll(async () => h?.close());

  it('GRP-3: with no approver decision in time the order fails ApprovalTimedOut and reserves nothing', async () => {
    token = await h.login('manager01', 'STORE-BJ-001');
    const res = await submitOrder(
      h.app,
      token,
      groupOpenBody('1000000004', { tariff: { code: 'HDJ-CUSTOM', params: { discountPercent: 90 } } }),
    );
    expect(res.statusCode).toBe(202);
    const id = res.json<{ id: string }>().id;

    const waiting = await waitForOrder(h.app, token, id, (o) => o.step === 'awaitingApproval');
    expect(waiting.status).toBe('pending');
    expect(await findLiveSubscription(h.db, '1000000004', 'HDJ')).toMatchObject({ status: 'opening' });

    const ended = await waitForOrder(h.app, token, id);
    expect(ended.status).toBe('failed');
    expect(ended.failure).toMatchObject({ code: 'ApprovalTimedOut', reason: '资费审核超时未处理' });
    expect(ended.failure?.message).toContain('HDJ-CUSTOM');
    // Nothing went to BBOSS and the reservation is gone: the group can order again.
    expect((await h.sim.bboss.orders()).filter((o) => o.submission.orderId === id)).toHaveLength(0);
    expect(await findLiveSubscription(h.db, '1000000004', 'HDJ')).toBeNull();
  });

  it('GRP-3: a decision sent before the order waits for one is refused 409 NotAwaitingApproval', async () => {
    token = await h.login('manager01', 'STORE-BJ-001');
    const approver = await h.login('approver01', 'STORE-BJ-001');
    const res = await submitOrder(
      h.app,
      token,
      groupOpenBody('1000000005', { tariff: { code: 'HDJ-CUSTOM', params: { discountPercent: 90 } } }),
    );
    const id = res.json<{ id: string }>().id;
    // The order is held at its reservation (the table locked against writes) while the decision arrives, so
    // it is sent before the order waits however quickly the order would otherwise get there.
    const early = await h.db.transaction(async (tx) => {
      await tx.execute(sql`lock table group_subscriptions in exclusive mode`);
      await waitForOrder(h.app, token, id, (o) => o.step === 'reservingSubscription');
      return h.app.inject({
        method: 'POST',
        url: `/api/v1/orders/${encodeURIComponent(id)}/approval`,
        headers: { authorization: `Bearer ${approver}` },
        payload: { decision: 'approve', comment: '同意' },
      });
    });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'NotAwaitingApproval' });
    // Released, it goes on to wait for a decision and, given none in time, ends ApprovalTimedOut.
    const ended = await waitForOrder(h.app, token, id);
    expect(ended.failure).toMatchObject({ code: 'ApprovalTimedOut' });
  });
});
