import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { nonBlankText } from '../../domain/text-fields';
import type { Db } from '../../db/client';
import {
  listWorkOrders,
  outletWorkOrderStats,
  type WorkOrderListRow,
} from '../../db/queries/work-order-views';
import { findActiveServiceStaff } from '../../db/queries/work-order-detail';
import { dispatcherDesk, workOrderDesk } from '../../domain/access';
import { AppError } from '../../domain/errors';
import {
  greenChannelTypeSchema,
  workOrderCategorySchema,
  workOrderPrioritySchema,
  workOrderStatusLabels,
  workOrderStatusSchema,
} from '../../domain/work-orders';
import { principalOf } from '../plugins/auth';
import { bearerSecurity, booleanQuery, errorResponses, labelSchema, queryInteger } from '../schemas';

/**
 * The dispatchers' views of work orders (REQ: WO-6 "see at a glance what is late and who holds what", RPT-1):
 * a filtered list of the projection and per-outlet backlog and SLA attainment. The single work order
 * (GET /api/v1/work-orders/{id}) is served by the work-order routes; the static `/stats/outlets` and
 * `/grab-pool` segments win over `/{id}` in Fastify's router whatever the registration order. Also the service
 * staff's grab pool (REQ: WO-4).
 */
export function workOrderViewRoutes(deps: { db: Db }) {
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/work-orders',
      {
        config: { access: workOrderDesk },
        schema: {
          tags,
          summary: 'Work orders (工单列表), filtered; newest first or as the dispatch queue',
          description:
            'Reads the work-order read model. Filters combine with AND; `status`, `priority` and `category` take ' +
            'one value or several, comma-separated. `overdue=true` lists the late (超时) work orders: a breached ' +
            'target, a target met after its due time, or a due time passed while the work order is still open ' +
            '(computed from the due dates against the current time, not only from the timers). ' +
            '`sort=newest` (default) is newest first; `sort=priority` is the dispatch queue: P1 first, VIP ' +
            'customers first within a priority (CUST-1), then the longest waiting; `sort=sla` (WO-6, UI-1 "by ' +
            'SLA") puts the nearest unmet due time first — the response due time until responded, then the ' +
            'resolution due time — so the late come first (longest late first), then the soonest due, and ' +
            'work orders with no running target last. Each item names its assignee (`assigneeName`). ' +
            'The customer number is masked ' +
            '(139****0005): the list is seen by every desk; the work order itself shows it to those who act on ' +
            'it. The total is in the X-Total-Count header.',
          security: bearerSecurity,
          querystring: listQuery,
          response: { 200: z.object({ items: z.array(listItemSchema) }), ...errorResponses },
        },
      },
      async (request, reply) => {
        const q = request.query;
        const { total, items } = await listWorkOrders(
          deps.db,
          {
            statuses: q.status,
            priorities: q.priority,
            categories: q.category,
            kind: q.kind,
            outletCode: q.outletCode,
            assigneeId: q.assigneeId,
            vip: q.vip,
            overdue: q.overdue,
            createdFrom: q.createdFrom ? new Date(q.createdFrom) : undefined,
            createdTo: q.createdTo ? new Date(q.createdTo) : undefined,
            sort: q.sort,
            offset: q.offset,
            limit: q.limit,
          },
          new Date(),
        );
        void reply.header('x-total-count', String(total));
        return { items: items.map(listItem) };
      },
    );

    r.get(
      '/work-orders/grab-pool',
      {
        config: { access: workOrderDesk },
        schema: {
          tags,
          summary: 'The grab pool: work orders I may grab now (抢单池)',
          description:
            'WO-4, UI-1: for the signed-in service staff member (role serviceStaff with an active staff ' +
            'profile): the work orders awaiting dispatch (accepted or outlet assigned, nobody assigned) at ' +
            'their outlet or at no outlet — exactly those a grab (抢单) of theirs would take — in dispatch-queue ' +
            'order: P1 first, VIP first within a priority (CUST-1), then the longest waiting. Items as in ' +
            'GET /api/v1/work-orders; the total in X-Total-Count. Anyone else (another role, or service staff ' +
            'without an active staff profile): 403 StaffProfileRequired.',
          security: bearerSecurity,
          querystring: z.object({
            offset: queryInteger(0).default(0),
            limit: queryInteger(1, 200).default(20),
          }),
          response: { 200: z.object({ items: z.array(listItemSchema) }), ...errorResponses },
        },
      },
      async (request, reply) => {
        // Past the route's permission (the work-order desk): a grab is service staff's own step.
        const principal = principalOf(request);
        const staff = principal.roles.includes('serviceStaff')
          ? await findActiveServiceStaff(deps.db, principal.operatorId)
          : null;
        if (!staff) {
          throw new AppError(
            'StaffProfileRequired',
            principal.roles.includes('serviceStaff')
              ? `grab pool: ${principal.operatorId} has no active service staff profile (outlet) to grab for`
              : `grab pool: only service staff (role serviceStaff) grab work orders; ${principal.operatorId} ` +
                  `has ${principal.roles.join(', ') || 'no role'}`,
          );
        }
        const { total, items } = await listWorkOrders(
          deps.db,
          {
            statuses: ['accepted', 'outletAssigned'],
            unassigned: true,
            outletOrNone: staff.outletCode,
            sort: 'priority',
            offset: request.query.offset,
            limit: request.query.limit,
          },
          new Date(),
        );
        void reply.header('x-total-count', String(total));
        return { items: items.map(listItem) };
      },
    );

    r.get(
      '/work-orders/stats/outlets',
      {
        config: { access: dispatcherDesk },
        schema: {
          tags,
          summary: 'Backlog and SLA attainment per outlet (网点工单积压与服务达标率)',
          description:
            'Every outlet (网点), also those with no work, by the outlet a work order is at now: open backlog by ' +
            'status, how many open work orders are late now, and in the window [from, to) (default: the last ' +
            '30 days) how many were completed (resolved) and the share resolved by their due time (resolution ' +
            'attainment), and likewise for responses (response attainment). Attainment is null when nothing in ' +
            'the window was measured. REQ: WO-6, RPT-1.',
          security: bearerSecurity,
          querystring: statsQuery,
          response: { 200: statsSchema, ...errorResponses },
        },
      },
      async (request) => {
        const now = new Date();
        const to = request.query.to ? new Date(request.query.to) : now;
        const from = request.query.from ? new Date(request.query.from) : new Date(to.getTime() - 30 * DAY_MS);
        const outlets = await outletWorkOrderStats(deps.db, { from, to }, now);
        return { window: { from: from.toISOString(), to: to.toISOString() }, outlets };
      },
    );
  };
}

