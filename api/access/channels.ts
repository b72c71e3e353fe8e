import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { nonBlankText } from '../../domain/text-fields';
import type { Db } from '../../db/client';
import { changeChannel, createChannel, findChannelView, pageOfChannels } from '../../db/queries/channels';
import { adminDesk, channelTypeSchema } from '../../domain/access';
import { channelChangeSchema, locationSchema, newChannelSchema } from '../../domain/channels';
import { AppError } from '../../domain/errors';
import { booleanQuery, errorResponses, queryInteger, routeDoc } from '../schemas';

const tags = ['channels and operators'];
const access = { access: adminDesk };

const channelSchema = z.object({
  code: z.string().describe('Interface code (接口编码) <PREFIX>-<LOCATION>-<NNN>, e.g. STORE-BJ-003'),
  type: z.string(),
  location: z.string(),
  name: z.string(),
  capabilities: z.array(z.string()),
  businessHours: z.string().nullable().describe('HH:MM-HH:MM in business time; null = any time'),
  active: z.boolean(),
  createdAt: z.string().describe('ISO 8601 time'),
});

const codeParams = z.object({ code: nonBlankText(64) });
const listQuery = z.object({
  type: channelTypeSchema.optional(),
  location: locationSchema.optional(),
  active: booleanQuery.optional(),
  offset: queryInteger(0).default(0),
  limit: queryInteger(1, 200).default(50),
});

/**
 * REQ: CH-1, CH-3, CH-4 — administrators create channel interfaces (渠道接口) under generated codes, change
 * their name, designations and business hours, and retire them by disabling: sessions and orders refer to
 * channels, so none is ever deleted.
 */
export function channelRoutes(deps: { db: Db }) {
  const { db } = deps;
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const doc = routeDoc(tags);

    r.post(
      '/channels',
      {
        config: access,
        schema: {
          ...doc(
            'Create a channel interface (新建渠道)',
            'The interface code is generated: prefix by type (BANK, AG1, AG2, STORE, WEB, CC), the city code ' +
              'and the next free number for both, e.g. STORE-BJ-003 (CH-1).',
          ),
          body: newChannelSchema,
          response: { 201: channelSchema, ...errorResponses },
        },
      },
      async (request, reply) => reply.code(201).send(await createChannel(db, request.body)),
    );

    r.get(
      '/channels',
      {
        config: access,
        schema: {
          ...doc(
            'Channel interfaces (渠道列表)',
            'Every channel, by code; filter by type, location, active. One page at a time (`offset`, ' +
              '`limit`, default 50); the count of all matches is `total` and the X-Total-Count header (CH-1).',
          ),
          querystring: listQuery,
          response: {
            200: z.object({
              items: z.array(channelSchema),
              total: z.number().int().describe('How many channels match (also X-Total-Count)'),
            }),
            ...errorResponses,
          },
        },
      },
      async (request, reply) => {
        const { offset, limit, ...filter } = request.query;
        const { total, items } = await pageOfChannels(db, filter, { offset, limit });
        void reply.header('x-total-count', String(total));
        return { items, total };
      },
    );

    r.get(
      '/channels/:code',
      {
        config: access,
        schema: {
          ...doc('One channel interface', 'The channel with its designations, business hours and state.'),
          params: codeParams,
          response: { 200: channelSchema, ...errorResponses },
        },
      },
      async (request) => {
        const channel = await findChannelView(db, request.params.code);
        if (!channel) throw notFound(request.params.code);
        return channel;
      },
    );

    r.patch(
      '/channels/:code',
      {
        config: access,
        schema: {
          ...doc(
            'Change or disable a channel interface',
            'Changes name, capabilities and business hours (null = any time, CH-4). active=false retires ' +
              'the channel: sign-in through it answers 401 and every live token bound to it stops working. ' +
              'Type and location are part of the code and never change.',
          ),
          params: codeParams,
          body: channelChangeSchema,
          response: { 200: channelSchema, ...errorResponses },
        },
      },
      async (request) => {
        const channel = await changeChannel(db, request.params.code, request.body);
        if (!channel) throw notFound(request.params.code);
        return channel;
      },
    );
  };
}

function notFound(code: string): AppError {
  return new AppError('ChannelNotFound', `params.code: no channel ${code}`);
}
