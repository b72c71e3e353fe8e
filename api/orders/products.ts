import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { listActiveProducts } from '../../db/queries/products';
import { orderDesk } from '../../domain/access';
import { errorResponses, routeDoc } from '../schemas';

const doc = routeDoc(['orders']);
const fen = (what: string) => z.number().int().describe(`${what}, in fen`);

const productSchema = z.object({
  code: z.string().describe('The productCode an openAccount order names, e.g. VOICE-58'),
  name: z.string().describe('The name as the catalogue keeps it (Chinese and English in one text)'),
  simFeeFen: fen('SIM card fee (SIM 卡费)'),
  depositFen: fen('Prepaid deposit (预存款)'),
  monthlyFeeFen: fen('Monthly fee (月费)'),
});

/** REQ: OPEN-4 — the product catalogue (产品目录) the order desk opens accounts with. */
export function productRoutes(deps: { db: Db }) {
  return async (app: FastifyInstance): Promise<void> => {
    app.withTypeProvider<ZodTypeProvider>().get(
      '/products',
      {
        config: { access: orderDesk },
        schema: {
          ...doc(
            'Products an account can be opened with (产品目录)',
            'Every product that is not withdrawn, by code, with the prices an opening charges (OPEN-4): the ' +
              'whole catalogue in one answer (a small table, no paging). The quote of an opening ' +
              '(POST /api/v1/orders/quote) adds the selection fee and the roaming deposit.',
          ),
          response: { 200: z.object({ items: z.array(productSchema) }), ...errorResponses },
        },
      },
      async () => ({ items: await listActiveProducts(deps.db) }),
    );
  };
}
