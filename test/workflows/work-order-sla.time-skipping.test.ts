import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker, type WorkflowBundle } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slaDueDates } from '../../domain/sla';
import type { WorkOrderPriority, WorkOrderState } from '../../domain/work-orders';
import { resolveTimeSkippingServer } from '../../infra/time-skipping-server';
import type { WorkflowSettings } from '../../domain/workflow-settings';
import { testWorkflowSettings } from '../support/fixtures';
import {
  slaBreachesQuery,
  slaProgressSignal,
  slaWatchTestWorkflow,
  type SlaBreachSeen,
} from './sla-watch.workflow';

/**
 * The SLA watch (REQ: WO-6) on Temporal's time-skipping test server, through a test-only workflow that runs
 * it over a work order the test steers: targets of hours on the real business calendar (9-18 at UTC+8,
 * weekends, a holiday) pass in seconds, and the workflow's own clock says when each breach was reported.
 */

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const CST = 8 * HOUR;

const quiet = () => undefined;
const quietLogger = {
  log: quiet,
  trace: quiet,
  debug: quiet,
  info: quiet,
  warn: quiet,
  error: console.error,
};

let env: TestWorkflowEnvironment;
let workflowBundle: WorkflowBundle;

beforeAll(async () => {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  [env, workflowBundle] = await Promise.all([
    TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: 'existing-path', path: resolveTimeSkippingServer() } },
    }),
    bundleWorkflowCode({
      workflowsPath: fileURLToPath(new URL('./sla-watch.workflow.ts', import.meta.url)),
      logger: quietLogger,
    }),
  ]);
});
afterAll(async () => env?.teardown());

/** The first Friday 17:00 Beijing time at least a minute after `afterMs`. */
function nextFriday5pm(afterMs: number): Date {
  for (let day = Math.floor((afterMs + CST) / DAY); ; day += 1) {
    const at = day * DAY + 17 * HOUR - CST;
    if (new Date(day * DAY).getUTCDay() === 5 && at > afterMs + MINUTE) return new Date(at);
  }
}

/** The business date ('YYYY-MM-DD', UTC+8) `days` after an instant's. */
const businessDatePlus = (instant: Date, days: number): string =>
  new Date(instant.getTime() + CST + days * DAY).toISOString().slice(0, 10);

function workOrder(
  createdAt: Date,
  settings: WorkflowSettings['workOrder'],
  priority: WorkOrderPriority = 'P2',
): WorkOrderState {
  const due = slaDueDates(priority, createdAt, settings);
  return {
    id: `WorkOrder:ts-${randomBytes(6).toString('hex')}`,
    kind: 'standard',
    source: 'staff',
    category: 'broadbandRepair',
    greenChannelType: null,
    priority,
    status: 'outletAssigned',
    title: '宽带无法上网 Broadband down',
    description: 'No connection since the morning',
    customer: { name: '张三', msisdn: '13900100005' },
    vip: false,
    city: 'Beijing',
    territory: 'Xicheng',
    requiredSkill: null,
    outletCode: 'OUT-BJ-XD',
    assigneeId: null,
    appointment: null,
    result: null,
    commitments: [],
    createdBy: 'store01',
    channelCode: 'STORE-BJ-001',
    createdAt: createdAt.toISOString(),
    sla: {
      ...due,
      respondedAt: null,
      resolvedAt: null,
      responseBreached: false,
      resolutionBreached: false,
    },
    events: 1,
  };
}

async function newWorker(): Promise<{ worker: Worker; taskQueue: string }> {
  const taskQueue = `sla-${randomBytes(4).toString('hex')}`;
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle });
  return { worker, taskQueue };
}

/** Lets the test server's clock run (skipping) until `at`. */
async function skipTo(at: number): Promise<void> {
  const now = Number(await env.currentTimeMs());
  if (at > now) await env.sleep(at - now);
}

