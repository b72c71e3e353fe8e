import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { AppError, isErrorCode } from '../../domain/errors';
import { serviceUnavailable } from '../../api/service-unavailable';

/**
 * A workflow's refusal of an update (its validator or handler threw an ApplicationFailure whose type is one of
 * our error codes) as the AppError the API answers; a Temporal that could not be reached is ServiceUnavailable
 * (so the caller does not go on to read the failure as "no such order"); null for anything else (not found,
 * closed).
 */
export function updateRefusal(err: unknown): AppError | null {
  if (
    err instanceof WorkflowUpdateFailedError &&
    err.cause instanceof ApplicationFailure &&
    isErrorCode(err.cause.type)
  ) {
    return new AppError(err.cause.type, err.cause.message);
  }
  return serviceUnavailable(err);
}
