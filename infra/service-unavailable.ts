import { isGrpcServiceError } from '@temporalio/client';
import { AppError } from '../domain/errors';

/** gRPC status codes (grpc/status.h) of a Temporal that did not answer in time or could not be reached. */
const GRPC_DEADLINE_EXCEEDED = 4;
const GRPC_UNAVAILABLE = 14;

/** Node socket codes and postgres.js connection codes of a PostgreSQL that cannot be reached. */
const unreachableDatabaseCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
]);

/**
 * PostgreSQL SQLSTATEs of a server going away or not taking connections yet: 57P01 admin shutdown, 57P02 crash
 * shutdown, 57P03 cannot connect now (starting up, shutting down); class 08 is connection exceptions, except 08P01
 * (protocol violation: a client bug, not an outage).
 */
const unavailableSqlStates = new Set(['57P01', '57P02', '57P03']);

export interface Unreachable {
  service: 'Temporal' | 'PostgreSQL';
  /** What the driver said (a gRPC status or a connection error code), for the log. */
  cause: string;
}

/**
 * Which service an error says could not be reached, looking through its `cause`s: the Temporal client wraps gRPC
 * errors (ServiceError, WorkflowUpdateRPCTimeoutOrCancelledError), drizzle wraps postgres.js errors
 * (DrizzleQueryError). Null for anything else — a refusal, a bug — which keeps its own answer.
 */
export function unreachableService(err: unknown): Unreachable | null {
  let current: unknown = err;
  for (let depth = 0; current instanceof Error && depth < 10; depth++, current = current.cause) {
    if (isGrpcServiceError(current)) {
      const status: number = current.code;
      if (status === GRPC_UNAVAILABLE || status === GRPC_DEADLINE_EXCEEDED) {
        return { service: 'Temporal', cause: `gRPC ${status}: ${current.details}` };
      }
      continue;
    }
    const code: unknown = (current as { code?: unknown }).code;
    if (
      typeof code === 'string' &&
      (unreachableDatabaseCodes.has(code) ||
        unavailableSqlStates.has(code) ||
        (/^08[0-9A-Z]{3}$/.test(code) && code !== '08P01'))
    ) {
      return { service: 'PostgreSQL', cause: code };
    }
  }
  return null;
}

/**
 * REQ: ORD-3 — the answer to a request that failed because Temporal or PostgreSQL could not be reached: 503
 * ServiceUnavailable, so the clerk retries (with the same Idempotency-Key: still one order) rather than reading a
 * 500 as "the order failed". Null when the error is something else.
 */
export function serviceUnavailable(err: unknown): AppError | null {
  if (err instanceof AppError) return err.code === 'ServiceUnavailable' ? err : null;
  const unreachable = unreachableService(err);
  if (!unreachable) return null;
  return new AppError(
    'ServiceUnavailable',
    `${unreachable.service} cannot be reached right now; try again shortly — a submission retried with the same ` +
      'Idempotency-Key is still one order',
  );
}
