import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { findCustomerWorkOrder, homeCityOf } from '../../db/queries/work-order-views';
import { AppError } from '../../domain/errors';
import { msisdnSchema } from '../../domain/numbers';
import { idempotencyKeySchema } from '../../domain/orders';
import {
  selfServiceWorkOrderSchema,
  workOrderCategorySchema,
  workOrderStatusLabels,
  workOrderStatusSchema,
  type WorkOrderState,
} from '../../domain/work-orders';
import { workflowSettings, type AppConfig } from '../../temporal.config';
import { workOrderStateQuery } from '../../workflows/contracts/work-order';
import {
  CHANNEL_HEADER,
  SERVICE_PASSWORD_HEADER,
  requireSelfServiceChannel,
  verifyServicePassword,
} from '../../services/access/self-service-auth';
import { isVipLine, screenWorkOrder } from '../../services/orders/customer-screening';
import { errorResponses, labelSchema } from '../schemas';
import type { ServicePasswordPolicy } from '../../services/access/service-password';
import type { WorkOrderStarter } from '../../services/work-orders/work-order-service';
import { isWorkOrderId } from '../../workflows/contracts/work-order';
import { API_PREFIX } from '../prefix';

/**
 * REQ: WO-1 — customers create work orders themselves (客户自主创建) on the operator's website, official account
 * or mini program, and follow them. No operator signs in: the request names its website channel and the
 * customer proves the line with its service password, which is checked here and goes no further (not into
 * the workflow, not into logs). The work order is a standard one of priority P3 from `customer:<msisdn>`.
 */
export function selfServiceRoutes(deps: {
  db: Db;
  client: Client;
  config: AppConfig;
  startWorkOrder: WorkOrderStarter;
  policy: ServicePasswordPolicy;
}) {
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.post(
      '/self-service/work-orders',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'A customer creates a work order (客户自助创建工单) with the service password',
          description:
            'No operator token. The x-channel-code header must name an active website channel (else 403 ' +
            'ChannelNotAllowed). The service password must match the line in customer.msisdn; a wrong password, ' +
            'a line without one or a number that is not ours all answer the same 422 ServicePasswordInvalid; after ' +
            'SERVICE_PASSWORD_MAX_FAILURES wrong ones the line is locked for every route (403 ' +
            'ServicePasswordLocked). Installation and business handling for a blacklisted customer: 403 ' +
            'CustomerBlacklisted (CUST-2); a VIP customer goes first in the dispatch queue (CUST-1). ' +
            'The Idempotency-Key header makes a retried submission the same work order (`replayed`). ' +
            'Follow it with GET /api/v1/self-service/work-orders/{id}. REQ: WO-1, Q-1, CUST-1, CUST-2.',
          headers: z.object({
            [CHANNEL_HEADER]: channelCodeSchema,
            'idempotency-key': idempotencyKeySchema.describe('Client-chosen key, 8-64 characters'),
          }),
          body: selfServiceWorkOrderSchema,
          response: { 202: acceptedSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const channelCode = request.headers[CHANNEL_HEADER];
        await requireSelfServiceChannel(deps.db, channelCode);
        const { servicePassword, customer, category, title, description, territory } = request.body;
        await verifyServicePassword(
          deps.db,
          customer.msisdn,
          servicePassword,
          deps.policy,
          'body.servicePassword',
        );
        await screenWorkOrder(deps.db, category, customer.msisdn);
        const { id, replayed } = await deps.startWorkOrder(
          { channelCode, idempotencyKey: request.headers['idempotency-key'] },
          {
            source: 'customer',
            // Built field by field: the service password stays out of the workflow's input and history.
            request: { kind: 'standard', category, priority: 'P3', title, description, customer, territory },
            resolved: {
              vip: await isVipLine(deps.db, customer.msisdn),
              city: await homeCityOf(deps.db, customer.msisdn),
              outletCode: null,
            },
            createdBy: `customer:${customer.msisdn}`,
            channelCode,
            settings: workflowSettings(deps.config, 'workOrder'),
          },
        );
        // A new work order is `created` by definition; only a replay looks up how far it got.
        const status = replayed
          ? ((await findCustomerWorkOrder(deps.db, id))?.status ?? 'created')
          : 'created';
        const href = `${API_PREFIX}/self-service/work-orders/${encodeURIComponent(id)}?msisdn=${customer.msisdn}`;
        return reply.code(202).header('location', href).send({ id, status, href, replayed });
      },
    );

    r.get(
      '/self-service/work-orders/:id',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: "The customer's own work order (我的工单): status and appointment",
          description:
            'No operator token. The x-channel-code header must name an active website channel; the service ' +
            'password of the line in `msisdn` goes in the x-service-password header (422 ServicePasswordInvalid ' +
            'when it does not match). Shows status, appointment and outlet, no staff internals; 404 ' +
            "WorkOrderNotFound when the work order does not exist or is not this line's. REQ: WO-1, WO-5.",
          headers: z.object({
            [CHANNEL_HEADER]: channelCodeSchema,
            [SERVICE_PASSWORD_HEADER]: z.string().regex(/^\d{6}$/, 'must be 6 digits'),
          }),
          params: z.object({ id: z.string().min(1).max(120) }),
          querystring: z.object({ msisdn: msisdnSchema.describe('The line the work order was made for') }),
          response: { 200: customerViewSchema, ...errorResponses },
        },
      },
      async (request) => {
        await requireSelfServiceChannel(deps.db, request.headers[CHANNEL_HEADER]);
        const { msisdn } = request.query;
        // The password first: without it nobody learns whether a work order exists.
        await verifyServicePassword(
          deps.db,
          msisdn,
          request.headers[SERVICE_PASSWORD_HEADER],
          deps.policy,
          `headers.${SERVICE_PASSWORD_HEADER}`,
        );
        const view = await customerView(deps, request.params.id);
        if (!view || view.msisdn !== msisdn) {
          throw new AppError(
            'WorkOrderNotFound',
            `params.id: no work order ${request.params.id} for the line ${msisdn}`,
          );
        }
        const { msisdn: _m, ...shown } = view;
        return shown;
      },
    );
  };
}

