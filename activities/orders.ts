import type { Db } from '../db/client';
import { projectOrder } from '../db/queries/orders';
import type { OrderMoves } from '../domain/orders';
import { countOrderFinished } from './metrics';

/**
 * Writes one move of an order to its read model, or several in a row (REQ: ORD-1, ORD-2); each write of a running order also
 * extends what it holds by `holdSeconds` (REQ: OPEN-2, RES-6). A move that ends the order is counted on the
 * worker's metrics, whichever activity wrote it.
 */
export async function writeOrderMove(db: Db, moves: OrderMoves, holdSeconds: number): Promise<void> {
  await projectOrder(db, moves, { holdSeconds });
  for (const move of 'event' in moves ? [moves] : moves) countOrderFinished(move);
}

/**
 * Keeps the orders read model in step with each workflow: the moves no business step carries (acknowledged,
 * unless the first step carries it; waiting, cancelling, the end) — a local activity of the workflow, or, in a run started before steps
 * carried their own moves, a scheduled one for every move.
 */
export function createOrderActivities({
  db,
  preemptionTtlSeconds,
}: {
  db: Db;
  preemptionTtlSeconds: number;
}) {
  return {
    async recordOrderEvent(moves: OrderMoves): Promise<void> {
      await writeOrderMove(db, moves, preemptionTtlSeconds);
    },
  };
}
