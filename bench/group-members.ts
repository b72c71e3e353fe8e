/**
 * `npm run bench -- group-members`: one member batch (成员批量导入, REQ: GRP-6) of B members uploaded as CSV
 * through the real HTTP API (Fastify on a free port, `fetch`), processed by the batch workflow on a worker in
 * this process against Temporal and PostgreSQL, with the BBOSS simulator answering each member sync (one per
 * chunk) after `--bbossLatencyMs` (default 50 ms, as `BBOSS_LATENCY_MS`); the other simulators are instant.
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
 * (MEMBER_BATCH_CHUNKS_PER_RUN), --bbossLatencyMs 50, --pool 10 (PostgreSQL connections of API and worker).
 */
import { randomBytes } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { seedAccessAndCatalogue } from '../db/seed';
import { seedGroupData, seedMemberLines } from '../db/seed-groups';
import { insertActiveSubscription } from '../test/support/groups';
import type { MemberBatchProgress } from '../workflows/contracts/member-batch';
import { progress, requireIntegers, round, sampleRss } from './measure';
import { defineBenchmark } from './runner';

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

export const groupMembers = defineBenchmark({
  name: 'group-members',
  about: 'one member batch of B members uploaded as CSV: membersPerSec, maxHistoryEvents, workerRssMb',
  flags: { members: 10_000, chunk: 200, chunksPerRun: 20, bbossLatencyMs: 50, pool: 10 },
  check: (flags) => {
    requireIntegers(flags);
    if (flags.members > 50 * LINES_PER_PREFIX) throw new Error('--members must be at most 500000');
    if (flags.chunk > 2_000) throw new Error('--chunk must be at most 2000 (MEMBER_BATCH_CHUNK_SIZE)');
  },
  headline: ['membersPerSec', 'totalSec', 'maxHistoryEvents', 'workerRssMb'],
  setUp: {
    kind: 'system',
    taskQueue: TASK_QUEUE,
    pool: (flags) => flags.pool,
    // Each chunk is one member sync with BBOSS, at the simulator's configured latency (BBOSS_LATENCY_MS).
    behaviours: ({ bbossLatencyMs }) => ({ bboss: { latencyMs: bbossLatencyMs } }),
    config: ({ members, chunk, chunksPerRun }) => ({
      MEMBER_BATCH_CHUNK_SIZE: String(chunk),
      MEMBER_BATCH_CHUNKS_PER_RUN: String(chunksPerRun),
      MEMBER_BATCH_MAX_ROWS: String(Math.max(members, 50_000)),
    }),
    seed: async ({ db }, { members }, log) => {
      await seedAccessAndCatalogue(db);
      await seedGroupData(db);
      const msisdns: string[] = [];
      for (let block = 0; msisdns.length < members; block++) {
        const count = Math.min(LINES_PER_PREFIX, members - msisdns.length);
        msisdns.push(...(await seedMemberLines(db, String(1_391_000 + block), count)));
      }
      await insertActiveSubscription(db, GROUP);
      log(`seeded access, the 和对讲 catalogue, ${members} active lines and group ${GROUP}'s active product`);
      return msisdns;
    },
  },
  body: async ({ flags, log, cleanup, baseUrl, client, login, seeded: msisdns }) => {
    const { members, chunk, chunksPerRun } = flags;
    log(
      `one member batch of ${members} members uploaded as CSV through the API, chunks of ${chunk}, ` +
        `${chunksPerRun} chunks per workflow run; worker, API and driver in this process; BBOSS ${flags.bbossLatencyMs} ms per call`,
    );
    const token = await login('manager01');
    log('signed in as manager01 @ STORE-BJ-001');

    const roles = ['member', 'member', 'member', 'dispatcher'];
    const csv = [
      'msisdn,displayName,role,priority',
      ...msisdns.map((m, i) => `${m},成员${m.slice(-5)},${roles[i % roles.length]},${(i % 7) + 1}`),
    ].join('\r\n');
    log(`CSV of ${members} rows, ${round(Buffer.byteLength(csv) / 1024)} KiB`);

    const rss = sampleRss(250);
    cleanup.add('RSS sampler', () => void rss.stop());
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
    const peakRssMb = rss.stop();
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
    log(`peak RSS of this process (worker + API + driver, in-process): ${peakRssMb} MB`);

    return {
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
      workerRssMb: peakRssMb,
      workerInProcess: true,
    };
  },
});

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
