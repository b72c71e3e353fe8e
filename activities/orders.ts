import type { Db } from '../db/client';
import { projectOrder, type OrderProjection } from '../db/queries/orders';

/** Keeps the orders read model in step with each workflow (REQ: ORD-1, ORD-2). */
export function createOrderActivities({ db }: { db: Db }) {
  return {
    async recordOrderEvent(projection: OrderProjection): Promise<void> {
      await projectOrder(db, projection);
    },
  };
}
