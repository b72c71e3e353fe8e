import type { Db } from '../../db/client';
import type { Principal } from '../../domain/access';
import { screenCustomer } from './customer-screening';
import type { OrderRequest } from './order-service';
import { checkGroupOrder } from '../groups/group-order-checks';

/**
 * Checks an order must pass before its workflow starts, where the answer needs the database (the request
 * schema has checked the shape): whoever takes on new business is screened against the blacklists
 * (REQ: CUST-2), and group orders are checked (REQ: GRP-1, GRP-3). Other checks of a line's state are the
 * workflows'.
 */
export async function checkOrder(db: Db, principal: Principal, request: OrderRequest): Promise<void> {
  await screenCustomer(db, request);
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
