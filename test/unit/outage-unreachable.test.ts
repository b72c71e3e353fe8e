import { ServiceError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { DrizzleQueryError } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { serviceUnavailable, unreachableService } from '../../infra/service-unavailable';
import { AppError } from '../../domain/errors';

/** A gRPC error as @grpc/grpc-js rejects a call with (UNAVAILABLE = 14, DEADLINE_EXCEEDED = 4, NOT_FOUND = 5). */
const grpcError = (code: number, details: string) =>
  Object.assign(new Error(`${code} ${details}`), { code, details, metadata: {} });

/** An error as postgres.js rejects a query with: a socket or connection code, or a server SQLSTATE. */
const pgError = (code: string) => Object.assign(new Error(`postgres ${code}`), { code });

/**
 * REQ: ORD-3 — which failures the API answers 503 ServiceUnavailable (Temporal or PostgreSQL cannot be
 * reached, however the client libraries wrap it) and which keep their own answer.
 */
describe('telling an unreachable Temporal or PostgreSQL from other failures', () => {
  it.each([
    [
      'a start the client wrapped in ServiceError',
      new ServiceError('Failed to start Workflow', { cause: grpcError(14, 'No connection established') }),
    ],
    [
      'an update past its deadline',
      new WorkflowUpdateRPCTimeoutOrCancelledError('timeout', { cause: grpcError(4, 'Deadline exceeded') }),
    ],
    ['a bare gRPC UNAVAILABLE', grpcError(14, 'connect ECONNREFUSED')],
  ])('ORD-3: Temporal — %s', (_, err) => {
    expect(unreachableService(err)?.service).toBe('Temporal');
    expect(serviceUnavailable(err)?.code).toBe('ServiceUnavailable');
  });

  it.each([
    ['a refused connection inside drizzle', new DrizzleQueryError('select 1', [], pgError('ECONNREFUSED'))],
    ['a connect timeout', pgError('CONNECT_TIMEOUT')],
    ['a server shut down by its administrator', pgError('57P01')],
    ['a server still starting up', pgError('57P03')],
    ['a connection failure (SQLSTATE class 08)', pgError('08006')],
    ['a connection closed under a query', pgError('CONNECTION_CLOSED')],
  ])('ORD-3: PostgreSQL — %s', (_, err) => {
    expect(unreachableService(err)?.service).toBe('PostgreSQL');
    expect(serviceUnavailable(err)?.message).toMatch(/^PostgreSQL cannot be reached/);
  });

  it.each([
    [
      'a workflow Temporal does not know',
      new ServiceError('not found', { cause: grpcError(5, 'workflow not found') }),
    ],
    ['a unique violation', new DrizzleQueryError('insert', [], pgError('23505'))],
    ['a refusal', new AppError('OrderNotFound', 'Order x does not exist')],
    ['a bug', new TypeError('x is undefined')],
  ])('ORD-3: anything else keeps its own answer — %s', (_, err) => {
    expect(unreachableService(err)).toBeNull();
    expect(serviceUnavailable(err)).toBeNull();
  });
});
