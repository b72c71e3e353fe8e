import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { nonBlankText } from '../../domain/text-fields';
import type { Db } from '../../db/client';
import {
  findGroup,
  insertGroup,
  listGroups,
  listSegmentCounts,
  setSegmentGroup,
} from '../../db/queries/segments';
import { adminDesk } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { bearerSecurity, errorResponses } from '../schemas';

const tags = ['resources'];

const groupCodeSchema = z
  .string()
  .regex(/^[A-Z0-9][A-Z0-9-]{0,31}$/, 'must be 1-32 capital letters, digits or "-"');
const prefixSchema = z.string().regex(/^1\d{6}$/, 'must be the first 7 digits of a mobile number');
const byStateSchema = z
  .record(z.string(), z.number().int())
  .describe('Numbers per state, e.g. {"unused": 9000}');

const segmentSchema = z.object({
  prefix: z.string().describe('号段: 7 digits, the 10,000 numbers sharing them'),
  groupCode: z.string().nullable(),
  groupName: z.string().nullable(),
  total: z.number().int().describe('Numbers stocked in the segment'),
  byState: byStateSchema,
});

const groupSchema = z.object({
  code: z.string(),
  name: z.string(),
  note: z.string().nullable(),
  segments: z.array(z.string()).describe('Its segments’ prefixes'),
  total: z.number().int(),
  byState: byStateSchema,
});

/**
 * REQ: RES-5 — segments (号段, 10,000 numbers sharing a 7-digit prefix) and groups of segments (号群), browsable
 * with the numbers counted per state.
 */
export function segmentRoutes(deps: { db: Db }) {
  const { db } = deps;
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/segments',
      {
        config: { access: adminDesk },
        schema: {
          tags,
          summary: 'Number segments (号段) with counts per state',
          description: 'Every known or stocked segment, its group, and its numbers counted per state.',
          security: bearerSecurity,
          querystring: z.object({ groupCode: groupCodeSchema.optional() }),
          response: { 200: z.object({ items: z.array(segmentSchema) }), ...errorResponses },
        },
      },
      async (request) => ({ items: await listSegmentCounts(db, request.query.groupCode) }),
    );

    r.put(
      '/segments/:prefix',
      {
        config: { access: adminDesk },
        schema: {
          tags,
          summary: 'Put a segment into a group (号段归属号群)',
          description: 'groupCode null takes it out of any group. An unknown group: 404 NumberGroupNotFound.',
          security: bearerSecurity,
          params: z.object({ prefix: prefixSchema }),
          body: z.object({ groupCode: groupCodeSchema.nullable() }),
          response: { 200: segmentSchema, ...errorResponses },
        },
      },
      async (request) => {
        const { prefix } = request.params;
        const { groupCode } = request.body;
        if (groupCode !== null && !(await findGroup(db, groupCode))) throw groupNotFound(groupCode);
        await setSegmentGroup(db, prefix, groupCode);
        const segment = (await listSegmentCounts(db)).find((s) => s.prefix === prefix);
        return segment ?? { prefix, groupCode, groupName: null, total: 0, byState: {} };
      },
    );

    r.get(
      '/number-groups',
      {
        config: { access: adminDesk },
        schema: {
          tags,
          summary: 'Number groups (号群) with their segments and counts per state',
          description: 'Every group, its segments, and the numbers of all its segments counted per state.',
          security: bearerSecurity,
          response: { 200: z.object({ items: z.array(groupSchema) }), ...errorResponses },
        },
      },
      async () => {
        const [groups, segments] = await Promise.all([listGroups(db), listSegmentCounts(db)]);
        return {
          items: groups.map((g) => {
            const mine = segments.filter((s) => s.groupCode === g.code);
            const byState: Record<string, number> = {};
            for (const s of mine) {
              for (const [state, count] of Object.entries(s.byState))
                byState[state] = (byState[state] ?? 0) + count;
            }
            return {
              code: g.code,
              name: g.name,
              note: g.note,
              segments: mine.map((s) => s.prefix),
              total: mine.reduce((sum, s) => sum + s.total, 0),
              byState,
            };
          }),
        };
      },
    );

    r.post(
      '/number-groups',
      {
        config: { access: adminDesk },
        schema: {
          tags,
          summary: 'Add a number group (新增号群)',
          description:
            'A code in use: 409 NumberGroupExists. Segments join it through PUT /api/v1/segments/:prefix.',
          security: bearerSecurity,
          body: z.object({
            code: groupCodeSchema,
            name: nonBlankText(80),
            note: z.string().trim().max(200).nullable().default(null),
          }),
          response: { 201: groupSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const created = await insertGroup(db, request.body);
        if (!created)
          throw new AppError('NumberGroupExists', `code: a number group ${request.body.code} exists`);
        return reply.code(201).send({
          code: created.code,
          name: created.name,
          note: created.note,
          segments: [],
          total: 0,
          byState: {},
        });
      },
    );
  };
}

const groupNotFound = (code: string) =>
  new AppError('NumberGroupNotFound', `body.groupCode: no number group ${code}`);
