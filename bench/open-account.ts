/**
 * `npm run bench -- open-account`: N account openings through the real HTTP API (Fastify on a free port,
 * `fetch`), a worker in this process (HLR and bank simulators: latency 0, failure rate 0), Temporal and
 * PostgreSQL; then, on the same server, bare workflows of no-op activities run one after another, to see what
 * the business code costs over Temporal: N with as many activities as an order schedules (counted from its
 * history: `vsBare`) and N with exactly 7, one per business step (preempt, quote, pre-enter, charge, commit
 * customer, provision, commit resources: `vsBareSteps`).
 *
 * Load model: closed loop. C lanes each submit an order (POST, without msisdn: the system picks a number)
 * and wait for it to end (`handle.result()`), then take the next one; bare workflows likewise. Throughput is
 * N / (first submit → last end). A warm-up of W orders (and W bare workflows each time) runs first, not
 * counted.
 *
 * CPU: the milliseconds of CPU this process and the servers it started (PostgreSQL, Temporal) spent per order
 * and per bare workflow of 7 steps (`cpuMsPerOrder`, `cpuMsPerBareSteps`, `cpuVsBareSteps`; bench/cpu.ts):
 * what an order costs the machine, which other work on it moves far less than the wall-clock figures.
 *
 * From the histories of --sample orders: `activitiesPerOrder` (activities scheduled on the task queue),
 * `localActivitiesPerOrder` (local activities: markers `core_local_activity`) and `historyEvents`.
 *
 * Flags (defaults): --n 300, --concurrency 20, --warmup 20, --sample 20 (orders whose history is read),
 * --pool 10 (PostgreSQL connections shared by API and worker; 10 is createDb's default, as in `npm start`).
 */
import { randomBytes } from 'node:crypto';
import { Worker } from '@temporalio/worker';
import { seedAccessAndCatalogue, stockNumbers, stockSims } from '../db/seed';
import { openAccountBody } from '../test/support/fixtures';
import type { OrderState } from '../workflows/contracts/orders-common';
import type { bareWorkflow } from './bare-workflow';
import { bareWorkflowPath, cachedWorkflowBundle } from '../infra/workflow-bundle';
import { cpuMeter, describeSplit } from './cpu';
import { describeProfile, profile, type History } from './history';
import { percentile, progress, requireIntegers, round, runPool } from './measure';
import { defineBenchmark } from './runner';
import { RAISED_RATE_LIMITS } from './set-up';

const ORDER_QUEUE = 'bench-orders';
const BARE_QUEUE = 'bench-bare';
/** An account opening's business steps, each one activity at the least (see workflows/open-account.ts). */
const BUSINESS_STEPS = 7;

const orderBody = JSON.stringify(openAccountBody());

