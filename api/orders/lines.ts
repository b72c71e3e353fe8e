import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { orderDesk } from '../../domain/access';
import { msisdnSchema } from '../../domain/numbers';
import { orderStatusSchema, orderTypeSchema } from '../../domain/orders';
import { serviceChangeTypes, type ServiceChangeType } from '../../domain/service-changes';
import { subscriberStatuses } from '../../domain/subscribers';
import { lineSummary } from '../../services/orders/line-summary';
import type { OrderService } from '../../services/orders/order-service';
import { principalOf } from '../plugins/auth';
import { errorResponses, labelSchema, routeDoc } from '../schemas';

const doc = routeDoc(['orders']);

const lineSummarySchema = z.object({
  msisdn: z.string(),
  status: z.enum(subscriberStatuses),
  statusLabel: labelSchema,
  owner: z
    .object({
      name: z.string().describe('Masked as the queries mask it: the first character only, 李**'),
      kind: z.enum(['individual', 'enterprise']),
    })
    .nullable()
    .describe('Null when the line has no customer record'),
  product: z.object({ code: z.string(), name: z.string().nullable() }),
  features: z.array(z.string()).describe('Features on the line, e.g. callForwarding'),
  internationalRoaming: z.boolean(),
  discountCode: z.string().nullable(),
  balanceFen: z.number().int().describe('Prepaid balance in fen; negative means arrears (欠费)'),
  openedAt: z.string().describe('ISO 8601 time the line was opened'),
  openOrders: z
    .array(
      z.object({
        id: z.string(),
        type: orderTypeSchema,
        status: orderStatusSchema,
        statusLabel: labelSchema,
        createdAt: z.string().nullable(),
      }),
    )
    .describe('Orders on this number that have not ended, newest first, as far as the caller may read them'),
  grace: z
    .object({
      orderId: z.string().describe('The pre-cancellation order; cancelling it revokes (PC-6)'),
      endsAt: z.string().nullable().describe('When the grace ends (ISO 8601)'),
    })
    .nullable()
    .describe('REQ: PC-5 — the pre-cancellation grace the line is in; null when none'),
  offeredChanges: z
    .array(z.enum(serviceChangeTypes as [ServiceChangeType, ...ServiceChangeType[]]))
    .describe(
      'The service-change order types (POST /api/v1/orders `type`) the line accepts in its state (CHG-1, ' +
        'CHG-2); none while another order holds the line',
    ),
});

/** REQ: UI-1 — the line page of the console: a line at a glance. */
export function lineRoutes(deps: { db: Db; orders: OrderService }) {
  return async (app: FastifyInstance): Promise<void> => {
    app.withTypeProvider<ZodTypeProvider>().get(
      '/lines/:msisdn',
      {
        // The pre-cancellation desk (a customer manager at a designated store) is within the order desk.
        config: { access: orderDesk },
        schema: {
          ...doc(
            'A line at a glance: owner, state, product, balance, open orders and the changes it accepts',
            'For staff at the counter or the hotline (the order desk, the pre-cancellation desk among it): ' +
              "the owner's name masked (first character only, as the queries mask it), the line's state with " +
              'its labels, product, features, roaming, balance, the orders on the number that have not ended ' +
              '(those the caller may read: CH-1, GRP-1), the pre-cancellation grace and its end (PC-5) and the ' +
              'service changes the API accepts for a line in this state (CHG-1, CHG-2). No service password ' +
              'is asked: the queries for the customer (GET /api/v1/queries/lines/…) keep that rule (Q-1). ' +
              '404 SubscriberNotFound for a number with no line.',
          ),
          params: z.object({ msisdn: msisdnSchema }),
          response: { 200: lineSummarySchema, ...errorResponses },
        },
      },
      async (request) => lineSummary(deps.db, deps.orders, principalOf(request), request.params.msisdn),
    );
  };
}
