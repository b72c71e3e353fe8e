import type { Logger as TemporalLogger } from '@temporalio/common';
import { Runtime, type TelemetryOptions } from '@temporalio/worker';
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
  Runtime.install({ logger: workerLogger(config.LOG_LEVEL), telemetryOptions: workerTelemetry(config) });
}

/**
 * The SDK's Prometheus exporter on `WORKER_METRICS_HOST:WORKER_METRICS_PORT` (none when the port is 0): the
 * SDK's own `temporal_*` metrics (schedule-to-start latency, slots, polls, sticky cache) and the activities'
 * business counters (activities/metrics.ts) at `/metrics`. Durations in seconds and counters ending in
 * `_total`, as Prometheus names them; the task queue and namespace are labels of each metric.
 */
export function workerTelemetry(config: AppConfig): TelemetryOptions {
  if (config.WORKER_METRICS_PORT === 0) return {};
  return {
    metrics: {
      prometheus: {
        bindAddress: `${config.WORKER_METRICS_HOST}:${config.WORKER_METRICS_PORT}`,
        countersTotalSuffix: true,
        useSecondsForDurations: true,
      },
    },
  };
}

/**
 * OPS: the SDK runtime's logger of a worker process: the masked JSON lines of infra/logging.ts (service
 * `worker`) at `level`, on standard output unless a destination is given (a test that reads them).
 */
export function workerLogger(level: LogLevelName, destination?: LogDestination): TemporalLogger {
  return temporalLogger(createLogger({ service: 'worker', level, ...(destination ? { destination } : {}) }));
}
