import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createDb, migrateDb } from '../db/client';
import { seedDemoData } from '../db/seed';
import type { AppConfig } from '../temporal.config';
import { startNodeService, type NodeServiceRun } from './node-service';
import { ensureDatabase, startEmbeddedPostgres, type PostgresHandle } from './postgres';
import { startRoundRobinProxy, type RoundRobinProxy } from './round-robin-proxy';
import { supervise } from './supervise';
import { cachedWorkflowBundleFile, orderWorkflowsPath } from './workflow-bundle';
import { resolveTemporalServer } from './temporal-server/build';
import { startTemporalCluster, type TemporalCluster } from './temporal-server/cluster';
import { conventionalPorts, TEMPORAL_SERVICES, type TemporalPorts } from './temporal-server/config';
import { freePorts, freePortsIn } from './ports';

/** Where each part of the topology listens. */
export interface TopologyPorts {
  postgres: number;
  temporal: TemporalPorts;
  simulators: number;
  /** The load balancer in front of the API replicas: the URL staff and callbacks use. */
  proxy: number;
  /** One per API replica. */
  apis: number[];
  /** One per worker process: its Prometheus exporter. */
  workerMetrics: number[];
}

/** `npm run cluster`'s ports: npm start's, the replicas just above the API's (run one of the two at a time). */
export function defaultTopologyPorts(config: AppConfig, replicas = { apis: 2, workers: 2 }): TopologyPorts {
  return {
    postgres: config.EMBEDDED_PG_PORT,
    temporal: conventionalPorts(config.TEMPORAL_DEV_PORT),
    simulators: config.SIMULATORS_PORT,
    proxy: config.API_PORT,
    apis: Array.from({ length: replicas.apis }, (_, i) => config.API_PORT + 1 + i),
    workerMetrics: Array.from({ length: replicas.workers }, (_, i) => config.WORKER_METRICS_PORT + i),
  };
}

/** Ports for a topology with `apis` replicas and `workers` workers, free right now (tests, benchmarks). */
export async function freeTopologyPorts(replicas = { apis: 2, workers: 2 }): Promise<TopologyPorts> {
  const ports = await freePorts(TEMPORAL_SERVICES.length * 2 + 3 + replicas.apis + replicas.workers);
  // Temporal keeps membership ports in a smallint: below the ephemeral range.
  const membership = await freePortsIn(TEMPORAL_SERVICES.length, 20_000, 32_767);
  const next = () => {
    const port = ports.shift();
    if (port === undefined) throw new Error('not enough free ports');
    return port;
  };
  const temporal = Object.fromEntries(
    TEMPORAL_SERVICES.map((service, i) => [
      service,
      { grpc: next(), membership: membership[i] ?? 0, metrics: next() },
    ]),
  ) as TemporalPorts;
  return {
    postgres: next(),
    temporal,
    simulators: next(),
    proxy: next(),
    apis: Array.from({ length: replicas.apis }, next),
    workerMetrics: Array.from({ length: replicas.workers }, next),
  };
}

/** A part of the topology kept running by a supervisor; `current` is its process now. */
export interface Supervised<R> {
  name: string;
  current: () => R;
  /** No more restarts: a part taken down on purpose stays down. */
  standDown: () => void;
  /** Stopped, and started again `ms` later (see `supervise`). */
  takeDown: (ms: number) => Promise<void>;
  stop: () => Promise<void>;
}

export interface Topology {
  /** The load balancer's URL: the console and API for staff, the callback URL of the outside systems. */
  url: string;
  /** Each API replica's own URL. */
  apiUrls: string[];
  temporalAddress: string;
  databaseUrl: string;
  simulatorsUrl: string;
  temporal: TemporalCluster;
  postgres: Supervised<PostgresHandle>;
  simulators: Supervised<NodeServiceRun>;
  workers: Supervised<NodeServiceRun>[];
  apis: Supervised<NodeServiceRun>[];
  proxy: RoundRobinProxy;
  logDir: string;
  /** Settles when a part died and could not be kept running. */
  failed: Promise<Error>;
  stop: () => Promise<void>;
}

/**
 * The production topology on one machine: PostgreSQL (embedded, standing in for the managed one) holding both
 * the system's database and Temporal's; a Temporal cluster of the real server, one process per service; the
 * simulated outside systems; `workers` worker processes and `apis` API replicas behind a round-robin load
 * balancer, to which the outside systems post their callbacks. Every process is kept running by a supervisor
 * (restarted with its state and ports when it dies). State and logs live under `dataDir`.
 */
