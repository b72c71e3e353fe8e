import { and, eq, lt, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { httpAdapters } from '../../activities/adapters/http';
import { customers, numbers, payments, simCards } from '../../db/schema';
import { verifiedCardPayment } from '../support/fixtures';
import type { Harness } from '../support/harness';
import { isNumberOffered, releasable } from '../support/held-calls';
import { openAccountBody, submitOrder, waitForOrder, type OrderView } from '../support/orders';
import { lineRow, ownerIdentity, seededLine } from '../support/service-changes';
import { startTappedHarness, type SimulatorsTap } from '../support/simulators-tap';

/** Seconds a pre-emption lasts in these tests: the held-back charge below outlasts it. */
const HOLD_SECONDS = 6;
const services = ['voice', 'sms', 'data'];

/**
 * A number change (改号) or SIM swap (换卡/补卡) pre-empts a number or SIM like an account opening (REQ: CHG-1,
 * RES-6): a step that outlasts the hold may lose it to another order, and then the HLR/HSS must not be asked to
 * use it — the change fails PreemptionExpired, the line stays as it was and the other customer's line is whole
 * (REQ: ORD-5).
 */
describe('holds of number changes and SIM swaps that run longer than their pre-emption', () => {
  let h: Harness;
  let token: string;
  /** The link from the worker to the simulators: every update the HLR is asked for goes through it. */
  let tap: SimulatorsTap;
  beforeAll(async () => {
    ({ h, token, tap } = await startTappedHarness({
      // A step held back by a test must not time out and be retried while it waits.
      config: { PREEMPTION_TTL_SECONDS: String(HOLD_SECONDS), STEP_TIMEOUT_SECONDS: '60' },
    }));
  });
  afterAll(async () => {
    await h?.close();
    await tap?.close();
  });

  const orderFor = async (body: Record<string, unknown>) =>
    (await submitOrder(h.app, token, body)).json<{ id: string }>().id;
  const paymentOf = async (orderId: string) =>
    (await h.db.select().from(payments).where(eq(payments.orderId, orderId)))[0];
  /** The seeded line as the HLR has had it since before the test: its number on its own SIM. */
  const onHlr = async (msisdn: string) =>
    httpAdapters(h.simulatorsUrl).hlr.provision({
      requestId: `earlier:${msisdn}`,
      msisdn,
      imsi: seededLine(msisdn).imsi,
      services,
    });
  /** The HLR updates an order asked for, by request ID (`<order>:<step>`). */
  const hlrUpdates = (orderId: string) =>
    tap
      .bodiesOf<{ requestId: string }>('/hlr/update')
      .map((req) => req.requestId)
      .filter((id) => id.startsWith(`${orderId}:`));

  /**
   * Runs the change, paid with `card`, with its charge held back until its hold has `lapsed` and an account
   * opening (`opening`) has completed on what it held; then lets the change go on to its end.
   */
  async function loseHoldToOpening(
    change: Record<string, unknown>,
    card: string,
    lapsed: (changeId: string) => Promise<boolean>,
    opening: Record<string, unknown>,
  ): Promise<{ change: OrderView; opening: OrderView }> {
    const charging = releasable();
    const stopHolding = tap.intercept<{ account: string }>('/bank/charge', async (req, forward) => {
      if (req.account === card) await charging.wait();
      return forward();
    });
    try {
      const changeId = await orderFor(change);
      await vi.waitFor(() => expect(charging.waiting).toBe(true), { timeout: 30_000, interval: 100 });
      await vi.waitFor(async () => expect(await lapsed(changeId)).toBe(true), {
        timeout: 30_000,
        interval: 100,
      });
      const opened = await waitForOrder(h.app, token, await orderFor(opening));
      expect(opened.status).toBe('completed');
      charging.release();
      return { change: await waitForOrder(h.app, token, changeId), opening: opened };
    } finally {
      charging.release();
      stopHolding();
    }
  }

  it('CHG-1, RES-6, ORD-5: a number change whose hold on the new number lapsed and was taken by an account opening fails PreemptionExpired; the line keeps its old number and the new customer’s line is whole', async () => {
    const [msisdn, newMsisdn] = ['13900100008', '13800100890'];
    const card = '6222021111000890';
    const seed = seededLine(msisdn);
    await onHlr(msisdn);
    const { change, opening } = await loseHoldToOpening(
      {
        type: 'changeNumber',
        msisdn,
        newMsisdn,
        payment: await verifiedCardPayment(h.sim, card, seed.customer.idNumber),
      },
      card,
      () => isNumberOffered(h.app, token, newMsisdn),
      openAccountBody({ msisdn: newMsisdn }),
    );
    expect(change.status).toBe('failed');
    expect(change.failure).toMatchObject({ code: 'PreemptionExpired', reason: '资源预占已超时失效' });
    // The HLR was never asked to move the line onto a number it no longer held.
    expect(hlrUpdates(change.id)).not.toContain(`${change.id}:changeNumber`);

    // The line keeps its old number and SIM, in the read model and on the HLR; its fee came back.
    expect(await lineRow(h, msisdn)).toMatchObject({
      customerId: `CUST-SEED-${msisdn}`,
      iccid: seed.iccid,
      status: 'active',
      lockedBy: null,
    });
    expect(await h.sim.hlr.subscriber(msisdn)).toMatchObject({ imsi: seed.imsi });
    const [oldNumber] = await h.db.select().from(numbers).where(eq(numbers.msisdn, msisdn));
    expect(oldNumber).toMatchObject({ status: 'inUse', availableFrom: null });
    expect((await paymentOf(change.id))?.status).toBe('refunded');

    // The account opening's customer has the number: in stock, as a line and on the HLR with its SIM.
    const [number] = await h.db.select().from(numbers).where(eq(numbers.msisdn, newMsisdn));
    expect(number).toMatchObject({ status: 'inUse', preemptedBy: opening.id });
    const [customer] = await h.db.select().from(customers).where(eq(customers.orderId, opening.id));
    const [sim] = await h.db
      .select()
      .from(simCards)
      .where(eq(simCards.iccid, String(opening.summary.iccid)));
    expect(await lineRow(h, newMsisdn)).toMatchObject({
      customerId: customer?.id,
      imsi: sim?.imsi,
      status: 'active',
    });
    expect(await h.sim.hlr.subscriber(newMsisdn)).toMatchObject({ imsi: sim?.imsi });
  });

  it('CHG-1, RES-6, ORD-5: a SIM swap whose hold on the new SIM lapsed and was taken by an account opening fails PreemptionExpired; the line keeps its SIM and the new customer’s line is whole', async () => {
    const [msisdn, openedMsisdn] = ['13900100009', '13800100891'];
    const card = '6222021111000891';
    const seed = seededLine(msisdn);
    await onHlr(msisdn);
    const heldSimLapsed = async (changeId: string) => {
      const held = await h.db
        .select()
        .from(simCards)
        .where(and(eq(simCards.preemptedBy, changeId), lt(simCards.preemptedUntil, sql`now()`)));
      return held.length > 0;
    };
    const { change, opening } = await loseHoldToOpening(
      {
        type: 'swapSim',
        msisdn,
        reason: 'damaged',
        identity: ownerIdentity(msisdn),
        payment: await verifiedCardPayment(h.sim, card, seed.customer.idNumber),
      },
      card,
      heldSimLapsed,
      openAccountBody({ msisdn: openedMsisdn }),
    );
    // The account opening took the very SIM the swap had held (the first free one, as the swap's was).
    expect(opening.summary.iccid).toBe(change.summary.newIccid);
    expect(change.status).toBe('failed');
    expect(change.failure).toMatchObject({ code: 'PreemptionExpired', reason: '资源预占已超时失效' });
    // The HLR was never asked to put that SIM's IMSI on the line.
    expect(hlrUpdates(change.id)).not.toContain(`${change.id}:changeImsi`);

    // The line keeps its SIM, in the read model and on the HLR; its fee came back.
    expect(await lineRow(h, msisdn)).toMatchObject({
      iccid: seed.iccid,
      imsi: seed.imsi,
      status: 'active',
      lockedBy: null,
    });
    expect(await h.sim.hlr.subscriber(msisdn)).toMatchObject({ imsi: seed.imsi });
    const [oldSim] = await h.db.select().from(simCards).where(eq(simCards.iccid, seed.iccid));
    expect(oldSim).toMatchObject({ status: 'inUse', msisdn });
    expect((await paymentOf(change.id))?.status).toBe('refunded');

    // The account opening's customer has the SIM: in stock, as a line and on the HLR.
    const [sim] = await h.db
      .select()
      .from(simCards)
      .where(eq(simCards.iccid, String(opening.summary.iccid)));
    expect(sim).toMatchObject({ status: 'inUse', msisdn: openedMsisdn, preemptedBy: opening.id });
    expect(await lineRow(h, openedMsisdn)).toMatchObject({ imsi: sim?.imsi, status: 'active' });
    expect(await h.sim.hlr.subscriber(openedMsisdn)).toMatchObject({ imsi: sim?.imsi });
  });

  it('CHG-1, RES-6, ORD-5: a number change to a number the HLR already has switched on for another request fails HlrSubscriberExists at once and leaves both lines alone', async () => {
    const [msisdn, newMsisdn] = ['13900100010', '13800100892'];
    const seed = seededLine(msisdn);
    await onHlr(msisdn);
    const { hlrRef } = await httpAdapters(h.simulatorsUrl).hlr.provision({
      requestId: 'elsewhere:provision',
      msisdn: newMsisdn,
      imsi: '460009999000892',
      services: ['voice'],
    });
    const change = await waitForOrder(
      h.app,
      token,
      await orderFor({ type: 'changeNumber', msisdn, newMsisdn, payment: { method: 'cash' } }),
    );
    expect(change.status).toBe('failed');
    expect(change.failure).toMatchObject({
      code: 'HlrSubscriberExists',
      reason: 'HLR/HSS 拒绝开通：该号码已由另一笔订单开通',
    });
    // Refused once, not retried; the line already there is untouched, and so is the changing line.
    expect(hlrUpdates(change.id).filter((id) => id === `${change.id}:changeNumber`)).toHaveLength(1);
    expect(await h.sim.hlr.subscriber(newMsisdn)).toMatchObject({ imsi: '460009999000892', hlrRef });
    expect(await h.sim.hlr.subscriber(msisdn)).toMatchObject({ imsi: seed.imsi });
    expect(await lineRow(h, msisdn)).toMatchObject({ iccid: seed.iccid, status: 'active', lockedBy: null });
    const [number] = await h.db.select().from(numbers).where(eq(numbers.msisdn, newMsisdn));
    expect(number).toMatchObject({ status: 'unused', preemptedBy: null });
  });
});
