import { readFileSync } from 'node:fs';
import { migrateDb } from '../db/client';
import { compose } from '../infra/compose';
import { createLogger } from '../infra/logging';
import { ensureSearchAttributes } from '../infra/search-attributes';
import { installWorkerRuntime } from '../infra/worker-runtime';
import { loadConfig } from '../temporal.config';
import { ensureRecurringWork, recurringWork } from './schedules';

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
  const log = createLogger({ service: 'worker', level: config.LOG_LEVEL });
  const system = await compose(
    config,
    config.WORKFLOW_BUNDLE_PATH
      ? { workflowBundle: { code: readFileSync(config.WORKFLOW_BUNDLE_PATH, 'utf8') } }
      : {},
  );
  try {
    await ensureSearchAttributes(system.connection, config.TEMPORAL_NAMESPACE, (line) => log.info(line));
    await ensureRecurringWork(system.client, recurringWork(config));
    const { running } = await system.startWorker();
    log.info(
      { taskQueue: config.TEMPORAL_TASK_QUEUE, temporalAddress: config.TEMPORAL_ADDRESS },
      'worker polling task queue',
    );
    // A supervisor that started this process (infra/node-service.ts) waits for this word; the channel must not
    // keep the process alive once the worker has stopped.
    if (process.send) {
      process.send({ ready: true });
      process.channel?.unref();
    }
    await running; // resolves after SIGINT/SIGTERM (the SDK installs the handlers) once in-flight work drains
  } finally {
    await system.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
