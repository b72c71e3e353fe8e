/**
 * `npm run bench -- open-account`: N account openings through the real HTTP API (Fastify on a free port,
 * `fetch`), a worker in this process (HLR and bank simulators: latency 0, failure rate 0), Temporal and
 * PostgreSQL; then, on the same server, N bare workflows that run as many no-op activities one after another
 * as an order runs (counted from an order's history), to see what the business code costs over Temporal.
 *
 * Load model: closed loop. C lanes each submit an order (POST, without msisdn: the system picks a number)
 * and wait for it to end (`handle.result()`), then take the next one; bare workflows likewise. Throughput is
 * N / (first submit → last end). A warm-up of W orders (and W bare workflows) runs first, not counted.
 *
 * Flags (defaults): --n 300, --concurrency 20, --warmup 20, --sample 20 (orders whose history is read),
 * --pool 10 (PostgreSQL connections shared by API and worker; 10 is createDb's default, as in `npm start`).
 */
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Client, Connection, type WorkflowHandle } from '@temporalio/client';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { createDb } from '../db/client';
import { seedAccessAndCatalogue, stockNumbers, stockSims } from '../db/seed';
import type { OrderState } from '../workflows/contracts/orders-common';
import type { bareWorkflow } from './bare-workflow';
import {
  benchConfig,
  Cleanup,
  logger,
  login,
  parseFlags,
  percentile,
  progress,
  round,
  runPool,
  runWorker,
  startApi,
  startEnvironment,
  startOrderWorker,
  type Benchmark,
} from './support';
import { openAccountBody } from '../test/support/fixtures';

const ORDER_QUEUE = 'bench-orders';
const BARE_QUEUE = 'bench-bare';
const bareWorkflowPath = fileURLToPath(new URL('./bare-workflow.ts', import.meta.url));

const orderBody = JSON.stringify(openAccountBody());

