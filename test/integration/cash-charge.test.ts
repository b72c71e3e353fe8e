import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BankAdapter } from '../../activities/adapters/bank';
import { createBillingActivities } from '../../activities/billing';
import { payments } from '../../db/schema';
import { createTestDatabase } from '../support/database';
import { sampleIndividual } from '../support/fixtures';

type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>;

/** Cash is taken at the counter: the bank is never asked, whatever happens. */
const noBank = new Proxy({} as BankAdapter, {
  get: (_, call) => () => Promise.reject(new Error(`the bank was asked to ${String(call)} for cash`)),
});

describe('OPEN-4, ORD-3: a cash charge taken again by a retried step', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => t?.drop());

  it('OPEN-4, ORD-3: a retried cash charge is one payment, answered with the receipt first issued', async () => {
    const billing = createBillingActivities({ db: t.db, bank: noBank, roamingDepositFen: 0 });
    const orderId = `OpenAccount:STORE-BJ-001:cash-${randomBytes(6).toString('hex')}`;
    const charge = {
      orderId,
      paymentKey: `${orderId}:charge`,
      amountFen: 12_000,
      payment: { method: 'cash' as const },
      payer: { customer: sampleIndividual },
    };
    const first = await billing.chargePayment(charge);
    const retried = await billing.chargePayment(charge);

    expect(retried).toEqual(first);
    expect(first.bankRef).toBeNull();
    const rows = await t.db.select().from(payments).where(eq(payments.orderId, orderId));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ amountFen: 12_000, status: 'charged', receiptNo: first.receiptNo });
  });
});
