import type { FastifyInstance } from 'fastify';
import { required } from '../../domain/bilingual-messages';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { nonBlankText } from '../../domain/text-fields';
import { orderDesk, preCancellationDesk, type BodyKeyedAccess, type Principal } from '../../domain/access';
import { groupOrderSchemas } from '../../domain/groups';
import { openAccountRequestSchema } from '../../domain/open-account';
import { portInRequestSchema } from '../../domain/port-in';
import { portOutRequestSchema } from '../../domain/port-out';
import { preCancellationIdentitySchema, preCancellationRequestSchema } from '../../domain/pre-cancellation';
import { serviceChangeSchemas } from '../../domain/service-changes';
import { msisdnSchema } from '../../domain/numbers';
import { idempotencyKeySchema, orderStatusSchema, orderTypeSchema } from '../../domain/orders';
import type { OrderRequest, OrderService } from '../../services/orders/order-service';
import { principalOf } from '../plugins/auth';
import { orderListItemSchema, orderViewSchema } from '../../services/orders/order-view-schema';
import { bearerSecurity, errorResponses, queryInteger } from '../schemas';
import { API_PREFIX } from '../prefix';

/** Every order type the API accepts, told apart by `type`. */
export const orderRequestSchema = z.discriminatedUnion('type', [
  openAccountRequestSchema,
  preCancellationRequestSchema,
  portInRequestSchema,
  portOutRequestSchema,
  ...serviceChangeSchemas,
  ...groupOrderSchemas,
]);

const accepted = z.object({
  id: z.string(),
  status: orderStatusSchema,
  href: z.string(),
  replayed: z.boolean().describe('true when this Idempotency-Key had already created the order'),
});

/** REQ: PC-1 — any order at the order desk; a pre-cancellation only at the pre-cancellation desk. */
const submitAccess: BodyKeyedAccess = {
  rule: orderDesk,
  bodyField: 'type',
  noun: 'order',
  byValue: { preCancellation: preCancellationDesk },
};

/** A bound of the creation time searched: a business day, or an instant. */
const createdBound = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);
const isDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);
/** Midnight of business day `date` as an instant. */
const dayStart = (date: string, utcOffsetHours: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) - utcOffsetHours * 3_600_000);
const startOf = (bound: string, utcOffsetHours: number) =>
  storable(isDate(bound) ? dayStart(bound, utcOffsetHours) : new Date(bound));
const endOf = (bound: string, utcOffsetHours: number) =>
  storable(
    isDate(bound) ? new Date(dayStart(bound, utcOffsetHours).getTime() + 86_400_000) : new Date(bound),
  );
/** Years 0000 and past 9999 (a far date shifted by its offset) are kept within what PostgreSQL reads. */
const EARLIEST = Date.parse('0001-01-01T00:00:00Z');
const LATEST = Date.parse('9999-12-31T23:59:59Z');
const storable = (at: Date) => new Date(Math.min(Math.max(at.getTime(), EARLIEST), LATEST));

const idParams = z.object({ id: z.string().min(1).max(120) });

/** A cancel: why, and for a pre-cancellation's revocation the holder's identity (REQ: ORD-6, PC-6). */
export const cancelRequestSchema = z.object({
  reason: nonBlankText(500, 1, required('reason')),
  identity: preCancellationIdentitySchema
    .optional()
    .describe("The holder's identity document: required to revoke a pre-cancellation (PC-6)"),
});

