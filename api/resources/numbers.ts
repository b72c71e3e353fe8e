import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { stockScopeOf } from '../../db/queries/org-units';
import { listAvailableNumbers } from '../../db/queries/resources';
import { orderDesk } from '../../domain/access';
import { numberPatternSchema, patternToLike } from '../../domain/numbers';
import { principalOf } from '../plugins/auth';
import { bearerSecurity, errorResponses, queryInteger } from '../schemas';

const query = z.object({
  pattern: numberPatternSchema.optional().describe('Digits with * for any digits, e.g. *888 or 138*0000'),
  limit: queryInteger(1, 200).default(20),
});

const response = z.object({
  items: z.array(
    z.object({ msisdn: z.string(), selectionFeeFen: z.number().int().describe('选号费, in fen') }),
  ),
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
            "recycled after its cool-down — a clerk's own outlet stock, for anyone else central and city stock (RES-2).",
          security: bearerSecurity,
          querystring: query,
          response: { 200: response, ...errorResponses },
        },
      },
      async (request) => {
        const { pattern, limit } = request.query;
        const scope = await stockScopeOf(deps.db, principalOf(request).operatorId);
        const items = await listAvailableNumbers(
          deps.db,
          { like: pattern ? patternToLike(pattern) : undefined, limit },
          scope,
        );
        return { items };
      },
    );
  };
}
