import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NativeConnection, Worker } from '@temporalio/worker';
import { migrateDb, type Db } from '../db/client';
import { DEMO_PASSWORD } from '../db/seed';
import { compose } from '../infra/compose';
import { startTemporalDevServer } from '../infra/dev-server';
import { freePorts } from '../infra/ports';
import { ensureDatabase, startEmbeddedPostgres } from '../infra/postgres';
import { configSchema, type AppConfig } from '../temporal.config';
import { bundleWorkflows } from '../workers/create-worker';
import { instantBehaviours } from '../simulators/behaviour';
import type { Behaviours, SimulatedSystem } from '../simulators/control';
import { startSimulators } from '../simulators/host';

/** What a benchmark module exports: it runs, prints progress, and returns the figures for the last line. */
export type Benchmark = (args: string[]) => Promise<Record<string, number | string | boolean>>;

export type Log = (line: string) => void;

export const logger =
  (name: string): Log =>
  (line) =>
    console.log(`[bench:${name}] ${line}`);

/**
 * `--name value` / `--name=value` flags, checked against the defaults: every flag must be known and, when
 * its default is a number, a finite number.
 */
export function parseFlags<T extends Record<string, number | string>>(args: string[], defaults: T): T {
  const out: Record<string, number | string> = { ...defaults };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (!arg.startsWith('--')) throw new Error(`unexpected argument "${arg}" (flags look like --name value)`);
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    let value = inline;
    if (value === undefined) {
      value = args[i + 1];
      i++;
    }
    if (!(name in defaults))
      throw new Error(`unknown flag --${name}; known: ${Object.keys(defaults).join(', ')}`);
    if (value === undefined) throw new Error(`flag --${name} needs a value`);
    if (typeof defaults[name] === 'number') {
      const n = Number(value);
      if (!Number.isFinite(n)) throw new Error(`flag --${name} must be a number, got "${value}"`);
      out[name] = n;
    } else {
      out[name] = value;
    }
  }
  return out as T;
}

/** Nearest-rank percentile (p in 0..100) of unsorted values; 0 for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] ?? 0;
}

export const round = (value: number, digits = 1): number => {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};

/** Runs `task(0..count-1)` with at most `concurrency` at a time (a closed loop: a lane takes the next index). */
export async function runPool(
  count: number,
  concurrency: number,
  task: (index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, count)) }, lane));
}

/** Prints `describe()` every `everyMs` until stopped. */
export function progress(log: Log, describe: () => string, everyMs = 2_000): { stop: () => void } {
  const timer = setInterval(() => log(describe()), everyMs);
  return { stop: () => clearInterval(timer) };
}

/**
 * Undo steps in reverse order of registration. Runs once, also on Ctrl-C / SIGTERM, so a benchmark never
 * leaves a PostgreSQL, a Temporal dev server or a temp directory behind.
 */
export class Cleanup {
  private readonly steps: { name: string; run: () => Promise<void> | void }[] = [];
  private done: Promise<void> | null = null;
  private readonly onSignal = (signal: NodeJS.Signals) => {
    this.log(`${signal}: cleaning up…`);
    void this.run().finally(() => process.exit(130));
  };

  constructor(private readonly log: Log) {
    process.once('SIGINT', this.onSignal);
    process.once('SIGTERM', this.onSignal);
  }

  add(name: string, run: () => Promise<void> | void): void {
    this.steps.push({ name, run });
  }

  run(): Promise<void> {
    this.done ??= (async () => {
      for (const step of this.steps.reverse()) {
        try {
          await step.run();
        } catch (err) {
          this.log(`cleanup "${step.name}" failed: ${String(err)}`);
        }
      }
      process.off('SIGINT', this.onSignal);
      process.off('SIGTERM', this.onSignal);
    })();
    return this.done;
  }
}

export interface Environment {
  /** URL of a fresh, migrated database. */
  databaseUrl: string;
  /** Set when a Temporal dev server was asked for. */
  temporalAddress: string | null;
  /** The dev server's process ID, to measure its memory. */
  temporalPid: number | null;
}

/**
 * A temp directory, an embedded PostgreSQL in it (not persistent) with a fresh migrated database and,
 * optionally, an in-memory Temporal dev server; all on free ports and all registered with `cleanup`.
 */
export async function startEnvironment(
  cleanup: Cleanup,
  log: Log,
  options: { temporal: boolean },
): Promise<Environment> {
  const workDir = mkdtempSync(join(tmpdir(), 'om-bench-'));
  cleanup.add('temp dir', () => {
    rmSync(workDir, { recursive: true, force: true });
    log(`removed ${workDir}`);
  });
  const started = Date.now();
  const [pgPort, temporalPort] = (await freePorts(2)) as [number, number];
  log(
    `starting PostgreSQL (port ${pgPort})` +
      (options.temporal ? ` and Temporal dev server (port ${temporalPort})…` : '…'),
  );
  // allSettled: when one fails, the other is still registered for cleanup before we give up.
  const [pgResult, temporalResult] = await Promise.allSettled([
    startEmbeddedPostgres({ dataDir: join(workDir, 'pg'), port: pgPort, persistent: false, log }).then(
      (handle) => {
        cleanup.add('PostgreSQL', async () => {
          await handle.stop();
          log('PostgreSQL stopped');
        });
        return handle;
      },
    ),
    options.temporal
      ? startTemporalDevServer({ port: temporalPort, log }).then((server) => {
          cleanup.add('Temporal dev server', async () => {
            await server.stop();
            log('Temporal dev server stopped');
          });
          return server;
        })
      : null,
  ]);
  if (pgResult.status === 'rejected') throw pgResult.reason;
  if (temporalResult.status === 'rejected') throw temporalResult.reason;
  const [pg, temporal] = [pgResult.value, temporalResult.value];
  const databaseUrl = await ensureDatabase(pg.url, 'bench');
  await migrateDb(databaseUrl);
  log(`servers up and database migrated in ${Date.now() - started} ms`);
  return { databaseUrl, temporalAddress: temporal?.address ?? null, temporalPid: temporal?.pid ?? null };
}

