import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../domain/errors';
import { signBody } from '../../infra/callback-signature';
import { errorResponses } from '../schemas';

export { signBody };

const received = z.object({ received: z.literal(true) });

export interface SignedCallbackOptions<S extends z.ZodType> {
  path: string;
  /** Header carrying the signature, lower case, e.g. `x-bboss-signature`. */
  header: string;
  secret: string;
  body: S;
  tags: string[];
  summary: string;
  description: string;
  /** Handles a verified callback; `false` means nothing waits for it (404 `OrderNotFound`, with `notFound`). */
  handle: (callback: z.infer<S>, request: FastifyRequest) => Promise<true | { notFound: string }>;
}

/**
 * A callback route of an outside system (clearing system, BBOSS). Not an operator route: the caller proves
 * itself with an HMAC-SHA256 of the exact bytes received in `header` (re-serialising would change key order).
 * Answers 202 `{ received: true }`; a bad or missing signature is 401 `InvalidSignature`.
 */
export function signedCallbackRoute<S extends z.ZodType>(options: SignedCallbackOptions<S>) {
  return async (app: FastifyInstance): Promise<void> => {
    // This plugin's own JSON parser keeps the raw body; the scope is encapsulated, other routes keep the default.
    const rawBodies = new WeakMap<FastifyRequest, Buffer>();
    const parseJson = app.getDefaultJsonParser('remove', 'remove');
    app.removeContentTypeParser('application/json');
    app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
      const raw = body as Buffer;
      rawBodies.set(request, raw);
      void parseJson(request, raw.toString('utf8'), done);
    });

    app.withTypeProvider<ZodTypeProvider>().post(
      options.path,
      {
        config: { access: 'public' },
        schema: {
          tags: options.tags,
          summary: options.summary,
          description: options.description,
          body: options.body,
          response: { 202: received, ...errorResponses },
        },
        preValidation: async (request) => {
          const header = request.headers[options.header];
          const raw = rawBodies.get(request);
          if (typeof header !== 'string' || !/^[0-9a-f]{64}$/i.test(header)) {
            throw new AppError(
              'InvalidSignature',
              `headers.${options.header}: a hex HMAC-SHA256 of the body is required`,
            );
          }
          const expected = Buffer.from(signBody(options.secret, raw ?? Buffer.alloc(0)), 'hex');
          if (!timingSafeEqual(Buffer.from(header, 'hex'), expected)) {
            throw new AppError(
              'InvalidSignature',
              `headers.${options.header}: the signature does not match the body`,
            );
          }
        },
      },
      async (request: FastifyRequest, reply: FastifyReply) => {
        const outcome = await options.handle(request.body as z.infer<S>, request);
        if (outcome !== true) throw new AppError('OrderNotFound', outcome.notFound);
        return reply.code(202).send({ received: true as const });
      },
    );
  };
}
