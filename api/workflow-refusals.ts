import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { AppError, isErrorCode } from '../domain/errors';

/**
 * A workflow's refusal of an update (its validator or handler threw an ApplicationFailure whose type is one of
 * our error codes) as the AppError the API answers; null for anything else (not found, closed, transport).
 */
export function updateRefusal(err: unknown): AppError | null {
  if (
    err instanceof WorkflowUpdateFailedError &&
    err.cause instanceof ApplicationFailure &&
    isErrorCode(err.cause.type)
  ) {
    return new AppError(err.cause.type, err.cause.message);
  }
  return null;
}
