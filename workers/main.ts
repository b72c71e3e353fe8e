import { Client } from '@temporalio/client';
// eslint-disable-next-line no-restricted-imports -- moved by the contracts/compose refactor
import { createBbossCallbackSink } from '../api/bboss-callback-sink';
// eslint-disable-next-line no-restricted-imports -- moved by the contracts/compose refactor
import { createMnpCallbackSink } from '../api/mnp-callback-sink';
import { createDb, migrateDb } from '../db/client';
import { connectClient, connectWorker } from '../infra/temporal-connection';
import { loadConfig } from '../temporal.config';
import { createWorker } from './create-worker';
import { ensureSchedules } from './schedules';
import { createSimulators } from './simulators';

/**
 * A worker process on its own, for running against a Temporal cluster and a managed PostgreSQL:
 * TEMPORAL_ADDRESS and DATABASE_URL must be set. Stops cleanly on SIGINT/SIGTERM.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.TEMPORAL_ADDRESS || !config.DATABASE_URL) {
    throw new Error(
      'workers/main.ts needs TEMPORAL_ADDRESS and DATABASE_URL; use `npm start` for the all-in-one set-up',
    );
  }
  await migrateDb(config.DATABASE_URL);
  const { db, close } = createDb(config.DATABASE_URL, {
    connectTimeoutSeconds: config.DATABASE_CONNECT_TIMEOUT_SECONDS,
  });
  const connection = await connectWorker(config, config.TEMPORAL_ADDRESS);
  const clientConnection = await connectClient(config, config.TEMPORAL_ADDRESS);
  const client = new Client({ connection: clientConnection, namespace: config.TEMPORAL_NAMESPACE });
  await ensureSchedules(client, config.TEMPORAL_TASK_QUEUE, config.BUSINESS_UTC_OFFSET_HOURS);
  // The simulated clearing system signals port-in orders directly (a real one POSTs to the API's callback).
  const simulators = createSimulators(config, {
    mnp: createMnpCallbackSink(client, { db, config }),
    bboss: createBbossCallbackSink(client),
  });
  const worker = await createWorker({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    deps: { db, config, ...simulators },
  });
  console.log(`worker polling task queue ${config.TEMPORAL_TASK_QUEUE} on ${config.TEMPORAL_ADDRESS}`);
  await worker.run().finally(() => {
    simulators.clearing.stop();
    simulators.bboss.stop();
  }); // resolves after SIGINT/SIGTERM (the SDK installs the handlers) once in-flight work drains
  await clientConnection.close();
  await connection.close();
  await close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
