import { readFileSync } from 'node:fs';
import {
  Connection,
  defaultGrpcRetryOptions,
  makeGrpcRetryInterceptor,
  type ConnectionOptions,
} from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import type { AppConfig } from '../temporal.config';

type ConnectOptions = Parameters<typeof NativeConnection.connect>[0] &
  Parameters<typeof Connection.connect>[0];
type GrpcInterceptor = NonNullable<ConnectionOptions['interceptors']>[number];

/** Connection settings for a dev server, a self-hosted cluster (mTLS) or Temporal Cloud (API key). */
export function connectionOptions(config: AppConfig, address: string): ConnectOptions {
  const cert = config.TEMPORAL_TLS_CERT_PATH;
  const key = config.TEMPORAL_TLS_KEY_PATH;
  const mtls =
    cert && key ? { clientCertPair: { crt: readFileSync(cert), key: readFileSync(key) } } : undefined;
  const tls = mtls ?? (config.TEMPORAL_TLS || config.TEMPORAL_API_KEY ? true : undefined);
  return {
    address,
    ...(tls ? { tls } : {}),
    ...(config.TEMPORAL_API_KEY ? { apiKey: config.TEMPORAL_API_KEY } : {}),
  };
}

/**
 * The client connection of the API (and of the workers' callback sinks and schedules). Every call is bounded by
 * TEMPORAL_RPC_DEADLINE_MS, so a Temporal that is down is answered within it (the API says 503) instead of after
 * the SDK's ~20 s of retries. While Temporal is down the connection tries to reconnect at least every
 * SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS (gRPC's own backoff grows to 2 minutes), so the clerks' retries find
 * it back soon after it is.
 */
export function connectClient(config: AppConfig, address: string): Promise<Connection> {
  return Connection.connect({
    ...connectionOptions(config, address),
    interceptors: [deadlineBoundRetries(config.TEMPORAL_RPC_DEADLINE_MS)],
    channelArgs: { 'grpc.max_reconnect_backoff_ms': config.SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS * 1000 },
  });
}

export function connectWorker(config: AppConfig, address: string): Promise<NativeConnection> {
  return NativeConnection.connect(connectionOptions(config, address));
}

/**
 * A gRPC interceptor that gives each call a deadline `deadlineMs` from its start (unless the caller set one, or
 * the call waits for an update to be done)
 * and runs the SDK's own retries of transient failures (UNAVAILABLE and the like, with its backoff) inside it:
 * a retry whose wait would end past the deadline is not made, and the last failure is the call's answer.
 */
export function deadlineBoundRetries(deadlineMs: number): GrpcInterceptor {
  const backoff = defaultGrpcRetryOptions();
  return (options, nextCall) => {
    const given = options.deadline;
    const deadline =
      given !== undefined
        ? given instanceof Date
          ? given.getTime()
          : given
        : waitsForTheWorkflow(options.method_definition.path)
          ? Infinity
          : Date.now() + deadlineMs;
    let nextDelay = 0;
    const retries = makeGrpcRetryInterceptor({
      retryableDecider: (attempt, status) => {
        if (!backoff.retryableDecider(attempt, status)) return false;
        nextDelay = backoff.delayFunction(attempt, status);
        return Date.now() + nextDelay < deadline;
      },
      delayFunction: () => nextDelay,
    });
    return retries(deadline === Infinity ? options : { ...options, deadline }, nextCall);
  };
}

/**
 * An update (a cancel, an approval, a work-order command) answers once the workflow has done it, which may take
 * longer than any RPC deadline while Temporal is well: cut short, the clerk would read 503 for an update that
 * still goes through. Its calls get no deadline of ours; a Temporal that is down still fails them after the SDK's
 * bounded retries (503).
 */
const waitsForTheWorkflow = (path: string): boolean =>
  path.endsWith('/UpdateWorkflowExecution') || path.endsWith('/PollWorkflowExecutionUpdate');
