import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { pageOfOrdersAwaitingApproval } from '../../db/queries/approvals';
import { nonBlankText } from '../../domain/text-fields';
import { approverDesk } from '../../domain/access';
import { groupCodeSchema, groupProductOrderTypeLabels } from '../../domain/groups';
import { attributeValuesSchema, productSpecSchema } from '../../domain/product-spec';
import { createOrderAccess } from '../../services/orders/order-access';
import type { OrderService } from '../../services/orders/order-service';
import { principalOf } from '../plugins/auth';
import { orderViewSchema } from '../../services/orders/order-view-schema';
import { bearerSecurity, errorResponses, labelSchema, queryInteger } from '../schemas';

const idParams = z.object({ id: z.string().min(1).max(120) });

const decisionBody = z.object({
  decision: z.enum(['approve', 'reject']),
  comment: nonBlankText(500, 1, 'comment is required').describe(
    'Why: shown on the order; a rejection tells the customer manager what to change',
  ),
});

const iso = z.string().describe('ISO 8601 time');

const inboxQuery = z.object({
  groupCode: groupCodeSchema.optional().describe('Only the orders of this group customer (集团编码)'),
  offset: queryInteger(0).default(0),
  limit: queryInteger(1, 200).default(20),
});

const inboxItemSchema = z.object({
  orderId: z.string(),
  type: z.enum(['groupOpen', 'groupChange', 'groupCancel']),
  typeLabel: labelSchema,
  groupCode: z.string(),
  groupName: z.string().nullable().describe('null if the group is not (or no longer) on file'),
  productCode: z.string(),
  productName: z.string().nullable(),
  tariffCode: z.string().nullable().describe('The tariff package (资费包) that needs approval'),
  tariffName: z.string().nullable(),
  tariffParams: attributeValuesSchema.describe('The tariff parameters (资费参数) asked for'),
  attributes: attributeValuesSchema.describe('The product attributes ordered (open) or changed to (change)'),
  productSpec: productSpecSchema.nullable().describe("The product's specification: the attributes' names"),
  tariffParamSpec: productSpecSchema.nullable().describe("The tariff's parameters: their names"),
  submitterId: z.string().nullable().describe('The order submitter (订单提交人员)'),
  submitterName: z.string().nullable(),
  customerManagerId: z.string().nullable(),
  waitingSince: iso.describe('When the order began waiting for approval'),
  createdAt: iso,
});

const inboxSchema = z.object({
  items: z.array(inboxItemSchema),
  total: z.number().int().describe('How many orders wait for the caller (also X-Total-Count)'),
});

/** REQ: GRP-3 — the tariff approval desk (资费审核): approvers decide on group orders whose tariff needs it. */
export function approvalRoutes(deps: { orders: OrderService; db: Db }) {
  const access = createOrderAccess(deps.db);
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/approvals',
      {
        config: { access: approverDesk },
        schema: {
          tags: ['orders', 'group business'],
          summary: "The approver's inbox: group orders waiting for tariff approval (资费审核待办)",
          description:
            'GRP-3: every group product order `pending` at step `awaitingApproval` — its tariff package needs ' +
            'approval — whose product the caller holds the product permission for (GRP-1; an agent channel ' +
            "sees only its own channel's orders, CH-1), oldest waiting first. Each with the group, product, " +
            'tariff and its parameters, the attributes ordered, submitter, customer manager and since when it ' +
            'waits. `groupCode` narrows to one group. One page at a time (`offset`, `limit`, default 20); the ' +
            'count of all is `total` and the X-Total-Count header. Decide with POST /orders/{id}/approval.',
          security: bearerSecurity,
          querystring: inboxQuery,
          response: { 200: inboxSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { groupCode, offset, limit } = request.query;
        const scope = access.listScope(await access.callerOf(principalOf(request)));
        const { total, items } = await pageOfOrdersAwaitingApproval(
          deps.db,
          scope,
          { groupCode },
          { offset, limit },
        );
        void reply.header('x-total-count', String(total));
        return {
          total,
          items: items.flatMap((item) =>
            isApprovable(item.type)
              ? [{ ...item, type: item.type, typeLabel: groupProductOrderTypeLabels[item.type] }]
              : [],
          ),
        };
      },
    );

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

const isApprovable = (type: string): type is keyof typeof groupProductOrderTypeLabels =>
  type in groupProductOrderTypeLabels;
