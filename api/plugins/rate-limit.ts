import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../domain/errors';
import { bearerTokenOf, hashToken } from './auth';
import { API_PREFIX } from '../prefix';

const MINUTE_MS = 60_000;

/**
 * Rate limits (REQ: CH-2, CH-3): every `/api/v1` route allows `apiPerMinute` requests per bearer token (per IP
 * address without one), counted before authentication; a route with its own `config.rateLimit` (login: per
 * IP address and operator ID) is counted by that instead. Over a limit the API answers 429 RateLimited with
 * the usual error body. Counts are kept per API process. Register before the auth hook.
 */
export async function registerRateLimit(app: FastifyInstance, opts: { apiPerMinute: number }): Promise<void> {
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => rateLimited(context.max, context.ttl),
  });
  const limit = app.createRateLimit({
    max: opts.apiPerMinute,
    timeWindow: MINUTE_MS,
    keyGenerator: callerKey,
  });
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith(`${API_PREFIX}/`) || request.routeOptions.config.rateLimit) return;
    const verdict = await limit(request);
    // `isAllowed` only means "on the allow list"; `isExceeded` says whether this request is over the limit.
    if (verdict.isAllowed || !verdict.isExceeded) return;
    void reply.header('retry-after', String(verdict.ttlInSeconds));
    throw rateLimited(verdict.max, verdict.ttl);
  });
}

function rateLimited(max: number, ttlMs: number): AppError {
  const retryAfterSeconds = Math.ceil(ttlMs / 1000);
  return new AppError(
    'RateLimited',
    `Too many requests: at most ${max} a minute; retry in ${retryAfterSeconds} s`,
    { retryAfterSeconds },
  );
}

/** Keys by a hash of the token, so raw tokens never sit in the limiter's memory. */
function callerKey(request: FastifyRequest): string {
  const token = bearerTokenOf(request);
  return token ? `token|${hashToken(token)}` : `ip|${request.ip}`;
}
