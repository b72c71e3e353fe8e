/**
 * `npm run bench -- group-members`: one member batch (成员批量导入, REQ: GRP-6) of B members uploaded as CSV
 * through the real HTTP API (Fastify on a free port, `fetch`), processed by the batch workflow on a worker in
 * this process against Temporal and PostgreSQL, with the BBOSS simulator at its configured latency
 * (`BBOSS_LATENCY_MS`, default 50 ms per member sync, i.e. per chunk).
 *
 * Set-up: B active lines 1391000xxxx, 1391001xxxx, … (10,000 per prefix, `seedMemberLines`) and an active
 * 和对讲 subscription of group 1000000001 written straight to the database (as the tests' fixture does: the
 * group-open leg to BBOSS is not what is measured). Then one upload; the clock runs from the upload until the
 * workflow (all its runs, continued as new) has returned.
 *
 * Figures: membersPerSec (accepted / seconds from upload to completion), totalSec, uploadMs (the POST alone),
 * accepted, rejected, runs (workflow runs: 1 + continue-as-new), maxHistoryEvents (the longest history of any
 * run), workerRssMb (peak RSS of this process, which holds worker, API and driver — the worker runs
 * in-process).
 *
 * Flags (defaults): --members 10000, --chunk 200 (MEMBER_BATCH_CHUNK_SIZE), --chunksPerRun 20
 * (MEMBER_BATCH_CHUNKS_PER_RUN), --pool 10 (PostgreSQL connections of API and worker).
 */
import { randomBytes } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { createDb } from '../db/client';
import { seedAccessAndCatalogue } from '../db/seed';
import { seedGroupData, seedMemberLines } from '../db/seed-groups';
import { configSchema } from '../temporal.config';
import { insertActiveSubscription } from '../test/support/groups';
import type { MemberBatchProgress } from '../workflows/contracts/member-batch';
import {
  Cleanup,
  logger,
  login,
  parseFlags,
  progress,
  round,
  startApi,
  startEnvironment,
  startOrderWorker,
  type Benchmark,
} from './support';

const TASK_QUEUE = 'bench-group-members';
const GROUP = '1000000001';
const LINES_PER_PREFIX = 10_000;

interface BatchView {
  status: string;
  processedRows: number;
  acceptedRows: number;
  rejectedRows: number;
  percent: number;
}