const tags = ['self-service'];
const iso = z.string().describe('ISO 8601 time');
const channelCodeSchema = z
  .string()
  .min(1)
  .max(64)
  .describe('Interface code (接口编码) of the website channel the customer uses, e.g. WEB-BJ-001');

const acceptedSchema = z.object({
  id: z.string(),
  status: workOrderStatusSchema,
  href: z.string(),
  replayed: z.boolean().describe('true when this Idempotency-Key had already created the work order'),
});

const customerViewSchema = z.object({
  id: z.string(),
  status: workOrderStatusSchema,
  statusLabel: labelSchema,
  category: workOrderCategorySchema,
  title: z.string(),
  description: z.string(),
  outletName: z.string().nullable().describe('The outlet (网点) that serves the work order'),
  appointmentAt: iso.nullable().describe('The service time booked with the customer (WO-5)'),
  createdAt: iso,
  updatedAt: iso.nullable(),
  resolvedAt: iso.nullable(),
});
type CustomerView = z.infer<typeof customerViewSchema> & { msisdn: string };

/** The read model first; while the workflow has not written it yet, the workflow's live state. */
async function customerView(deps: { db: Db; client: Client }, id: string): Promise<CustomerView | null> {
  const row = await findCustomerWorkOrder(deps.db, id);
  if (row) {
    return {
      id: row.id,
      status: row.status,
      statusLabel: workOrderStatusLabels[row.status],
      category: row.category,
      title: row.title,
      description: row.description,
      outletName: row.outletName,
      appointmentAt: row.appointmentAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      resolvedAt: row.resolvedAt?.toISOString() ?? null,
      msisdn: row.customerMsisdn,
    };
  }
  if (!isWorkOrderId(id)) return null;
  let state: WorkOrderState;
  try {
    state = await deps.client.workflow.getHandle(id).query(workOrderStateQuery);
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) return null;
    throw err;
  }
  return {
    id: state.id,
    status: state.status,
    statusLabel: workOrderStatusLabels[state.status],
    category: state.category,
    title: state.title,
    description: state.description,
    // Before the read model has it, the outlet is not looked up: a new work order has none yet.
    outletName: null,
    appointmentAt: state.appointment?.at ?? null,
    createdAt: state.createdAt,
    updatedAt: null,
    resolvedAt: state.sla.resolvedAt,
    msisdn: state.customer.msisdn,
  };
}
