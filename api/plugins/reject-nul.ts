import type { FastifyInstance } from 'fastify';
import { AppError } from '../../domain/errors';

/** Where the first string holding a NUL character sits in `value`, as `body.customer.name`; null if none. */
export function nulPath(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (depth > 64 || typeof value !== 'object' || value === null) return null;
  // A streamed body (CSV upload) or a buffer is not walked: a stream is a socket's object graph, not data.
  if (Buffer.isBuffer(value) || typeof (value as { pipe?: unknown }).pipe === 'function') return null;
  for (const [key, inner] of Object.entries(value)) {
    const found = key.includes('\u0000') ? `${path}.${key}` : nulPath(inner, `${path}.${key}`, depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * PostgreSQL text cannot hold the NUL character: a `%00` in a path parameter or a `"\u0000"` in a body field
 * made the database query fail and the API answer 500 (found by the issue 7 property-based test). Every
 * request is refused up front instead, 400 ValidationFailed naming the field.
 */
export function registerRejectNul(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const where =
      nulPath(request.params, 'params') ?? nulPath(request.query, 'query') ?? nulPath(request.body, 'body');
    if (where) throw new AppError('ValidationFailed', `${where}: the NUL character (\\u0000) is not allowed`);
  });
}
