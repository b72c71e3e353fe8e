import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { nonBlankText } from '../../domain/text-fields';
import type { Db } from '../../db/client';
import { latestReportDate, readStockReport } from '../../db/queries/stock-reports';
import { adminDesk } from '../../domain/access';
import { bearerSecurity, errorResponses } from '../schemas';

const reportSchema = z.object({
  reportDate: z.string().nullable().describe('YYYY-MM-DD; null when no report has been written yet'),
  items: z.array(
    z.object({
      unitCode: z.string().describe('The holding unit, or "central" for stock not issued into the tree'),
      resourceType: z.string().describe('numbers · sims'),
      state: z.string(),
      count: z.number().int(),
    }),
  ),
});

/**
 * REQ: RES-3 — the daily stock report (库存日报) the DailyStockReport Schedule writes at 00:10 business time:
 * per holding unit × resource type × state, how many.
 */
export function stockReportRoutes(deps: { db: Db }) {
  return async (app: FastifyInstance): Promise<void> => {
    app.withTypeProvider<ZodTypeProvider>().get(
      '/stock-reports',
      {
        config: { access: adminDesk },
        schema: {
          tags: ['resources'],
          summary: 'The daily stock report (库存日报)',
          description:
            'Counts per holding unit, resource type and state for one day (default: the latest report), ' +
            'optionally for one unit (`central` = stock not issued into the tree).',
          security: bearerSecurity,
          querystring: z.object({
            date: z
              .string()
              .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a YYYY-MM-DD date')
              .optional(),
            unitCode: nonBlankText(64).optional(),
          }),
          response: { 200: reportSchema, ...errorResponses },
        },
      },
      async (request) => {
        const reportDate = request.query.date ?? (await latestReportDate(deps.db));
        if (reportDate === null) return { reportDate: null, items: [] };
        const rows = await readStockReport(deps.db, reportDate, request.query.unitCode);
        return {
          reportDate,
          items: rows.map(({ unitCode, resourceType, state, count }) => ({
            unitCode,
            resourceType,
            state,
            count,
          })),
        };
      },
    );
  };
}
