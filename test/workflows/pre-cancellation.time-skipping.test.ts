import { randomBytes } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import type { Activities } from '../../activities';
import { graceEndsAt } from '../../domain/pre-cancellation';
import type { OrderState } from '../../workflows/contracts/orders-common';
import { orderSearchAttributes } from '../../workflows/contracts/search-attributes';
import {
  cancelOrderUpdate,
  formalCancellationUpdate,
  orderStateQuery,
  type FormalCancellationVisit,
  type PreCancellationInput,
} from '../../workflows/contracts/pre-cancellation';
import { testWorkflowSettings } from '../support/fixtures';
import { useTimeSkipping } from '../support/time-skipping';

/**
 * The pre-cancellation workflow with the real default grace of three calendar months and the default visit
 * period of 30 days, on Temporal's time-skipping test server: timers of months and days elapse in about a
 * second, so the tests prove that the configured defaults, not shortened ones, govern when the customer is
 * reminded and when the system cancels the line. Activities are mocked; the integration tests cover what
 * they do to the database, the HLR and the SMS gateway.
 */

const DAY_MS = 86_400_000;
const ts = useTimeSkipping();

function input(): PreCancellationInput {
  return {
    orderId: `PreCancel:STORE-BJ-001:ts-${randomBytes(8).toString('hex')}`,
    origin: { operatorId: 'manager01', channelCode: 'STORE-BJ-001' },
    requestHash: 'hash',
    // The defaults: 3 calendar months at UTC+8, then 30 days for the visit (no *_SECONDS overrides).
    settings: testWorkflowSettings('preCancellation'),
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

/** The holder at the counter with the original ID, taking any credit back in cash. */
const visit: Omit<FormalCancellationVisit, 'actor'> = {
  identity: { presentedBy: 'holder', idType: 'idCard', idNumber: '110101198001011234', originalShown: true },
  payment: { method: 'cash' },
};

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
    async remindGraceEnded() {
      record('remind');
    },
    async verifyVisitor() {
      record('verifyVisitor');
      return { refusal: null };
    },
    async finalBalance() {
      record('finalBalance');
      return { balanceFen: 3_000 };
    },
    async refundOverpayment() {
      record('refundOverpayment');
      return { receiptNo: 'RFND-TEST' };
    },
    async recordUnsettledBalance() {
      record('recordUnsettledBalance');
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

/** A worker of the real workflow on a task queue of its own, with mocked activities that record their calls. */
async function mockedWorker() {
  const { calls, acts } = mockActivities();
  return { calls, ...(await ts.workerWith(acts)) };
}

describe('pre-cancellation on the time-skipping server', () => {
  it('PC-5: the default three-month grace ends with service barred and a reminder; nobody comes in the default 30 days, so the system cancels the line and keeps the credit', async () => {
    const { calls, taskQueue, worker } = await mockedWorker();
    const startedAt = await ts.env().currentTimeMs();
    const wf = input();

    const state = await worker.runUntil(
      ts.env().client.workflow.execute<(i: PreCancellationInput) => Promise<OrderState>>(
        'preCancellationWorkflow',
        // Started as the API starts it, with its search attributes (the server knows them, see time-skipping.ts).
        { workflowId: wf.orderId, taskQueue, args: [wf], typedSearchAttributes: orderSearchAttributes(wf) },
      ),
    );

    expect(state.status).toBe('completed');
    expect(state.summary.outcome).toBe('cancelledWithoutVisit');
    expect(state.summary.finalBill).toEqual({ kind: 'refundDue', amountFen: 3_000 });
    expect(calls).toEqual([
      'assess',
      'suspend',
      'remind',
      'finalBalance',
      'recordUnsettledBalance',
      'deprovision',
      'closeLine',
    ]);
    const expectedEnd = graceEndsAt(new Date(Number(startedAt)), 3, 8);
    expect(state.summary.graceEndsAt).toBe(expectedEnd.toISOString());
    expect(state.summary.visitBy).toBe(new Date(expectedEnd.getTime() + 30 * DAY_MS).toISOString());
    // The workflow's own clock: the reminder goes out when the grace ends, about 3 months after it began,
    // and the line is cancelled 30 days after that, not before.
    const at = (step: string) => Date.parse(state.timeline.find((t) => t.step === step)?.at ?? '');
    const graceDays = (at('remindingCustomer') - at('waitingForGraceEnd')) / DAY_MS;
    expect(graceDays).toBeGreaterThanOrEqual(88);
    expect(graceDays).toBeLessThanOrEqual(93);
    expect(at('remindingCustomer')).toBeGreaterThanOrEqual(expectedEnd.getTime());
    const visitDays = (at('settlingFinalBill') - at('waitingForCustomerVisit')) / DAY_MS;
    expect(visitDays).toBeGreaterThanOrEqual(29.99);
    expect(visitDays).toBeLessThan(30.01);
  });

  it('PC-5: about ten days after the grace (100 days in) the customer comes in person; the credit is refunded at the counter and the line cancelled', async () => {
    const { calls, taskQueue, worker } = await mockedWorker();
    const wf = input();

    const state = await worker.runUntil(async () => {
      const handle = await ts
        .env()
        .client.workflow.start<(i: PreCancellationInput) => Promise<OrderState>>('preCancellationWorkflow', {
          workflowId: wf.orderId,
          taskQueue,
          args: [wf],
        });
      // Too early: during the grace the visit is refused and nothing happens.
      await vi.waitFor(
        async () => expect((await handle.query(orderStateQuery)).step).toBe('waitingForGraceEnd'),
        { timeout: 10_000, interval: 50 },
      );
      await expect(
        handle.executeUpdate(formalCancellationUpdate, { args: [{ ...visit, actor: 'manager01' }] }),
      ).rejects.toMatchObject({ cause: { type: 'NotAwaitingCustomerVisit' } });
      await ts.env().sleep('100 days');
      await vi.waitFor(
        async () => expect((await handle.query(orderStateQuery)).step).toBe('waitingForCustomerVisit'),
        { timeout: 10_000, interval: 50 },
      );
      const answered = await handle.executeUpdate(formalCancellationUpdate, {
        args: [{ ...visit, actor: 'manager01' }],
      });
      expect(answered.status).toBe('completed');
      return handle.result();
    });

    expect(state.status).toBe('completed');
    expect(state.summary.outcome).toBe('cancelledInPerson');
    expect(state.summary.finalBill).toEqual({
      kind: 'refund',
      amountFen: 3_000,
      method: 'cash',
      receiptNo: 'RFND-TEST',
    });
    expect(calls).toEqual([
      'assess',
      'suspend',
      'remind',
      'verifyVisitor',
      'finalBalance',
      'refundOverpayment',
      'deprovision',
      'closeLine',
    ]);
    expect(state.timeline.at(-1)).toMatchObject({ status: 'completed', actor: 'manager01' });
  });

  it('PC-6: two months into the grace the customer revokes; the line is restored and never cancelled, not even when the grace would have ended', async () => {
    const { calls, taskQueue, worker } = await mockedWorker();
    const wf = input();

    const state = await worker.runUntil(async () => {
      const handle = await ts.env().client.workflow.start('preCancellationWorkflow', {
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
      await ts.env().sleep('60 days');
      const revoked = await handle.executeUpdate(cancelOrderUpdate, {
        args: [{ actor: 'manager01', reason: 'customer stays' }],
      });
      // Past the end the three-month grace would have had.
      await ts.env().sleep('60 days');
      return revoked;
    });

    expect(state.status).toBe('cancelled');
    expect(state.summary.outcome).toBe('revoked');
    expect(calls).toContain('revoke');
    expect(calls).not.toContain('remind');
    expect(calls).not.toContain('closeLine');
    expect(calls).not.toContain('deprovision');
  });
});
