import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/client';

/** Groundwork placeholder: routes being built. */
export function memberBatchRoutes(_deps: { db: Db }) {
  return async (_app: FastifyInstance): Promise<void> => undefined;
}