const tags = ['work orders'];
const DAY_MS = 86_400_000;
const iso = z.string().describe('ISO 8601 time');
const isoParam = z.iso.datetime({ offset: true });

/**
 * One value or several, comma-separated (`status=dispatched,inService`): a pattern made of the values, so the
 * OpenAPI document states which lists are taken.
 */
const oneOrMany = <T extends z.ZodEnum<Record<string, string>>>(values: T) => {
  const one = `(?:${values.options.join('|')})`;
  return z
    .string()
    .regex(new RegExp(`^${one}(?:,${one})*$`), `one or more of ${values.options.join(', ')}, comma-separated`)
    .transform((s) => s.split(','))
    .pipe(z.array(values));
};

const listQuery = z
  .object({
    status: oneOrMany(workOrderStatusSchema).optional().describe('e.g. dispatched,inService'),
    priority: oneOrMany(workOrderPrioritySchema).optional().describe('e.g. P1,P2'),
    category: oneOrMany(workOrderCategorySchema).optional(),
    kind: z.enum(['standard', 'greenChannel']).optional(),
    outletCode: nonBlankText(40).optional(),
    assigneeId: nonBlankText(64).optional().describe('Operator ID of the service staff'),
    vip: booleanQuery.optional(),
    overdue: booleanQuery.optional().describe('true: only late work orders; false: only those on time'),
    createdFrom: isoParam.optional().describe('Created at or after (ISO 8601 with offset)'),
    createdTo: isoParam.optional().describe('Created before (ISO 8601 with offset)'),
    sort: z
      .enum(['newest', 'priority', 'sla'])
      .default('newest')
      .describe('newest first; priority = the dispatch queue; sla = the nearest unmet due time first'),
    offset: queryInteger(0).default(0),
    limit: queryInteger(1, 200).default(20),
  })
  .superRefine((q, ctx) => {
    if (q.createdFrom && q.createdTo && Date.parse(q.createdFrom) >= Date.parse(q.createdTo)) {
      ctx.addIssue({ code: 'custom', path: ['createdTo'], message: 'must be later than createdFrom' });
    }
  });