/** The app's configuration against the environment's servers, on `taskQueue`, without logs. */
export function benchConfig(env: Environment, taskQueue: string): AppConfig {
  return configSchema.parse({
    TEMPORAL_ADDRESS: env.temporalAddress ?? '',
    DATABASE_URL: env.databaseUrl,
    TEMPORAL_TASK_QUEUE: taskQueue,
    LOG_LEVEL: 'silent',
    // Benchmarks fire thousands of requests a minute from one token.
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000000',
    API_RATE_LIMIT_PER_MINUTE: '100000000',
  });
}

/** Behaviours replacing the benchmarks' instant ones, per simulated system. */
export type BehaviourOverrides = { [S in SimulatedSystem]?: Partial<Behaviours[S]> };

/**
 * The simulators the benchmark hosts in this process (instant: no latency, no failure) and where its API
 * listens, once `startApi` started it: the simulators post their callbacks there.
 */
let hosted: { url: string; apiUrl: string | null } | null = null;

/**
 * The order worker in this process on the config's task queue, running until cleanup, with the simulated
 * outside systems hosted here first (instant behaviours; the clearing system never answers unless
 * `behaviours` says otherwise; callbacks go to the API `startApi` starts). Returns its connection, for more
 * workers, and how long bundling the workflows and creating the worker took.
 */
export async function startOrderWorker(
  cleanup: Cleanup,
  log: Log,
  options: { name: string; db: Db; config: AppConfig; behaviours?: BehaviourOverrides },
): Promise<{ connection: NativeConnection; readyMs: number }> {
  const { name, db, config } = options;
  const started = Date.now();
  const simulatorsUrl = await hostSimulators(cleanup, config, options.behaviours);
  const system = await compose(
    { ...config, SIMULATORS_URL: simulatorsUrl },
    { db, workflowBundle: await bundleWorkflows() },
  );
  cleanup.add('worker composition', system.close);
  const connection = await system.workerConnection();
  const { running } = await system.startWorker();
  void reportFailure(running, name, log);
  return { connection, readyMs: Date.now() - started };
}

async function hostSimulators(
  cleanup: Cleanup,
  config: AppConfig,
  behaviours: BehaviourOverrides = {},
): Promise<string> {
  if (hosted) return hosted.url;
  if (!config.DATABASE_URL) throw new Error('the benchmark config has no DATABASE_URL');
  const state: { url: string; apiUrl: string | null } = { url: '', apiUrl: null };
  const simulators = await startSimulators({
    config,
    databaseUrl: config.DATABASE_URL,
    callbackApiUrl: () => state.apiUrl ?? 'http://127.0.0.1:9',
    behaviours: {
      ...instantBehaviours,
      // The benchmarks run no port-in: the clearing system never answers (bench/port-in.ts says otherwise).
      clearing: { ...instantBehaviours.clearing, lossRate: 1, ...behaviours.clearing },
      bboss: { ...instantBehaviours.bboss, lossRate: 1, ...behaviours.bboss },
      ...(behaviours.hlr ? { hlr: { ...instantBehaviours.hlr, ...behaviours.hlr } } : {}),
      ...(behaviours.bank ? { bank: { ...instantBehaviours.bank, ...behaviours.bank } } : {}),
    },
    demoBankAccounts: false,
  });
  cleanup.add('simulators', async () => {
    hosted = null;
    await simulators.stop();
  });
  state.url = simulators.url;
  hosted = state;
  return state.url;
}

/** Runs a worker until cleanup; a worker that dies is reported, not left as an unhandled rejection. */
export function runWorker(worker: Worker, name: string, cleanup: Cleanup, log: Log): void {
  const running = reportFailure(worker.run(), name, log);
  cleanup.add(name, async () => {
    if (worker.getState() === 'RUNNING') worker.shutdown();
    await running;
  });
}

const reportFailure = (running: Promise<void>, name: string, log: Log): Promise<void> =>
  running.catch((err: unknown) => log(`${name} stopped with an error: ${String(err)}`));

/** The real HTTP API on a free port of 127.0.0.1, until cleanup; returns its base URL. */
export async function startApi(cleanup: Cleanup, options: { db: Db; config: AppConfig }): Promise<string> {
  const simulatorsUrl = await hostSimulators(cleanup, options.config);
  const system = await compose(
    { ...options.config, SIMULATORS_URL: simulatorsUrl },
    { db: options.db, logger: false },
  );
  cleanup.add('API composition', system.close);
  const app = await system.api();
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  if (hosted) hosted.apiUrl = url;
  return url;
}

/** Signs a demo operator in at STORE-BJ-001 through the API; returns the token. */
export async function login(baseUrl: string, operatorId: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ operatorId, password: DEMO_PASSWORD, channelCode: 'STORE-BJ-001' }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}
