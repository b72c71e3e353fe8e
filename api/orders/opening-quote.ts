import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { orderDesk } from '../../domain/access';
import { openAccountRequestSchema } from '../../domain/open-account';
import { quoteOpening } from '../../services/orders/opening-quote';
import { openingQuoteSchema } from '../../services/orders/summary-schemas';
import { principalOf } from '../plugins/auth';
import { errorResponses, routeDoc } from '../schemas';

const doc = routeDoc(['orders']);

const quoteAnswer = openingQuoteSchema.extend({
  msisdn: z
    .string()
    .nullable()
    .describe('The number chosen; null when none was chosen (the order takes the cheapest free one)'),
  selectionFeeFen: z
    .number()
    .int()
    .describe('选号费 of the chosen number, or of the number the order would take now, in fen'),
});

/** REQ: OPEN-4 — the price of an account opening, shown to the customer before the order is submitted. */
export function openingQuoteRoutes(deps: { db: Db; roamingDepositFen: number }) {
  return async (app: FastifyInstance): Promise<void> => {
    app.withTypeProvider<ZodTypeProvider>().post(
      '/orders/quote',
      {
        config: { access: orderDesk },
        schema: {
          ...doc(
            'Price an account opening before submitting it (开户报价)',
            'Takes the body an `openAccount` order would be submitted with and answers what it would charge, ' +
              'line by line — SIM fee, deposit (预存款), selection fee (选号费) and, with roaming, the ' +
              'international-roaming deposit — computed by the same rule the order charges with (OPEN-4). ' +
              'Nothing is held or charged and the bank is not asked: a card or corporate account is assumed ' +
              "to pass the bank's check, so a corporate account of an enterprise pays no deposit (OPEN-5). " +
              'The selection fee is that of the chosen `msisdn`, or without one of the free number the order ' +
              "would take now (the cheapest in the operator's stock). 422 ProductNotFound for a product that " +
              'does not exist or is withdrawn; 409 NumberUnavailable when the chosen number is not free in the ' +
              "operator's stock, 409 NoNumberAvailable when no number is.",
          ),
          body: openAccountRequestSchema,
          response: { 200: quoteAnswer, ...errorResponses },
        },
      },
      async (request) => quoteOpening(deps.db, principalOf(request), request.body, deps.roamingDepositFen),
    );
  };
}