export const groupMembers: Benchmark = async (args) => {
  const flags = parseFlags(args, { members: 10_000, chunk: 200, chunksPerRun: 20, pool: 10 });
  const { members, chunk, chunksPerRun, pool } = flags;
  for (const [name, value] of Object.entries(flags))
    if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
  if (members > 50 * LINES_PER_PREFIX) throw new Error('--members must be at most 500000');
  if (chunk > 2_000) throw new Error('--chunk must be at most 2000 (MEMBER_BATCH_CHUNK_SIZE)');
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const log = logger('group-members');
  const cleanup = new Cleanup(log);
  log(
    `one member batch of ${members} members uploaded as CSV through the API, chunks of ${chunk}, ` +
      `${chunksPerRun} chunks per workflow run; worker, API and driver in this process`,
  );
  try {
    const env = await startEnvironment(cleanup, log, { temporal: true });
    const address = env.temporalAddress ?? '';
    const { db, close } = createDb(env.databaseUrl, { max: pool });
    cleanup.add('database pool', close);

    await seedAccessAndCatalogue(db);
    await seedGroupData(db);
    const msisdns: string[] = [];
    for (let block = 0; msisdns.length < members; block++) {
      const count = Math.min(LINES_PER_PREFIX, members - msisdns.length);
      msisdns.push(...(await seedMemberLines(db, String(1_391_000 + block), count)));
    }
    await insertActiveSubscription(db, GROUP);
    log(`seeded access, the 和对讲 catalogue, ${members} active lines and group ${GROUP}'s active product`);

    const config = configSchema.parse({
      TEMPORAL_ADDRESS: address,
      DATABASE_URL: env.databaseUrl,
      TEMPORAL_TASK_QUEUE: TASK_QUEUE,
      LOG_LEVEL: 'silent',
      MEMBER_BATCH_CHUNK_SIZE: String(chunk),
      MEMBER_BATCH_CHUNKS_PER_RUN: String(chunksPerRun),
      MEMBER_BATCH_MAX_ROWS: String(Math.max(members, 50_000)),
    });
    const { readyMs } = await startOrderWorker(cleanup, log, { name: 'order worker', db, config });
    log(
      `order worker running in this process on "${TASK_QUEUE}" (bundled in ${readyMs} ms); ` +
        `BBOSS latency ${config.BBOSS_LATENCY_MS} ms per call`,
    );
    const baseUrl = await startApi(cleanup, { db, config });
    log(`API listening on ${baseUrl}`);
    const driverConnection = await Connection.connect({ address });
    cleanup.add('driver Temporal connection', () => driverConnection.close());
    const client = new Client({ connection: driverConnection, namespace: config.TEMPORAL_NAMESPACE });
    const token = await login(baseUrl, 'manager01');
    log('signed in as manager01 @ STORE-BJ-001');

    const roles = ['member', 'member', 'member', 'dispatcher'];
    const csv = [
      'msisdn,displayName,role,priority',
      ...msisdns.map((m, i) => `${m},成员${m.slice(-5)},${roles[i % roles.length]},${(i % 7) + 1}`),
    ].join('\r\n');
    log(`CSV of ${members} rows, ${round(Buffer.byteLength(csv) / 1024)} KiB`);

    let peakRss = process.memoryUsage().rss;
    const rssSampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 250);
    cleanup.add('RSS sampler', () => clearInterval(rssSampler));
    const auth = { authorization: `Bearer ${token}` };
    let latest: BatchView | null = null;

    const t0 = performance.now();
    const res = await fetch(`${baseUrl}/api/v1/groups/${GROUP}/products/HDJ/member-batches`, {
      method: 'POST',
      headers: {
        ...auth,
        'content-type': 'text/csv',
        'idempotency-key': `bench-members-${randomBytes(4).toString('hex')}`,
      },
      body: csv,
    });
    const uploadMs = performance.now() - t0;
    const text = await res.text();
    if (res.status !== 202) throw new Error(`upload → ${res.status} ${text}`);
    const { id, href } = JSON.parse(text) as { id: string; href: string };
    log(`uploaded in ${Math.round(uploadMs)} ms as ${id}`);

    const ticker = progress(log, () =>
      latest
        ? `${latest.processedRows}/${members} processed (${latest.percent}%), ${latest.acceptedRows} accepted, ` +
          `${latest.rejectedRows} rejected`
        : 'waiting for the first chunk',
    );
    const poller = setInterval(() => {
      fetch(`${baseUrl}${href}`, { headers: auth })
        .then(async (r) => {
          latest = (await r.json()) as BatchView;
        })
        .catch(() => undefined);
    }, 1_000);
    let result: MemberBatchProgress;
    try {
      // Follows the runs continued as new up to the last one's result.
      result = (await client.workflow.getHandle(id).result()) as MemberBatchProgress;
    } finally {
      clearInterval(poller);
      ticker.stop();
    }
    const totalMs = performance.now() - t0;
    clearInterval(rssSampler);
    log(
      `batch ${result.status} in ${round(totalMs / 1000, 2)} s: ${result.acceptedRows} accepted, ` +
        `${result.rejectedRows} rejected`,
    );

    const historySizes = await runHistorySizes(client, id);
    const maxHistoryEvents = Math.max(...historySizes);
    log(
      `${historySizes.length} workflow runs (history events, first to last: ${historySizes.join(', ')}); ` +
        `the longest has ${maxHistoryEvents} events`,
    );
    log(`peak RSS of this process (worker + API + driver, in-process): ${round(peakRss / 2 ** 20)} MB`);

    const figures = {
      members,
      chunk,
      chunksPerRun,
      accepted: result.acceptedRows,
      rejected: result.rejectedRows,
      membersPerSec: round(result.acceptedRows / (totalMs / 1000), 1),
      totalSec: round(totalMs / 1000, 2),
      uploadMs: Math.round(uploadMs),
      runs: historySizes.length,
      maxHistoryEvents,
      workerRssMb: round(peakRss / 2 ** 20),
      workerInProcess: true,
    };
    await cleanup.run();
    return figures;
  } finally {
    await cleanup.run();
  }
};

/**
 * The history size of every run of the workflow, first to last: from the latest run back along the chain of
 * continue-as-new (each run's first event names the run it continues), so no run is missed while the
 * visibility store catches up.
 */
async function runHistorySizes(client: Client, workflowId: string): Promise<number[]> {
  const sizes: number[] = [];
  let runId: string | undefined = (await client.workflow.getHandle(workflowId).describe()).runId;
  while (runId) {
    const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
    sizes.unshift(history.events?.length ?? 0);
    runId =
      history.events?.[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId || undefined;
  }
  return sizes;
}
