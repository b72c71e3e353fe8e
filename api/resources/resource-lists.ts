import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { liveStockLevels, pageOfNumbers, pageOfSims } from '../../db/queries/resource-lists';
import { adminDesk, orderDesk } from '../../domain/access';
import { numberStatuses, simStatuses } from '../../domain/numbers';
import { maskName } from '../../domain/queries';
import { numberStatusLabels, simStatusLabels } from '../../domain/resource-states';
import { resourceTypes } from '../../domain/resources';
import { nonBlankText } from '../../domain/text-fields';
import { bearerSecurity, errorResponses, labelSchema, queryInteger } from '../schemas';

const tags = ['resources'];

const page = {
  offset: queryInteger(0).default(0),
  limit: queryInteger(1, 200).default(20),
};
const unitCodeQuery = nonBlankText(64)
  .optional()
  .describe(
    'The holding unit of the organisation tree (exactly that unit); `central` = not issued into the tree',
  );
const unitFields = {
  unitCode: z.string().describe('The holding unit, or "central" for stock not issued into the tree'),
  unitName: z.string().nullable().describe("The holding unit's name; null for central stock"),
};

const numberListSchema = z.object({
  items: z.array(
    z.object({
      msisdn: z.string(),
      state: z.enum(numberStatuses),
      stateLabel: labelSchema,
      selectionFeeFen: z.number().int().describe('选号费, in fen'),
      ...unitFields,
      holder: z
        .string()
        .nullable()
        .describe("A number in use: its owner's name, masked as staff read it out (李**); else null"),
      reservedUntil: z
        .string()
        .nullable()
        .describe('A reserved number: when the reservation ends (ISO 8601)'),
    }),
  ),
  total: z.number().int().describe('How many numbers match (also X-Total-Count)'),
});

const simListSchema = z.object({
  items: z.array(
    z.object({
      iccid: z.string(),
      imsi: z.string(),
      state: z.enum(simStatuses),
      stateLabel: labelSchema,
      msisdn: z.string().nullable().describe('The number it is bound to (RES-5)'),
      ...unitFields,
    }),
  ),
  total: z.number().int().describe('How many cards match (also X-Total-Count)'),
});

const stockLevelsSchema = z.object({
  items: z.array(
    z.object({
      ...unitFields,
      resourceType: z.enum(resourceTypes),
      state: z.string().describe('A number state (numbers) or a SIM state (sims)'),
      stateLabel: labelSchema,
      count: z.number().int(),
    }),
  ),
});

/**
 * REQ: RES-2, RES-3 — the stock as the administration console searches it: every number and every SIM card
 * by first digits, state and holding unit, and the live counts per unit and state.
 */
export function resourceListRoutes(deps: { db: Db }) {
  const { db } = deps;
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/numbers',
      {
        config: { access: orderDesk },
        schema: {
          tags,
          summary: 'Every number, searched by first digits, state and holder (号码查询)',
          description:
            'RES-3, RES-4: the numbers in stock in number order with their state (zh/en), selection fee, ' +
            "holding unit (RES-2), the owner's name (masked) of a number in use and the end of a " +
            'reservation — whatever their state, unlike the picker GET /numbers/available. `prefix`: the first ' +
            'digits; `state`: one state; `unitCode`: the unit holding them (`central` = not issued). One page ' +
            'at a time (`offset`, `limit`, default 20); the count of all matches is `total` and the ' +
            'X-Total-Count header. The detail is GET /numbers/{msisdn}.',
          security: bearerSecurity,
          querystring: z.object({
            prefix: z
              .string()
              .regex(/^\d{1,11}$/, 'must be 1 to 11 digits')
              .optional()
              .describe('The first digits of the number'),
            state: z.enum(numberStatuses).optional(),
            unitCode: unitCodeQuery,
            ...page,
          }),
          response: { 200: numberListSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { prefix, state, unitCode, offset, limit } = request.query;
        const { total, items } = await pageOfNumbers(db, { prefix, state, unitCode }, { offset, limit });
        void reply.header('x-total-count', String(total));
        return {
          total,
          items: items.map(({ holderName, ...n }) => ({
            ...n,
            stateLabel: numberStatusLabels[n.state],
            holder: holderName === null ? null : maskName(holderName),
          })),
        };
      },
    );

    r.get(
      '/sims',
      {
        config: { access: orderDesk },
        schema: {
          tags,
          summary: 'Every SIM card, searched by first digits, state and holder (SIM 卡查询)',
          description:
            'RES-3, RES-5: the cards in stock in ICCID order with their IMSI, state (zh/en), the number each ' +
            'is bound to and the holding unit (RES-2). `prefix`: the first digits of the ICCID; `state`: one ' +
            'state; `unitCode`: the unit holding them (`central` = not issued). One page at a time (`offset`, ' +
            '`limit`, default 20); the count of all matches is `total` and the X-Total-Count header. The ' +
            'detail is GET /sims/{iccid}.',
          security: bearerSecurity,
          querystring: z.object({
            prefix: z
              .string()
              .regex(/^\d{1,20}$/, 'must be 1 to 20 digits')
              .optional()
              .describe('The first digits of the ICCID'),
            state: z.enum(simStatuses).optional(),
            unitCode: unitCodeQuery,
            ...page,
          }),
          response: { 200: simListSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { prefix, state, unitCode, offset, limit } = request.query;
        const { total, items } = await pageOfSims(db, { prefix, state, unitCode }, { offset, limit });
        void reply.header('x-total-count', String(total));
        return { total, items: items.map((s) => ({ ...s, stateLabel: simStatusLabels[s.state] })) };
      },
    );

    r.get(
      '/stock-levels',
      {
        config: { access: adminDesk },
        schema: {
          tags,
          summary: 'Stock levels now, per holding unit and state (实时库存)',
          description:
            'RES-2, RES-3: how many numbers and SIM cards each unit of the organisation tree holds in each ' +
            'state, counted at the time of the request (the daily report GET /stock-reports counts the same ' +
            'once a day); `central` is the stock not issued into the tree. Only units and states holding ' +
            'something are listed, by unit, resource type and state. `unitCode` narrows to one unit.',
          security: bearerSecurity,
          querystring: z.object({ unitCode: unitCodeQuery }),
          response: { 200: stockLevelsSchema, ...errorResponses },
        },
      },
      async (request) => ({
        items: (await liveStockLevels(db, request.query.unitCode)).map((level) => ({
          ...level,
          stateLabel: stateLabelOf(level.resourceType, level.state),
        })),
      }),
    );
  };
}

function stateLabelOf(resourceType: 'numbers' | 'sims', state: string): { zh: string; en: string } {
  const labels: Record<string, { zh: string; en: string }> =
    resourceType === 'numbers' ? numberStatusLabels : simStatusLabels;
  return labels[state] ?? { zh: state, en: state };
}
