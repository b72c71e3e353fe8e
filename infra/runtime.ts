import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { Client } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../api/app';
import { createBbossCallbackSink } from '../api/bboss-callback-sink';
import { createMnpCallbackSink } from '../api/mnp-callback-sink';
import { createDb, migrateDb } from '../db/client';
import { seedDemoData } from '../db/seed';
import type { AppConfig } from '../temporal.config';
import { createWorker } from '../workers/create-worker';
import { ensureSchedules } from '../workers/schedules';
import { createSimulators } from '../workers/simulators';
import { startTemporalDevServer } from './dev-server';
import { ensureDatabase, startEmbeddedPostgres } from './postgres';
import { connectClient, connectWorker } from './temporal-connection';

export interface Runtime {
  apiUrl: string;
  temporalAddress: string;
  temporalUiUrl: string | null;
  databaseUrl: string;
  app: FastifyInstance;
  stop: () => Promise<void>;
}

/**
 * The whole system in one process tree: Temporal (given, or a dev server with its state under DATA_DIR),
 * PostgreSQL (given, or embedded under DATA_DIR), migrations, demo data, one worker and the API.
 */
export async function startRuntime(config: AppConfig, log: (line: string) => void): Promise<Runtime> {
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
      const server = await startTemporalDevServer({
        port: config.TEMPORAL_DEV_PORT,
        uiPort: config.TEMPORAL_UI_PORT,
        dbFile: resolve(dataDir, 'temporal.db'),
        namespace: config.TEMPORAL_NAMESPACE,
        log,
      });
      stops.push(server.stop);
      temporalAddress = server.address;
      temporalUiUrl = server.uiUrl;
    }

    let databaseUrl = config.DATABASE_URL;
    if (!databaseUrl) {
      log('starting embedded PostgreSQL…');
      const pg = await startEmbeddedPostgres({
        dataDir: resolve(dataDir, 'pg'),
        port: config.EMBEDDED_PG_PORT,
        persistent: true,
        log,
      });
      stops.push(pg.stop);
      databaseUrl = await ensureDatabase(pg.url, 'telecom_om');
    }
    await migrateDb(databaseUrl);
    const { db, close } = createDb(databaseUrl, {
      connectTimeoutSeconds: config.DATABASE_CONNECT_TIMEOUT_SECONDS,
    });
    stops.push(close);
    if (config.SEED_DEMO_DATA ?? !config.DATABASE_URL) {
      await seedDemoData(db);
      log('demo data ready');
    }

    const workerConnection = await connectWorker(config, temporalAddress);
    stops.push(() => workerConnection.close());
    const connection = await connectClient(config, temporalAddress);
    stops.push(() => connection.close());
    const client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
    await ensureSchedules(client, config.TEMPORAL_TASK_QUEUE, config.BUSINESS_UTC_OFFSET_HOURS);

    // REQ: MNP-5 — verified clearing-system callbacks signal the port-in workflows. A real clearing system
    // would POST them, signed, to /api/v1/callbacks/mnp; the simulated one hands them to the same sink
    // in-process.
    const mnpCallbacks = createMnpCallbackSink(client, { db, config });
    const bbossCallbacks = createBbossCallbackSink(client);
    const simulators = createSimulators(config, { mnp: mnpCallbacks, bboss: bbossCallbacks });
    stops.push(async () => {
      simulators.clearing.stop();
      simulators.bboss.stop();
    });
    const worker = await createWorker({
      connection: workerConnection,
      namespace: config.TEMPORAL_NAMESPACE,
      taskQueue: config.TEMPORAL_TASK_QUEUE,
      deps: { db, config, ...simulators },
    });
    const running = worker.run();
    stops.push(async () => {
      // The SDK drains the worker by itself on SIGINT/SIGTERM; shut it down here only if it still runs.
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
    });

    // REQ: NOTIF-1 — the simulated SMS gateway runs here: administrators read its phones at
    // GET /api/v1/sms-simulator/inbox/:msisdn (the only place a texted code can be seen in the demo).
    const app = await buildApp({
      db,
      client,
      connection,
      config,
      mnpCallbacks,
      bbossCallbacks,
      smsInbox: simulators.sms,
    });
    await app.listen({ host: config.API_HOST, port: config.API_PORT });
    stops.push(() => app.close());
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.API_PORT;
    return {
      apiUrl: `http://${config.API_HOST}:${port}`,
      temporalAddress,
      temporalUiUrl,
      databaseUrl,
      app,
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
