import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { nonBlankText } from '../../domain/text-fields';
import type { Db } from '../../db/client';
import { listAuditRows } from '../../db/queries/audit';
import { adminDesk } from '../../domain/access';
import { bearerSecurity, errorResponses, queryInteger } from '../schemas';

const isoParam = z.iso.datetime({ offset: true });

const auditQuery = z
  .object({
    operatorId: nonBlankText(64).optional(),
    outletCode: nonBlankText(64).optional(),
    route: nonBlankText(200).optional().describe('Route pattern, e.g. /api/v1/orders/:id/cancel'),
    target: nonBlankText(200).optional().describe('Order, work order or other ID acted on'),
    outcome: z.enum(['success', 'refused', 'error']).optional(),
    from: isoParam.optional().describe('At or after (ISO 8601 with offset)'),
    to: isoParam.optional().describe('Before (ISO 8601 with offset)'),
    offset: queryInteger(0).default(0),
    limit: queryInteger(1, 200).default(50),
  })
  .superRefine((q, ctx) => {
    if (q.from && q.to && Date.parse(q.from) >= Date.parse(q.to)) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be later than from' });
    }
  });

const auditEntrySchema = z.object({
  requestId: z.string(),
  at: z.string().describe('ISO 8601 time'),
  operatorId: z.string().nullable().describe('Signed-in operator, or the ID a sign-in claimed'),
  channelCode: z.string().nullable(),
  outletCode: z.string().nullable().describe('The outlet (网点) the operator signed in at, if any'),
  method: z.string(),
  route: z.string(),
  target: z.string().nullable(),
  statusCode: z.number().int(),
  outcome: z.enum(['success', 'refused', 'error']),
  errorCode: z.string().nullable(),
});

/** REQ: ORD-4 — administrators read the audit log of state-changing requests. */
export function auditRoutes(deps: { db: Db }) {
  return async (app: FastifyInstance): Promise<void> => {
    app.withTypeProvider<ZodTypeProvider>().get(
      '/audit',
      {
        config: { access: adminDesk },
        schema: {
          tags: ['access'],
          summary: 'Search the audit log',
          description:
            'Every state-changing request (including refused ones, sign-ins and callbacks), newest first; ' +
            'filters combine. The total is in the X-Total-Count header. Administrators only.',
          security: bearerSecurity,
          querystring: auditQuery,
          response: { 200: z.array(auditEntrySchema), ...errorResponses },
        },
      },
      async (request, reply) => {
        const q = request.query;
        const { rows, total } = await listAuditRows(deps.db, {
          ...q,
          from: q.from ? new Date(q.from) : undefined,
          to: q.to ? new Date(q.to) : undefined,
        });
        void reply.header('x-total-count', String(total));
        return rows.map((r) => ({
          requestId: r.requestId,
          at: r.at.toISOString(),
          operatorId: r.operatorId,
          channelCode: r.channelCode,
          outletCode: r.outletCode,
          method: r.method,
          route: r.route,
          target: r.target,
          statusCode: r.statusCode,
          outcome: auditEntrySchema.shape.outcome.parse(r.outcome),
          errorCode: r.errorCode,
        }));
      },
    );
  };
}
