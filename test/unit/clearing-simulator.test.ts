import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ClearingSystemSimulator,
  donorRejections,
  type ClearingSimulationOptions,
} from '../../activities/adapters/clearing';
import { TransientOutsideError } from '../../activities/adapters/simulation';
import type { MnpCallback } from '../../domain/mnp-callbacks';

/** A random source that returns `values` in turn, then repeats the last one. */
const scripted = (...values: number[]) => {
  let i = 0;
  return () => values[Math.min(i++, values.length - 1)] ?? 0.99;
};

const portIn = (requestId = 'req-1', recipientOrderId = 'order-1') => ({
  requestId,
  msisdn: '13800138000',
  authorizationCode: 'AUTH-1234',
  recipientOrderId,
});

describe('MNP-5: clearing system simulator', () => {
  let delivered: MnpCallback[];
  let sim: ClearingSystemSimulator;
  const make = (options: Partial<ClearingSimulationOptions> = {}) => {
    sim = new ClearingSystemSimulator({
      latencyMs: 0,
      failureRate: 0,
      answerDelayMs: 1000,
      rejectRate: 0,
      lossRate: 0,
      random: scripted(0.99),
      now: () => new Date('2026-03-01T08:00:00Z'),
      deliver: async (cb) => {
        delivered.push(cb);
      },
      ...options,
    });
    return sim;
  };

  beforeEach(() => {
    delivered = [];
    vi.useFakeTimers();
  });
  afterEach(() => {
    sim?.stop();
    vi.useRealTimers();
  });

  it('MNP-5: the donor accepts asynchronously after the answer delay, with a proposed switch-over time', async () => {
    make();
    const { clearingRef } = await sim.submitPortIn(portIn());
    expect(clearingRef).toMatch(/^CLR-IN-/);
    await vi.advanceTimersByTimeAsync(999);
    expect(delivered).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(delivered).toEqual([
      {
        event: 'portInAnswered',
        clearingRef,
        orderId: 'order-1',
        accepted: true,
        switchOverAt: '2026-03-02T08:00:00.000Z',
      },
    ]);
  });

  it('MNP-5: a rejection carries the donor reason code and reason', async () => {
    // call ok, reject (0.1 < 0.5), reason index 0, not lost
    make({ rejectRate: 0.5, random: scripted(0.99, 0.1, 0, 0.99) });
    const { clearingRef } = await sim.submitPortIn(portIn());
    await vi.advanceTimersByTimeAsync(1000);
    expect(delivered).toEqual([
      {
        event: 'portInAnswered',
        clearingRef,
        orderId: 'order-1',
        accepted: false,
        reasonCode: donorRejections[0].reasonCode,
        reason: donorRejections[0].reason,
      },
    ]);
  });

  it('MNP-5: a lost answer delivers nothing; re-submitting the same request recovers it', async () => {
    // first: call ok, accept, lost (0.1 < 0.5); second: call ok, not lost
    make({ lossRate: 0.5, random: scripted(0.99, 0.99, 0.1, 0.99, 0.99) });
    const first = await sim.submitPortIn(portIn());
    await vi.advanceTimersByTimeAsync(5000);
    expect(delivered).toEqual([]);
    const again = await sim.submitPortIn(portIn());
    expect(again.clearingRef).toBe(first.clearingRef);
    await vi.advanceTimersByTimeAsync(1000);
    expect(delivered).toHaveLength(1);
    expect(delivered[0]).toMatchObject({ clearingRef: first.clearingRef, accepted: true });
  });

  it('MNP-5: every call is idempotent per requestId', async () => {
    make();
    const a = await sim.submitPortIn(portIn('req-1'));
    const b = await sim.submitPortIn(portIn('req-1'));
    expect(b).toEqual(a);
    expect(sim.portIns.size).toBe(1);
    const other = await sim.submitPortIn(portIn('req-2', 'order-2'));
    expect(other.clearingRef).not.toBe(a.clearingRef);

    await sim.answerPortOut({ requestId: 'ans-1', clearingRef: 'CLR-OUT-9', accept: true });
    await sim.answerPortOut({ requestId: 'ans-1', clearingRef: 'CLR-OUT-9', accept: false, reasonCode: 'X' });
    expect(sim.portOutAnswers.get('ans-1')).toEqual({ clearingRef: 'CLR-OUT-9', accept: true });

    await sim.cancelPortIn({ requestId: 'cancel-1', clearingRef: a.clearingRef });
    await sim.cancelPortIn({ requestId: 'cancel-1', clearingRef: a.clearingRef });
    expect(sim.cancellations.size).toBe(1);
    await vi.advanceTimersByTimeAsync(1000);
    // The cancelled port-in's answers are not sent; the other one's is.
    expect(delivered.map((d) => d.clearingRef)).toEqual([other.clearingRef]);
  });

  it('MNP-5: the decision is made once per clearingRef and re-sent unchanged', async () => {
    // first submission rejects; later random values would accept, but the decision stays
    make({ rejectRate: 0.5, random: scripted(0.99, 0.1, 0.3, 0.99, 0.99, 0.99, 0.99, 0.99) });
    await sim.submitPortIn(portIn());
    await vi.advanceTimersByTimeAsync(1000);
    await sim.submitPortIn(portIn());
    await vi.advanceTimersByTimeAsync(1000);
    await sim.submitPortIn(portIn());
    await vi.advanceTimersByTimeAsync(1000);
    expect(delivered).toHaveLength(3);
    expect(delivered[1]).toEqual(delivered[0]);
    expect(delivered[2]).toEqual(delivered[0]);
    expect(delivered[0]).toMatchObject({ accepted: false, reasonCode: donorRejections[1].reasonCode });
  });

  it('MNP-5: transient call errors are thrown per failureRate and change nothing', async () => {
    make({ failureRate: 0.5, random: scripted(0.1, 0.99) });
    await expect(sim.submitPortIn(portIn())).rejects.toBeInstanceOf(TransientOutsideError);
    expect(sim.portIns.size).toBe(0);
    await vi.advanceTimersByTimeAsync(1000);
    expect(delivered).toEqual([]);
    await expect(sim.submitPortIn(portIn())).resolves.toMatchObject({ clearingRef: 'CLR-IN-1' });
  });

  it('MNP-5: another operator asking for our number delivers a portOutRequested callback', async () => {
    make();
    const { clearingRef } = await sim.requestPortOut({
      msisdn: '13900100021',
      authorizationCode: 'AUTH-9',
      recipientOperator: 'CUCC',
    });
    expect(delivered).toEqual([
      {
        event: 'portOutRequested',
        clearingRef,
        msisdn: '13900100021',
        authorizationCode: 'AUTH-9',
        recipientOperator: 'CUCC',
      },
    ]);
  });

  it('MNP-5: stop() cancels answers not yet sent', async () => {
    make();
    await sim.submitPortIn(portIn());
    sim.stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(delivered).toEqual([]);
  });
});
