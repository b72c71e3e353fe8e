import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { httpAdapters } from '../../activities/adapters/http';
import { TransientOutsideError } from '../../activities/adapters/simulation';
import { CLEARING_SIGNATURE_HEADER, signBody } from '../../infra/callback-signature';
import { donorRejections } from '../../simulators/clearing';
import type { ClearingBehaviour } from '../../simulators/control';
import { startSimulators, type RunningSimulators } from '../../simulators/host';
import { configSchema } from '../../temporal.config';
import { startCallbackReceiver } from '../support/callback-receiver';
import { createTestDatabase } from '../support/database';

const config = configSchema.parse({});
const NOW = new Date('2026-03-01T08:00:00Z');
/** How long the donor takes to answer here: long enough that nothing arrives before a test looks. */
const ANSWER_DELAY_MS = 1_500;

/**
 * REQ: MNP-5 — the simulated clearing system as the simulators process hosts it: its state in the test
 * database, reached over HTTP through the adapter the workers use, posting its signed callbacks to a
 * stand-in for the API's callback route. Its dice are scripted, its clock fixed.
 */
describe('MNP-5: clearing system simulator', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let receiver: Awaited<ReturnType<typeof startCallbackReceiver>>;
  let sim: RunningSimulators;
  /** The dice the simulators throw next (failure, reject, reason, loss…); 0.99 once they run out. */
  let dice: number[] = [];
  let seq = 0;

  const start = () =>
    startSimulators({
      config,
      databaseUrl: database.url,
      callbackApiUrl: () => receiver.url,
      demoBankAccounts: false,
      now: () => NOW,
      random: () => dice.shift() ?? 0.99,
    });
  const clearing = () => httpAdapters(sim.url).clearing;
  const behave = (patch: Partial<ClearingBehaviour>) =>
    sim.control.setBehaviour('clearing', {
      latencyMs: 0,
      failureRate: 0,
      answerDelayMs: ANSWER_DELAY_MS,
      rejectRate: 0,
      lossRate: 0,
      ...patch,
    });
  /** A port-in of its own for each test: the database is shared by the file. */
  const portIn = (requestId = `req-${++seq}`, recipientOrderId = `PortIn:order-${seq}`) => ({
    requestId,
    msisdn: '13800138000',
    authorizationCode: 'AUTH-1234',
    recipientOrderId,
  });
  /** The answers posted for this port-in, oldest first. */
  const answersFor = (clearingRef: string) =>
    receiver.bodies('mnp').filter((b) => b.clearingRef === clearingRef);

  beforeAll(async () => {
    database = await createTestDatabase();
    receiver = await startCallbackReceiver();
    sim = await start();
  });
  afterAll(async () => {
    await sim?.stop();
    await receiver?.close();
    await database?.drop();
  });

  it('MNP-5: the donor accepts asynchronously after the answer delay, with a proposed switch-over time, signed as the clearing system signs', async () => {
    await behave({});
    const req = portIn();
    const { clearingRef } = await clearing().submitPortIn(req);
    expect(clearingRef).toMatch(/^CLR-IN-/);
    expect(answersFor(clearingRef)).toEqual([]);
    await vi.waitFor(() => expect(answersFor(clearingRef)).toHaveLength(1), { timeout: 10_000 });
    expect(answersFor(clearingRef)).toEqual([
      {
        event: 'portInAnswered',
        clearingRef,
        orderId: req.recipientOrderId,
        accepted: true,
        switchOverAt: '2026-03-02T08:00:00.000Z',
      },
    ]);
    const sent = receiver.received.find((r) => r.body.clearingRef === clearingRef);
    expect(sent?.path).toBe('/api/v1/callbacks/mnp');
    expect(sent?.headers[CLEARING_SIGNATURE_HEADER]).toBe(
      signBody(config.MNP_CALLBACK_SECRET, sent?.raw ?? ''),
    );
    // The clearing system holds the code the recipient quoted only as its digest.
    expect(await sim.control.clearing.portIns({ orderId: req.recipientOrderId })).toEqual([
      expect.objectContaining({
        clearingRef,
        msisdn: req.msisdn,
        authorizationCodeSha256: createHash('sha256').update(req.authorizationCode).digest('hex'),
        cancelled: false,
      }),
    ]);
  });

  it('MNP-5: a rejection carries the donor reason code and reason', async () => {
    await behave({ rejectRate: 0.5, answerDelayMs: 50 });
    // call ok, reject (0.1 < 0.5), reason index 0, not lost
    dice = [0.99, 0.1, 0, 0.99];
    const req = portIn();
    const { clearingRef } = await clearing().submitPortIn(req);
    await vi.waitFor(() => expect(answersFor(clearingRef)).toHaveLength(1), { timeout: 10_000 });
    expect(answersFor(clearingRef)).toEqual([
      {
        event: 'portInAnswered',
        clearingRef,
        orderId: req.recipientOrderId,
        accepted: false,
        reasonCode: donorRejections[0].reasonCode,
        reason: donorRejections[0].reason,
      },
    ]);
  });

  it('MNP-5: a lost answer delivers nothing; re-submitting the same request recovers it', async () => {
    await behave({ lossRate: 0.5, answerDelayMs: 50 });
    // first: call ok, accept, lost (0.1 < 0.5)
    dice = [0.99, 0.99, 0.1];
    const req = portIn();
    const first = await clearing().submitPortIn(req);
    // Another port-in, answered after the lost one was due: once it is in, the lost one would have been too.
    dice = [0.99, 0.99, 0.99];
    const later = await clearing().submitPortIn(portIn());
    await vi.waitFor(() => expect(answersFor(later.clearingRef)).toHaveLength(1), { timeout: 10_000 });
    expect(answersFor(first.clearingRef)).toEqual([]);

    // second sending: call ok, not lost
    dice = [0.99, 0.99];
    const again = await clearing().submitPortIn(req);
    expect(again.clearingRef).toBe(first.clearingRef);
    await vi.waitFor(() => expect(answersFor(first.clearingRef)).toHaveLength(1), { timeout: 10_000 });
    expect(answersFor(first.clearingRef)[0]).toMatchObject({ accepted: true, orderId: req.recipientOrderId });
  });

  it('MNP-5: every call is idempotent per requestId', async () => {
    await behave({});
    const req = portIn();
    const a = await clearing().submitPortIn(req);
    const b = await clearing().submitPortIn(req);
    expect(b).toEqual(a);
    expect(await sim.control.clearing.portIns({ orderId: req.recipientOrderId })).toHaveLength(1);
    const other = await clearing().submitPortIn(portIn());
    expect(other.clearingRef).not.toBe(a.clearingRef);

    const answer = `ans-${seq}`;
    await clearing().answerPortOut({ requestId: answer, clearingRef: 'CLR-OUT-9', accept: true });
    await clearing().answerPortOut({
      requestId: answer,
      clearingRef: 'CLR-OUT-9',
      accept: false,
      reasonCode: 'X',
    });
    expect((await sim.control.clearing.portOutAnswers()).filter((x) => x.requestId === answer)).toEqual([
      { requestId: answer, clearingRef: 'CLR-OUT-9', accept: true },
    ]);

    await clearing().cancelPortIn({ requestId: `cancel-${seq}`, clearingRef: a.clearingRef });
    await clearing().cancelPortIn({ requestId: `cancel-${seq}`, clearingRef: a.clearingRef });
    expect((await sim.control.clearing.cancellations()).filter((ref) => ref === a.clearingRef)).toHaveLength(
      1,
    );
    expect(await sim.control.clearing.portIns({ orderId: req.recipientOrderId })).toEqual([
      expect.objectContaining({ clearingRef: a.clearingRef, cancelled: true }),
    ]);
    // The cancelled port-in's answers are not sent; the other one's is.
    await vi.waitFor(() => expect(answersFor(other.clearingRef)).toHaveLength(1), { timeout: 10_000 });
    expect(answersFor(a.clearingRef)).toEqual([]);
  });

  it('MNP-5: the decision is made once per port-in and re-sent unchanged', async () => {
    await behave({ rejectRate: 0.5, answerDelayMs: 50 });
    // first submission rejects with reason index 1; later dice would accept, but the decision stays
    dice = [0.99, 0.1, 0.3, 0.99];
    const req = portIn();
    const { clearingRef } = await clearing().submitPortIn(req);
    for (const sendings of [1, 2, 3]) {
      await vi.waitFor(() => expect(answersFor(clearingRef)).toHaveLength(sendings), { timeout: 10_000 });
      if (sendings < 3) await clearing().submitPortIn(req);
    }
    const [first, second, third] = answersFor(clearingRef);
    expect(second).toEqual(first);
    expect(third).toEqual(first);
    expect(first).toMatchObject({ accepted: false, reasonCode: donorRejections[1].reasonCode });
  });

  it('MNP-5: transient call errors come back as TransientOutsideError per failureRate and change nothing', async () => {
    await behave({ failureRate: 0.5, answerDelayMs: 50 });
    dice = [0.1];
    const req = portIn();
    await expect(clearing().submitPortIn(req)).rejects.toBeInstanceOf(TransientOutsideError);
    expect(await sim.control.clearing.portIns({ orderId: req.recipientOrderId })).toEqual([]);
    dice = [0.99, 0.99, 0.99];
    const { clearingRef } = await clearing().submitPortIn(req);
    await vi.waitFor(() => expect(answersFor(clearingRef)).toHaveLength(1), { timeout: 10_000 });
  });

  it('MNP-5: another operator asking for our number delivers a portOutRequested callback at once; the code is not kept', async () => {
    await behave({});
    const msisdn = '13900100021';
    const { clearingRef } = await sim.control.clearing.requestPortOut({
      msisdn,
      authorizationCode: 'AUTH-9',
      recipientOperator: 'CUCC',
    });
    expect(receiver.bodies('mnp').filter((b) => b.clearingRef === clearingRef)).toEqual([
      {
        event: 'portOutRequested',
        clearingRef,
        msisdn,
        authorizationCode: 'AUTH-9',
        recipientOperator: 'CUCC',
      },
    ]);
    const requests = await sim.control.clearing.portOutRequests({ msisdn });
    expect(requests).toEqual([{ clearingRef, msisdn, recipientOperator: 'CUCC' }]);
    expect(JSON.stringify(requests)).not.toContain('AUTH-9');
    // Sent, the callback stays in the outbox with the code only as its SHA-256.
    const kept = await database.db.execute<{ body: string }>(
      sql`select body from simulators.outbox where body like ${`%${clearingRef}%`}`,
    );
    expect(kept.map((r) => r.body).join('')).not.toContain('AUTH-9');
    expect(kept.map((r) => JSON.parse(r.body) as Record<string, unknown>)).toContainEqual(
      expect.objectContaining({
        authorizationCodeSha256: createHash('sha256').update('AUTH-9').digest('hex'),
      }),
    );
  });

  it('MNP-5: an answer the API cannot take right now (503) is sent again until it is taken', async () => {
    await behave({});
    receiver.refuseNext(2, 503);
    const { clearingRef } = await clearing().submitPortIn(portIn());
    // Refused twice, then sent again 1 s and 2 s later, as a real clearing system retries.
    await vi.waitFor(() => expect(answersFor(clearingRef)).toHaveLength(1), { timeout: 15_000 });
    expect(answersFor(clearingRef)[0]).toMatchObject({
      event: 'portInAnswered',
      clearingRef,
      accepted: true,
    });
  });

  it('MNP-5: an answer not yet sent survives the simulators stopping: started again on the same database, they send it', async () => {
    await behave({ answerDelayMs: ANSWER_DELAY_MS });
    const req = portIn();
    const { clearingRef } = await clearing().submitPortIn(req);
    await sim.stop();
    expect(answersFor(clearingRef)).toEqual([]);
    sim = await start();
    await vi.waitFor(() => expect(answersFor(clearingRef)).toHaveLength(1), { timeout: 10_000 });
    expect(answersFor(clearingRef)[0]).toMatchObject({ accepted: true, orderId: req.recipientOrderId });
    // Idempotent across the restart: the same request is the same port-in.
    expect(await clearing().submitPortIn(req)).toEqual({ clearingRef });
  });
});
