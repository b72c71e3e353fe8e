import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderEvents } from '../../db/schema';
import { verifiedCardPayment } from '../support/fixtures';
import { startSignedInHarness, type Harness } from '../support/harness';
import { cancelOrderAs, openAccountBody, submitOrder, waitForOrder } from '../support/orders';

/**
 * How an order's read model follows its workflow (docs/architecture.md): each business step's activity
 * writes the move to that step in front of its work, every other move is a local activity. What staff read
 * stays line for line what it was when every move was an activity of its own (the rows below are those of the
 * histories recorded then, test/workflows/histories/).
 */

const cause = '客户改变主意 customer changed mind';
const stepRows = (...steps: string[]) => steps.map((step) => ['inProgress', step, 'system', null]);

describe('ORD-1, ORD-2: an order’s read model written without round trips of its own', () => {
  let h: Harness;
  let token: string;
  beforeAll(async () => ({ h, token } = await startSignedInHarness({ config: { STEP_MAX_ATTEMPTS: '2' } })));
  afterAll(async () => h?.close());

  /** The order's timeline rows in the read model, in order: status, step, actor, reason. */
  const timelineRows = async (orderId: string) =>
    (
      await h.db
        .select()
        .from(orderEvents)
        .where(eq(orderEvents.orderId, orderId))
        .orderBy(asc(orderEvents.seq))
    ).map((e) => [e.status, e.step, e.actor, e.reason]);

  it('ORD-1, ORD-2: a plain opening (cash, no bank check) schedules 3 activities and keeps its history within 40 events — a later business must not add activities to it', async () => {
    const res = await submitOrder(h.app, token, openAccountBody({ msisdn: '13800100077' }));
    const order = await waitForOrder(h.app, token, res.json<{ id: string }>().id);
    expect(order.status).toBe('completed');

    const events = (await h.client.workflow.getHandle(order.id).fetchHistory()).events ?? [];
    const scheduled = events.flatMap((e) => e.activityTaskScheduledEventAttributes?.activityType?.name ?? []);
    // Seven business steps, each one activity that also writes its move (the first also the acknowledgement);
    // those that only touch the database and need no cancel heard while they run — quoting, pre-entering,
    // charging cash, committing the resources — are local activities, as is the end: markers in the history.
    expect(scheduled).toEqual(['preemptResources', 'commitCustomer', 'provisionSubscriber']);
    expect(events.length).toBeLessThanOrEqual(40);
  });

  it('ORD-2: a completed opening’s timeline is the operator’s acknowledgement, each step, then completed', async () => {
    const res = await submitOrder(h.app, token, openAccountBody({ msisdn: '13800100078' }));
    const order = await waitForOrder(h.app, token, res.json<{ id: string }>().id);
    expect(await timelineRows(order.id)).toEqual([
      ['acknowledged', null, 'store01', 'order received'],
      ...stepRows(
        'preemptingResources',
        'quoting',
        'preEnteringCustomer',
        'charging',
        'committingCustomer',
        'provisioning',
        'committingResources',
      ),
      ['completed', null, 'system', 'account opened'],
    ]);
  });

  it('ORD-2, ORD-5: an opening whose provisioning fails shows each step up to the failed one, then failed with the reason (undos leave no line)', async () => {
    await h.sim.setBehaviour('hlr', { failureRate: 1 });
    try {
      const res = await submitOrder(h.app, token, openAccountBody({ msisdn: '13800100079' }));
      const order = await waitForOrder(h.app, token, res.json<{ id: string }>().id);
      expect(order.status).toBe('failed');
      expect(await timelineRows(order.id)).toEqual([
        ['acknowledged', null, 'store01', 'order received'],
        ...stepRows(
          'preemptingResources',
          'quoting',
          'preEnteringCustomer',
          'charging',
          'committingCustomer',
        ),
        ...stepRows('provisioning'),
        [
          'failed',
          null,
          'system',
          'HLR provisioning failed: HLR provision failed: simulated transient error',
        ],
      ]);
    } finally {
      await h.sim.setBehaviour('hlr', { failureRate: 0 });
    }
  });

  it('ORD-2, ORD-6: a cancelled opening shows the steps, then assessing, pending and cancelled with who asked and why', async () => {
    await h.sim.setBehaviour('bank', { latencyMs: 1_500 });
    try {
      const payment = await verifiedCardPayment(h.sim, '6222021234567891');
      const res = await submitOrder(h.app, token, openAccountBody({ msisdn: '13800100080', payment }));
      const id = res.json<{ id: string }>().id;
      await waitForOrder(h.app, token, id, (o) => o.step === 'charging');
      const cancel = await cancelOrderAs(h.app, token, id, cause);
      expect(cancel.statusCode).toBe(200);
      expect(await timelineRows(id)).toEqual([
        ['acknowledged', null, 'store01', 'order received'],
        ...stepRows(
          'preemptingResources',
          'verifyingBankAccount',
          'quoting',
          'preEnteringCustomer',
          'charging',
        ),
        ['assessingCancellation', 'charging', 'store01', cause],
        ['pendingCancellation', null, 'store01', cause],
        ['cancelled', null, 'store01', cause],
      ]);
    } finally {
      await h.sim.setBehaviour('bank', { latencyMs: 0 });
    }
  });
});