export function orderRoutes(deps: {
  orders: OrderService;
  /** Business checks an order must pass before it starts (e.g. GRP-1 product permission); throws AppError. */
  check: (principal: Principal, request: OrderRequest) => Promise<void>;
  /** Business time's offset from UTC: a date in the search is a business day. */
  utcOffsetHours: number;
}) {
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.post(
      '/orders',
      {
        config: { access: submitAccess },
        schema: {
          tags: ['orders'],
          summary:
            'Submit an order; `type` selects the business (openAccount, preCancellation, portIn, a service change…)',
          description:
            'Starts the order as a durable workflow and answers at once with its ID ' +
            '`<Type>:<channelCode>:<Idempotency-Key>`. The Idempotency-Key header makes a retried submission ' +
            'the same order (ORD-3): a key belongs to the channel of the token (two stores may use the same ' +
            'key for two orders) and is kept for good, so a replay with the same body answers `replayed: true` ' +
            'with its order whenever it comes; with another body it is refused 409 IdempotencyKeyReused. The ' +
            'channel and operator of the token are recorded on the order (ORD-4). Follow it with ' +
            'GET /api/v1/orders/{id}.',
          security: bearerSecurity,
          headers: z.object({
            'idempotency-key': idempotencyKeySchema.describe(
              'Client-chosen key, 8-64 characters, scoped to the channel of the token: the same key at the ' +
                'same channel is the same order, for good (ORD-3)',
            ),
          }),
          body: orderRequestSchema,
          response: { 202: accepted, ...errorResponses },
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        // The pre-start checks run for a new order only: a replay answers with the order it already is.
        const { id, replayed } = await deps.orders.submit(
          principal,
          request.headers['idempotency-key'],
          request.body,
          () => deps.check(principal, request.body),
        );
        // A new order is acknowledged by definition; only a replay needs to look up how far it got.
        const status = replayed ? ((await deps.orders.get(id))?.status ?? 'acknowledged') : 'acknowledged';
        const href = `${API_PREFIX}/orders/${encodeURIComponent(id)}`;
        return reply.code(202).header('location', href).send({ id, status, href, replayed });
      },
    );

    r.get(
      '/orders/:id',
      {
        config: { access: orderDesk },
        schema: {
          tags: ['orders'],
          summary: 'An order with its status and timeline',
          description:
            'Status (ORD-2) with labels in Chinese and English, business details and the timeline of changes. ' +
            "An agent (level-1/level-2 agent channel) reads only its own channel's orders: another's is 404 " +
            'OrderNotFound (CH-1); a group order needs the permission for its product: 403 ' +
            'ProductPermissionRequired (GRP-1).',
          security: bearerSecurity,
          params: idParams,
          response: { 200: orderViewSchema, ...errorResponses },
        },
      },
      async (request) => deps.orders.read(principalOf(request), request.params.id),
    );

    r.get(
      '/orders',
      {
        config: { access: orderDesk },
        schema: {
          tags: ['orders'],
          summary:
            'Orders, newest first, searched by status, type, number, customer, operator, outlet and date',
          description:
            'Every filter given must hold: `status`, `type`; `msisdn` — the number the order is about; ' +
            '`customer` — an identity document number (exact, any case) or a name (contained, any case) of the ' +
            'customer the order keyed in (an opening, a port-in) or of the owner of the line it is about; ' +
            '`operatorId`, `channelCode` and `outletCode` — who took it, through which channel (a store is a ' +
            'channel of its own) and at which outlet (网点, when the operator signed in at one); `from` / `to` — ' +
            'when it was created: a ' +
            'date-time (ISO 8601 with offset), or a date meaning that whole business day (BUSINESS_UTC_OFFSET_HOURS), ' +
            '`from` inclusive and `to` through its end. The total count is `total` and the X-Total-Count ' +
            "header. Only the orders the caller may read are listed and counted: an agent's own channel's " +
            '(CH-1), and group orders of the products it holds the permission for (GRP-1).',
          security: bearerSecurity,
          querystring: z.object({
            status: orderStatusSchema.optional(),
            type: orderTypeSchema.optional(),
            msisdn: msisdnSchema.optional().describe('The number the order is about'),
            customer: z
              .string()
              .min(1)
              .max(64)
              .optional()
              .describe('Identity document number (exact) or name (contained) of the customer'),
            operatorId: z.string().min(1).max(64).optional().describe('The operator who took the order'),
            channelCode: z
              .string()
              .min(1)
              .max(64)
              .optional()
              .describe('The channel the order was taken through, e.g. STORE-BJ-001'),
            outletCode: z
              .string()
              .min(1)
              .max(64)
              .optional()
              .describe('The outlet (网点) its operator was signed in at'),
            from: createdBound
              .optional()
              .describe('Created at or after: YYYY-MM-DD or an ISO 8601 date-time'),
            to: createdBound
              .optional()
              .describe('Created up to: YYYY-MM-DD (through that day) or an ISO 8601 date-time (before it)'),
            offset: queryInteger(0).default(0),
            limit: queryInteger(1, 200).default(20),
          }),
          response: {
            200: z.object({
              items: z.array(orderListItemSchema),
              total: z.number().int().describe('How many orders match (also X-Total-Count)'),
            }),
            ...errorResponses,
          },
        },
      },
      async (request, reply) => {
        const { from, to, ...filter } = request.query;
        const offset = deps.utcOffsetHours;
        const { total, items } = await deps.orders.list(principalOf(request), {
          ...filter,
          createdFrom: from === undefined ? undefined : startOf(from, offset),
          createdBefore: to === undefined ? undefined : endOf(to, offset),
        });
        void reply.header('x-total-count', String(total));
        return { items: items.map(({ timeline: _t, ...rest }) => rest), total };
      },
    );

    r.post(
      '/orders/:id/cancel',
      {
        config: { access: orderDesk },
        schema: {
          tags: ['orders'],
          summary: 'Cancel an order before its point of no return',
          description:
            "Before the order's point of no return it is cancelled and everything it did is undone (ORD-5, ORD-6); " +
            'the answer is the cancelled order. After that point: 409 PastPointOfNoReturn; once the order has ' +
            "ended: 409 OrderAlreadyClosed. During a pre-cancellation's grace a cancel is the customer's " +
            'revocation (PC-6): service is restored. Who may cancel (ORD-6): operators signed in at the outlet ' +
            "the order was taken at (at no outlet: operators of its channel), that outlet's duty manager and " +
            'administrators, else 403 CancelNotAllowed; a group order also needs its product permission (403 ' +
            "ProductPermissionRequired); an agent cannot see another channel's order (404). A pre-cancellation " +
            'is revoked by a customer manager at an outlet designated for it (403 RoleNotAllowed / ' +
            "ChannelNotAllowed) with the holder's `identity` checked against the line's owner by the PC-3 " +
            'rules: 422 IdentityVerificationRequired without it, 422 IdentityMismatch (or the rule broken) ' +
            'when it does not pass.',
          security: bearerSecurity,
          params: idParams,
          body: cancelRequestSchema,
          response: { 200: orderViewSchema, ...errorResponses },
        },
      },
      async (request) => deps.orders.cancel(request.params.id, principalOf(request), request.body),
    );
  };
}
