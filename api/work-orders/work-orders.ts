import type { Client } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { findActiveOutlet, findActiveServiceStaff } from '../../db/queries/work-order-detail';
import { homeCityOf } from '../../db/queries/work-order-views';
import { workOrderCreators, workOrderDesk, type Principal } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { idempotencyKeySchema } from '../../domain/orders';
import type { ResolvedStep } from '../../domain/work-order-machine';
import {
  createWorkOrderSchema,
  workOrderCommandSchema,
  workOrderStatusSchema,
  type WorkOrderActor,
  type WorkOrderCommand,
} from '../../domain/work-orders';
import { workflowSettings, type AppConfig } from '../../temporal.config';
import { isVipLine, screenWorkOrder } from '../../services/orders/customer-screening';
import { principalOf } from '../plugins/auth';
import { bearerSecurity, errorResponses } from '../schemas';
import { createWorkOrderService, type WorkOrderStarter } from '../../services/work-orders/work-order-service';
import {
  appointmentChangeSchema,
  appointmentHistory,
  workOrderViewSchema,
  type WorkOrderView,
} from '../../services/work-orders/work-order-view';
import { API_PREFIX } from '../prefix';
import { previewDispatch } from '../../services/work-orders/dispatch-preview';

const accepted = z.object({
  id: z.string(),
  status: workOrderStatusSchema,
  href: z.string(),
  replayed: z.boolean().describe('true when this Idempotency-Key had already created the work order'),
});

const idParams = z.object({ id: z.string().min(1).max(120) });

/**
 * REQ: WO-1…WO-5 — a work order (工单): create it, read it with its timeline, take its steps (受理, 分配网点,
 * 派工, 抢单, 客户预约 …) and read its appointment history. Lists, statistics, green channel, self-service and
 * dispatch rules have their own routes.
 */
