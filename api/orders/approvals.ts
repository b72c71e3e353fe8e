import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { nonBlankText } from '../../domain/text-fields';
import { approverDesk } from '../../domain/access';
import type { OrderService } from '../../services/orders/order-service';
import { principalOf } from '../plugins/auth';
import { orderViewSchema } from '../../services/orders/order-view-schema';
import { bearerSecurity, errorResponses } from '../schemas';

const idParams = z.object({ id: z.string().min(1).max(120) });

const decisionBody = z.object({
  decision: z.enum(['approve', 'reject']),
  comment: nonBlankText(500, 1, 'comment is required').describe(
    'Why: shown on the order; a rejection tells the customer manager what to change',
  ),
});

/** REQ: GRP-3 — the tariff approval desk (资费审核): approvers decide on group orders whose tariff needs it. */
export function approvalRoutes(deps: { orders: OrderService }) {
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.post(
      '/orders/:id/approval',
      {
        config: { access: approverDesk },
        schema: {
          tags: ['orders', 'group business'],
          summary: "Approve or reject a group order's tariff (资费审核)",
          description:
            'A group product order whose tariff package needs approval waits, `pending` at step ' +
            '`awaitingApproval`, for an approver (GRP-3). Approved, it goes on to BBOSS; rejected, everything ' +
            'it reserved is released and it ends `rejected` with code ApprovalRejected and the comment. The ' +
            'decision is recorded on the timeline with the approver as actor. Answers with the order after the ' +
            'decision. 409 NotAwaitingApproval when the order is not waiting for one; 409 OrderAlreadyClosed ' +
            'once it has ended; 404 OrderNotFound (also for an order of another agent channel); 403 ' +
            "ProductPermissionRequired without the permission for the order's product (GRP-1).",
          security: bearerSecurity,
          params: idParams,
          body: decisionBody,
          response: { 200: orderViewSchema, ...errorResponses },
        },
      },
      async (request) =>
        deps.orders.decideApproval(request.params.id, principalOf(request), {
          approve: request.body.decision === 'approve',
          comment: request.body.comment,
        }),
    );
  };
}
