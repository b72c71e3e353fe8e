import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client';
import {
  listNotifications,
  markNotificationRead,
  type NotificationRecord,
} from '../../db/queries/notifications';
import { dispatcherDesk } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { bearerSecurity, booleanQuery, errorResponses, labelSchema, queryInteger } from '../schemas';

const notificationSchema = z.object({
  id: z
    .string()
    .describe('`<work order>:<target>` for an SLA breach, `<order>:bbossOverdue` for a late BBOSS answer'),
  recipientRole: z.string().describe('The role the notice is for, e.g. dutyManager'),
  outletCode: z.string().nullable().describe('The outlet (网点) whose staff it concerns'),
  workOrderId: z.string().nullable(),
  kind: z.string().describe('e.g. sla.responseBreached, sla.resolutionBreached, bboss.overdue'),
  message: labelSchema.describe('The notice in Chinese and English'),
  createdAt: z.string().describe('ISO 8601 time'),
  readAt: z.string().nullable().describe('When someone marked it read; null while unread'),
});

const toView = (n: NotificationRecord): z.infer<typeof notificationSchema> => ({
  id: n.id,
  recipientRole: n.recipientRole,
  outletCode: n.outletCode,
  workOrderId: n.workOrderId,
  kind: n.kind,
  message: { zh: n.messageZh, en: n.messageEn },
  createdAt: n.createdAt.toISOString(),
  readAt: n.readAt?.toISOString() ?? null,
});

const listQuery = z.object({
  role: z.string().min(1).max(40).optional().describe('Only notices for this role'),
  outletCode: z.string().min(1).max(40).optional().describe('Only notices for this outlet'),
  unread: booleanQuery.optional().describe('true: only unread notices; false: only read ones'),
  offset: queryInteger(0).default(0),
  limit: queryInteger(1, 200).default(20),
});

/**
 * REQ: WO-6, GRP-4 — notices (通知) to a role at an outlet, such as an SLA breach escalated to the outlet's duty
 * manager or a group order BBOSS has not answered in time, for dispatchers and duty managers to see and mark
 * read.
 */
export function notificationRoutes(deps: { db: Db }) {
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/notifications',
      {
        config: { access: dispatcherDesk },
        schema: {
          tags: ['work orders'],
          summary: 'Notices (通知) for a role at an outlet, newest first',
          description:
            'SLA breaches escalated to the escalation role at the work order’s outlet (WO-6), group orders ' +
            'BBOSS has not answered within BBOSS_OVERDUE_HOURS (GRP-4, for BBOSS_OVERDUE_ROLE), and other ' +
            'notices. Filter by role, outlet and whether they are unread; page with offset and limit; the ' +
            'total count is in the X-Total-Count header.',
          security: bearerSecurity,
          querystring: listQuery,
          response: { 200: z.object({ items: z.array(notificationSchema) }), ...errorResponses },
        },
      },
      async (request, reply) => {
        const { rows, total } = await listNotifications(deps.db, request.query);
        void reply.header('x-total-count', String(total));
        return { items: rows.map(toView) };
      },
    );

    r.post(
      '/notifications/:id/read',
      {
        config: { access: dispatcherDesk },
        schema: {
          tags: ['work orders'],
          summary: 'Mark a notice (通知) read',
          description:
            'Marks the notice read and answers with it; marking it again keeps the first time it was read. ' +
            'An unknown ID is 404 NotificationNotFound.',
          security: bearerSecurity,
          params: z.object({ id: z.string().min(1).max(200) }),
          response: { 200: notificationSchema, ...errorResponses },
        },
      },
      async (request) => {
        const row = await markNotificationRead(deps.db, request.params.id);
        if (!row) {
          throw new AppError('NotificationNotFound', `params.id: no notification ${request.params.id}`);
        }
        return toView(row);
      },
    );
  };
}
