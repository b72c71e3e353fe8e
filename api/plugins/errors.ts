import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, errorCatalogue, type ErrorCode } from '../../domain/errors';

interface FieldIssue {
  field: string;
  rule: string;
}

/** One error handler for the whole API: 4xx name the field and the rule; 5xx hide internals. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext ?? 'body';
      const issues: FieldIssue[] = err.validation.map((v) => ({
        field: [where, ...v.instancePath.split('/').filter(Boolean)].join('.'),
        rule: v.message ?? 'invalid',
      }));
      const message = issues.map((i) => `${i.field}: ${i.rule}`).join('; ');
      return reply.code(400).send(body('ValidationFailed', message, { issues }));
    }
    if (err instanceof AppError) {
      return reply.code(err.status).send(body(err.code, err.message, err.details));
    }
    if (isResponseSerializationError(err)) {
      request.log.error({ err }, 'response did not match its schema');
      return reply.code(500).send(body('InternalError', `Internal error (request ${request.id})`));
    }
    const status = err.statusCode ?? 500;
    if (status < 500) {
      return reply.code(status).send(body('ValidationFailed', err.message));
    }
    request.log.error({ err }, 'request failed');
    return reply.code(500).send(body('InternalError', `Internal error (request ${request.id})`));
  });

  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send(body('NotFound', `No route ${request.method} ${request.url.split('?')[0] ?? ''}`)),
  );
}

export function body(code: ErrorCode, message: string, details?: unknown) {
  return { code, reason: errorCatalogue[code].zh, message, ...(details === undefined ? {} : { details }) };
}
