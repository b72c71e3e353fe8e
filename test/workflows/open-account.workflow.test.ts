import { randomBytes } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import type { Activities } from '../../activities';
import { withTrackedMoves } from '../../activities/tracked';
import { errorCatalogue } from '../../domain/errors';
import { quoteOpenAccount } from '../../domain/open-account';
import type { OrderProjection } from '../../domain/orders';
import { orderId } from '../../workflows/contracts/orders';
import type { OpenAccountInput } from '../../workflows/contracts/open-account';
import { cancelOrderUpdate, type OrderState } from '../../workflows/contracts/orders-common';
import {
  sampleEnterprise as enterprise,
  sampleIndividual as individual,
  testWorkflowSettings,
} from '../support/fixtures';
import { useDevServerWorkers } from '../support/dev-server-workers';

/**
 * The account-opening workflow against the shared Temporal dev server, with every activity mocked: what the
 * workflow decides (order of steps, undos, final status and reason) without a database or simulators.
 */

function inputFor(overrides: Partial<OpenAccountInput['request']> = {}): OpenAccountInput {
  const id = orderId('openAccount', 'STORE-BJ-001', `wf-${randomBytes(8).toString('hex')}`);
  return {
    orderId: id,
    origin: { operatorId: 'store01', channelCode: 'STORE-BJ-001' },
    requestHash: 'hash-of-the-request',
    settings: testWorkflowSettings('openAccount'),
    request: {
      type: 'openAccount',
      customer: individual,
      msisdn: '13800100088',
      productCode: 'VOICE-58',
      internationalRoaming: false,
      payment: { method: 'cash' },
      ...overrides,
    },
  };
}

/** Mocked activities that succeed, record each call by name, and capture every projection written. */
function mockActivities(overrides: Partial<Activities> = {}) {
  const calls: string[] = [];
  const projections: OrderProjection[] = [];
  const acts: Partial<Activities> = {
    async recordOrderEvent(moves) {
      projections.push(...('event' in moves ? [moves] : moves));
    },
    async preemptResources(input) {
      calls.push('preemptResources');
      return {
        msisdn: input.msisdn ?? '13800100001',
        selectionFeeFen: 10_000,
        iccid: '89860000000000000001',
        imsi: '460000000000001',
      };
    },
    async releaseResources() {
      calls.push('releaseResources');
      return { numbers: 1, sims: 1 };
    },
    async commitResources() {
      calls.push('commitResources');
    },
    async tidyExpiredPreemptions() {
      calls.push('tidyExpiredPreemptions');
      return { numbers: 0, sims: 0, reservations: 0, cooldowns: 0 };
    },
    async preEnterCustomer() {
      calls.push('preEnterCustomer');
      return { customerId: 'CUST-1' };
    },
    async commitCustomer() {
      calls.push('commitCustomer');
    },
    async discardCustomer() {
      calls.push('discardCustomer');
    },
    async quoteOpenAccount(input) {
      calls.push('quoteOpenAccount');
      return quoteOpenAccount({
        ...input,
        product: {
          code: input.productCode,
          name: '58 元语音套餐',
          simFeeFen: 2_000,
          depositFen: 10_000,
          monthlyFeeFen: 5_800,
        },
        roamingDepositFen: 50_000,
      });
    },
    async verifyBankAccount() {
      calls.push('verifyBankAccount');
      return { valid: true };
    },
    async chargePayment() {
      calls.push('chargePayment');
      return { receiptNo: 'RCPT-1', bankRef: null };
    },
    async refundPayment() {
      calls.push('refundPayment');
    },
    async provisionSubscriber() {
      calls.push('provisionSubscriber');
      return { hlrRef: 'HLR-1' };
    },
    async deprovisionSubscriber() {
      calls.push('deprovisionSubscriber');
    },
  };
  for (const [name, fn] of Object.entries(overrides)) {
    // Overrides still record their call, so order assertions see them.
    const run = fn as (...args: unknown[]) => Promise<unknown>;
    (acts as Record<string, unknown>)[name] = async (...args: unknown[]) => {
      calls.push(name);
      return run(...args);
    };
  }
  return { acts, calls, projections };
}

