import type { Client } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { findActiveOutlet } from '../../db/queries/work-order-detail';
import { dispatcherDesk } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { nonBlankText } from '../../domain/text-fields';
import { dispatchPreviewSchema, previewDispatch } from '../../services/work-orders/dispatch-preview';
import { createWorkOrderService } from '../../services/work-orders/work-order-service';
import { bearerSecurity, errorResponses } from '../schemas';

/**
 * REQ: WO-4, UI-1 — the dispatch preview (派工预演): a dispatcher sees, before dispatching, what the rules
 * would do for a work order and why, rule by rule.
 */
export function dispatchPreviewRoutes(deps: { db: Db; client: Client }) {
  const { db } = deps;
  const workOrders = createWorkOrderService({ client: deps.client, db });
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/work-orders/:id/dispatch-preview',
      {
        config: { access: dispatcherDesk },
        schema: {
          tags: ['work orders'],
          summary: 'What dispatch by rule would do (派工预演)',
          description:
            'WO-4, UI-1: every enabled dispatch rule in the order tried, evaluated by the same code as ' +
            'automatic dispatch: whether it matches the work order (and why not), whom it draws from with their ' +
            'skills and open load, and whom it would pick — a round-robin rule its next in turn, without taking ' +
            'the turn; `decision` is the first rule that picks someone (null: nobody; the work order waits for ' +
            'a dispatcher or a grab). Nothing changes. The current assignee of a dispatched work order is ' +
            'excluded, as a re-dispatch by rule excludes them. `outletCode` previews as if the work order were ' +
            'at that outlet (WO-3): an outlet that is not active is 422 OutletNotFound naming ' +
            'querystring.outletCode. 404 WorkOrderNotFound.',
          security: bearerSecurity,
          params: z.object({ id: z.string().min(1).max(120) }),
          querystring: z.object({
            outletCode: nonBlankText(40)
              .optional()
              .describe('Preview as if the work order were at this (active) outlet'),
          }),
          response: { 200: dispatchPreviewSchema, ...errorResponses },
        },
      },
      async (request) => {
        const { id } = request.params;
        const asIf = request.query.outletCode ?? null;
        const view = await workOrders.get(id);
        if (!view) throw new AppError('WorkOrderNotFound', `Work order ${id} does not exist`);
        if (asIf && !(await findActiveOutlet(db, asIf))) {
          throw new AppError(
            'OutletNotFound',
            `querystring.outletCode: ${asIf} is not an active outlet (网点)`,
          );
        }
        return previewDispatch(db, view, asIf);
      },
    );
  };
}
