import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { stockScopeOf } from '../../db/queries/org-units';
import { countAvailableNumbers, listAvailableNumbers } from '../../db/queries/resources';
import { orderDesk } from '../../domain/access';
import { numberPatternSchema, patternToLike } from '../../domain/numbers';
import { principalOf } from '../plugins/auth';
import { bearerSecurity, errorResponses, queryInteger } from '../schemas';

const query = z.object({
  pattern: numberPatternSchema
    .optional()
    .describe(
      'Digits with * for any run of digits, e.g. *888 (ends with 888) or 138*0000; digits without * match ' +
        'numbers containing them, e.g. 520',
    ),
  offset: queryInteger(0).default(0),
  limit: queryInteger(1, 200).default(20),
});

const response = z.object({
  items: z.array(
    z.object({ msisdn: z.string(), selectionFeeFen: z.number().int().describe('选号费, in fen') }),
  ),
  total: z.number().int().describe('How many free numbers match (also in the X-Total-Count header)'),
});

export function numberRoutes(deps: { db: Db }) {
  return async (app: FastifyInstance): Promise<void> => {
    app.withTypeProvider<ZodTypeProvider>().get(
      '/numbers/available',
      {
        config: { access: orderDesk },
        schema: {
          tags: ['resources'],
          summary: 'Free numbers with their selection fee',
          description:
            'Mobile numbers the caller can pre-empt now: unused, held by a pre-emption that has expired (OPEN-2) or ' +
            "recycled after its cool-down — a clerk's own outlet stock, for anyone else central and city stock (RES-2). " +
            'A number pre-empted by a running order or reserved is not offered. Ordered by number, one page at ' +
            'a time (`offset`, `limit`); the count of all matches is `total` and the X-Total-Count header. ' +
            'Each with its selection fee (选号费, RES-4) as the fee rules set it.',
          security: bearerSecurity,
          querystring: query,
          response: { 200: response, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { pattern, limit, offset } = request.query;
        const scope = await stockScopeOf(deps.db, principalOf(request).operatorId);
        const like = pattern ? patternToLike(pattern) : undefined;
        const [items, total] = await Promise.all([
          listAvailableNumbers(deps.db, { like, limit, offset }, scope),
          countAvailableNumbers(deps.db, { like }, scope),
        ]);
        void reply.header('x-total-count', String(total));
        return { items, total };
      },
    );
  };
}
