import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customers, numbers, orders, parkedSecrets, payments, simCards, subscribers } from '../../db/schema';
import type { Harness } from '../support/harness';
import { startSignedInHarness } from '../support/harness';
import { portInBody, sampleIndividual } from '../support/fixtures';
import { workflowHistoryText } from '../support/history';
import { cancelOrderAs, submitOrder, waitForOrder } from '../support/orders';

const FEE_FEN = 3_000;

async function expectReleasedAndRefunded(h: Harness, id: string, iccid: unknown): Promise<void> {
  const [sim] = await h.db
    .select()
    .from(simCards)
    .where(eq(simCards.iccid, String(iccid)));
  expect(sim).toMatchObject({ status: 'available', preemptedBy: null, msisdn: null });
  const charges = await h.db.select().from(payments).where(eq(payments.orderId, id));
  expect(charges).toHaveLength(1);
  expect(charges[0]).toMatchObject({ amountFen: FEE_FEN, status: 'refunded' });
  const [customer] = await h.db.select().from(customers).where(eq(customers.orderId, id));
  expect(customer?.state).toBe('discarded');
}

describe('port-in (携号转网, recipient) through the API', () => {
  let h: Harness;
  let token: string;
  beforeAll(
    async () =>
      ({ h, token } = await startSignedInHarness({
        config: {
          MNP_PORT_IN_FEE_FEN: String(FEE_FEN),
          MNP_ANSWER_TIMEOUT_SECONDS: '2',
          MNP_MAX_RESUBMITS: '3',
          MNP_SWITCH_WINDOW: '0-23',
          MNP_SWITCH_OVER_DELAY_SECONDS: '1',
        },
        clearing: { answerDelayMs: 50 },
      })),
  );
  afterAll(async () => h?.close());

  it('MNP-3, MNP-5: the donor accepts through the callback; the line is active with the ported number', async () => {
    await h.sim.setBehaviour('clearing', { rejectRate: 0, lossRate: 0 });
    const res = await submitOrder(h.app, token, portInBody('13312340001'));
    expect(res.statusCode).toBe(202);
    const { id } = res.json<{ id: string }>();
    expect(id.startsWith('PortIn:')).toBe(true);

    const order = await waitForOrder(h.app, token, id);
    expect(order.status).toBe('completed');
    const steps = order.timeline.map((t) => `${t.status}${t.step ? `/${t.step}` : ''}`);
    expect(steps).toEqual([
      'acknowledged',
      'inProgress/charging',
      'inProgress/preemptingSim',
      'inProgress/preEnteringCustomer',
      'inProgress/submittingToClearing',
      'pending/waitingForDonor',
      'pending/waitingForSwitchOver',
      'inProgress/preparingSim',
      'inProgress/provisioning',
      'inProgress/committingCustomer',
      'inProgress/committingLine',
      'completed',
    ]);
    expect(order.summary).toMatchObject({
      msisdn: '13312340001',
      donorAnswer: { accepted: true },
      submissions: 1,
    });
    expect(typeof order.summary.deadline).toBe('string');

    const [line] = await h.db.select().from(subscribers).where(eq(subscribers.msisdn, '13312340001'));
    expect(line).toMatchObject({ status: 'active', iccid: order.summary.iccid, productCode: 'VOICE-58' });
    const [number] = await h.db.select().from(numbers).where(eq(numbers.msisdn, '13312340001'));
    expect(number).toMatchObject({ status: 'inUse', segment: 'ported' });
    const [sim] = await h.db
      .select()
      .from(simCards)
      .where(eq(simCards.iccid, String(order.summary.iccid)));
    expect(sim).toMatchObject({ status: 'inUse', msisdn: '13312340001' });
    const charges = await h.db.select().from(payments).where(eq(payments.orderId, id));
    expect(charges).toHaveLength(1);
    expect(charges[0]).toMatchObject({ amountFen: FEE_FEN, status: 'charged' });
    expect(await h.sim.hlr.subscriber('13312340001')).not.toBeNull();
  });

  it('MNP-5: the authorization code reaches the clearing system but never the workflow input, history or read model, and is wiped once the donor answered', async () => {
    const code = 'QX7Z9K';
    const res = await submitOrder(h.app, token, portInBody('13312340009', { authorizationCode: code }));
    expect(res.statusCode).toBe(202);
    const { id } = res.json<{ id: string }>();
    const order = await waitForOrder(h.app, token, id);
    expect(order.status).toBe('completed');

    expect((await workflowHistoryText(h.client, id)).includes(code), 'code in the workflow history').toBe(
      false,
    );
    const readModel = JSON.stringify(await h.db.select().from(orders).where(eq(orders.id, id)));
    expect(readModel.includes(code), 'code in the read model').toBe(false);
    expect(JSON.stringify(order).includes(code), 'code in the order view').toBe(false);
    // The clearing system holds the code the donor checks (as a digest in the simulators' tables).
    const [submitted] = await h.sim.clearing.portIns({ orderId: id });
    expect(submitted?.authorizationCodeSha256).toBe(createHash('sha256').update(code).digest('hex'));
    const secrets = await h.db.select().from(parkedSecrets).where(eq(parkedSecrets.orderId, id));
    expect(secrets).toHaveLength(1);
    expect(secrets[0]).toMatchObject({ kind: 'authorizationCode', sealed: null, hash: null });
    expect(secrets[0]?.usedAt).toBeInstanceOf(Date);
  });

  it("MNP-5: a donor's rejection ends the order failed with the donor's reason, SIM released, fee refunded", async () => {
    await h.sim.setBehaviour('clearing', { rejectRate: 1, lossRate: 0 });
    try {
      const res = await submitOrder(h.app, token, portInBody('13312340002'));
      const { id } = res.json<{ id: string }>();
      const order = await waitForOrder(h.app, token, id);
      expect(order.status).toBe('failed');
      const answer = (await h.sim.clearing.portIns({ orderId: id }))[0]?.answer;
      expect(answer?.accepted).toBe(false);
      expect(order.failure?.code).toBe('DonorRejected');
      expect(order.failure?.message).toContain(answer?.reason ?? '?');
      expect(order.summary.donorAnswer).toMatchObject({ accepted: false, reasonCode: answer?.reasonCode });
      await expectReleasedAndRefunded(h, id, order.summary.iccid);
      const [line] = await h.db.select().from(subscribers).where(eq(subscribers.msisdn, '13312340002'));
      expect(line).toBeUndefined();
      // The withdrawn port-in is cancelled at the clearing system too.
      expect(await h.sim.clearing.cancellations()).toContain(order.summary.clearingRef);
    } finally {
      await h.sim.setBehaviour('clearing', { rejectRate: 0 });
    }
  });

  it('MNP-5: a lost answer is recovered by re-submitting the port-in', async () => {
    await h.sim.setBehaviour('clearing', { lossRate: 1 });
    try {
      const res = await submitOrder(h.app, token, portInBody('13312340003'));
      const { id } = res.json<{ id: string }>();
      await waitForOrder(h.app, token, id, (o) => o.step === 'waitingForDonor');
      // The first answer is lost; the next sending (after the re-submission) gets through.
      await h.sim.setBehaviour('clearing', { lossRate: 0 });
      const order = await waitForOrder(h.app, token, id);
      expect(order.status).toBe('completed');
      expect(order.summary.submissions).toBeGreaterThanOrEqual(2);
      const refs = await h.sim.clearing.portIns({ orderId: id });
      expect(refs).toHaveLength(1);
    } finally {
      await h.sim.setBehaviour('clearing', { lossRate: 0 });
    }
  });

  it('MNP-5: a cancel while waiting for the donor withdraws the port-in, releases the SIM and refunds', async () => {
    await h.sim.setBehaviour('clearing', { lossRate: 1 });
    try {
      const res = await submitOrder(h.app, token, portInBody('13312340004'));
      const { id } = res.json<{ id: string }>();
      const waiting = await waitForOrder(h.app, token, id, (o) => o.step === 'waitingForDonor');
      const cancel = await cancelOrderAs(h.app, token, id, 'customer changed their mind');
      expect(cancel.statusCode).toBe(200);
      expect(cancel.json<{ status: string }>().status).toBe('cancelled');
      await expectReleasedAndRefunded(h, id, waiting.summary.iccid);
      expect(await h.sim.clearing.cancellations()).toContain(waiting.summary.clearingRef);
    } finally {
      await h.sim.setBehaviour('clearing', { lossRate: 0 });
    }
  });

  it('MNP-5: once the switch-over has started a cancel is refused with 409', async () => {
    await h.sim.setBehaviour('hlr', { latencyMs: 3_000 });
    try {
      const res = await submitOrder(h.app, token, portInBody('13312340005'));
      const { id } = res.json<{ id: string }>();
      await waitForOrder(h.app, token, id, (o) => o.step === 'provisioning');
      const cancel = await cancelOrderAs(h.app, token, id, 'too late');
      expect(cancel.statusCode).toBe(409);
      expect(cancel.json<{ code: string }>().code).toBe('PastPointOfNoReturn');
      expect((await waitForOrder(h.app, token, id)).status).toBe('completed');
    } finally {
      await h.sim.setBehaviour('hlr', { latencyMs: 0 });
    }
  });

  it('MNP-2, MNP-4: an online port-in without uploaded materials is refused 422 naming documentUploads; an unknown ID type 400', async () => {
    const missing = await submitOrder(h.app, token, portInBody('13312340006', { channel: 'online' }));
    expect(missing.statusCode).toBe(422);
    expect(missing.json<{ code: string }>().code).toBe('BusinessRuleViolated');
    expect(missing.body).toContain('documentUploads');
    const empty = await submitOrder(
      h.app,
      token,
      portInBody('13312340006', { channel: 'online', documentUploads: [] }),
    );
    expect(empty.statusCode).toBe(422);
    expect(empty.json<{ code: string }>().code).toBe('BusinessRuleViolated');
    expect(empty.body).toContain('documentUploads');
    const badId = await submitOrder(
      h.app,
      token,
      portInBody('13312340006', { customer: { ...sampleIndividual, idType: 'libraryCard' } }),
    );
    expect(badId.statusCode).toBe(400);
  });

  it('MNP-3: a port-in without the signed agreement is refused with 400', async () => {
    const res = await submitOrder(h.app, token, portInBody('13312340007', { agreementSigned: false }));
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('agreementSigned');
  });
});