/**
 * The mocks as the workers register activities: each also writes the move of the step it does, through the
 * mocked `recordOrderEvent` (activities/tracked.ts), so `projections` sees every move.
 */
function asRegistered(acts: Partial<Activities>) {
  const record = acts.recordOrderEvent ?? (async () => undefined);
  return withTrackedMoves(acts as Record<string, (input: never) => Promise<unknown>>, record);
}

const undoNames = ['releaseResources', 'discardCustomer', 'refundPayment', 'deprovisionSubscriber'];

describe('account-opening workflow with mocked activities', () => {
  const server = useDevServerWorkers();

  /** Runs one order to its end on a worker of its own task queue, and shuts the worker down. */
  async function runOrder(input: OpenAccountInput, acts: Partial<Activities>): Promise<OrderState> {
    const taskQueue = server.taskQueue();
    const worker = await server.worker(taskQueue, asRegistered(acts));
    return worker.runUntil(
      server.client().workflow.execute('openAccountWorkflow', {
        workflowId: input.orderId,
        taskQueue,
        args: [input],
        workflowExecutionTimeout: '30s',
      }),
    ) as Promise<OrderState>;
  }

  it('ORD-5: a provisioning failure undoes de-provision, refund, customer and resources in reverse order', async () => {
    const { acts, calls } = mockActivities({
      provisionSubscriber: async () => {
        throw ApplicationFailure.create({
          type: 'ProvisioningFailed',
          message: 'HLR rejected the subscriber',
          nonRetryable: true,
        });
      },
    });
    const order = await runOrder(inputFor(), acts);

    expect(order.status).toBe('failed');
    expect(order.failure).toEqual({
      code: 'ProvisioningFailed',
      message: 'HLR rejected the subscriber',
      reason: errorCatalogue.ProvisioningFailed.zh,
    });
    expect(order.failure?.reason).toBe('开通（HLR/HSS）失败');
    expect(calls.filter((c) => undoNames.includes(c))).toEqual([
      'deprovisionSubscriber',
      'refundPayment',
      'discardCustomer',
      'releaseResources',
    ]);
    // The undos come after the failed step, each once; nothing is committed.
    expect(calls.indexOf('deprovisionSubscriber')).toBeGreaterThan(calls.indexOf('provisionSubscriber'));
    expect(calls).not.toContain('commitResources');
    expect(calls.filter((c) => c === 'provisionSubscriber')).toHaveLength(1);
    expect(order.timeline.at(-1)).toMatchObject({
      status: 'failed',
      actor: 'system',
      reason: 'HLR rejected the subscriber',
    });
  });

  it('OPEN-3: an enterprise customer with a blank business licence is rejected before any resource is touched', async () => {
    const { acts, calls, projections } = mockActivities();
    // Built directly, not through the API schema: the workflow must check again (any client may start it).
    const order = await runOrder(inputFor({ customer: { ...enterprise, businessLicenceNo: '   ' } }), acts);

    expect(order.status).toBe('rejected');
    expect(order.failure).toMatchObject({
      code: 'IncompleteCustomerData',
      reason: '客户资料不完整：businessLicenceNo',
    });
    expect(order.failure?.message).toContain('businessLicenceNo');
    expect(calls).toEqual([]);
    expect(projections.map((p) => p.status)).toEqual(['acknowledged', 'rejected']);
    expect(projections.at(-1)?.failure?.code).toBe('IncompleteCustomerData');
  });

  it('ORD-2, ORD-4, ORD-1: the happy path records a numbered timeline from the operator to completion', async () => {
    const { acts, calls, projections } = mockActivities();
    const input = inputFor({ internationalRoaming: true });
    const order = await runOrder(input, acts);

    expect(order.status).toBe('completed');
    expect(order.failure).toBeNull();
    expect(projections.map((p) => p.event.seq)).toEqual(projections.map((_, i) => i));
    expect(projections.map((p) => `${p.status}${p.step ? `/${p.step}` : ''}`)).toEqual([
      'acknowledged',
      'inProgress/preemptingResources',
      'inProgress/quoting',
      'inProgress/preEnteringCustomer',
      'inProgress/charging',
      'inProgress/committingCustomer',
      'inProgress/provisioning',
      'inProgress/committingResources',
      'completed',
    ]);
    expect(projections[0]?.event).toMatchObject({
      seq: 0,
      actor: 'store01',
      reason: 'order received',
    });
    expect(projections.at(-1)?.event).toMatchObject({ actor: 'system', reason: 'account opened' });
    for (const p of projections) {
      expect(p).toMatchObject({
        id: input.orderId,
        type: 'openAccount',
        origin: { operatorId: 'store01', channelCode: 'STORE-BJ-001' },
        requestHash: 'hash-of-the-request',
      });
      expect(Number.isNaN(Date.parse(p.event.at))).toBe(false);
    }
    const times = projections.map((p) => p.event.at);
    expect([...times].sort()).toEqual(times);
    expect(order.timeline).toHaveLength(projections.length);

    // OPEN-4: the quote is on the order: 20 + 100 + 100 (…88) + 500 roaming = 720 yuan.
    expect(order.summary).toMatchObject({
      msisdn: '13800100088',
      iccid: '89860000000000000001',
      receiptNo: 'RCPT-1',
      quote: { totalFen: 72_000 },
    });
    expect(calls.filter((c) => undoNames.includes(c))).toEqual([]);
    expect(calls).toEqual([
      'preemptResources',
      'quoteOpenAccount',
      'preEnterCustomer',
      'chargePayment',
      'commitCustomer',
      'provisionSubscriber',
      'commitResources',
    ]);
  });

  const corporatePayment = {
    method: 'corporateAccount',
    bankAccountNo: '6222000011112222',
    sealCardNo: 'SEAL-1',
  } as const;

  it('OPEN-4, OPEN-5: an enterprise’s corporate account is verified with the bank before the quote, and then no deposit is charged', async () => {
    const checks: unknown[] = [];
    const { acts, calls, projections } = mockActivities({
      verifyBankAccount: async (check: unknown) => {
        checks.push(check);
        return { valid: true };
      },
    });
    const order = await runOrder(inputFor({ customer: enterprise, payment: corporatePayment }), acts);

    expect(order.status).toBe('completed');
    expect(checks).toEqual([
      {
        kind: 'corporate',
        accountNo: '6222000011112222',
        unitCertificateNo: enterprise.unitCertificateNo,
        businessLicenceNo: enterprise.businessLicenceNo,
        sealCardNo: 'SEAL-1',
      },
    ]);
    expect(calls.slice(0, 4)).toEqual([
      'preemptResources',
      'verifyBankAccount',
      'quoteOpenAccount',
      'preEnterCustomer',
    ]);
    expect(projections.map((p) => p.step).filter(Boolean)).toContain('verifyingBankAccount');
    const quote = order.summary.quote as { lines: { item: string; amountFen: number }[] };
    expect(quote.lines.find((l) => l.item === 'deposit')?.amountFen).toBe(0);
  });

  it('OPEN-5: a corporate account the bank does not vouch for rejects the order, releases the resources and charges nothing', async () => {
    const { acts, calls } = mockActivities({
      verifyBankAccount: async () => ({ valid: false, reason: 'sealCardMismatch' }),
    });
    const order = await runOrder(inputFor({ customer: enterprise, payment: corporatePayment }), acts);

    expect(order.status).toBe('rejected');
    expect(order.failure).toMatchObject({
      code: 'CorporateAccountNotVerified',
      reason: errorCatalogue.CorporateAccountNotVerified.zh,
    });
    expect(order.failure?.message).toContain('seal card');
    expect(order.failure?.message).not.toContain('6222000011112222');
    expect(calls).toEqual(['preemptResources', 'verifyBankAccount', 'releaseResources']);
  });

  it('OPEN-5: a bank card is checked with its holder’s ID; another holder’s ID rejects the order with BankCardHolderMismatch', async () => {
    const checks: unknown[] = [];
    const { acts, calls } = mockActivities({
      verifyBankAccount: async (check: unknown) => {
        checks.push(check);
        return { valid: false, reason: 'holderMismatch' };
      },
    });
    const payment = {
      method: 'bankCard',
      cardNo: '6222021234567890',
      holderIdNumber: '110101196001011234',
    } as const;
    const order = await runOrder(inputFor({ payment }), acts);

    expect(checks).toEqual([
      { kind: 'card', accountNo: '6222021234567890', holderIdNumber: '110101196001011234' },
    ]);
    expect(order.status).toBe('rejected');
    expect(order.failure).toMatchObject({
      code: 'BankCardHolderMismatch',
      reason: errorCatalogue.BankCardHolderMismatch.zh,
    });
    expect(calls).not.toContain('chargePayment');
    expect(calls.at(-1)).toBe('releaseResources');
  });

  it('OPEN-4: an individual paying from a corporate account is rejected before any resource is touched (the workflow checks again)', async () => {
    const { acts, calls } = mockActivities();
    // Built directly, not through the API schema: any client may start the workflow.
    const order = await runOrder(inputFor({ payment: corporatePayment }), acts);

    expect(order.status).toBe('rejected');
    expect(order.failure).toMatchObject({
      code: 'CorporateAccountEnterpriseOnly',
      reason: errorCatalogue.CorporateAccountEnterpriseOnly.zh,
    });
    expect(order.failure?.message).toContain('enterprise customers only');
    expect(calls).toEqual([]);
  });

  it('ORD-5, OPEN-2: a failed pre-emption ends failed with its code, releases the hold and charges nothing', async () => {
    const { acts, calls } = mockActivities({
      preemptResources: async () => {
        throw ApplicationFailure.create({
          type: 'NumberUnavailable',
          message: 'Number 13800100088 is not available (taken or unknown)',
          nonRetryable: true,
        });
      },
    });
    const order = await runOrder(inputFor(), acts);

    expect(order.status).toBe('failed');
    expect(order.failure).toEqual({
      code: 'NumberUnavailable',
      message: 'Number 13800100088 is not available (taken or unknown)',
      reason: '号码不可用（已被占用或不存在）',
    });
    expect(calls).toEqual(['preemptResources', 'releaseResources']);
    expect(calls).not.toContain('chargePayment');
  });
  it('ORD-6: a cancel sent while a cash opening’s quick steps run is honoured before provisioning, and all done so far is undone', async () => {
    const input = inputFor();
    let quoting = (): void => undefined;
    const quoteStarted = new Promise<void>((resolve) => (quoting = resolve));
    let release = (): void => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    const { acts: base } = mockActivities();
    const { acts, calls } = mockActivities({
      // Quoting (a local activity) holds until the cancel has been sent: the cancel reaches the workflow only
      // once the task running the quick steps has ended.
      quoteOpenAccount: async (quoteInput: Parameters<Activities['quoteOpenAccount']>[0]) => {
        quoting();
        await released;
        return base.quoteOpenAccount!(quoteInput);
      },
    });
    const taskQueue = server.taskQueue();
    const worker = await server.worker(taskQueue, asRegistered(acts));
    const result = await worker.runUntil(async () => {
      const handle = await server.client().workflow.start('openAccountWorkflow', {
        workflowId: input.orderId,
        taskQueue,
        args: [input],
        workflowExecutionTimeout: '30s',
      });
      await quoteStarted;
      const cancelled = handle.executeUpdate(cancelOrderUpdate, {
        args: [{ actor: 'store01', reason: 'customer changed their mind' }],
      });
      // The cancel is with the server before quoting ends.
      await new Promise((r) => setTimeout(r, 300));
      release();
      await cancelled;
      return (await handle.result()) as OrderState;
    });

    expect(result.status).toBe('cancelled');
    expect(calls).not.toContain('provisionSubscriber');
    // What the quick steps did is undone in reverse order: the cash refunded, the customer discarded, the
    // number and SIM released.
    expect(calls.filter((c) => undoNames.includes(c))).toEqual([
      'refundPayment',
      'discardCustomer',
      'releaseResources',
    ]);
  });
});