describe('SLA watch on the time-skipping server', () => {
  it('WO-6: an SLA breach across a weekend and a holiday fires at the right instant', async () => {
    const friday = nextFriday5pm(Number(await env.currentTimeMs()));
    const monday = businessDatePlus(friday, 3);
    const settings = testWorkflowSettings('workOrder', { WO_HOLIDAYS: monday }).workOrder;
    await skipTo(friday.getTime());
    const wo = workOrder(friday, settings);
    // P2 = 120 / 960 working minutes from Friday 17:00 (9-18, Monday a holiday):
    // response 60 on Friday + 60 on Tuesday; resolution 60 + 540 (Tuesday) + 360 (Wednesday).
    const tuesday10am = friday.getTime() + 3 * DAY + 17 * HOUR;
    const wednesday3pm = friday.getTime() + 4 * DAY + 22 * HOUR;
    expect(Date.parse(wo.sla.responseDueAt ?? '')).toBe(tuesday10am);
    expect(Date.parse(wo.sla.resolutionDueAt ?? '')).toBe(wednesday3pm);
    const { worker, taskQueue } = await newWorker();

    const { beforeDue, breaches } = await worker.runUntil(async () => {
      const handle = await env.client.workflow.start(slaWatchTestWorkflow, {
        workflowId: wo.id,
        taskQueue,
        args: [{ workOrder: wo, settings }],
      });
      // Through the weekend, the holiday and Tuesday morning up to 09:59: no breach yet.
      await skipTo(tuesday10am - MINUTE);
      const seenBeforeDue = await handle.query(slaBreachesQuery);
      return { beforeDue: seenBeforeDue, breaches: await handle.result() };
    });

    expect(beforeDue).toEqual([]);
    expect(breaches.map((b) => b.kind)).toEqual(['response', 'resolution']);
    const [response, resolution] = breaches as [SlaBreachSeen, SlaBreachSeen];
    // Not before the due instant, and within moments of it (the timer, not a poll, woke the workflow).
    expect(Date.parse(response.at)).toBeGreaterThanOrEqual(tuesday10am);
    expect(Date.parse(response.at)).toBeLessThan(tuesday10am + MINUTE);
    expect(Date.parse(resolution.at)).toBeGreaterThanOrEqual(wednesday3pm);
    expect(Date.parse(resolution.at)).toBeLessThan(wednesday3pm + MINUTE);
  });

  it('WO-6: targets met in time raise no breach, with one timer per target in the history', async () => {
    const settings = testWorkflowSettings('workOrder').workOrder;
    const wo = workOrder(new Date(Number(await env.currentTimeMs())), settings, 'P1');
    const { worker, taskQueue } = await newWorker();

    const { breaches, timers } = await worker.runUntil(async () => {
      const handle = await env.client.workflow.start(slaWatchTestWorkflow, {
        workflowId: wo.id,
        taskQueue,
        args: [{ workOrder: wo, settings }],
      });
      await handle.signal(slaProgressSignal, { respond: true });
      await env.sleep(10 * MINUTE);
      await handle.signal(slaProgressSignal, { resolve: true });
      const result = await handle.result();
      const history = await handle.fetchHistory();
      const started = (history.events ?? []).filter((e) => e.timerStartedEventAttributes).length;
      return { breaches: result, timers: started };
    });

    expect(breaches).toEqual([]);
    expect(timers).toBeLessThanOrEqual(2);
  });

  it('WO-6: a work order that ends before its targets stops the watch without a breach', async () => {
    const settings = testWorkflowSettings('workOrder', { WO_SLA_CLOCK: 'continuous' }).workOrder;
    const wo = workOrder(new Date(Number(await env.currentTimeMs())), settings, 'P4');
    const { worker, taskQueue } = await newWorker();

    const breaches = await worker.runUntil(async () => {
      const handle = await env.client.workflow.start(slaWatchTestWorkflow, {
        workflowId: wo.id,
        taskQueue,
        args: [{ workOrder: wo, settings }],
      });
      await handle.signal(slaProgressSignal, { status: 'cancelled' });
      return handle.result();
    });

    expect(breaches).toEqual([]);
  });
});
