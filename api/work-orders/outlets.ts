import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { findOutlet, listOutlets, outletStaff } from '../../db/queries/outlets';
import { dispatcherDesk, workOrderDesk } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { nonBlankText } from '../../domain/text-fields';
import { bearerSecurity, booleanQuery, errorResponses, queryInteger } from '../schemas';

const tags = ['work orders'];

const outletSchema = z.object({
  code: z.string(),
  name: z.string(),
  city: z.string(),
  territory: z.string().describe('The area the outlet serves (territory dispatch rules match it)'),
  active: z.boolean(),
  staffCount: z
    .number()
    .int()
    .describe('Service staff who can take work now (staff profile, operator and outlet active)'),
});

const staffSchema = z.object({
  operatorId: z.string(),
  name: z.string(),
  skills: z.array(z.string()),
  active: z.boolean().describe('Can take work now (staff profile, operator and outlet active)'),
  openLoad: z.number().int().describe('Open work orders held: dispatched or in service'),
});

/**
 * REQ: WO-3, WO-4, UI-1 — outlets (网点) and their service staff (服务人员) for the dispatch desks: which outlet
 * to assign a work order to, and which technician of it to dispatch to, with their skills and open load.
 */
export function outletRoutes(deps: { db: Db }) {
  const { db } = deps;
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/outlets',
      {
        config: { access: workOrderDesk },
        schema: {
          tags,
          summary: 'Outlets (网点列表)',
          description:
            'WO-3, UI-1: the outlets a work order can be assigned to, by code, with the number of service ' +
            'staff who can take work there now. `active=true` lists only active outlets (assignOutlet takes ' +
            'only those), `active=false` only deactivated ones; default all. The total is in X-Total-Count.',
          security: bearerSecurity,
          querystring: z.object({
            active: booleanQuery.optional().describe('true: active outlets only; false: inactive only'),
            offset: queryInteger(0).default(0),
            limit: queryInteger(1, 200).default(50),
          }),
          response: { 200: z.object({ items: z.array(outletSchema) }), ...errorResponses },
        },
      },
      async (request, reply) => {
        const { total, items } = await listOutlets(db, request.query);
        void reply.header('x-total-count', String(total));
        return { items };
      },
    );

    r.get(
      '/outlets/:code/staff',
      {
        config: { access: dispatcherDesk },
        schema: {
          tags,
          summary: "An outlet's service staff with their open load (网点服务人员及在办工单数)",
          description:
            'WO-4, UI-1: for a dispatcher choosing a technician (派工): every service staff member of the ' +
            'outlet, by operator ID, with skills, whether they can take work now, and their open load ' +
            '(work orders dispatched to them or in service). An unknown outlet: 422 OutletNotFound.',
          security: bearerSecurity,
          params: z.object({ code: nonBlankText(40) }),
          response: {
            200: z.object({
              outlet: z.object({ code: z.string(), name: z.string(), city: z.string() }),
              items: z.array(staffSchema),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        const outlet = await findOutlet(db, request.params.code);
        if (!outlet) {
          throw new AppError('OutletNotFound', `params.code: no outlet (网点) ${request.params.code}`);
        }
        return {
          outlet: { code: outlet.code, name: outlet.name, city: outlet.city },
          items: await outletStaff(db, outlet.code),
        };
      },
    );
  };
}
