import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { workOrderStatus } from '../../db/queries/recharge-card-tickets';
import { greenChannelDesk } from '../../domain/access';
import { idempotencyKeySchema } from '../../domain/orders';
import {
  createGreenChannelSchema,
  workOrderStatusSchema,
  type CreateGreenChannelRequest,
} from '../../domain/work-orders';
import { workflowSettings, type AppConfig } from '../../temporal.config';
import { checkGreenChannel } from '../../services/work-orders/green-channel-checks';
import { principalOf } from '../plugins/auth';
import { bearerSecurity, errorResponses } from '../schemas';
import type { ServicePasswordPolicy } from '../../services/access/service-password';
import type { WorkOrderStarter } from '../../services/work-orders/work-order-service';
import { API_PREFIX } from '../prefix';

const accepted = z.object({
  id: z.string(),
  status: workOrderStatusSchema,
  href: z.string(),
  replayed: z.boolean().describe('true when this Idempotency-Key had already created the work order'),
  outletCode: z
    .string()
    .describe("The outlet of the home city's response team (客响) the work order goes to"),
  city: z.string().describe('The customer’s home city (归属地市), from the number segment'),
});

/** REQ: GC-1…GC-3 — hotline → store green channel (热线—营业厅服务绿色通道). */
export function greenChannelRoutes(deps: {
  db: Db;
  config: AppConfig;
  startWorkOrder: WorkOrderStarter;
  policy: ServicePasswordPolicy;
}) {
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.post(
      '/green-channel-orders',
      {
        config: { access: greenChannelDesk },
        schema: {
          tags: ['work orders'],
          summary: 'Open a green-channel work order (绿色通道工单) for a hotline customer',
          description:
            'Only a hotline duty manager (值班长) or above, signed in at the call centre, opens one (GC-1). The ' +
            "work order goes to the response team (客响) of the customer's home city, found from the number " +
            'segment; an unknown city is 422 NoResponseTeam. Entrusted acceptance (委托受理) needs the ' +
            "customer's service password, verified here and never stored (GC-2: 422 ServicePasswordRequired / " +
            "ServicePasswordInvalid; the wrong ones count towards the line's lockout, 403 ServicePasswordLocked). " +
            'Business handling (预约办理, 委托受理, 物品预留) for a blacklisted customer: 403 CustomerBlacklisted ' +
            '(CUST-2); a VIP customer goes first in the dispatch queue (CUST-1). Promises beyond the actor’s ' +
            'authority (repair time limit, compensation, specific goods) are refused with 422 ' +
            'CommitmentBeyondAuthority and an offer to escalate to the complaint process; promises within it ' +
            'are kept on the work order (GC-3). The Idempotency-Key ' +
            'header makes a retried request the same work order.',
          security: bearerSecurity,
          headers: z.object({
            'idempotency-key': idempotencyKeySchema.describe('Client-chosen key, 8-64 characters'),
          }),
          body: createGreenChannelSchema,
          response: { 202: accepted, ...errorResponses },
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        const { city, outletCode, vip } = await checkGreenChannel(
          deps.db,
          principal,
          request.body,
          deps.policy,
        );
        const { id, replayed } = await deps.startWorkOrder(
          { channelCode: principal.channelCode, idempotencyKey: request.headers['idempotency-key'] },
          {
            source: 'greenChannel',
            request: { kind: 'greenChannel', ...withoutPassword(request.body) },
            resolved: { vip, city, outletCode },
            createdBy: principal.operatorId,
            channelCode: principal.channelCode,
            settings: workflowSettings(deps.config, 'workOrder'),
          },
        );
        // A new work order is `created` by definition; only a replay needs to look up how far it got.
        const status = replayed ? ((await currentStatus(deps.db, id)) ?? 'created') : 'created';
        const href = `${API_PREFIX}/work-orders/${encodeURIComponent(id)}`;
        return reply
          .code(202)
          .header('location', href)
          .send({ id, status, href, replayed, outletCode, city });
      },
    );
  };
}

/**
 * REQ: GC-2 — the service password proved the line is the customer's and goes no further: not into the
 * workflow's input (and so its history), the read model or the logs. Paper documents (纸质发票/账单) are
 * written into the description too, so the store sees at a glance whether to send them or have them collected.
 */
function withoutPassword(
  body: CreateGreenChannelRequest,
): Omit<CreateGreenChannelRequest, 'servicePassword'> {
  const { servicePassword: _password, ...rest } = body;
  if (!rest.paperDocuments) return rest;
  return { ...rest, description: `${rest.description}\n${paperDocumentNotes[rest.paperDocuments]}` };
}

const paperDocumentNotes = {
  send: '纸质发票/账单：办理后寄送给客户 (paper invoices/bills: send to the customer after handling)',
  collect: '纸质发票/账单：办理后通知客户到厅领取 (paper invoices/bills: tell the customer to collect them)',
} as const;

async function currentStatus(db: Db, id: string) {
  const status = await workOrderStatus(db, id);
  return status === null ? null : workOrderStatusSchema.parse(status);
}
