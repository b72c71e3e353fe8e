import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BbossOrderSubmission } from '../../activities/adapters/bboss';
import { httpAdapters } from '../../activities/adapters/http';
import { BBOSS_SIGNATURE_HEADER, signBody } from '../../infra/callback-signature';
import { bbossMemberRejection, bbossRejections } from '../../simulators/bboss';
import type { BbossBehaviour } from '../../simulators/control';
import { startSimulators, type RunningSimulators } from '../../simulators/host';
import { configSchema } from '../../temporal.config';
import { startCallbackReceiver } from '../support/callback-receiver';
import { createTestDatabase } from '../support/database';

const config = configSchema.parse({});
const NOW = Date.parse('2026-03-01T08:00:00Z');

/**
 * REQ: GRP-4, GRP-6…GRP-8 — simulated BBOSS as the simulators process hosts it: its state in the test
 * database, reached over HTTP through the adapter the workers use, posting its signed callbacks to a
 * stand-in for the API's callback route. Its dice are scripted; its clock (which decides when BBOSS has
 * decided) is moved by the tests.
 */
describe('GRP-4: BBOSS simulator', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let receiver: Awaited<ReturnType<typeof startCallbackReceiver>>;
  let sim: RunningSimulators;
  /** The dice the simulators throw next (failure, reject, reason, loss…); 0.99 once they run out. */
  let dice: number[] = [];
  let clock = NOW;
  let seq = 0;

  const bboss = () => httpAdapters(sim.url).bboss;
  const behave = (patch: Partial<BbossBehaviour>) =>
    sim.control.setBehaviour('bboss', {
      latencyMs: 0,
      failureRate: 0,
      answerDelayMs: 1_000,
      approvalExtraDelayMs: 5_000,
      rejectRate: 0,
      lossRate: 0,
      memberRejectRate: 0,
      ...patch,
    });
  /** A group order of its own for each test: the database is shared by the file. */
  const order = (overrides: Partial<BbossOrderSubmission> = {}): BbossOrderSubmission => {
    const orderId = `GroupOpen:k-${++seq}`;
    return {
      requestId: `${orderId}:bboss`,
      orderId,
      action: 'open',
      groupCode: '1000000001',
      productCode: 'HDJ',
      tariffCode: 'HDJ-10',
      tariffNeedsApproval: false,
      ...overrides,
    };
  };
  const callbacksFor = (bbossRef: string) => receiver.bodies('bboss').filter((b) => b.bbossRef === bbossRef);
  const ordersOf = async (orderId: string) =>
    (await sim.control.bboss.orders()).filter((o) => o.submission.orderId === orderId);

  beforeAll(async () => {
    database = await createTestDatabase();
    receiver = await startCallbackReceiver();
    sim = await startSimulators({
      config,
      databaseUrl: database.url,
      callbackApiUrl: () => receiver.url,
      demoBankAccounts: false,
      now: () => new Date(clock),
      random: () => dice.shift() ?? 0.99,
    });
  });
  beforeEach(() => {
    clock = NOW;
    dice = [];
  });
  afterAll(async () => {
    await sim?.stop();
    await receiver?.close();
    await database?.drop();
  });

  it('GRP-4: an order is accepted at once and answered by a signed callback after the delay', async () => {
    await behave({});
    const req = order();
    const { bbossRef } = await bboss().submitOrder(req);
    expect(bbossRef).toMatch(/^BBOSS-\d{8}$/);
    expect(callbacksFor(bbossRef)).toEqual([]);
    await vi.waitFor(() => expect(callbacksFor(bbossRef)).toHaveLength(1), { timeout: 10_000 });
    expect(callbacksFor(bbossRef)).toEqual([
      {
        event: 'orderAnswered',
        bbossRef,
        orderId: req.orderId,
        outcome: 'completed',
        answeredAt: '2026-03-01T08:00:01.000Z',
      },
    ]);
    const sent = receiver.received.find((r) => r.body.bbossRef === bbossRef);
    expect(sent?.path).toBe('/api/v1/callbacks/bboss');
    expect(sent?.headers[BBOSS_SIGNATURE_HEADER]).toBe(
      signBody(config.BBOSS_CALLBACK_SECRET, sent?.raw ?? ''),
    );
    await vi.waitFor(async () =>
      expect(await ordersOf(req.orderId)).toMatchObject([{ bbossRef, delivered: true }]),
    );
  });

  it('GRP-4: the decision is made once per requestId; re-submitting is the same BBOSS order', async () => {
    await behave({ rejectRate: 0.5, answerDelayMs: 50 });
    // first submission: call ok, rejected (0.1 < 0.5), reason index 1 (0.4 * 3), not lost; later dice would accept
    dice = [0.99, 0.1, 0.4, 0.99];
    const req = order();
    const first = await bboss().submitOrder(req);
    const again = await bboss().submitOrder(req);
    expect(again).toEqual(first);
    expect(await ordersOf(req.orderId)).toHaveLength(1);
    await vi.waitFor(() => expect(callbacksFor(first.bbossRef)).toHaveLength(1), { timeout: 10_000 });
    const [answer] = callbacksFor(first.bbossRef);
    expect(answer).toMatchObject({
      bbossRef: first.bbossRef,
      outcome: 'rejected',
      reasonCode: bbossRejections[1].reasonCode,
      reason: bbossRejections[1].reason,
    });
    clock = NOW + 50;
    await expect(bboss().queryOrder(first)).resolves.toEqual({ state: 'answered', answer });

    const other = await bboss().submitOrder(order());
    expect(other.bbossRef).not.toBe(first.bbossRef);
  });

  it('GRP-4: a lost callback is never delivered, but queryOrder tells the answer once the delay has passed', async () => {
    await behave({ lossRate: 0.5, answerDelayMs: 50 });
    // call ok, not rejected, lost (0.1 < 0.5)
    dice = [0.99, 0.99, 0.1];
    const req = order();
    const { bbossRef } = await bboss().submitOrder(req);
    await expect(bboss().queryOrder({ bbossRef })).resolves.toEqual({ state: 'processing', bbossRef });
    // Another order, answered after the lost one was due: once it is in, the lost one would have been too.
    const later = await bboss().submitOrder(order());
    await vi.waitFor(() => expect(callbacksFor(later.bbossRef)).toHaveLength(1), { timeout: 10_000 });
    expect(callbacksFor(bbossRef)).toEqual([]);
    expect(await ordersOf(req.orderId)).toMatchObject([{ bbossRef, delivered: false }]);

    clock = NOW + 50;
    await expect(bboss().queryOrder({ bbossRef })).resolves.toMatchObject({
      state: 'answered',
      answer: { bbossRef, orderId: req.orderId, outcome: 'completed' },
    });
    await expect(bboss().queryOrder({ bbossRef: 'BBOSS-99999999' })).resolves.toEqual({
      state: 'unknown',
      bbossRef: 'BBOSS-99999999',
    });
  });

  it('GRP-3, GRP-4: a tariff that needs approval is answered after the extra approval delay', async () => {
    await behave({ answerDelayMs: 300, approvalExtraDelayMs: 1_200 });
    const req = order({ tariffNeedsApproval: true });
    const { bbossRef } = await bboss().submitOrder(req);
    clock = NOW + 300;
    await expect(bboss().queryOrder({ bbossRef })).resolves.toEqual({ state: 'processing', bbossRef });
    clock = NOW + 1_500;
    await expect(bboss().queryOrder({ bbossRef })).resolves.toMatchObject({ state: 'answered' });
    await vi.waitFor(() => expect(callbacksFor(bbossRef)).toHaveLength(1), { timeout: 10_000 });
    expect(callbacksFor(bbossRef)[0]).toMatchObject({
      outcome: 'completed',
      answeredAt: '2026-03-01T08:00:01.500Z',
    });
  });

  it('GRP-6, GRP-8: member changes are answered at once and remembered per requestId', async () => {
    await behave({ memberRejectRate: 0.5 });
    // call ok; first add refused (0.1 < 0.5), second add accepted; the repeat would accept everyone
    dice = [0.99, 0.1, 0.99];
    const req = {
      requestId: 'MemberBatch:b-1:chunk:0',
      groupCode: '1000000009',
      productCode: 'HDJ',
      changes: [
        { action: 'add' as const, msisdn: '13900200001', attributes: { displayName: 'A' } },
        { action: 'add' as const, msisdn: '13900200002', attributes: { displayName: 'B' } },
        { action: 'delete' as const, msisdn: '13900200003' },
      ],
    };
    const first = await bboss().syncMembers(req);
    expect(first.results).toEqual([
      { msisdn: '13900200001', accepted: false, ...bbossMemberRejection },
      { msisdn: '13900200002', accepted: true },
      { msisdn: '13900200003', accepted: true },
    ]);
    const again = await bboss().syncMembers(req);
    expect(again).toEqual(first);
    const applied = await sim.control.bboss.appliedMemberChanges({ groupCode: '1000000009' });
    expect(applied.map((c) => `${c.action}:${c.msisdn}`)).toEqual(['add:13900200002', 'delete:13900200003']);
    expect(applied[0]).toMatchObject({
      groupCode: '1000000009',
      productCode: 'HDJ',
      attributes: { displayName: 'B' },
    });
  });

  it('GRP-6: a batch chunk of hundreds of members is answered member by member, each member once per requestId', async () => {
    await behave({ memberRejectRate: 0.5 });
    const msisdns = Array.from({ length: 300 }, (_, i) => `139003${String(i).padStart(5, '0')}`);
    const add = (msisdn: string) => ({ action: 'add' as const, msisdn, attributes: { displayName: msisdn } });
    // call ok; every tenth member refused (0.1 < 0.5), the others accepted
    dice = [0.99, ...msisdns.map((_, i) => (i % 10 === 0 ? 0.1 : 0.99))];
    const req = {
      requestId: 'MemberBatch:b-2:1',
      groupCode: '1000000010',
      productCode: 'HDJ',
      changes: msisdns.map(add),
    };
    const first = await bboss().syncMembers(req);
    expect(first.results.filter((r) => !r.accepted).map((r) => r.msisdn)).toEqual(
      msisdns.filter((_, i) => i % 10 === 0),
    );

    // The same request again, now with a new member named twice: the earlier answers stand, the new member is
    // decided once (accepted: 0.99; a second throw would refuse it, 0.1) and applied once, though named twice.
    dice = [0.99, 0.99, 0.1];
    const extra = '13900400000';
    const again = await bboss().syncMembers({ ...req, changes: [...req.changes, add(extra), add(extra)] });
    expect(again.results.slice(0, 300)).toEqual(first.results);
    expect(again.results.slice(300)).toEqual([
      { msisdn: extra, accepted: true },
      { msisdn: extra, accepted: true },
    ]);
    const applied = (await sim.control.bboss.appliedMemberChanges({ groupCode: '1000000010' })).map(
      (c) => c.msisdn,
    );
    expect(applied.filter((m) => m === extra)).toHaveLength(1);
    expect([...applied].sort()).toEqual([...msisdns.filter((_, i) => i % 10 !== 0), extra].sort());
  });
});
