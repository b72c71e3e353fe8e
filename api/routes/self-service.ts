import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/client';
import type { WorkOrderStarter } from '../work-order-service';

/** Groundwork placeholder: routes being built. */
export function selfServiceRoutes(_deps: { db: Db; startWorkOrder: WorkOrderStarter }) {
  return async (_app: FastifyInstance): Promise<void> => undefined;
}
