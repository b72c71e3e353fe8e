import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Activities } from '../../activities';
import { withTrackedMoves } from '../../activities/tracked';
import type { OrderMoves, OrderProjection } from '../../domain/orders';
import { cancelOrderUpdate, type OrderState } from '../../workflows/contracts/orders-common';
import type { PreCancellationInput } from '../../workflows/contracts/pre-cancellation';
import { useDevServerWorkers } from '../support/dev-server-workers';
import { testWorkflowSettings } from '../support/fixtures';

/**
 * The pre-cancellation workflow against the shared Temporal dev server with its activities mocked: a cancel sent
 * while its quick steps (local activities) run, which the workflow hears only once the task running them ends.
 */

function input(): PreCancellationInput {
  return {
    orderId: `PreCancel:STORE-BJ-001:wf-${randomBytes(8).toString('hex')}`,
    origin: { operatorId: 'manager01', channelCode: 'STORE-BJ-001' },
    requestHash: 'hash',
    settings: testWorkflowSettings('preCancellation'),
    request: {
      type: 'preCancellation',
      msisdn: '13900100002',
      leavingReason: 'moving abroad',
      retention: { offer: 'other brand', accepted: false },
      identity: {
        presentedBy: 'holder',
        idType: 'idCard',
        idNumber: '110101198502022345',
        originalShown: true,
      },
      payment: { method: 'cash' },
    },
  };
}

describe('pre-cancellation workflow with mocked activities', () => {
  const server = useDevServerWorkers();

  it('ORD-6, PC-4: a cancel sent while assessing and the cash deposit run is a cancel before the grace: the line is restored and the deposit refunded, not kept as a revocation would', async () => {
    const wf = input();
    const calls: string[] = [];
    // The timeline as the read model orders it: by line number (writes in flight at once may land either way).
    const lines = new Map<number, string>();
    let assessing = (): void => undefined;
    const assessStarted = new Promise<void>((resolve) => (assessing = resolve));
    let release = (): void => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    const acts: Partial<Activities> = {
      async recordOrderEvent(moves: OrderMoves) {
        for (const m of ([] as OrderProjection[]).concat(moves))
          lines.set(m.event.seq, `${m.status}${m.step ? `/${m.step}` : ''}`);
      },
      // Assessing (a local activity) holds until the cancel has been sent.
      async assessPreCancellation() {
        calls.push('assess');
        assessing();
        await released;
        return {
          refusal: null,
          customerKind: 'individual',
          internationalRoaming: true,
          balanceFen: 10_000,
          arrearsFen: 0,
          averageBillFen: 4_000,
          extraDepositFen: 50_000,
          settlementFen: 50_000,
        };
      },
      async chargePayment() {
        calls.push('charge');
        return { receiptNo: 'RCPT-TEST', bankRef: null };
      },
      async suspendForGrace() {
        calls.push('suspend');
      },
      async restoreService() {
        calls.push('restore');
      },
      async refundPayment() {
        calls.push('refund');
      },
      async revokePreCancellation() {
        calls.push('revoke');
      },
    };
    const registered = withTrackedMoves(
      acts as Record<string, (input: never) => Promise<unknown>>,
      (moves: OrderMoves) => acts.recordOrderEvent?.(moves) ?? Promise.resolve(),
    );
    const taskQueue = server.taskQueue();
    const worker = await server.worker(taskQueue, registered);

    const state = await worker.runUntil(async () => {
      const handle = await server.client().workflow.start('preCancellationWorkflow', {
        workflowId: wf.orderId,
        taskQueue,
        args: [wf],
        workflowExecutionTimeout: '30s',
      });
      await assessStarted;
      const cancelled = handle.executeUpdate(cancelOrderUpdate, {
        args: [{ actor: 'manager01', reason: 'customer changed their mind' }],
      });
      // The cancel is with the server before assessing ends.
      await new Promise((r) => setTimeout(r, 300));
      release();
      await cancelled;
      return (await handle.result()) as OrderState;
    });

    expect(state.status).toBe('cancelled');
    expect(state.summary.outcome).toBeUndefined();
    // Heard after the first task (suspending was scheduled in it), honoured when suspending ended: both undone,
    // in reverse order; no revocation.
    expect(calls).toEqual(['assess', 'charge', 'suspend', 'restore', 'refund']);
    const timeline = [...lines.entries()].sort(([a], [b]) => a - b).map(([, line]) => line);
    expect(timeline).toEqual([
      'acknowledged',
      'inProgress/assessing',
      'inProgress/settling',
      'inProgress/suspending',
      'assessingCancellation/suspending',
      'pendingCancellation',
      'cancelled',
    ]);
  });
});