/** Where each run's CPU went, per order or workflow: this process, PostgreSQL, Temporal. */
export const openAccount = defineBenchmark({
  name: 'open-account',
  about: 'N account openings through HTTP + Temporal + PostgreSQL, compared with bare workflows',
  flags: { n: 300, concurrency: 20, warmup: 20, sample: 20, pool: 10 },
  check: (flags) => requireIntegers(flags, { warmup: 0 }),
  headline: [
    'ordersPerSec',
    'p50EndToEndMs',
    'p99EndToEndMs',
    'activitiesPerOrder',
    'localActivitiesPerOrder',
    'historyEvents',
    'vsBare',
    'vsBareSteps',
  ],
  setUp: {
    kind: 'system',
    taskQueue: ORDER_QUEUE,
    pool: (flags) => flags.pool,
    config: () => RAISED_RATE_LIMITS,
    seed: async ({ db }, { n, warmup }, log) => {
      const stock = n + warmup;
      await seedAccessAndCatalogue(db);
      for (let start = 0, block = 0; start < stock; start += 10_000, block++)
        await stockNumbers(db, `13800${String(10 + block)}`, Math.min(10_000, stock - start));
      await stockSims(db, '200001', stock);
      log(`seeded operators, channels, products, ${stock} numbers and ${stock} SIMs`);
    },
  },
  body: async ({ flags, log, cleanup, baseUrl, client, config, workerConnection, login }) => {
    const { n, concurrency, warmup, sample, pool } = flags;
    const token = await login('store01');
    log('signed in as store01 @ STORE-BJ-001');

    const runId = randomBytes(4).toString('hex');
    const runOrders = async (label: string, count: number) => {
      const result = { submitMs: [] as number[], endToEndMs: [] as number[], ids: [] as string[] };
      const counts = { submitted: 0, completed: 0, failed: 0 };
      const errors: string[] = [];
      const ticker = progress(
        log,
        () =>
          `${label}: ${counts.submitted}/${count} submitted, ${counts.completed} completed, ${counts.failed} failed`,
      );
      const cpu = cpuMeter();
      const t0 = performance.now();
      try {
        await runPool(count, concurrency, async (i) => {
          const start = performance.now();
          try {
            const res = await fetch(`${baseUrl}/api/v1/orders`, {
              method: 'POST',
              headers: {
                authorization: `Bearer ${token}`,
                'content-type': 'application/json',
                'idempotency-key': `bench-${label}-${runId}-${i}`,
              },
              body: orderBody,
            });
            const text = await res.text();
            result.submitMs.push(performance.now() - start);
            if (res.status !== 202) throw new Error(`POST /api/v1/orders → ${res.status} ${text}`);
            const { id } = JSON.parse(text) as { id: string };
            counts.submitted++;
            result.ids.push(id);
            const state = (await client.workflow.getHandle(id).result()) as OrderState;
            result.endToEndMs.push(performance.now() - start);
            if (state.status === 'completed') counts.completed++;
            else {
              counts.failed++;
              errors.push(`${id}: ${state.status} ${JSON.stringify(state.failure)}`);
            }
          } catch (err) {
            counts.failed++;
            errors.push(String(err));
          }
        });
      } finally {
        ticker.stop();
      }
      const durationMs = performance.now() - t0;
      const cpuMs = cpu.stop();
      log(
        `${label}: ${count} orders in ${Math.round(durationMs)} ms — ${counts.completed} completed, ` +
          `${counts.failed} failed; ${Math.round(cpuMs / count)} ms of CPU each (${describeSplit(cpu.split(), count)})`,
      );
      for (const e of errors.slice(0, 3)) log(`  e.g. ${e}`);
      return { ...result, ...counts, durationMs, cpuMs };
    };

    if (warmup > 0) await runOrders('warm-up', warmup);
    const orders = await runOrders('orders', n);

    const fetchHistories = (ids: readonly string[]): Promise<History[]> =>
      Promise.all(ids.slice(0, sample).map((id) => client.workflow.getHandle(id).fetchHistory()));
    const orderProfile = profile(await fetchHistories(orders.ids));
    const activitiesPerOrder = Math.round(orderProfile.activities);
    log(
      `history of ${Math.min(sample, orders.ids.length)} orders: ${round(orderProfile.events)} events, ` +
        `${round(orderProfile.activities)} activities and ${round(orderProfile.localActivities)} local ` +
        `activities per order; ${describeProfile(orderProfile)}`,
    );

    const bareWorker = await Worker.create({
      connection: workerConnection,
      namespace: config.TEMPORAL_NAMESPACE,
      taskQueue: BARE_QUEUE,
      workflowBundle: await cachedWorkflowBundle(bareWorkflowPath, log),
      activities: { noop: async () => undefined },
    });
    const bareRunning = bareWorker.run().catch((err: unknown) => log(`bare worker failed: ${String(err)}`));
    cleanup.add('bare worker', async () => {
      if (bareWorker.getState() === 'RUNNING') bareWorker.shutdown();
      await bareRunning;
    });

    const runBare = async (label: string, count: number, activities: number) => {
      const ids: string[] = [];
      const startMs: number[] = [];
      let done = 0;
      const ticker = progress(log, () => `${label}: ${done}/${count} done`);
      const cpu = cpuMeter();
      const t0 = performance.now();
      try {
        await runPool(count, concurrency, async (i) => {
          const workflowId = `bench-${label}-${runId}-${i}`;
          const start = performance.now();
          const handle = await client.workflow.start<typeof bareWorkflow>('bareWorkflow', {
            workflowId,
            taskQueue: BARE_QUEUE,
            args: [activities],
          });
          startMs.push(performance.now() - start);
          await handle.result();
          ids.push(workflowId);
          done++;
        });
      } finally {
        ticker.stop();
      }
      const durationMs = performance.now() - t0;
      const cpuMs = cpu.stop();
      log(
        `${label}: ${count} workflows of ${activities} no-op activities in ${Math.round(durationMs)} ms; ` +
          `${Math.round(cpuMs / count)} ms of CPU each (${describeSplit(cpu.split(), count)})`,
      );
      return { ids, startMs, durationMs, cpuMs, perSec: (count / durationMs) * 1000 };
    };
    if (warmup > 0) await runBare('bare-warm-up', warmup, activitiesPerOrder);
    const bare = await runBare('bare', n, activitiesPerOrder);
    const bareProfile = profile(await fetchHistories(bare.ids));
    log(`history of bare workflows: ${round(bareProfile.events)} events; ${describeProfile(bareProfile)}`);
    if (warmup > 0) await runBare('bare-steps-warm-up', warmup, BUSINESS_STEPS);
    const bareSteps = await runBare('bare-steps', n, BUSINESS_STEPS);

    const ordersPerSec = (n / orders.durationMs) * 1000;
    return {
      orders: n,
      concurrency,
      completed: orders.completed,
      failed: orders.failed,
      ordersPerSec: round(ordersPerSec, 2),
      p50SubmitMs: round(percentile(orders.submitMs, 50)),
      p99SubmitMs: round(percentile(orders.submitMs, 99)),
      p50EndToEndMs: round(percentile(orders.endToEndMs, 50)),
      p99EndToEndMs: round(percentile(orders.endToEndMs, 99)),
      historyEvents: round(orderProfile.events),
      activitiesPerOrder,
      localActivitiesPerOrder: round(orderProfile.localActivities),
      bareWorkflowsPerSec: round(bare.perSec, 2),
      bareHistoryEvents: round(bareProfile.events),
      p50BareStartMs: round(percentile(bare.startMs, 50)),
      vsBare: round(ordersPerSec / bare.perSec, 2),
      bareStepsWorkflowsPerSec: round(bareSteps.perSec, 2),
      vsBareSteps: round(ordersPerSec / bareSteps.perSec, 2),
      dbPool: pool,
      ordersDurationMs: Math.round(orders.durationMs),
      bareDurationMs: Math.round(bare.durationMs),
      bareStepsDurationMs: Math.round(bareSteps.durationMs),
      cpuMsPerOrder: round(orders.cpuMs / n),
      cpuMsPerBareSteps: round(bareSteps.cpuMs / n),
      // The share of a bare workflow's CPU an order costs, inverted to read like vsBareSteps: steadier than
      // it when other work shares the machine.
      cpuVsBareSteps: round(bareSteps.cpuMs / Math.max(orders.cpuMs, 1), 2),
    };
  },
});
