import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import { currentToken, endSession } from '../app/session';

/**
 * The typed API client. `schema.d.ts` is generated from the API's own OpenAPI document at build time
 * (scripts/web-build.ts), so a changed route schema breaks the console's build, not its user.
 */
export const api = createClient<paths>({ baseUrl: '' });

const bearer: Middleware = {
  onRequest({ request }) {
    const token = currentToken();
    if (token) request.headers.set('authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ response, request }) {
    // A token the API no longer knows (expired, revoked): back to sign-in, except for the sign-in itself.
    if (response.status === 401 && !new URL(request.url).pathname.endsWith('/auth/login'))
      endSession('expired');
    return response;
  },
};
api.use(bearer);

/** One field the API refused, with the rule in both languages. */
export interface FieldError {
  path: string;
  zh: string;
  en: string;
}

/** An error answer of the API: stable code, Chinese reason, English message, details. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly reason: string,
    message: string,
    readonly details: unknown,
    readonly requestId: string | null,
  ) {
    super(message);
  }

  /** The fields a validation refusal names (`details` as `[{path, zh, en}]`), else none. */
  get fieldErrors(): FieldError[] {
    const d = this.details;
    if (!Array.isArray(d)) return [];
    return d.filter(
      (x): x is FieldError => typeof x === 'object' && x !== null && 'path' in x && 'zh' in x && 'en' in x,
    );
  }
}

interface ErrorBody {
  code?: string;
  reason?: string;
  message?: string;
  details?: unknown;
}

/**
 * The data of an openapi-fetch answer, or an ApiError with what the API said: the way every screen calls the
 * API through TanStack Query (`queryFn: () => unwrap(api.GET(...))`).
 */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok) return data as T;
  const body = (error ?? {}) as ErrorBody;
  throw new ApiError(
    response.status,
    body.code ?? `HTTP${response.status}`,
    body.reason ?? '',
    body.message ?? response.statusText,
    body.details,
    response.headers.get('x-request-id'),
  );
}

/** A fresh idempotency key for one submission (a double click sends the same key: one order). */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
