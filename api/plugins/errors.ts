import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, errorCatalogue, type ErrorCode } from '../../domain/errors';
import { fieldError } from '../contract-openapi';
import { MAX_PATH_PARAM_LENGTH } from '../schemas';
import { serviceUnavailable, unreachableService } from '../../infra/service-unavailable';

/**
 * One error handler for the whole API: 4xx name the field and the rule (a request refused by its schema lists
 * each field as `details: [{ path, zh, en }]`); 5xx hide internals; Temporal or
 * PostgreSQL out of reach is 503 with `Retry-After` (`retryAfterSeconds`, config
 * SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS).
 */
export function registerErrorHandler(app: FastifyInstance, options: { retryAfterSeconds: number }): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const unavailable = serviceUnavailable(err);
    if (unavailable) {
      request.log.warn(
        { unreachable: unreachableService(err) },
        'answered 503: a service the API needs is down',
      );
      return reply
        .code(503)
        .header('retry-after', String(options.retryAfterSeconds))
        .send(body(unavailable.code, unavailable.message));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext ?? 'body';
      // REQ: UI-1 — each refused field with its rule in Chinese and English, for the form to show beside it.
      const details = err.validation.map((v) => fieldError(where, v as Parameters<typeof fieldError>[1]));
      const message = details.map((d) => `${d.path}: ${d.en}`).join('; ');
      return reply.code(400).send(body('ValidationFailed', message, details));
    }
    if (err instanceof AppError) {
      return reply.code(err.status).send(body(err.code, err.message, err.details));
    }
    if (isResponseSerializationError(err)) {
      request.log.error({ err }, 'response did not match its schema');
      return reply.code(500).send(body('InternalError', `Internal error (request ${request.id})`));
    }
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      const sent = request.headers['content-type'] ?? 'none';
      return reply
        .code(415)
        .send(body('UnsupportedMediaType', `headers.content-type: ${sent} is not accepted by this route`));
    }
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply
        .code(413)
        .send(body('BodyTooLarge', `body: larger than this route accepts (${err.message})`));
    }
    const status = err.statusCode ?? 500;
    if (status < 500) {
      return reply.code(status).send(body('ValidationFailed', err.message));
    }
    request.log.error({ err }, 'request failed');
    return reply.code(500).send(body('InternalError', `Internal error (request ${request.id})`));
  });
}

/**
 * Fastify's router answers some malformed URLs itself, before any hook or the error handler: a path that is
 * not valid percent-encoding (`/orders/%zz`) and a path parameter over `maxParamLength`. Passed to Fastify as
 * `frameworkErrors`, this gives them the usual error body (no bare Fastify error shapes).
 */
export function frameworkErrorReply(err: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const status = err.statusCode ?? 500;
  if (status >= 500) {
    request.log.error({ err }, 'request failed in the router');
    void reply.code(500).send(body('InternalError', `Internal error (request ${request.id})`));
    return;
  }
  const rule =
    err.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? `a path parameter is longer than ${MAX_PATH_PARAM_LENGTH} characters`
      : 'the path is not valid percent-encoded UTF-8';
  void reply.code(400).send(body('ValidationFailed', `params: ${rule}`));
}

export function body(code: ErrorCode, message: string, details?: unknown) {
  return { code, reason: errorCatalogue[code].zh, message, ...(details === undefined ? {} : { details }) };
}
