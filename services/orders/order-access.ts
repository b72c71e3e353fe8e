import type { Db } from '../../db/client';
import { orderGrantsOf } from '../../db/queries/access';
import type { OrderRecord } from '../../db/queries/orders';
import { findLineWithOwner } from '../../db/queries/subscribers';
import { preCancellationDesk, type Principal } from '../../domain/access';
import { AppError } from '../../domain/errors';
import {
  orderCancelDenial,
  orderListScope,
  orderReadDenial,
  type OrderAccessFacts,
  type OrderCaller,
  type OrderListScope,
} from '../../domain/order-access';
import {
  preCancellationIdentityRefusal,
  preCancellationOwner,
  type PreCancellationIdentity,
} from '../../domain/pre-cancellation';
import type { OrderState } from '../../workflows/contracts/orders-common';

/**
 * REQ: ORD-6, PC-6, GRP-1, CH-1 — the per-order rules of `domain/order-access.ts`, with what they need from
 * the database: the caller's product permissions and outlets, and for a revocation the line's owner.
 */
export function createOrderAccess(db: Db) {
  return {
    /** The caller with its grants, read fresh for each request (an administrator may change them any time). */
    async callerOf(principal: Principal): Promise<OrderCaller> {
      const { productCodes, outletCodes } = await orderGrantsOf(db, principal.operatorId);
      return { principal, productPermissions: productCodes, boundOutlets: outletCodes };
    },

    /** Refuses an order the caller may not read: 404 to an agent for another channel's, 403 for a product. */
    assertReadable(caller: OrderCaller, id: string, order: OrderAccessFacts): void {
      const denial = orderReadDenial(caller, order);
      if (denial) throw refusal(denial, caller, id, order);
    },

    /** Refuses a cancel the caller may not make, naming who may. */
    assertCancellable(caller: OrderCaller, id: string, order: OrderAccessFacts): void {
      const denial = orderCancelDenial(caller, order);
      if (denial) throw refusal(denial, caller, id, order);
    },

    listScope: (caller: OrderCaller): OrderListScope => orderListScope(caller),

    /**
     * REQ: PC-6 — a pre-cancellation is revoked by its holder in person: the document shown is checked against
     * the line's owner by the PC-3 rules (an individual with the original ID, an enterprise through its agent
     * with both documents). Missing: 422 naming `body.identity`; wrong: 422 with the rule broken.
     */
    async assertHolder(msisdn: string, identity: PreCancellationIdentity | undefined): Promise<void> {
      if (!identity) {
        throw new AppError(
          'IdentityVerificationRequired',
          "body.identity: revoking a pre-cancellation needs the holder's identity document, checked against " +
            "the line's owner (PC-6)",
        );
      }
      const found = await findLineWithOwner(db, msisdn);
      if (!found?.owner) throw new AppError('SubscriberNotFound', `No line with number ${msisdn}`);
      const broken = preCancellationIdentityRefusal(preCancellationOwner(found.owner), identity);
      if (broken) {
        throw new AppError(
          broken,
          `body.identity: the document shown does not pass for the owner of ${msisdn}`,
        );
      }
    },
  };
}

export type OrderAccess = ReturnType<typeof createOrderAccess>;

/** An order's access facts from its read-model row. */
export function factsFromRecord(record: OrderRecord): OrderAccessFacts {
  return {
    type: record.type,
    channelCode: record.channelCode,
    outletCode: record.outletCode,
    productCode: productCodeOf(record.summary),
  };
}

/** An order's access facts from its workflow's live state (before the read model has the order). */
export function factsFromState(state: OrderState): OrderAccessFacts {
  return {
    type: state.type,
    channelCode: state.origin.channelCode,
    outletCode: state.origin.outletCode ?? null,
    productCode: productCodeOf(state.summary),
  };
}

/** Group orders keep their product in the summary from the start (REQ: GRP-1). */
function productCodeOf(summary: Record<string, unknown>): string | null {
  return typeof summary.productCode === 'string' ? summary.productCode : null;
}

function refusal(
  denial: NonNullable<ReturnType<typeof orderCancelDenial>>,
  caller: OrderCaller,
  id: string,
  order: OrderAccessFacts,
): AppError {
  const { principal } = caller;
  switch (denial) {
    case 'OrderNotFound':
      return new AppError('OrderNotFound', `Order ${id} does not exist`);
    case 'ProductPermissionRequired':
      return new AppError(
        'ProductPermissionRequired',
        `Operator ${principal.operatorId} has no permission for product ${order.productCode ?? '(unknown)'} ` +
          `of group order ${id}; ask an administrator to grant it`,
      );
    case 'RoleNotAllowed':
      return new AppError(
        'RoleNotAllowed',
        `Revoking a pre-cancellation needs one of the roles: ${preCancellationDesk.roles.join(', ')}`,
      );
    case 'ChannelNotAllowed':
      return new AppError(
        'ChannelNotAllowed',
        `A pre-cancellation cannot be revoked through channel ${principal.channelCode} (it must be an outlet ` +
          `designated for ${preCancellationDesk.channelCapability ?? 'it'})`,
      );
    case 'CancelNotAllowed':
      return new AppError(
        'CancelNotAllowed',
        order.outletCode === null
          ? `Order ${id} was taken through channel ${order.channelCode} at no outlet: only that channel's ` +
              'operators or an administrator may cancel it'
          : `Order ${id} was taken at outlet ${order.outletCode}: only that outlet's operators, its duty ` +
              'manager or an administrator may cancel it',
      );
  }
}
