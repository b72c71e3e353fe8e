import type { Db } from '../db/client';
import type { Principal } from '../domain/access';
import type { OrderRequest } from './order-service';
import { checkGroupOrder } from './group-order-checks';

/**
 * Checks an order must pass before its workflow starts, where the answer needs the database (the request
 * schema has checked the shape): group orders (REQ: GRP-1, GRP-3). Other types have none here: their
 * workflows check the line's state.
 */
export async function checkOrder(db: Db, principal: Principal, request: OrderRequest): Promise<void> {
  switch (request.type) {
    case 'groupOpen':
    case 'groupChange':
    case 'groupCancel':
    case 'groupMemberAdd':
    case 'groupMemberChange':
    case 'groupMemberDelete':
      return checkGroupOrder(db, principal, request);
    default:
      return;
  }
}
