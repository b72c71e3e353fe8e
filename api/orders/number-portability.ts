import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { findPortOutFacts } from '../../db/queries/number-portability';
import { orderDesk } from '../../domain/access';
import { portOutEligibility, portOutFailureCodes } from '../../domain/number-portability';
import { msisdnSchema } from '../../domain/numbers';
import { bearerSecurity, errorResponses } from '../schemas';

const query = z.object({ msisdn: msisdnSchema.describe('The number the customer wants to port out') });

const response = z.object({
  msisdn: z.string(),
  eligible: z.boolean(),
  failures: z.array(
    z.object({
      code: z.enum(portOutFailureCodes),
      message: z.string().describe('English, with the figures'),
      reason: z.string().describe('Chinese sentence for the customer'),
    }),
  ),
});

/** REQ: MNP-1 — number portability (携号转网) queries. */
export function numberPortabilityRoutes(deps: { db: Db; minTenureDays: number; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());
  return async (app: FastifyInstance): Promise<void> => {
    app.withTypeProvider<ZodTypeProvider>().get(
      '/mnp/eligibility',
      {
        config: { access: orderDesk },
        schema: {
          tags: ['number portability'],
          summary: 'Can this number port out? (携号转网资格)',
          description:
            'Checks every MNP-1 condition and lists all that fail, each with a code, an English message and ' +
            'a Chinese reason. A number that is not ours is an answer (`NotOurNumber`), not a 404.',
          security: bearerSecurity,
          querystring: query,
          response: { 200: response, ...errorResponses },
        },
      },
      async (request) => {
        const { msisdn } = request.query;
        const line = await findPortOutFacts(deps.db, msisdn);
        const result = portOutEligibility({ line, now: now() }, { minTenureDays: deps.minTenureDays });
        return { msisdn, ...result };
      },
    );
  };
}
