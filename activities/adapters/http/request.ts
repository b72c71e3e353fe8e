import { PaymentDeclinedError } from '../bank';
import { SubscriberExistsError } from '../hlr';
import { TransientOutsideError } from '../simulation';

/** How long one call to an outside system may take before it counts as failed (and is retried). */
const CALL_TIMEOUT_MS = 30_000;

interface ErrorBody {
  code?: string;
  message?: string;
  msisdn?: string;
  system?: string;
  operation?: string;
}

/**
 * One JSON call to an outside system over HTTP. Its refusals come back as the adapters' own errors (409
 * `SubscriberExists`, 402 `PaymentDeclined`, 503 `Transient`), so activities handle them as before; any other
 * failure is a plain error the activity retries.
 */
export async function requestJson<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH',
  url: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(url, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
  });
  const text = await res.text();
  if (res.ok) return (text ? JSON.parse(text) : {}) as T;
  let error: ErrorBody = {};
  try {
    error = JSON.parse(text) as ErrorBody;
  } catch {
    // not JSON: said below as it came
  }
  if (res.status === 409 && error.code === 'SubscriberExists')
    throw new SubscriberExistsError(error.msisdn ?? '');
  if (res.status === 402 && error.code === 'PaymentDeclined')
    throw new PaymentDeclinedError(error.message ?? 'declined');
  if (res.status === 503 && error.code === 'Transient')
    throw new TransientOutsideError(error.system ?? url, error.operation ?? method);
  throw new Error(`${method} ${url} answered ${res.status}: ${error.message ?? text}`);
}
