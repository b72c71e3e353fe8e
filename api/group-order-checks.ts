import type { Db } from '../db/client';
import type { Principal } from '../domain/access';
import type { GroupOrderRequest } from '../domain/groups';

/**
 * REQ: GRP-1, GRP-3 — what a group order is checked for before it starts. (Groundwork: filled in by the
 * group reads work.)
 */
export async function checkGroupOrder(
  _db: Db,
  _principal: Principal,
  _request: GroupOrderRequest,
): Promise<void> {
  return;
}
