import { DefaultLogger, Runtime } from '@temporalio/worker';
import type { AppConfig } from '../temporal.config';

let installed = false;

/**
 * Installs the Temporal SDK runtime of a worker process once, before its first connection: its logger and
 * its telemetry. Later calls in the same process change nothing.
 */
export function installWorkerRuntime(config: AppConfig): void {
  if (installed) return;
  installed = true;
  Runtime.install({ logger: new DefaultLogger(config.LOG_LEVEL === 'debug' ? 'DEBUG' : 'WARN') });
}
