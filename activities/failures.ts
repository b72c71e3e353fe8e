import { ApplicationFailure } from '@temporalio/common';
import type { ErrorCode } from '../domain/errors';

/** A business outcome no retry can change: the workflow compensates and the order ends with this code. */
export function businessFailure(
  code: ErrorCode,
  message: string,
  details?: Record<string, unknown>,
): ApplicationFailure {
  return ApplicationFailure.create({
    type: code,
    message,
    nonRetryable: true,
    details: details ? [details] : [],
  });
}

/** A failure worth retrying (an outside system hiccup); after the last attempt the order fails with this code. */
export function transientFailure(code: ErrorCode, message: string): ApplicationFailure {
  return ApplicationFailure.create({ type: code, message, nonRetryable: false });
}
