import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { numbers, subscribers } from '../../db/schema';
import type { Harness } from '../support/harness';
import { startSignedInHarness } from '../support/harness';
import { submitOrder, waitForOrder } from '../support/orders';

/** The seeded owner of demo line 139001000NN (see db/seed.ts). */
const ownerId = (msisdn: string) =>
  Number(msisdn.slice(-2)) >= 21
    ? `1101011991020200${msisdn.slice(-2)}`
    : `1101011990010100${msisdn.slice(-2)}`;
const portOutBody = (msisdn: string) => ({
  type: 'portOut',
  msisdn,
  identity: { idType: 'idCard', idNumber: ownerId(msisdn) },
});
const waiting = (o: { status: string; step: string | null }) =>
  o.status === 'pending' && o.step === 'waitingForRecipient';

describe('port-out (携号转网, donor) through the API', () => {
  let h: Harness;
  let token: string;
  beforeAll(
    async () =>
      ({ h, token } = await startSignedInHarness({
        config: { MNP_SWITCH_WINDOW: '0-23', MNP_SWITCH_OVER_DELAY_SECONDS: '1' },
      })),
  );
  afterAll(async () => h?.close());

  it('MNP-1: an ineligible line is rejected with every failure listed', async () => {
    const res = await submitOrder(h.app, token, portOutBody('13900100022'));
    expect(res.statusCode).toBe(202);
    const { id } = res.json<{ id: string }>();
    expect(id.startsWith('PortOut:')).toBe(true);
    const order = await waitForOrder(h.app, token, id);
    expect(order.status).toBe('rejected');
    expect(order.failure?.code).toBe('PortOutNotEligible');
    expect(order.failure?.message).toContain('NotRealNameVerified');
    expect(order.failure?.message).toContain('ContractTermActive');
  });

  it('MNP-5: code issued, the recipient quotes it, switch-over: line cancelled, number portedOut', async () => {
    const msisdn = '13900100021';
    const { id } = (await submitOrder(h.app, token, portOutBody(msisdn))).json<{ id: string }>();
    const pending = await waitForOrder(h.app, token, id, waiting);
    const code = String(pending.summary.authorizationCode);
    expect(code).toMatch(/^[A-Z0-9]{6}$/);
    expect(typeof pending.summary.codeExpiresAt).toBe('string');

    const { clearingRef } = await h.clearing.requestPortOut({
      msisdn,
      authorizationCode: code,
      recipientOperator: 'China Telecom',
    });
    const order = await waitForOrder(h.app, token, id);
    expect(order.status).toBe('completed');
    expect(order.summary).toMatchObject({ outcome: 'portedOut', clearingRef });
    expect([...h.clearing.portOutAnswers.values()]).toContainEqual({ clearingRef, accept: true });
    const [line] = await h.db.select().from(subscribers).where(eq(subscribers.msisdn, msisdn));
    expect(line?.status).toBe('cancelled');
    const [number] = await h.db.select().from(numbers).where(eq(numbers.msisdn, msisdn));
    expect(number?.status).toBe('portedOut');
    expect(h.hlr.subscribers.has(msisdn)).toBe(false);
  });

  it('MNP-5: a wrong code is answered with a rejection and the order keeps waiting', async () => {
    const msisdn = '13900100019';
    const { id } = (await submitOrder(h.app, token, portOutBody(msisdn))).json<{ id: string }>();
    await waitForOrder(h.app, token, id, waiting);
    const { clearingRef } = await h.clearing.requestPortOut({
      msisdn,
      authorizationCode: 'ZZZZZZ',
      recipientOperator: 'China Unicom',
    });
    await vi.waitFor(() =>
      expect([...h.clearing.portOutAnswers.values()]).toContainEqual({
        clearingRef,
        accept: false,
        reasonCode: 'AuthorizationCodeInvalid',
      }),
    );
    const order = await waitForOrder(h.app, token, id, waiting);
    expect(order).toMatchObject({ status: 'pending', step: 'waitingForRecipient' });
  });
});

describe('port-out code expiry', () => {
  let h: Harness;
  let token: string;
  beforeAll(
    async () =>
      ({ h, token } = await startSignedInHarness({ config: { MNP_AUTH_CODE_VALIDITY_HOURS: '0.0005' } })),
  );
  afterAll(async () => h?.close());

  it('MNP-5: a code that expires unused cancels the order (codeExpired) and frees the line', async () => {
    const msisdn = '13900100020';
    const { id } = (await submitOrder(h.app, token, portOutBody(msisdn))).json<{ id: string }>();
    const order = await waitForOrder(h.app, token, id);
    expect(order.status).toBe('cancelled');
    expect(order.summary.outcome).toBe('codeExpired');
    const [line] = await h.db.select().from(subscribers).where(eq(subscribers.msisdn, msisdn));
    expect(line).toMatchObject({ status: 'active', lockedBy: null });
  });
});
