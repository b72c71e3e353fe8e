import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { preCancellationDesk } from '../../domain/access';
import { formalCancellationRequestSchema } from '../../domain/pre-cancellation';
import type { OrderService } from '../../services/orders/order-service';
import { principalOf } from '../plugins/auth';
import { orderViewSchema } from '../../services/orders/order-view-schema';
import { bearerSecurity, errorResponses } from '../schemas';

const idParams = z.object({ id: z.string().min(1).max(120) });

/**
 * REQ: PC-5 — the formal cancellation (销号) at the counter: after a pre-cancellation's grace the customer
 * comes in person to a designated outlet, and the customer manager records it here.
 */
export function formalCancellationRoutes(deps: { orders: OrderService }) {
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.post(
      '/orders/:id/formal-cancellation',
      {
        config: { access: preCancellationDesk },
        schema: {
          tags: ['orders'],
          summary: 'Formally cancel a pre-cancelled line with the customer at the counter (销号)',
          description:
            'When the grace of a pre-cancellation ends, service stays barred and the order waits, `pending` at ' +
            'step `waitingForCustomerVisit` until `summary.visitBy`, for the customer to come in person (PC-5). ' +
            'Taken by a customer manager at an outlet designated for pre-cancellation. The identity shown must ' +
            "be the line's owner's, by the PC-3 rules (422 IdentityMismatch, AgentNotAllowed, " +
            'OriginalIdRequired, AgentRequired, EnterpriseDocumentsRequired). The final bill is settled now with ' +
            '`payment`: overpayment handed back (cash at the counter, or to the card or account given), arrears ' +
            'paid (402 PaymentDeclined when the bank refuses); each with a receipt in `summary.finalBill`. A ' +
            'refused visit leaves the order waiting. Then the line is cancelled and its number recycled; the ' +
            'answer is the order, `completed` with `outcome: cancelledInPerson`. 409 NotAwaitingCustomerVisit ' +
            'when the order does not wait for the visit (still in its grace, another visit being handled, not ' +
            'a pre-cancellation); 409 OrderAlreadyClosed once it has ended (e.g. the system cancelled the line ' +
            'when nobody came in time); 404 OrderNotFound.',
          security: bearerSecurity,
          params: idParams,
          body: formalCancellationRequestSchema,
          response: { 200: orderViewSchema, ...errorResponses },
        },
      },
      async (request) => deps.orders.formallyCancel(request.params.id, principalOf(request), request.body),
    );
  };
}
