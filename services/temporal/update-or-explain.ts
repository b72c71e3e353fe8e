import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { AppError, isErrorCode } from '../../domain/errors';
import { serviceUnavailable } from '../../infra/service-unavailable';

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

/** How to tell why an update did not run, when the workflow itself did not refuse it. */
export interface UpdateExplanations {
  /** Temporal knows no workflow by this ID. */
  notFound: () => AppError;
  /** The workflow has ended (completed, failed, cancelled…) and takes no more updates. */
  closed: () => Promise<AppError>;
}

/**
 * Runs an update on a workflow and answers with what it returns. When the update does not run, says why: the
 * workflow's refusal keeps its code (`updateRefusal`); otherwise the workflow is described to tell a workflow
 * that does not exist from one that has ended. Anything else is rethrown as it came.
 */
export async function updateOrExplain<T>(
  handle: WorkflowHandle,
  update: (handle: WorkflowHandle) => Promise<T>,
  explain: UpdateExplanations,
): Promise<T> {
  try {
    return await update(handle);
  } catch (err) {
    const refusal = updateRefusal(err);
    if (refusal) throw refusal;
    const description = await handle.describe().catch(() => null);
    if (!description) throw explain.notFound();
    if (description.status.name !== 'RUNNING') throw await explain.closed();
    throw err;
  }
}