const statsQuery = z
  .object({
    from: isoParam.optional().describe('Window start, inclusive (default: 30 days before `to`)'),
    to: isoParam.optional().describe('Window end, exclusive (default: now)'),
  })
  .superRefine((q, ctx) => {
    if (q.from && Date.parse(q.from) >= Date.parse(q.to ?? new Date().toISOString())) {
      ctx.addIssue({ code: 'custom', path: ['from'], message: 'must be earlier than to (default now)' });
    }
  });

const listItemSchema = z.object({
  id: z.string(),
  kind: z.enum(['standard', 'greenChannel']),
  category: workOrderCategorySchema,
  greenChannelType: greenChannelTypeSchema.nullable(),
  priority: workOrderPrioritySchema,
  status: workOrderStatusSchema,
  statusLabel: labelSchema,
  title: z.string(),
  vip: z.boolean(),
  customer: z.object({
    name: z.string(),
    msisdn: z.string().describe('Masked: the middle four digits hidden, e.g. 139****0005'),
  }),
  outletCode: z.string().nullable(),
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable().describe('The name of the service staff member holding it'),
  createdAt: iso,
  responseDueAt: iso.nullable(),
  resolutionDueAt: iso.nullable(),
  late: z.boolean().describe('A target breached, met late, or due and not yet met (WO-6)'),
  lateByMinutes: z
    .number()
    .int()
    .nullable()
    .describe('Minutes past the later missed due time (up to now when still open); null when on time'),
});

const attainmentSchema = z.object({
  measured: z.number().int().describe('Work orders with a due time whose target was met in the window'),
  met: z.number().int().describe('…of which at or before the due time'),
  attainment: z.number().nullable().describe('met / measured (0…1, 4 decimals); null when none measured'),
});

const statsSchema = z.object({
  window: z.object({ from: iso, to: iso }),
  outlets: z.array(
    z.object({
      outletCode: z.string(),
      name: z.string(),
      city: z.string(),
      active: z.boolean(),
      backlog: z
        .object({
          accepted: z.number().int(),
          outletAssigned: z.number().int(),
          dispatched: z.number().int(),
          inService: z.number().int(),
          total: z.number().int(),
        })
        .describe('Open work orders at the outlet by status (积压)'),
      lateNow: z.number().int().describe('Open work orders at the outlet that are late now'),
      completedInWindow: z.number().int().describe('Work orders resolved (完成) in the window'),
      resolution: attainmentSchema.describe('Resolution attainment (解决及时率)'),
      response: attainmentSchema.describe('Response attainment (响应及时率)'),
    }),
  ),
});

/** REQ: WO-6 — the list shows only the number's first three and last four digits (139****0005). */
export const maskMsisdn = (msisdn: string): string =>
  msisdn.length === 11 ? `${msisdn.slice(0, 3)}****${msisdn.slice(7)}` : '****';

const isoOrNull = (d: Date | null): string | null => (d ? d.toISOString() : null);

function listItem(r: WorkOrderListRow): z.infer<typeof listItemSchema> {
  return {
    id: r.id,
    kind: r.kind,
    category: r.category,
    greenChannelType: r.greenChannelType,
    priority: r.priority,
    status: r.status,
    statusLabel: workOrderStatusLabels[r.status],
    title: r.title,
    vip: r.vip,
    customer: { name: r.customerName, msisdn: maskMsisdn(r.customerMsisdn) },
    outletCode: r.outletCode,
    assigneeId: r.assigneeId,
    assigneeName: r.assigneeName,
    createdAt: r.createdAt.toISOString(),
    responseDueAt: isoOrNull(r.responseDueAt),
    resolutionDueAt: isoOrNull(r.resolutionDueAt),
    late: r.late,
    lateByMinutes: r.lateByMinutes,
  };
}
