import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  BbossSimulator,
  bbossMemberRejection,
  bbossRejections,
  type BbossOrderSubmission,
  type BbossSimulationOptions,
} from '../../activities/adapters/bboss';
import type { BbossCallback } from '../../domain/bboss-callbacks';

/** A random source that returns `values` in turn, then repeats the last one. */
const scripted = (...values: number[]) => {
  let i = 0;
  return () => values[Math.min(i++, values.length - 1)] ?? 0.99;
};

const order = (requestId = 'GroupOpen:k-1:bboss', overrides: Partial<BbossOrderSubmission> = {}) => ({
  requestId,
  orderId: 'GroupOpen:k-1',
  action: 'open' as const,
  groupCode: '1000000001',
  productCode: 'HDJ',
  tariffCode: 'HDJ-10',
  tariffNeedsApproval: false,
  ...overrides,
});

describe('GRP-4: BBOSS simulator', () => {
  let delivered: BbossCallback[];
  let sim: BbossSimulator;
  const make = (options: Partial<BbossSimulationOptions> = {}) => {
    sim = new BbossSimulator({
      latencyMs: 0,
      failureRate: 0,
      answerDelayMs: 1_000,
      approvalExtraDelayMs: 5_000,
      rejectRate: 0,
      lossRate: 0,
      memberRejectRate: 0,
      random: scripted(0.99),
      deliver: async (cb) => {
        delivered.push(cb);
      },
      ...options,
    });
    return sim;
  };

  beforeEach(() => {
    delivered = [];
    vi.useFakeTimers({ now: new Date('2026-03-01T08:00:00Z') });
  });
  afterEach(() => {
    sim?.stop();
    vi.useRealTimers();
  });

  it('GRP-4: an order is accepted at once and answered by callback after the delay', async () => {
    make();
    const { bbossRef } = await sim.submitOrder(order());
    expect(bbossRef).toMatch(/^BBOSS-\d{8}$/);
    await vi.advanceTimersByTimeAsync(999);
    expect(delivered).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(delivered).toEqual([
      {
        event: 'orderAnswered',
        bbossRef,
        orderId: 'GroupOpen:k-1',
        outcome: 'completed',
        answeredAt: '2026-03-01T08:00:01.000Z',
      },
    ]);
  });

  it('GRP-4: the decision is made once per requestId; re-submitting is the same BBOSS order', async () => {
    // first submission: call ok, rejected (0.1 < 0.5), reason index 1 (0.4 * 3), not lost; later values would accept
    make({ rejectRate: 0.5, random: scripted(0.99, 0.1, 0.4, 0.99) });
    const first = await sim.submitOrder(order());
    const again = await sim.submitOrder(order());
    expect(again).toEqual(first);
    expect(sim.orders.size).toBe(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(delivered).toHaveLength(1);
    expect(delivered[0]).toMatchObject({
      bbossRef: first.bbossRef,
      outcome: 'rejected',
      reasonCode: bbossRejections[1].reasonCode,
      reason: bbossRejections[1].reason,
    });
    await expect(sim.queryOrder(first)).resolves.toEqual({ state: 'answered', answer: delivered[0] });

    const other = await sim.submitOrder(order('GroupOpen:k-2:bboss', { orderId: 'GroupOpen:k-2' }));
    expect(other.bbossRef).not.toBe(first.bbossRef);
  });

  it('GRP-4: a lost callback is never delivered, but queryOrder tells the answer once the delay has passed', async () => {
    // call ok, not rejected, lost (0.1 < 0.5)
    make({ lossRate: 0.5, random: scripted(0.99, 0.99, 0.1, 0.99) });
    const { bbossRef } = await sim.submitOrder(order());
    await expect(sim.queryOrder({ bbossRef })).resolves.toEqual({ state: 'processing', bbossRef });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(delivered).toEqual([]);
    await expect(sim.queryOrder({ bbossRef })).resolves.toMatchObject({
      state: 'answered',
      answer: { bbossRef, orderId: 'GroupOpen:k-1', outcome: 'completed' },
    });
    await expect(sim.queryOrder({ bbossRef: 'BBOSS-99999999' })).resolves.toEqual({
      state: 'unknown',
      bbossRef: 'BBOSS-99999999',
    });
  });

  it('GRP-3, GRP-4: a tariff that needs approval is answered after the extra approval delay', async () => {
    make();
    const { bbossRef } = await sim.submitOrder(order(undefined, { tariffNeedsApproval: true }));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(delivered).toEqual([]);
    await expect(sim.queryOrder({ bbossRef })).resolves.toEqual({ state: 'processing', bbossRef });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(delivered).toHaveLength(1);
    expect(delivered[0]).toMatchObject({ outcome: 'completed', answeredAt: '2026-03-01T08:00:06.000Z' });
  });

  it('GRP-6, GRP-8: member changes are answered at once and remembered per requestId', async () => {
    // call ok; first add refused (0.1 < 0.5), second add accepted; the repeat would accept everyone
    make({ memberRejectRate: 0.5, random: scripted(0.99, 0.1, 0.99) });
    const req = {
      requestId: 'MemberBatch:b-1:chunk:0',
      groupCode: '1000000001',
      productCode: 'HDJ',
      changes: [
        { action: 'add' as const, msisdn: '13900200001', attributes: { displayName: 'A' } },
        { action: 'add' as const, msisdn: '13900200002', attributes: { displayName: 'B' } },
        { action: 'delete' as const, msisdn: '13900200003' },
      ],
    };
    const first = await sim.syncMembers(req);
    expect(first.results).toEqual([
      { msisdn: '13900200001', accepted: false, ...bbossMemberRejection },
      { msisdn: '13900200002', accepted: true },
      { msisdn: '13900200003', accepted: true },
    ]);
    const again = await sim.syncMembers(req);
    expect(again).toEqual(first);
    expect(sim.appliedMemberChanges.map((c) => `${c.action}:${c.msisdn}`)).toEqual([
      'add:13900200002',
      'delete:13900200003',
    ]);
  });
});
