import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import type { Activities } from '../../activities';
import { orderId } from '../../domain/orders';
import { graceEndsAt } from '../../domain/pre-cancellation';
import { resolveTimeSkippingServer } from '../../infra/time-skipping-server';
import {
  cancelOrderUpdate,
  orderStateQuery,
  type OrderState,
  type PreCancellationInput,
} from '../../workflows/contracts';
import { testWorkflowSettings } from '../support/fixtures';

/**
 * The pre-cancellation workflow with the real default grace of three calendar months, on Temporal's
 * time-skipping test server: the timer of months elapses in about a second, so the test proves that the
 * configured default, not a shortened one, ends in formal cancellation. Activities are mocked; the
 * integration tests cover what they do to the database and the HLR.
 */

const DAY_MS = 86_400_000;
let env: TestWorkflowEnvironment;
const workflowBundle = { code: readFileSync(inject('workflowBundlePath'), 'utf8') };

beforeAll(async () => {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: resolveTimeSkippingServer() } },
  });
});
afterAll(async () => env?.teardown());

function input(): PreCancellationInput {
  return {
    orderId: orderId('preCancellation', `ts-${randomBytes(8).toString('hex')}`),
    origin: { operatorId: 'manager01', channelCode: 'STORE-BJ-001' },
    requestHash: 'hash',
    // The defaults: 3 calendar months at UTC+8 (PRE_CANCEL_GRACE_SECONDS unset).
    settings: testWorkflowSettings(),
    request: {
      type: 'preCancellation',
      msisdn: '13900100001',
      leavingReason: 'moving abroad',
      retention: { offer: 'other brand', accepted: false },
      identity: {
        presentedBy: 'holder',
        idType: 'idCard',
        idNumber: '110101198001011234',
        originalShown: true,
      },
      payment: { method: 'cash' },
    },
  };
}

function mockActivities() {
  const calls: string[] = [];
  const record = (name: string) => calls.push(name);
  const acts: Partial<Activities> = {
    async recordOrderEvent() {},
    async assessPreCancellation() {
      record('assess');
      return {
        refusal: null,
        customerKind: 'individual',
        internationalRoaming: false,
        balanceFen: 3_000,
        arrearsFen: 0,
        averageBillFen: 6_000,
        extraDepositFen: 0,
        settlementFen: 0,
      };
    },
    async suspendForGrace() {
      record('suspend');
    },
    async restoreService() {
      record('restore');
    },
    async revokePreCancellation() {
      record('revoke');
    },
    async finalBalance() {
      record('finalBalance');
      return { balanceFen: 3_000 };
    },
    async refundOverpayment() {
      record('refundOverpayment');
      return { receiptNo: 'RCPT-TEST' };
    },
    async deprovisionSubscriber() {
      record('deprovision');
    },
    async closeLine() {
      record('closeLine');
      return { availableFrom: null };
    },
  };
  return { calls, acts };
}

describe('pre-cancellation on the time-skipping server', () => {
  it('PC-5: the default three-month grace elapses and formal cancellation runs', async () => {
    const { calls, acts } = mockActivities();
    const taskQueue = `ts-${randomBytes(4).toString('hex')}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle,
      activities: acts,
    });
    const startedAt = await env.currentTimeMs();
    const wf = input();

    const result = await worker.runUntil(
      env.client.workflow.execute<(i: PreCancellationInput) => Promise<OrderState>>(
        'preCancellationWorkflow',
        {
          workflowId: wf.orderId,
          taskQueue,
          args: [wf],
        },
      ),
    );

    const state = result;
    expect(state.status).toBe('completed');
    expect(state.summary.outcome).toBe('cancelledNumber');
    expect(calls).toEqual([
      'assess',
      'suspend',
      'finalBalance',
      'refundOverpayment',
      'deprovision',
      'closeLine',
    ]);
    const expectedEnd = graceEndsAt(new Date(Number(startedAt)), 3, 8);
    expect(state.summary.graceEndsAt).toBe(expectedEnd.toISOString());
    // The workflow's own clock: the final bill is settled when the grace ends, about 3 months after it began.
    const at = (step: string) => Date.parse(state.timeline.find((t) => t.step === step)?.at ?? '');
    const graceDays = (at('settlingFinalBill') - at('waitingForGraceEnd')) / DAY_MS;
    expect(graceDays).toBeGreaterThanOrEqual(88);
    expect(graceDays).toBeLessThanOrEqual(93);
    expect(at('settlingFinalBill')).toBeGreaterThanOrEqual(expectedEnd.getTime());
  });

  it('PC-6: two months into the grace the customer revokes; the line is restored and never cancelled', async () => {
    const { calls, acts } = mockActivities();
    const taskQueue = `ts-${randomBytes(4).toString('hex')}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle,
      activities: acts,
    });
    const wf = input();

    const state = await worker.runUntil(async () => {
      const handle = await env.client.workflow.start('preCancellationWorkflow', {
        workflowId: wf.orderId,
        taskQueue,
        args: [wf],
      });
      await vi.waitFor(
        async () => expect((await handle.query(orderStateQuery)).step).toBe('waitingForGraceEnd'),
        {
          timeout: 10_000,
          interval: 50,
        },
      );
      await env.sleep('60 days');
      return handle.executeUpdate(cancelOrderUpdate, {
        args: [{ actor: 'manager01', reason: 'customer stays' }],
      });
    });

    expect(state.status).toBe('cancelled');
    expect(state.summary.outcome).toBe('revoked');
    expect(calls).toContain('revoke');
    expect(calls).not.toContain('closeLine');
    expect(calls).not.toContain('deprovision');
  });
});
