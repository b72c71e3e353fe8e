import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { WorkflowBundle } from '@temporalio/worker';
import type { FastifyInstance } from 'fastify';
import { migrateDb } from '../db/client';
import { seedDemoData } from '../db/seed';
import { startSimulators } from '../simulators/host';
import type { AppConfig } from '../temporal.config';
import { ensureRecurringWork, recurringWork } from '../workers/schedules';
import { compose } from './compose';
import { startTemporalDevServer } from './dev-server';
import { ensureDatabase, startEmbeddedPostgres } from './postgres';
import { ensureSearchAttributes } from './search-attributes';
import { supervise } from './supervise';
import { warmUp } from './warm-up';

export interface Runtime {
  apiUrl: string;
  temporalAddress: string;
  temporalUiUrl: string | null;
  databaseUrl: string;
  /** The simulated outside systems: hosted here, or the process SIMULATORS_URL names. */
  simulatorsUrl: string;
  app: FastifyInstance;
  /**
   * Settles when a server the runtime started (the Temporal dev server, the embedded PostgreSQL) died and could
   * not be started again: the error says which and why. Never settles while all is well.
   */
  failed: Promise<Error>;
  stop: () => Promise<void>;
}

/**
 * The whole system in one process tree: Temporal (given, or a dev server with its state under DATA_DIR),
 * PostgreSQL (given, or embedded under DATA_DIR), migrations, demo data, the simulated outside systems (given
 * at SIMULATORS_URL, or hosted here), one worker and the API. A dev server
 * or embedded PostgreSQL that dies is said so in the log and started again with its state on the same port
 * (infra/supervise.ts); the worker and the API carry on once it is back. Before it resolves, what the first
 * order would otherwise pay for alone is warmed (infra/warm-up.ts). `workflowBundle` spares a caller that
 * already has one (a test) the bundling.
 */
export async function startRuntime(
  config: AppConfig,
  log: (line: string) => void,
  options: { workflowBundle?: WorkflowBundle } = {},
): Promise<Runtime> {
  let giveUp: (err: Error) => void = () => undefined;
  const failed = new Promise<Error>((resolve) => {
    giveUp = resolve;
  });
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const s of stops.reverse())
      await s().catch((err: unknown) => log(`shutdown step failed: ${String(err)}`));
  };
  try {
    const dataDir = resolve(config.DATA_DIR);
    mkdirSync(dataDir, { recursive: true });

    let temporalAddress = config.TEMPORAL_ADDRESS;
    let temporalUiUrl: string | null = null;
    if (!temporalAddress) {
      log('starting Temporal dev server…');
      const devServer = {
        port: config.TEMPORAL_DEV_PORT,
        uiPort: config.TEMPORAL_UI_PORT,
        dbFile: resolve(dataDir, 'temporal.db'),
        namespace: config.TEMPORAL_NAMESPACE,
        log,
      };
      const server = await startTemporalDevServer(devServer);
      const supervised = supervise({
        name: 'Temporal dev server',
        where: `${server.address}, state in ${devServer.dbFile}`,
        first: server,
        restart: () => startTemporalDevServer(devServer),
        log,
        onGiveUp: giveUp,
      });
      stops.push(supervised.stop);
      temporalAddress = server.address;
      temporalUiUrl = server.uiUrl;
    }

    let databaseUrl = config.DATABASE_URL;
    if (!databaseUrl) {
      log('starting embedded PostgreSQL…');
      const pgDataDir = resolve(dataDir, 'pg');
      const pg = await startEmbeddedPostgres({
        dataDir: pgDataDir,
        port: config.EMBEDDED_PG_PORT,
        persistent: true,
        log,
      });
      const supervised = supervise({
        name: 'PostgreSQL',
        where: `127.0.0.1:${config.EMBEDDED_PG_PORT}, data in ${pgDataDir}`,
        first: pg,
        restart: () => pg.restart(),
        log,
        onGiveUp: giveUp,
      });
      stops.push(supervised.stop);
      databaseUrl = await ensureDatabase(pg.url, 'telecom_om');
    }
    await migrateDb(databaseUrl);
    // The outside systems: the simulators process at SIMULATORS_URL, or hosted here on SIMULATORS_PORT (same
    // tables, same HTTP). REQ: MNP-5, GRP-4 — they POST their callbacks, signed, to this API's callback
    // routes, which signal the workflows; the API's URL is known once it listens.
    let apiUrl: string | null = null;
    let simulatorsUrl = config.SIMULATORS_URL;
    if (!simulatorsUrl) {
      const simulators = await startSimulators({
        config,
        databaseUrl,
        host: config.SIMULATORS_HOST,
        port: config.SIMULATORS_PORT,
        callbackApiUrl: () => apiUrl ?? config.CALLBACK_API_URL,
        warn: log,
      });
      stops.push(simulators.stop);
      simulatorsUrl = simulators.url;
      log(`simulators ready at ${simulatorsUrl}`);
    }
    const system = await compose(
      {
        ...config,
        TEMPORAL_ADDRESS: temporalAddress,
        DATABASE_URL: databaseUrl,
        SIMULATORS_URL: simulatorsUrl,
      },
      options.workflowBundle ? { workflowBundle: options.workflowBundle } : {},
    );
    stops.push(system.close);
    if (config.SEED_DEMO_DATA ?? !config.DATABASE_URL) {
      await seedDemoData(system.db);
      log('demo data ready');
    }
    await ensureSearchAttributes(system.connection, config.TEMPORAL_NAMESPACE, log);
    await ensureRecurringWork(system.client, recurringWork(config));
    await system.startWorker();
    // REQ: NOTIF-1 — administrators read the simulated SMS gateway's phones at
    // GET /api/v1/sms-simulator/inbox/:msisdn (the only place a texted code can be seen in the demo); the
    // simulated HLR's and bank's latency at PUT /api/v1/simulators/hlr and …/bank (REQ: UI-1).
    const app = await system.api({ simulatorRoutes: true, console: true });
    await app.listen({ host: config.API_HOST, port: config.API_PORT });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.API_PORT;
    apiUrl = `http://${config.API_HOST}:${port}`;
    // The first order after start-up should not pay for what start-up can open and run once.
    await warmUp({
      db: system.db,
      poolSize: config.DATABASE_POOL_MAX,
      client: system.client,
      app,
      simulators: system.simulators,
      log,
    });
    return {
      apiUrl,
      temporalAddress,
      temporalUiUrl,
      databaseUrl,
      simulatorsUrl,
      app,
      failed,
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
