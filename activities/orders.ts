import type { Db } from '../db/client';
import { projectOrder, type OrderProjection } from '../db/queries/orders';
import { countOrderFinished } from './metrics';

/**
 * Keeps the orders read model in step with each workflow (REQ: ORD-1, ORD-2); each write of a running order
 * also extends what it holds by `preemptionTtlSeconds` (REQ: OPEN-2, RES-6).
 */
export function createOrderActivities({
  db,
  preemptionTtlSeconds,
}: {
  db: Db;
  preemptionTtlSeconds: number;
}) {
  return {
    async recordOrderEvent(projection: OrderProjection): Promise<void> {
      await projectOrder(db, projection, { holdSeconds: preemptionTtlSeconds });
      countOrderFinished(projection);
    },
  };
}