export async function startTopology(options: {
  config: AppConfig;
  dataDir: string;
  ports: TopologyPorts;
  historyShards?: number;
  /** Operators, channels, products, numbers and SIMs of the demo (`npm run cluster`). */
  seed?: boolean;
  /** Settings for the system's own processes (workers, API replicas, simulators) over this process's. */
  env?: Record<string, string>;
  log: (line: string) => void;
}): Promise<Topology> {
  const { config, ports, log } = options;
  const dataDir = resolve(options.dataDir);
  const logDir = join(dataDir, 'logs');
  mkdirSync(logDir, { recursive: true });
  let giveUp: (err: Error) => void = () => undefined;
  const failed = new Promise<Error>((done) => {
    giveUp = done;
  });
  const stops: (() => Promise<void>)[] = [];
  const standDowns: (() => void)[] = [];
  const stop = async () => {
    for (const standDown of standDowns) standDown();
    for (const step of stops.splice(0).reverse())
      await step().catch((err: unknown) => log(`shutdown step failed: ${String(err)}`));
  };
  const keep = <R extends { stop: () => Promise<void>; exited: Promise<string> }>(
    name: string,
    where: string,
    first: R,
    restart: () => Promise<R>,
  ): Supervised<R> => {
    const supervised = supervise({ name, where, first, restart, log, onGiveUp: giveUp });
    stops.push(supervised.stop);
    standDowns.push(supervised.standDown);
    const { current, standDown, takeDown, stop: stopIt } = supervised;
    return { name, current, standDown, takeDown, stop: stopIt };
  };
  try {
    const build = resolveTemporalServer(log);
    log(`starting PostgreSQL on 127.0.0.1:${ports.postgres}…`);
    const pgDir = join(dataDir, 'pg');
    const pg = await startEmbeddedPostgres({ dataDir: pgDir, port: ports.postgres, persistent: true, log });
    const postgres = keep('PostgreSQL', `127.0.0.1:${ports.postgres}, data in ${pgDir}`, pg, () =>
      pg.restart(),
    );
    const databaseUrl = await ensureDatabase(pg.url, 'telecom_om');
    await migrateDb(databaseUrl);
    if (options.seed) {
      const handle = createDb(databaseUrl, { max: 2 });
      await seedDemoData(handle.db).finally(handle.close);
      log('demo data ready');
    }

    log(`starting the Temporal cluster (server ${build.version}, one process per service)…`);
    const temporal = await startTemporalCluster({
      build,
      store: {
        host: '127.0.0.1',
        port: ports.postgres,
        user: 'postgres',
        password: new URL(pg.url).password,
        database: 'temporal',
        visibilityDatabase: 'temporal_visibility',
      },
      ports: ports.temporal,
      historyShards: options.historyShards ?? 4,
      namespace: config.TEMPORAL_NAMESPACE,
      stateDir: join(dataDir, 'temporal'),
      log,
    });
    stops.push(temporal.stop);
    standDowns.push(temporal.standDown);
    void temporal.failed.then(giveUp);

    const proxyUrl = `http://${config.API_HOST}:${ports.proxy}`;
    const simulatorsUrl = `http://127.0.0.1:${ports.simulators}`;
    const common: Record<string, string> = {
      TEMPORAL_ADDRESS: temporal.address,
      DATABASE_URL: databaseUrl,
      SIMULATORS_URL: simulatorsUrl,
      CALLBACK_API_URL: proxyUrl,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
      ...options.env,
    };
    const node = (
      name: string,
      entry: string,
      env: Record<string, string>,
      ready: { port: number } | 'says-so',
    ) => {
      const start = () =>
        startNodeService({
          name,
          entry,
          env: { ...common, ...env },
          logFile: join(logDir, `${name}.log`),
          ready,
        });
      return start().then((first) => keep(name, `log in ${join(logDir, `${name}.log`)}`, first, start));
    };

    // Bundled once for every worker: one restarted after a crash polls again in seconds.
    const bundleFile = await cachedWorkflowBundleFile(orderWorkflowsPath, log);
    log('starting the simulators, the workers and the API replicas…');
    const simulators = await node(
      'simulators',
      'simulators/main.ts',
      { SIMULATORS_PORT: String(ports.simulators) },
      {
        port: ports.simulators,
      },
    );
    const workers = await allStarted(
      ports.workerMetrics.map((metricsPort, i) =>
        node(
          `worker-${i + 1}`,
          'workers/main.ts',
          {
            WORKER_METRICS_PORT: String(metricsPort),
            MALLOC_ARENA_MAX: '2',
            WORKFLOW_BUNDLE_PATH: bundleFile,
          },
          'says-so',
        ),
      ),
    );
    const apis = await allStarted(
      ports.apis.map((port, i) =>
        node(`api-${i + 1}`, 'api/server.ts', { API_PORT: String(port) }, { port }),
      ),
    );
    const proxy = await startRoundRobinProxy({
      host: config.API_HOST,
      port: ports.proxy,
      backends: ports.apis.map((port) => ({ host: config.API_HOST, port })),
    });
    stops.push(proxy.close);
    return {
      url: proxy.url,
      apiUrls: ports.apis.map((port) => `http://${config.API_HOST}:${port}`),
      temporalAddress: temporal.address,
      databaseUrl,
      simulatorsUrl,
      temporal,
      postgres,
      simulators,
      workers,
      apis,
      proxy,
      logDir,
      failed,
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

/**
 * Waits for every start to settle before answering, so that a part still starting when another failed is
 * registered (and so stopped) too; then throws the first failure.
 */
async function allStarted<T>(starts: Promise<T>[]): Promise<T[]> {
  const settled = await Promise.allSettled(starts);
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason instanceof Error ? failed.reason : new Error(String(failed.reason));
  return settled.map((s) => (s as PromiseFulfilledResult<T>).value);
}
