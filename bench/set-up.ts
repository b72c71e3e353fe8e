/**
 * The servers and parts a benchmark asks the runner for, built through the composition root
 * (infra/compose.ts, or infra/runtime.ts as `npm start` builds them) and registered with the cleanup.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import type { NativeConnection } from '@temporalio/worker';
import { createDb, migrateDb, type Db } from '../db/client';
import { DEMO_PASSWORD } from '../db/seed';
import { compose } from '../infra/compose';
import { startTemporalDevServer } from '../infra/dev-server';
import { freePorts } from '../infra/ports';
import { ensureDatabase, startEmbeddedPostgres } from '../infra/postgres';
import { startRuntime, type Runtime } from '../infra/runtime';
import { freeTopologyPorts, startTopology, type Topology } from '../infra/topology';
import { installWorkerRuntime } from '../infra/worker-runtime';
import { instantBehaviours } from '../simulators/behaviour';
import type { Behaviours, SimulatedSystem } from '../simulators/control';
import { connectSimulators } from '../simulators/control-client';
import { startSimulators } from '../simulators/host';
import { configSchema, type AppConfig } from '../temporal.config';
import { workflowsPath } from '../workers/create-worker';
import { cachedWorkflowBundle } from '../infra/workflow-bundle';
import type { Cleanup } from './cleanup';
import type { Log } from './measure';

/** Behaviours replacing the benchmarks' instant ones, per simulated system. */
export type BehaviourOverrides = { [S in SimulatedSystem]?: Partial<Behaviours[S]> };

/** Raised sign-in and API rate limits: a benchmark fires thousands of requests a minute from one token. */
export const RAISED_RATE_LIMITS = {
  LOGIN_RATE_LIMIT_PER_MINUTE: '1000000',
  API_RATE_LIMIT_PER_MINUTE: '100000000',
};

export interface PostgresParts {
  /** URL of a fresh, migrated database. */
  databaseUrl: string;
  db: Db;
}

export interface SystemParts extends PostgresParts {
  config: AppConfig;
  /** The process ID of the Temporal dev server, to measure its memory. */
  temporalPid: number | undefined;
  /** Base URL of the real HTTP API (127.0.0.1, a free port). */
  baseUrl: string;
  /** The benchmark's own client, as a caller would have one: it waits for results and reads histories. */
  client: Client;
  /** The order worker's connection, for more workers of the benchmark's own. */
  workerConnection: NativeConnection;
  /** Signs a demo operator in at STORE-BJ-001 through the API; returns the token. */
  login: (operatorId: string) => Promise<string>;
}

export interface RuntimeParts {
  runtime: Runtime;
  config: AppConfig;
  /** Where the dev server keeps its state (`npm start`: DATA_DIR/temporal.db). */
  temporalDbFile: string;
  /** Milliseconds from start to "ready", as `npm start` would print it. */
  startUpMs: number;
  client: Client;
  simulators: ReturnType<typeof connectSimulators>;
  login: (operatorId: string) => Promise<string>;
}

/** A temp directory of the run, removed at cleanup. */
function workDir(cleanup: Cleanup, log: Log): string {
  const dir = mkdtempSync(join(tmpdir(), 'om-bench-'));
  cleanup.add('temp dir', () => {
    rmSync(dir, { recursive: true, force: true });
    log(`removed ${dir}`);
  });
  return dir;
}

/** An embedded PostgreSQL (not persistent) with a fresh migrated database and a pool of `pool` on it. */
export async function startPostgres(
  cleanup: Cleanup,
  log: Log,
  options: { pool: number },
): Promise<PostgresParts> {
  const { databaseUrl } = await startServers(cleanup, log, { temporal: false });
  return { databaseUrl, db: openPool(cleanup, databaseUrl, options.pool) };
}

function openPool(cleanup: Cleanup, databaseUrl: string, pool: number): Db {
  const { db, close } = createDb(databaseUrl, { max: pool });
  cleanup.add('database pool', close);
  return db;
}

