import type { Logger as TemporalLogger } from '@temporalio/common';
import { Runtime } from '@temporalio/worker';
import type { AppConfig } from '../temporal.config';
import { createLogger, temporalLogger, type LogDestination, type LogLevelName } from './logging';

let installed = false;

/**
 * Installs the Temporal SDK runtime of a worker process once, before its first connection: its logger and
 * its telemetry. Later calls in the same process change nothing.
 */
export function installWorkerRuntime(config: AppConfig): void {
  if (installed) return;
  installed = true;
  Runtime.install({ logger: workerLogger(config.LOG_LEVEL) });
}

/**
 * OPS: the SDK runtime's logger of a worker process: the masked JSON lines of infra/logging.ts (service
 * `worker`) at `level`, on standard output unless a destination is given (a test that reads them).
 */
export function workerLogger(level: LogLevelName, destination?: LogDestination): TemporalLogger {
  return temporalLogger(createLogger({ service: 'worker', level, ...(destination ? { destination } : {}) }));
}
