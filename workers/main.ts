import { migrateDb } from '../db/client';
import { compose } from '../infra/compose';
import { installWorkerRuntime } from '../infra/worker-runtime';
import { loadConfig } from '../temporal.config';
import { ensureSchedules } from './schedules';

/**
 * A worker process on its own, for running against a Temporal cluster and a managed PostgreSQL:
 * TEMPORAL_ADDRESS and DATABASE_URL must be set, and SIMULATORS_URL, where the outside systems are reached
 * (`npm run simulators`; they POST their callbacks to the API). Stops cleanly on SIGINT/SIGTERM.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.TEMPORAL_ADDRESS || !config.DATABASE_URL || !config.SIMULATORS_URL) {
    throw new Error(
      'workers/main.ts needs TEMPORAL_ADDRESS, DATABASE_URL and SIMULATORS_URL (`npm run simulators`); ' +
        'use `npm start` for the all-in-one set-up',
    );
  }
  installWorkerRuntime(config);
  await migrateDb(config.DATABASE_URL);
  const system = await compose(config);
  try {
    await ensureSchedules(system.client, config.TEMPORAL_TASK_QUEUE, config.BUSINESS_UTC_OFFSET_HOURS);
    const { running } = await system.startWorker();
    console.log(`worker polling task queue ${config.TEMPORAL_TASK_QUEUE} on ${config.TEMPORAL_ADDRESS}`);
    await running; // resolves after SIGINT/SIGTERM (the SDK installs the handlers) once in-flight work drains
  } finally {
    await system.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