/** PostgreSQL and, if asked, an in-memory Temporal dev server, started side by side on free ports. */
async function startServers(
  cleanup: Cleanup,
  log: Log,
  options: { temporal: boolean },
): Promise<{ databaseUrl: string; temporal: { address: string; pid: number | undefined } | null }> {
  const dir = workDir(cleanup, log);
  const started = Date.now();
  const [pgPort, temporalPort] = (await freePorts(2)) as [number, number];
  log(
    `starting PostgreSQL (port ${pgPort})` +
      (options.temporal ? ` and Temporal dev server (port ${temporalPort})…` : '…'),
  );
  // allSettled: when one fails, the other is still registered for cleanup before we give up.
  const [pgResult, temporalResult] = await Promise.allSettled([
    startEmbeddedPostgres({ dataDir: join(dir, 'pg'), port: pgPort, persistent: false, log }).then(
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
  const databaseUrl = await ensureDatabase(pgResult.value.url, 'bench');
  await migrateDb(databaseUrl);
  log(`servers up and database migrated in ${Date.now() - started} ms`);
  const server = temporalResult.value;
  return { databaseUrl, temporal: server ? { address: server.address, pid: server.pid } : null };
}

/**
 * The system as the benchmarks run it: PostgreSQL, an in-memory Temporal dev server, the simulated outside
 * systems hosted here (instant: no latency, no failure; the clearing system and BBOSS never answer unless
 * `behaviours` says otherwise), the order worker on `taskQueue` (its workflow code bundled outside this
 * process), the API on a free port and a client of the benchmark's own. `seed` runs once the database is
 * migrated, before the worker starts.
 */
export async function startSystem<D>(
  cleanup: Cleanup,
  log: Log,
  options: {
    pool: number;
    taskQueue: string;
    config: Record<string, string>;
    behaviours: BehaviourOverrides;
    seed: (parts: PostgresParts) => Promise<D>;
  },
): Promise<SystemParts & { seeded: D }> {
  const [servers, workflowBundle] = await Promise.all([
    startServers(cleanup, log, { temporal: true }),
    cachedWorkflowBundle(workflowsPath, log),
  ]);
  const { databaseUrl } = servers;
  const db = openPool(cleanup, databaseUrl, options.pool);
  const seeded = await options.seed({ databaseUrl, db });

  const address = servers.temporal?.address ?? '';
  const config = configSchema.parse({
    TEMPORAL_ADDRESS: address,
    DATABASE_URL: databaseUrl,
    TEMPORAL_TASK_QUEUE: options.taskQueue,
    LOG_LEVEL: 'silent',
    ...options.config,
  });
  const hosted = { apiUrl: null as string | null };
  const simulators = await startSimulators({
    config,
    databaseUrl,
    callbackApiUrl: () => hosted.apiUrl ?? 'http://127.0.0.1:9',
    behaviours: instantWith(options.behaviours),
    demoBankAccounts: false,
  });
  cleanup.add('simulators', simulators.stop);

  const workerStarted = Date.now();
  const system = await compose(
    { ...config, SIMULATORS_URL: simulators.url },
    { db, workflowBundle, logger: false },
  );
  cleanup.add('composition (worker, API, connections)', system.close);
  const workerConnection = await system.workerConnection();
  const { running } = await system.startWorker();
  void running.catch((err: unknown) => log(`order worker stopped with an error: ${String(err)}`));
  log(`order worker running on "${options.taskQueue}" (created in ${Date.now() - workerStarted} ms)`);

  const app = await system.api();
  const baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
  hosted.apiUrl = baseUrl;
  log(`API listening on ${baseUrl}`);

  const driver = await Connection.connect({ address });
  cleanup.add('driver Temporal connection', () => driver.close());
  const client = new Client({ connection: driver, namespace: config.TEMPORAL_NAMESPACE });
  return {
    databaseUrl,
    db,
    config,
    temporalPid: servers.temporal?.pid,
    baseUrl,
    client,
    workerConnection,
    login: (operatorId) => login(baseUrl, operatorId),
    seeded,
  };
}

function instantWith(overrides: BehaviourOverrides): BehaviourOverrides {
  return {
    ...instantBehaviours,
    // The benchmarks run no port-in or group order unless they say so: the clearing system and BBOSS never answer.
    clearing: { ...instantBehaviours.clearing, lossRate: 1, ...overrides.clearing },
    bboss: { ...instantBehaviours.bboss, lossRate: 1, ...overrides.bboss },
    hlr: { ...instantBehaviours.hlr, ...overrides.hlr },
    bank: { ...instantBehaviours.bank, ...overrides.bank },
    sms: { ...instantBehaviours.sms, ...overrides.sms },
    telephony: { ...instantBehaviours.telephony, ...overrides.telephony },
  };
}

/**
 * The system as `npm start` builds it (infra/runtime.ts, the same start-up and warming), its data in a temp
 * DATA_DIR and every port free: the Temporal dev server on a SQLite file, embedded PostgreSQL, the demo data,
 * the simulators at their configured (default) latencies, the worker with its metrics port, the API with the
 * console. Only the log level is quieter (`error`), so the figures stay readable.
 */
export async function startAsNpmStart(
  cleanup: Cleanup,
  log: Log,
  options: { config: Record<string, string> },
): Promise<RuntimeParts> {
  const dir = workDir(cleanup, log);
  const [temporalPort, uiPort, pgPort, metricsPort] = (await freePorts(4)) as [
    number,
    number,
    number,
    number,
  ];
  const config = configSchema.parse({
    DATA_DIR: dir,
    TEMPORAL_DEV_PORT: String(temporalPort),
    TEMPORAL_UI_PORT: String(uiPort),
    EMBEDDED_PG_PORT: String(pgPort),
    WORKER_METRICS_PORT: String(metricsPort),
    SIMULATORS_PORT: '0',
    API_PORT: '0',
    API_HOST: '127.0.0.1',
    LOG_LEVEL: 'error',
    ...options.config,
  });
  installWorkerRuntime(config);
  const started = Date.now();
  const runtime = await startRuntime(config, log);
  const startUpMs = Date.now() - started;
  cleanup.add('runtime (as npm start)', runtime.stop);
  log(`started as npm start in ${startUpMs} ms: API ${runtime.apiUrl}, Temporal ${runtime.temporalAddress}`);
  const driver = await Connection.connect({ address: runtime.temporalAddress });
  cleanup.add('driver Temporal connection', () => driver.close());
  return {
    runtime,
    config,
    temporalDbFile: join(dir, 'temporal.db'),
    startUpMs,
    client: new Client({ connection: driver, namespace: config.TEMPORAL_NAMESPACE }),
    simulators: connectSimulators(runtime.simulatorsUrl),
    login: (operatorId) => login(runtime.apiUrl, operatorId),
  };
}

/** Signs a demo operator in at STORE-BJ-001 through the API; returns the token. */
async function login(baseUrl: string, operatorId: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ operatorId, password: DEMO_PASSWORD, channelCode: 'STORE-BJ-001' }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

export interface TopologyParts {
  topology: Topology;
  config: AppConfig;
  /** A pool of the benchmark's own on the system's database, for its checks. */
  db: Db;
  simulators: ReturnType<typeof connectSimulators>;
  /** The benchmark's own Temporal client, on the cluster's frontend. */
  client: Client;
}

/**
 * The production topology of `npm run cluster` (infra/topology.ts) on free ports and a temp directory, with
 * the demo data: a Temporal cluster of the real server, 2 workers, 2 API replicas behind the load balancer.
 */
export async function startTopologyForBench(
  cleanup: Cleanup,
  log: Log,
  options: { config: Record<string, string> },
): Promise<TopologyParts> {
  const dir = workDir(cleanup, log);
  const env = { ...RAISED_RATE_LIMITS, LOG_LEVEL: 'warn', ...options.config };
  const config = configSchema.parse(env);
  const topology = await startTopology({
    config,
    dataDir: dir,
    ports: await freeTopologyPorts(),
    seed: true,
    env,
    log,
  });
  cleanup.add('topology', topology.stop);
  const handle = createDb(topology.databaseUrl, { max: 4 });
  cleanup.add('database pool', handle.close);
  const connection = await Connection.connect({ address: topology.temporalAddress });
  cleanup.add('driver Temporal connection', () => connection.close());
  return {
    topology,
    config,
    db: handle.db,
    simulators: connectSimulators(topology.simulatorsUrl),
    client: new Client({ connection, namespace: config.TEMPORAL_NAMESPACE }),
  };
}