describe('port-in cancelled while waiting for the switch-over', () => {
  let h: Harness;
  let token: string;
  beforeAll(
    async () =>
      ({ h, token } = await startSignedInHarness({
        config: {
          MNP_PORT_IN_FEE_FEN: String(FEE_FEN),
          MNP_SWITCH_WINDOW: '0-23',
          MNP_SWITCH_OVER_DELAY_SECONDS: '600',
        },
        clearing: { answerDelayMs: 50 },
      })),
  );
  afterAll(async () => h?.close());

  it('MNP-5: a cancel before the switch-over withdraws the port-in, releases the SIM and refunds the fee', async () => {
    const res = await submitOrder(h.app, token, portInBody('13312340008'));
    const { id } = res.json<{ id: string }>();
    const waiting = await waitForOrder(h.app, token, id, (o) => o.step === 'waitingForSwitchOver');
    expect(waiting.status).toBe('pending');
    const cancel = await cancelOrderAs(h.app, token, id, 'customer stays with the donor');
    expect(cancel.statusCode).toBe(200);
    expect(cancel.json<{ status: string }>().status).toBe('cancelled');
    await expectReleasedAndRefunded(h, id, waiting.summary.iccid);
    expect(await h.sim.clearing.cancellations()).toContain(waiting.summary.clearingRef);
    const [line] = await h.db.select().from(subscribers).where(eq(subscribers.msisdn, '13312340008'));
    expect(line).toBeUndefined();
  });
});
