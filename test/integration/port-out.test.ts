import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { numbers, orders, portOutCodes, smsMessages, subscribers } from '../../db/schema';
import type { Harness } from '../support/harness';
import { startSignedInHarness } from '../support/harness';
import { workflowHistoryText } from '../support/history';
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
const MAX_ATTEMPTS = 3;

describe('port-out (携号转网, donor) through the API', () => {
  let h: Harness;
  let token: string;
  beforeAll(
    async () =>
      ({ h, token } = await startSignedInHarness({
        config: {
          MNP_SWITCH_WINDOW: '0-23',
          MNP_SWITCH_OVER_DELAY_SECONDS: '1',
          MNP_AUTH_CODE_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
        },
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

  /** The authorization code texted to the holder's phone (REQ: MNP-5, NOTIF-1): its only copy in clear. */
  const codeTextedTo = (msisdn: string) =>
    vi.waitFor(async () => {
      const codes = (await h.sim.sms.inbox(msisdn))
        .map((m) => /授权码为 ([A-Z0-9]{6})/.exec(m.text)?.[1])
        .filter((c) => c !== undefined);
      expect(codes).toHaveLength(1);
      return codes[0] ?? '';
    });
  const codeRow = async (id: string) =>
    (await h.db.select().from(portOutCodes).where(eq(portOutCodes.orderId, id)))[0];
  const readModelText = async (id: string) =>
    JSON.stringify(await h.db.select().from(orders).where(eq(orders.id, id)));

  it("MNP-5: the code is texted to the holder's phone only — never in the order, its read model or the workflow history — and the recipient quoting it gets the number ported", async () => {
    const msisdn = '13900100021';
    const { id } = (await submitOrder(h.app, token, portOutBody(msisdn))).json<{ id: string }>();
    const pending = await waitForOrder(h.app, token, id, waiting);
    expect(pending.summary).not.toHaveProperty('authorizationCode');
    const code = await codeTextedTo(msisdn);
    expect(code).toMatch(/^[A-Z0-9]{6}$/);
    expect(pending.summary).toMatchObject({ refusedRequests: 0 });
    expect(typeof pending.summary.codeSentAt).toBe('string');
    expect(typeof pending.summary.codeExpiresAt).toBe('string');
    expect(JSON.stringify(pending).includes(code), 'code in the order view').toBe(false);
    expect((await h.sim.sms.inbox(msisdn))[0]?.text).toContain('有效期至');
    // In the demo an administrator reads the simulated phone through the API; nobody else may.
    const inbox = (as: string) =>
      h.app.inject({
        url: `/api/v1/sms-simulator/inbox/${msisdn}`,
        headers: { authorization: `Bearer ${as}` },
      });
    const admin = await inbox(await h.login('admin01'));
    expect(admin.statusCode).toBe(200);
    expect(admin.json<{ messages: { text: string }[] }>().messages[0]?.text).toContain(code);
    expect((await inbox(token)).statusCode).toBe(403);

    const { clearingRef } = await h.sim.clearing.requestPortOut({
      msisdn,
      authorizationCode: code,
      recipientOperator: 'China Telecom',
    });
    const order = await waitForOrder(h.app, token, id);
    expect(order.status).toBe('completed');
    expect(order.summary).toMatchObject({ outcome: 'portedOut', clearingRef, refusedRequests: 0 });
    expect(await h.sim.clearing.portOutAnswers()).toContainEqual(
      expect.objectContaining({ clearingRef, accept: true }),
    );
    const [line] = await h.db.select().from(subscribers).where(eq(subscribers.msisdn, msisdn));
    expect(line?.status).toBe('cancelled');
    const [number] = await h.db.select().from(numbers).where(eq(numbers.msisdn, msisdn));
    expect(number?.status).toBe('portedOut');
    expect(await h.sim.hlr.subscriber(msisdn)).toBeNull();

    expect(JSON.stringify(order).includes(code), 'code in the order view').toBe(false);
    expect((await readModelText(id)).includes(code), 'code in the read model').toBe(false);
    expect((await workflowHistoryText(h.client, id)).includes(code), 'code in the workflow history').toBe(
      false,
    );
  });

  it('MNP-5: a wrong code is answered with a rejection, counted, and the order keeps waiting', async () => {
    const msisdn = '13900100019';
    const { id } = (await submitOrder(h.app, token, portOutBody(msisdn))).json<{ id: string }>();
    await waitForOrder(h.app, token, id, waiting);
    const code = await codeTextedTo(msisdn);
    const { clearingRef } = await h.sim.clearing.requestPortOut({
      msisdn,
      authorizationCode: code === 'ZZZZZZ' ? 'YYYYYY' : 'ZZZZZZ',
      recipientOperator: 'China Unicom',
    });
    await vi.waitFor(async () =>
      expect(await h.sim.clearing.portOutAnswers()).toContainEqual(
        expect.objectContaining({ clearingRef, accept: false, reasonCode: 'AuthorizationCodeInvalid' }),
      ),
    );
    const order = await waitForOrder(h.app, token, id, (o) => waiting(o) && o.summary.refusedRequests === 1);
    expect(order).toMatchObject({ status: 'pending', step: 'waitingForRecipient' });
    await vi.waitFor(async () => expect((await codeRow(id))?.failedAttempts).toBe(1));
  });

  it('MNP-5: after MNP_AUTH_CODE_MAX_ATTEMPTS wrong codes the code is void — even the right one is refused — the order ends cancelled (codeLocked), the line is free and the holder is told by SMS', async () => {
    const msisdn = '13900100018';
    const { id } = (await submitOrder(h.app, token, portOutBody(msisdn))).json<{ id: string }>();
    await waitForOrder(h.app, token, id, waiting);
    const code = await codeTextedTo(msisdn);
    const wrong = ['ZZZZZ1', 'ZZZZZ2', 'ZZZZZ3', 'ZZZZZ4'].filter((c) => c !== code).slice(0, MAX_ATTEMPTS);
    for (const authorizationCode of wrong) {
      await h.sim.clearing.requestPortOut({ msisdn, authorizationCode, recipientOperator: 'China Unicom' });
    }
    // The right code, quoted right behind them, is judged after the limit (refused) or finds no port-out
    // waiting any more (404): refused either way.
    const right = { msisdn, authorizationCode: code, recipientOperator: 'China Unicom' };
    const rightBehind = await h.sim.clearing.requestPortOut(right).then(
      () => 'delivered',
      (err: Error) => err.message,
    );
    const order = await waitForOrder(h.app, token, id);
    expect(order.status).toBe('cancelled');
    expect(order.summary.outcome).toBe('codeLocked');
    expect((await codeRow(id))?.failedAttempts).toBe(MAX_ATTEMPTS);
    const answered = async () => {
      const refs = (await h.sim.clearing.portOutRequests({ msisdn })).map((r) => r.clearingRef);
      return (await h.sim.clearing.portOutAnswers()).filter((a) => refs.includes(a.clearingRef));
    };
    const refusals = rightBehind === 'delivered' ? MAX_ATTEMPTS + 1 : MAX_ATTEMPTS;
    if (rightBehind !== 'delivered') expect(rightBehind).toMatch(/404/);
    expect(order.summary.refusedRequests).toBe(refusals);
    expect(await answered()).toHaveLength(refusals);
    expect((await answered()).every((a) => !a.accept && a.reasonCode === 'AuthorizationCodeInvalid')).toBe(
      true,
    );
    await vi.waitFor(async () => expect((await h.sim.sms.inbox(msisdn)).at(-1)?.text).toContain('作废'));
    const history = await workflowHistoryText(h.client, id);
    expect(
      [code, ...wrong].filter((c) => history.includes(c)),
      'codes in the workflow history',
    ).toEqual([]);

    // Later the right code reaches no waiting port-out: the clearing system is refused, the line stays ours.
    await expect(h.sim.clearing.requestPortOut(right)).rejects.toThrow(/404/);
    const [line] = await h.db.select().from(subscribers).where(eq(subscribers.msisdn, msisdn));
    expect(line).toMatchObject({ status: 'active', lockedBy: null });
    expect(await answered()).toHaveLength(refusals);
  });

  it('MNP-5: two port-outs get different random codes, kept only as a keyed hash', async () => {
    const ids: string[] = [];
    const codes: string[] = [];
    for (const msisdn of ['13900100016', '13900100017']) {
      const { id } = (await submitOrder(h.app, token, portOutBody(msisdn))).json<{ id: string }>();
      await waitForOrder(h.app, token, id, waiting);
      ids.push(id);
      codes.push(await codeTextedTo(msisdn));
    }
    expect(codes[0]).not.toBe(codes[1]);
    for (const [i, id] of ids.entries()) {
      const row = await codeRow(id);
      const code = codes[i] ?? '';
      expect(row?.codeHash).toMatch(/^[0-9a-f]{64}$/);
      expect(row?.codeHash).not.toContain(code);
      expect(row?.codeHash).not.toBe(createHash('sha256').update(code).digest('hex'));
      expect(row?.codeHash).not.toBe(createHash('sha256').update(`${id}:${code}`).digest('hex'));
      const sms = await h.db
        .select()
        .from(smsMessages)
        .where(eq(smsMessages.msisdn, row?.msisdn ?? ''));
      expect(sms).toHaveLength(1);
      expect(JSON.stringify(sms)).not.toContain(code);
    }
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
