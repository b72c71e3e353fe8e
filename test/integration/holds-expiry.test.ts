import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { httpAdapters } from '../../activities/adapters/http';
import { customers, numbers, payments, simCards, subscribers } from '../../db/schema';
import { verifiedCardPayment } from '../support/fixtures';
import { isNumberOffered, releasable } from '../support/held-calls';
import type { Harness } from '../support/harness';
import { openAccountBody, submitOrder, waitForOrder } from '../support/orders';
import { startTappedHarness, type SimulatorsTap } from '../support/simulators-tap';

/** Seconds a pre-emption lasts in these tests: shorter than the slow steps below. */
const HOLD_SECONDS = 9;
/**
 * How long each bank call takes in the first case. Verifying a card is one call, charging it two (the charge
 * verifies again): each of the two steps takes less than the hold (3.3 s, 6.6 s — 2.4 s to spare for a loaded
 * machine's scheduling), the two together more.
 */
const BANK_CALL_MS = 3_300;

describe('holds while an order runs longer than its pre-emption', () => {
  let h: Harness;
  let token: string;
  /** The link from the worker to the simulators: a test holds back or counts the worker's calls on it. */
  let tap: SimulatorsTap;
  beforeAll(
    async () =>
      ({ h, token, tap } = await startTappedHarness({
        // A step held back by a test must not time out and be retried while it waits.
        config: { PREEMPTION_TTL_SECONDS: String(HOLD_SECONDS), STEP_TIMEOUT_SECONDS: '60' },
      })),
  );
  afterAll(async () => {
    await h?.close();
    await tap?.close();
  });
  /** The request IDs of the switch-ons the worker asked the HLR for. */
  const provisions = () => tap.bodiesOf<{ requestId: string }>('/hlr/provision').map((req) => req.requestId);

  const isFree = (msisdn: string) => isNumberOffered(h.app, token, msisdn);
  const orderFor = async (body: Record<string, unknown>) =>
    (await submitOrder(h.app, token, body)).json<{ id: string }>().id;

  it('OPEN-2, RES-6: an order whose steps together outlast the hold keeps its number to the end; another order for it is refused', async () => {
    const msisdn = '13800100881';
    await h.sim.setBehaviour('bank', { latencyMs: BANK_CALL_MS });
    const switchOn = releasable();
    let firstId = '';
    // The first order's switch-on waits until the second order has had its try at the number.
    const stopHolding = tap.intercept<{ requestId: string }>('/hlr/provision', async (req, forward) => {
      if (firstId && req.requestId.startsWith(`${firstId}:`)) await switchOn.wait();
      return forward();
    });
    let seenFree = false;
    let watching: ReturnType<typeof watch> | null = null;
    try {
      firstId = await orderFor(
        openAccountBody({ msisdn, payment: await verifiedCardPayment(h.sim, '6222021111000881') }),
      );
      // From its pre-emption on, the number must never be offered to anyone else.
      await waitForOrder(h.app, token, firstId, (o) => o.summary.msisdn === msisdn);
      watching = watch(async () => {
        seenFree ||= await isFree(msisdn);
      });
      await vi.waitFor(() => expect(switchOn.waiting).toBe(true), { timeout: 30_000, interval: 100 });

      const second = await waitForOrder(h.app, token, await orderFor(openAccountBody({ msisdn })));
      expect(second.status).toBe('failed');
      expect(second.failure?.code).toBe('NumberUnavailable');
      switchOn.release();

      const first = await waitForOrder(h.app, token, firstId);
      expect(first.status).toBe('completed');
      expect(seenFree).toBe(false);
      const [number] = await h.db.select().from(numbers).where(eq(numbers.msisdn, msisdn));
      expect(number).toMatchObject({ status: 'inUse', preemptedBy: firstId });
      const [sim] = await h.db.select().from(simCards).where(eq(simCards.msisdn, msisdn));
      expect((await h.sim.hlr.subscriber(msisdn))?.imsi).toBe(sim?.imsi);
    } finally {
      switchOn.release();
      await watching?.stop();
      stopHolding();
      await h.sim.setBehaviour('bank', { latencyMs: 0 });
    }
  });

  it('OPEN-2, RES-6, ORD-5: an order whose step outlasts its hold loses the number to a later order, ends failed PreemptionExpired and undoes only what it did', async () => {
    const msisdn = '13800100882';
    const card = '6222021111000882';
    const charging = releasable();
    // The first order's charge hangs until the second order has taken its number and finished.
    const stopHolding = tap.intercept<{ account: string }>('/bank/charge', async (req, forward) => {
      if (req.account === card) await charging.wait();
      return forward();
    });
    try {
      const firstId = await orderFor(
        openAccountBody({ msisdn, payment: await verifiedCardPayment(h.sim, card) }),
      );
      await vi.waitFor(() => expect(charging.waiting).toBe(true), { timeout: 30_000, interval: 100 });
      // The first order's hold lapses while its charge hangs: the number is offered again.
      await vi.waitFor(async () => expect(await isFree(msisdn)).toBe(true), {
        timeout: 30_000,
        interval: 100,
      });
      const second = await waitForOrder(h.app, token, await orderFor(openAccountBody({ msisdn })));
      expect(second.status).toBe('completed');
      charging.release();

      const first = await waitForOrder(h.app, token, firstId);
      expect(first.status).toBe('failed');
      expect(first.failure).toMatchObject({ code: 'PreemptionExpired', reason: '资源预占已超时失效' });
      // The second customer's line is whole: the number, its line and its HLR entry on the second SIM.
      const [number] = await h.db.select().from(numbers).where(eq(numbers.msisdn, msisdn));
      expect(number).toMatchObject({ status: 'inUse', preemptedBy: second.id });
      const [secondCustomer] = await h.db.select().from(customers).where(eq(customers.orderId, second.id));
      const [line] = await h.db.select().from(subscribers).where(eq(subscribers.msisdn, msisdn));
      const [secondSim] = await h.db
        .select()
        .from(simCards)
        .where(eq(simCards.iccid, String(second.summary.iccid)));
      expect((await h.sim.hlr.subscriber(msisdn))?.imsi).toBe(secondSim?.imsi);
      expect(line).toMatchObject({
        customerId: secondCustomer?.id,
        imsi: secondSim?.imsi,
        status: 'active',
      });

      // Nothing was switched on for the first order.
      expect(provisions()).not.toContain(`${firstId}:provision`);
      // Its payment came back and its customer was discarded.
      const [payment] = await h.db.select().from(payments).where(eq(payments.orderId, firstId));
      expect(payment?.status).toBe('refunded');
      expect((await h.sim.bank.refunds()).map((r) => r.chargeRef)).toContain(payment?.bankRef);
      const [firstCustomer] = await h.db.select().from(customers).where(eq(customers.orderId, firstId));
      expect(firstCustomer?.state).toBe('discarded');
    } finally {
      charging.release();
      stopHolding();
    }
  });

  it('ORD-5, RES-6: the HLR refuses a number another request switched on; the order fails HlrSubscriberExists at once and leaves that line alone', async () => {
    const msisdn = '13800100883';
    // A line the HLR already has under this number, switched on by someone else's request.
    const { hlrRef } = await httpAdapters(h.simulatorsUrl).hlr.provision({
      requestId: 'elsewhere:provision',
      msisdn,
      imsi: '460009999000883',
      services: ['voice'],
    });
    const asked = provisions().length;
    const order = await waitForOrder(h.app, token, await orderFor(openAccountBody({ msisdn })));
    expect(order.status).toBe('failed');
    expect(order.failure).toMatchObject({
      code: 'HlrSubscriberExists',
      reason: 'HLR/HSS 拒绝开通：该号码已由另一笔订单开通',
    });
    // Refused once, not retried, and the line that was there is still there.
    expect(provisions().slice(asked)).toHaveLength(1);
    expect(await h.sim.hlr.subscriber(msisdn)).toMatchObject({ imsi: '460009999000883', hlrRef });
    const [number] = await h.db.select().from(numbers).where(eq(numbers.msisdn, msisdn));
    expect(number).toMatchObject({ status: 'unused', preemptedBy: null });
  });
});

/** Runs `check` over and over (each run after the last one ended) until `stop()`. */
function watch(check: () => Promise<void>) {
  let stopped = false;
  const running = (async () => {
    while (!stopped) {
      await check();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      await running;
    },
  };
}
