import type { FastifyInstance } from 'fastify';
import { body } from './errors';

/** A URL no route serves answers 404 in the API's error body. */
export function registerNotFound(app: FastifyInstance): void {
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send(body('NotFound', `No route ${request.method} ${request.url.split('?')[0] ?? ''}`)),
  );
}