export function workOrderRoutes(deps: {
  db: Db;
  client: Client;
  config: AppConfig;
  startWorkOrder: WorkOrderStarter;
}) {
  const { db } = deps;
  const workOrders = createWorkOrderService({ client: deps.client, db });

  const find = async (id: string): Promise<WorkOrderView> => {
    const view = await workOrders.get(id);
    if (!view) throw new AppError('WorkOrderNotFound', `Work order ${id} does not exist`);
    return view;
  };

  /** Who takes a step: the signed-in operator and, for service staff, the outlet they work from. */
  const actorOf = async (principal: Principal): Promise<WorkOrderActor> => ({
    operatorId: principal.operatorId,
    roles: principal.roles,
    outletCode: (await findActiveServiceStaff(db, principal.operatorId))?.outletCode ?? null,
  });

  /** REQ: WO-3, WO-4 — the outlet must exist; a dispatch's assignee must be active service staff. */
  const resolveStep = async (command: WorkOrderCommand): Promise<ResolvedStep | undefined> => {
    if (command.action === 'assignOutlet' && !(await findActiveOutlet(db, command.outletCode))) {
      throw new AppError(
        'OutletNotFound',
        `body.outletCode: ${command.outletCode} is not an active outlet (网点)`,
      );
    }
    if (command.action === 'dispatch' || command.action === 'redispatch') {
      const staff = await findActiveServiceStaff(db, command.assigneeId);
      if (!staff) {
        throw new AppError(
          'StaffNotFound',
          `body.assigneeId: ${command.assigneeId} is not an active service staff member (服务人员)`,
        );
      }
      return { assigneeOutlet: staff.outletCode };
    }
    return undefined;
  };

  /** REQ: WO-4 — a refused dispatch by rule names each rule and why it picked no one (the preview's notes). */
  const explainNoRule = async (err: AppError, id: string): Promise<AppError> => {
    const view = await workOrders.get(id);
    if (!view) return err;
    const preview = await previewDispatch(db, view, null);
    const rules = preview.rules.map((r) => ({ id: r.id, name: r.name, note: r.note }));
    const why = rules.map((r) => `${r.id}: ${r.note.en}`).join('; ');
    return new AppError(err.code, `${err.message}. Rules: ${why || 'no enabled rule'}`, {
      message: preview.message,
      rules,
    });
  };

  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.post(
      '/work-orders',
      {
        config: { access: workOrderCreators },
        schema: {
          tags: ['work orders'],
          summary: 'Create a work order (创建工单)',
          description:
            'WO-1: staff with permission create a work order for a customer; it starts as a durable workflow ' +
            'in status `created` and waits to be accepted (受理). The Idempotency-Key header makes a retried ' +
            "submission the same work order. The customer's home city comes from the number segment. A VIP " +
            "customer's work order goes first among equal priority in the dispatch queue (CUST-1); installation " +
            'and business handling for a blacklisted customer are new business and refused 403 ' +
            'CustomerBlacklisted, while repairs, faults, terminal support and complaints are always taken (CUST-2).',
          security: bearerSecurity,
          headers: z.object({
            'idempotency-key': idempotencyKeySchema.describe('Client-chosen key, 8-64 characters'),
          }),
          body: createWorkOrderSchema,
          response: { 202: accepted, ...errorResponses },
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        const { msisdn } = request.body.customer;
        await screenWorkOrder(db, request.body.category, msisdn);
        const { id, replayed } = await deps.startWorkOrder(
          { channelCode: principal.channelCode, idempotencyKey: request.headers['idempotency-key'] },
          {
            source: 'staff',
            request: { kind: 'standard', ...request.body },
            resolved: {
              vip: await isVipLine(db, msisdn),
              city: await homeCityOf(db, msisdn),
              outletCode: null,
            },
            createdBy: principal.operatorId,
            channelCode: principal.channelCode,
            settings: workflowSettings(deps.config, 'workOrder'),
          },
        );
        const status = replayed ? ((await workOrders.get(id))?.status ?? 'created') : 'created';
        const href = `${API_PREFIX}/work-orders/${encodeURIComponent(id)}`;
        return reply.code(202).header('location', href).send({ id, status, href, replayed });
      },
    );

    r.get(
      '/work-orders/:id',
      {
        config: { access: workOrderDesk },
        schema: {
          tags: ['work orders'],
          summary: 'A work order with its status, SLA, appointment and timeline (工单详情)',
          description:
            'WO-1…WO-6: the status with Chinese and English labels, the outlet (网点) and assignee, the ' +
            'appointment (客户预约), the SLA targets and the timeline of every step with its actor.',
          security: bearerSecurity,
          params: idParams,
          response: { 200: workOrderViewSchema, ...errorResponses },
        },
      },
      async (request) => find(request.params.id),
    );

    r.post(
      '/work-orders/:id/steps',
      {
        config: { access: workOrderDesk },
        schema: {
          tags: ['work orders'],
          summary:
            'Take a step on a work order (受理, 分配网点, 派工, 按规则派工, 抢单, 预约, 开始, 完成, 关闭, 取消)',
          description:
            '`action` selects the step: accept / reject (WO-2, dispatcher, duty manager, admin); ' +
            'assignOutlet (WO-3, re-assigning needs a reason and clears the assignee and appointment); ' +
            'dispatch / redispatch (WO-4, redispatch needs a reason; the assignee must work at the outlet); ' +
            'dispatchByRule (WO-4 按规则派工, desk roles, while it awaits dispatch: the workflow lets the dispatch ' +
            'rules choose as automatic dispatch does — a round robin takes its turn — and dispatches as the ' +
            'dispatcher, the rule in the timeline; nobody picked: 409 NoDispatchRuleMatched, nothing changed, ' +
            '`details.rules` each rule with why it picked no one, as GET …/dispatch-preview shows); ' +
            'grab (WO-4 抢单, service staff; the first grab wins, later ones 409 AlreadyGrabbed); ' +
            'bookAppointment / changeAppointment (WO-5, the assignee; a change needs a reason); start, ' +
            'complete (the assignee); close (desk); cancel (desk or the creator, with a reason). The answer ' +
            'is the work order as the step left it. A step the status does not allow: 409 ' +
            'IllegalWorkOrderStep naming the status; the wrong person: 403 RoleNotAllowed or NotAssignee.',
          security: bearerSecurity,
          params: idParams,
          body: workOrderCommandSchema,
          response: { 200: workOrderViewSchema, ...errorResponses },
        },
      },
      async (request) => {
        const command = request.body;
        const resolved = await resolveStep(command);
        const actor = await actorOf(principalOf(request));
        try {
          return await workOrders.command(request.params.id, actor, command, resolved);
        } catch (err) {
          if (err instanceof AppError && err.code === 'NoDispatchRuleMatched') {
            throw await explainNoRule(err, request.params.id);
          }
          throw err;
        }
      },
    );

    r.get(
      '/work-orders/:id/appointments',
      {
        config: { access: workOrderDesk },
        schema: {
          tags: ['work orders'],
          summary: 'The appointment history of a work order (客户预约记录)',
          description:
            'WO-5: the appointment booked with the customer now, and every booking and change with the ' +
            'time before and after, who made it and why; a re-assigned outlet clears the appointment.',
          security: bearerSecurity,
          params: idParams,
          response: {
            200: z.object({
              id: z.string(),
              appointment: workOrderViewSchema.shape.appointment,
              history: z.array(appointmentChangeSchema),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        const view = await find(request.params.id);
        return { id: view.id, appointment: view.appointment, history: appointmentHistory(view.timeline) };
      },
    );
  };
}
