import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../domain/errors';
import { mnpCallbackSchema, type MnpCallbackSink } from '../../domain/mnp-callbacks';
import { errorResponses } from '../schemas';

export const CLEARING_SIGNATURE_HEADER = 'x-clearing-signature';

/** Hex HMAC-SHA256 of the raw body with the shared secret: what the clearing system sends in the header. */
export const signClearingBody = (secret: string, rawBody: string | Buffer): string =>
  createHmac('sha256', secret).update(rawBody).digest('hex');

const response = z.object({ received: z.literal(true) });

/**
 * REQ: MNP-5 — callbacks of the central clearing system. Not an operator route: the caller proves itself with
 * `x-clearing-signature`, checked against the exact bytes received (re-serialising would change key order).
 */
export function mnpCallbackRoutes(deps: { secret: string; sink: MnpCallbackSink }) {
  return async (app: FastifyInstance): Promise<void> => {
    // This plugin's own JSON parser keeps the raw body; the scope is encapsulated, other routes keep the default.
    const rawBodies = new WeakMap<FastifyRequest, Buffer>();
    const parseJson = app.getDefaultJsonParser('error', 'error');
    app.removeContentTypeParser('application/json');
    app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
      const raw = body as Buffer;
      rawBodies.set(request, raw);
      void parseJson(request, raw.toString('utf8'), done);
    });

    app.withTypeProvider<ZodTypeProvider>().post(
      '/api/v1/callbacks/mnp',
      {
        config: { access: 'public' },
        schema: {
          tags: ['number portability'],
          summary: 'Callback of the number portability clearing system (携号转网回调)',
          description:
            'Called by the central clearing system, not by operators: `portInAnswered` (the donor answered ' +
            'our port-in) or `portOutRequested` (another operator asks for one of our numbers). Header ' +
            '`x-clearing-signature` must be the hex HMAC-SHA256 of the raw body with `MNP_CALLBACK_SECRET`; ' +
            'otherwise 401 `InvalidSignature`. A callback nothing waits for is 404 `OrderNotFound`. Callbacks ' +
            'may repeat; receiving one twice is harmless.',
          body: mnpCallbackSchema,
          response: { 202: response, ...errorResponses },
        },
        preValidation: async (request) => {
          const header = request.headers[CLEARING_SIGNATURE_HEADER];
          const raw = rawBodies.get(request);
          if (typeof header !== 'string' || !/^[0-9a-f]{64}$/i.test(header)) {
            throw new AppError(
              'InvalidSignature',
              `headers.${CLEARING_SIGNATURE_HEADER}: a hex HMAC-SHA256 of the body is required`,
            );
          }
          const expected = Buffer.from(signClearingBody(deps.secret, raw ?? Buffer.alloc(0)), 'hex');
          if (!timingSafeEqual(Buffer.from(header, 'hex'), expected)) {
            throw new AppError(
              'InvalidSignature',
              `headers.${CLEARING_SIGNATURE_HEADER}: the signature does not match the body`,
            );
          }
        },
      },
      async (request, reply) => {
        const callback = request.body;
        const outcome = await deps.sink.deliver(callback);
        if (outcome === 'unknownOrder') {
          const what =
            callback.event === 'portInAnswered'
              ? `order ${callback.orderId} (clearingRef ${callback.clearingRef})`
              : `port-out ${callback.clearingRef} of ${callback.msisdn}`;
          throw new AppError('OrderNotFound', `No ${what} is waiting for a ${callback.event} callback`);
        }
        request.log.info({ event: callback.event, clearingRef: callback.clearingRef }, 'mnp callback');
        return reply.code(202).send({ received: true as const });
      },
    );
  };
}
