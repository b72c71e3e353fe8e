/**
 * `npm run bench -- port-in`: P port-ins (携号转网, we are the recipient, REQ: MNP-2…MNP-5) through the real
 * HTTP API, a worker in this process (HLR and bank simulators: latency 0, failure rate 0), Temporal and
 * PostgreSQL, with the simulated clearing system (hosted in this process) answering each port-in after
 * --maxAnswerMs / 2 (the mean of the uniform 0…--maxAnswerMs delay real donors show) through the API's signed
 * callback route, and the switch-over overridden to --switchOver seconds (`MNP_SWITCH_OVER_DELAY_SECONDS`) so
 * ports complete. Each port-in brings a distinct number 1350000xxxx, which is not in our pool (the seeded pool
 * is 13800xxxxxx).
 *
 * Load model: closed loop. C lanes each submit a port-in (POST /api/v1/orders) and wait for it to end
 * (`handle.result()`), then take the next one. Throughput is P / (first submit → last end).
 * `simulatedDelayMs` is the mean simulated wait (answer delay + switch-over delay), reported apart;
 * `p99EndToEndExcludingSimulatedMs` subtracts each order's own simulated wait from its end-to-end time.
 *
 * Flags (defaults): --p 300, --concurrency 20, --maxAnswerMs 500, --switchOver 1 (seconds, 0 or more),
 * --sample 20 (orders whose history is read), --pool 10 (PostgreSQL connections of API and worker).
 */
import { randomBytes } from 'node:crypto';
import { seedAccessAndCatalogue, stockSims } from '../db/seed';
import { portInBody } from '../test/support/fixtures';
import type { OrderState } from '../workflows/contracts/orders-common';
import { mean, percentile, progress, requireIntegers, round, runPool } from './measure';
import { defineBenchmark } from './runner';

const TASK_QUEUE = 'bench-port-in';
const FEE_FEN = 3_000;

export const portIn = defineBenchmark({
  name: 'port-in',
  about: 'P port-ins through the API, clearing answers at random delays: portsPerSec, p99EndToEndMs',
  flags: { p: 300, concurrency: 20, maxAnswerMs: 500, switchOver: 1, sample: 20, pool: 10 },
  check: (flags) => {
    requireIntegers(flags, { maxAnswerMs: 0, switchOver: 0 });
    if (flags.p > 10_000) throw new Error('--p must be at most 10000 (numbers 1350000xxxx)');
  },
  headline: ['portsPerSec', 'p99EndToEndMs', 'p99EndToEndExcludingSimulatedMs', 'historyEvents'],
  setUp: {
    kind: 'system',
    taskQueue: TASK_QUEUE,
    pool: (flags) => flags.pool,
    config: ({ switchOver }) => ({
      MNP_PORT_IN_FEE_FEN: String(FEE_FEN),
      MNP_SWITCH_WINDOW: '0-23',
      MNP_SWITCH_OVER_DELAY_SECONDS: String(switchOver),
      CLEARING_ANSWER_DELAY_MS: '0',
    }),
    // The donor's answer delay of every order: the mean of the uniform 0…--maxAnswerMs.
    behaviours: ({ maxAnswerMs }) => ({
      clearing: { answerDelayMs: Math.round(maxAnswerMs / 2), rejectRate: 0, lossRate: 0 },
    }),
    seed: async ({ db }, { p }, log) => {
      await seedAccessAndCatalogue(db);
      // preemptPortInSim runs twice per order (at the start and again after the switch-over), on the same SIM.
      await stockSims(db, '300001', p);
      log(`seeded operators, channels, products and ${p} SIMs`);
    },
  },
  body: async ({ flags, log, baseUrl, client, login }) => {
    const { p, concurrency, maxAnswerMs, switchOver, sample, pool } = flags;
    const answerDelayMs = Math.round(maxAnswerMs / 2);
    const token = await login('store01');
    log('signed in as store01 @ STORE-BJ-001');

    const runId = randomBytes(4).toString('hex');
    const ids: string[] = [];
    const endToEndMs: number[] = [];
    const excludingSimulatedMs: number[] = [];
    const simulatedMs: number[] = [];
    const counts = { submitted: 0, completed: 0, failed: 0 };
    const errors: string[] = [];
    const ticker = progress(
      log,
      () => `${counts.submitted}/${p} submitted, ${counts.completed} completed, ` + `${counts.failed} failed`,
    );
    const t0 = performance.now();
    try {
      await runPool(p, concurrency, async (i) => {
        const start = performance.now();
        try {
          const msisdn = `1350000${String(i).padStart(4, '0')}`;
          const res = await fetch(`${baseUrl}/api/v1/orders`, {
            method: 'POST',
            headers: {
              authorization: `Bearer ${token}`,
              'content-type': 'application/json',
              'idempotency-key': `bench-port-in-${runId}-${i}`,
            },
            body: JSON.stringify(portInBody(msisdn)),
          });
          const text = await res.text();
          if (res.status !== 202) throw new Error(`POST /api/v1/orders → ${res.status} ${text}`);
          const { id } = JSON.parse(text) as { id: string };
          counts.submitted++;
          ids.push(id);
          const state = (await client.workflow.getHandle(id).result()) as OrderState;
          const elapsed = performance.now() - start;
          if (state.status === 'completed') {
            counts.completed++;
            const simulated = answerDelayMs + switchOver * 1_000;
            endToEndMs.push(elapsed);
            simulatedMs.push(simulated);
            excludingSimulatedMs.push(elapsed - simulated);
          } else {
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
      `${p} port-ins in ${Math.round(durationMs)} ms — ${counts.completed} completed, ${counts.failed} failed`,
    );
    for (const e of errors.slice(0, 3)) log(`  e.g. ${e}`);

    const histories = await Promise.all(
      ids.slice(0, sample).map((id) => client.workflow.getHandle(id).fetchHistory()),
    );
    const historyEvents =
      histories.reduce((sum, h) => sum + (h.events?.length ?? 0), 0) / Math.max(1, histories.length);
    log(`history of ${histories.length} port-ins: ${round(historyEvents)} events each on average`);

    return {
      ports: p,
      concurrency,
      completed: counts.completed,
      failed: counts.failed,
      portsPerSec: round((p / durationMs) * 1000, 2),
      p50EndToEndMs: round(percentile(endToEndMs, 50)),
      p99EndToEndMs: round(percentile(endToEndMs, 99)),
      simulatedDelayMs: round(mean(simulatedMs)),
      maxAnswerDelayMs: maxAnswerMs,
      switchOverDelayMs: switchOver * 1_000,
      p50EndToEndExcludingSimulatedMs: round(percentile(excludingSimulatedMs, 50)),
      p99EndToEndExcludingSimulatedMs: round(percentile(excludingSimulatedMs, 99)),
      historyEvents: round(historyEvents),
      dbPool: pool,
      durationMs: Math.round(durationMs),
    };
  },
});