export const openAccount: Benchmark = async (args) => {
  const flags = parseFlags(args, { n: 300, concurrency: 20, warmup: 20, sample: 20, pool: 10 });
  const { n, concurrency, warmup, sample, pool } = flags;
  for (const [name, value] of Object.entries(flags))
    if (!Number.isInteger(value) || value < (name === 'warmup' ? 0 : 1))
      throw new Error(`--${name} must be a ${name === 'warmup' ? 'non-negative' : 'positive'} integer`);
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const log = logger('open-account');
  const cleanup = new Cleanup(log);
  try {
    const env = await startEnvironment(cleanup, log, { temporal: true });
    const address = env.temporalAddress ?? '';
    const { db, close } = createDb(env.databaseUrl, { max: pool });
    cleanup.add('database pool', close);

    const stock = n + warmup;
    await seedAccessAndCatalogue(db);
    for (let start = 0, block = 0; start < stock; start += 10_000, block++)
      await stockNumbers(db, `13800${String(10 + block)}`, Math.min(10_000, stock - start));
    await stockSims(db, '200001', stock);
    log(`seeded operators, channels, products, ${stock} numbers and ${stock} SIMs`);

    const config = benchConfig(env, ORDER_QUEUE);
    const { connection: workerConnection, readyMs } = await startOrderWorker(cleanup, log, {
      name: 'order worker',
      db,
      config,
    });
    log(`order worker running on "${ORDER_QUEUE}" (bundled in ${readyMs} ms)`);

    const baseUrl = await startApi(cleanup, { db, config });
    log(`API listening on ${baseUrl}`);

    // The benchmark's own client, as a caller would have: it waits for results and reads histories.
    const driverConnection = await Connection.connect({ address });
    cleanup.add('driver Temporal connection', () => driverConnection.close());
    const client = new Client({ connection: driverConnection, namespace: config.TEMPORAL_NAMESPACE });

    const token = await login(baseUrl, 'store01');
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
      log(
        `${label}: ${count} orders in ${Math.round(durationMs)} ms — ${counts.completed} completed, ` +
          `${counts.failed} failed`,
      );
      for (const e of errors.slice(0, 3)) log(`  e.g. ${e}`);
      return { ...result, ...counts, durationMs };
    };

    if (warmup > 0) await runOrders('warm-up', warmup);
    const orders = await runOrders('orders', n);

    const histories = await Promise.all(
      orders.ids.slice(0, sample).map((id) => client.workflow.getHandle(id).fetchHistory()),
    );
    const orderProfile = profile(histories);
    const activitiesPerOrder = Math.round(orderProfile.activities);
    log(
      `history of ${histories.length} orders: ${round(orderProfile.events)} events and ` +
        `${round(orderProfile.activities)} activities per order; ${describeProfile(orderProfile)}`,
    );

    const bareWorker = await Worker.create({
      connection: workerConnection,
      namespace: config.TEMPORAL_NAMESPACE,
      taskQueue: BARE_QUEUE,
      workflowsPath: bareWorkflowPath,
      activities: { noop: async () => undefined },
    });
    runWorker(bareWorker, 'bare worker', cleanup, log);
    log(`bare worker running on "${BARE_QUEUE}": ${activitiesPerOrder} no-op activities per workflow`);

    const runBare = async (label: string, count: number) => {
      const ids: string[] = [];
      const startMs: number[] = [];
      let done = 0;
      const ticker = progress(log, () => `${label}: ${done}/${count} done`);
      const t0 = performance.now();
      try {
        await runPool(count, concurrency, async (i) => {
          const workflowId = `bench-${label}-${runId}-${i}`;
          const start = performance.now();
          const handle = await client.workflow.start<typeof bareWorkflow>('bareWorkflow', {
            workflowId,
            taskQueue: BARE_QUEUE,
            args: [activitiesPerOrder],
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
      log(`${label}: ${count} workflows in ${Math.round(durationMs)} ms`);
      return { ids, startMs, durationMs };
    };
    if (warmup > 0) await runBare('bare-warm-up', warmup);
    const bare = await runBare('bare', n);
    const bareProfile = profile(
      await Promise.all(bare.ids.slice(0, sample).map((id) => client.workflow.getHandle(id).fetchHistory())),
    );
    log(`history of bare workflows: ${round(bareProfile.events)} events; ${describeProfile(bareProfile)}`);

    const ordersPerSec = (n / orders.durationMs) * 1000;
    const bareWorkflowsPerSec = (n / bare.durationMs) * 1000;
    const figures = {
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
      bareWorkflowsPerSec: round(bareWorkflowsPerSec, 2),
      bareHistoryEvents: round(bareProfile.events),
      p50BareStartMs: round(percentile(bare.startMs, 50)),
      vsBare: round(ordersPerSec / bareWorkflowsPerSec, 2),
      dbPool: pool,
      ordersDurationMs: Math.round(orders.durationMs),
      bareDurationMs: Math.round(bare.durationMs),
    };
    await cleanup.run();
    return figures;
  } finally {
    await cleanup.run();
  }
};

type History = Awaited<ReturnType<WorkflowHandle['fetchHistory']>>;

interface Profile {
  /** Averages per workflow. */
  events: number;
  activities: number;
  /** Milliseconds per workflow: workflow tasks waiting for / running in a worker; same for activities. */
  wftQueueMs: number;
  wftRunMs: number;
  activityQueueMs: number;
  activityRunMs: number;
  /** First event → last event. */
  totalMs: number;
}

/** Where a workflow's time went, from the event timestamps of its history (averaged over the histories). */
function profile(histories: History[]): Profile {
  const sum: Profile = {
    events: 0,
    activities: 0,
    wftQueueMs: 0,
    wftRunMs: 0,
    activityQueueMs: 0,
    activityRunMs: 0,
    totalMs: 0,
  };
  for (const h of histories) {
    const events = h.events ?? [];
    const at = new Map<number, number>();
    const time = (e: (typeof events)[number]) =>
      Number(e.eventTime?.seconds?.toString() ?? 0) * 1000 + (e.eventTime?.nanos ?? 0) / 1e6;
    const since = (id: unknown, now: number) => now - (at.get(Number(String(id))) ?? now);
    for (const e of events) {
      const now = time(e);
      at.set(Number(e.eventId?.toString() ?? 0), now);
      if (e.workflowTaskStartedEventAttributes)
        sum.wftQueueMs += since(e.workflowTaskStartedEventAttributes.scheduledEventId, now);
      else if (e.workflowTaskCompletedEventAttributes)
        sum.wftRunMs += since(e.workflowTaskCompletedEventAttributes.startedEventId, now);
      else if (e.activityTaskScheduledEventAttributes) sum.activities++;
      else if (e.activityTaskStartedEventAttributes)
        sum.activityQueueMs += since(e.activityTaskStartedEventAttributes.scheduledEventId, now);
      else if (e.activityTaskCompletedEventAttributes)
        sum.activityRunMs += since(e.activityTaskCompletedEventAttributes.startedEventId, now);
    }
    sum.events += events.length;
    const first = events[0];
    const last = events[events.length - 1];
    if (first && last) sum.totalMs += time(last) - time(first);
  }
  const count = Math.max(1, histories.length);
  return Object.fromEntries(Object.entries(sum).map(([k, v]) => [k, v / count])) as unknown as Profile;
}

function describeProfile(p: Profile): string {
  return (
    `per workflow ${Math.round(p.totalMs)} ms = workflow tasks ${Math.round(p.wftQueueMs)} queued + ` +
    `${Math.round(p.wftRunMs)} running, activities ${Math.round(p.activityQueueMs)} queued + ` +
    `${Math.round(p.activityRunMs)} running (rest: server hand-offs)`
  );
}
