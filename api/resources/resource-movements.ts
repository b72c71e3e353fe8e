import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { nonBlankText } from '../../domain/text-fields';
import type { Db } from '../../db/client';
import { findMovement, listMovements, movementItems } from '../../db/queries/resource-movements';
import { adminDesk } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { expandItems, maxMovementItems, movementDirectionSchema } from '../../domain/org-tree';
import { resourceTypeSchema } from '../../domain/resources';
import { principalOf } from '../plugins/auth';
import { moveStock, movementRequestSchema } from '../../services/resources/resource-movements';
import { bearerSecurity, errorResponses, queryInteger } from '../schemas';
import { API_PREFIX } from '../prefix';

const tags = ['resources'];

const movementViewSchema = z.object({
  id: z.string(),
  direction: movementDirectionSchema.describe('issue (发放, one level down) · recycle (回收, one level up)'),
  resourceType: resourceTypeSchema,
  fromCode: z.string().nullable().describe('null = central stock'),
  toCode: z.string().nullable().describe('null = central stock'),
  receiver: z.string().describe('The person who received the items (领用人 / 回退人)'),
  itemCount: z.number().int(),
  createdBy: z.string().describe('The operator who recorded the movement'),
  createdAt: z.string().describe('ISO 8601 time'),
});

/**
 * The movement as `moveStock` takes it, with what the document cannot state refused as a business rule (422
 * naming the field): a receiver that is blank, and items that break their range's or resource type's rules.
 */
const movementBodySchema = movementRequestSchema.superRefine((body, ctx) => {
  const expanded = expandItems(body.resourceType, body.items);
  if (!('problem' in expanded)) return;
  const at = expanded.problem.indexOf(': ');
  ctx.addIssue({
    code: 'custom',
    path: expanded.problem.slice(0, at).split('.'),
    message: expanded.problem.slice(at + 2),
  });
});

const listQuery = z.object({
  unitCode: nonBlankText(64).optional().describe('Movements from or to this unit'),
  item: nonBlankText(20).optional().describe('Movements that carried this number or ICCID'),
  offset: queryInteger(0).default(0),
  limit: queryInteger(1, 200).default(50),
});

const itemsQuery = z.object({
  offset: queryInteger(0).default(0),
  limit: queryInteger(1, 1000).default(100),
});

const movementDetailSchema = movementViewSchema.extend({
  items: z.array(z.string()).describe('This page of the items moved, in ascending order'),
  offset: z.number().int(),
  limit: z.number().int(),
});

const idParams = z.object({ id: nonBlankText(64) });

/**
 * REQ: RES-2 — issue (发放) numbers and SIM cards down the organisation tree and recycle (回收) them back up,
 * by range or list, recording each step, each item and the receiver.
 */
export function resourceMovementRoutes(deps: { db: Db }) {
  const { db } = deps;
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.post(
      '/resource-movements',
      {
        config: { access: adminDesk },
        schema: {
          tags,
          summary: 'Issue or recycle numbers or SIM cards (号卡发放 / 回收)',
          description:
            'An issue goes from a unit to one of its direct children (central stock → a city); a recycle from a ' +
            'unit to its parent (a city → central stock); anything else is 422 IllegalMovementPath. items: ' +
            `{range: {first, last}} (numbers by value, SIMs by ICCID) or {list: [...]}, at most ${maxMovementItems}. ` +
            'Every item must be held by fromCode and movable — numbers unused, disabled or recycled; SIMs ' +
            'available or issued and not pre-empted — or nothing moves: 409 ResourceNotHeld naming up to 20 ' +
            'items with their holder and state. A SIM becomes `issued` below a city and `available` again at a ' +
            'city or central stock.',
          security: bearerSecurity,
          body: movementBodySchema,
          response: { 201: movementViewSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const movement = await moveStock(db, request.body, principalOf(request).operatorId);
        const href = `${API_PREFIX}/resource-movements/${movement.id}`;
        return reply.code(201).header('location', href).send(movement);
      },
    );

    r.get(
      '/resource-movements',
      {
        config: { access: adminDesk },
        schema: {
          tags,
          summary: 'Issue and recycle history (发放 / 回收记录)',
          description:
            'Oldest first. unitCode: movements from or to the unit; item: the path one number or SIM took ' +
            'through the tree, each step with its receiver.',
          security: bearerSecurity,
          querystring: listQuery,
          response: {
            200: z.object({ items: z.array(movementViewSchema), total: z.number().int() }),
            ...errorResponses,
          },
        },
      },
      async (request) => listMovements(db, request.query),
    );

    r.get(
      '/resource-movements/:id',
      {
        config: { access: adminDesk },
        schema: {
          tags,
          summary: 'One issue or recycle, with its items (发放 / 回收明细)',
          description: 'The movement and a page of the items it moved. 404 NotFound.',
          security: bearerSecurity,
          params: idParams,
          querystring: itemsQuery,
          response: { 200: movementDetailSchema, ...errorResponses },
        },
      },
      async (request) => {
        const movement = await findMovement(db, request.params.id);
        if (!movement) throw new AppError('NotFound', `id: no resource movement ${request.params.id}`);
        const items = await movementItems(db, movement.id, request.query);
        return { ...movement, items, ...request.query };
      },
    );
  };
}
