import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customers, numbers, payments, simCards } from '../../db/schema';
import { verifiedCardPayment } from '../support/fixtures';
import { startSignedInHarness, type Harness } from '../support/harness';
import { openAccountBody, submitOrder, waitForOrder } from '../support/orders';

describe('compensation when a later step fails', () => {
  let h: Harness;
  let token: string;
  beforeAll(async () => ({ h, token } = await startSignedInHarness({ config: { STEP_MAX_ATTEMPTS: '2' } })));
  afterAll(async () => h?.close());

  it('ORD-5: provisioning failure releases the number and SIM, refunds the charge and ends failed with the reason', async () => {
    await h.sim.setBehaviour('hlr', { failureRate: 1 });
    try {
      const card = '6222029999000011';
      const res = await submitOrder(
        h.app,
        token,
        openAccountBody({ msisdn: '13800100333', payment: await verifiedCardPayment(h.sim, card) }),
      );
      const order = await waitForOrder(h.app, token, res.json<{ id: string }>().id);
      expect(order.status).toBe('failed');
      expect(order.failure).toMatchObject({ code: 'ProvisioningFailed', reason: '开通（HLR/HSS）失败' });
      expect(order.timeline.at(-1)).toMatchObject({ status: 'failed', actor: 'system' });

      const [number] = await h.db.select().from(numbers).where(eq(numbers.msisdn, '13800100333'));
      expect(number).toMatchObject({ status: 'unused', preemptedBy: null });
      expect(await h.db.select().from(simCards).where(eq(simCards.preemptedBy, order.id))).toHaveLength(0);
      const rows = await h.db.select().from(payments).where(eq(payments.orderId, order.id));
      expect(rows).toHaveLength(1);
      expect(rows[0]?.status).toBe('refunded');
      expect((await h.sim.bank.refunds()).filter((r) => r.chargeRef === rows[0]?.bankRef)).toHaveLength(1);
      const [customer] = await h.db.select().from(customers).where(eq(customers.orderId, order.id));
      expect(customer?.state).toBe('discarded');
      expect(await h.sim.hlr.subscriber('13800100333')).toBeNull();
    } finally {
      await h.sim.setBehaviour('hlr', { failureRate: 0 });
    }
  });

  it('ORD-5: a declined payment (a verified card the bank will not charge) releases the pre-empted number and takes no money', async () => {
    const card = '6222020000000404';
    await h.sim.bank.decline(card);
    const res = await submitOrder(
      h.app,
      token,
      openAccountBody({ msisdn: '13800100334', payment: await verifiedCardPayment(h.sim, card) }),
    );
    const order = await waitForOrder(h.app, token, res.json<{ id: string }>().id);
    expect(order.status).toBe('failed');
    expect(order.failure).toMatchObject({ code: 'PaymentDeclined', reason: '支付被拒绝' });
    const [number] = await h.db.select().from(numbers).where(eq(numbers.msisdn, '13800100334'));
    expect(number?.status).toBe('unused');
    expect(await h.db.select().from(payments).where(eq(payments.orderId, order.id))).toHaveLength(0);
  });

  it('ORD-5: an unknown product fails the order and releases what was held', async () => {
    const res = await submitOrder(
      h.app,
      token,
      openAccountBody({ msisdn: '13800100335', productCode: 'NO-SUCH-PLAN' }),
    );
    const order = await waitForOrder(h.app, token, res.json<{ id: string }>().id);
    expect(order.failure?.code).toBe('ProductNotFound');
    const [number] = await h.db.select().from(numbers).where(eq(numbers.msisdn, '13800100335'));
    expect(number?.status).toBe('unused');
  });
});
