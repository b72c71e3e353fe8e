import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { nonBlankText } from '../../domain/text-fields';
import type { Db } from '../../db/client';
import {
  addPartnerListing,
  assignCategory,
  changeCategory,
  createCategory,
  customerExists,
  endAssignment,
  findCategory,
  listAssignments,
  listCategories,
  pageOfPartnerBlacklist,
  type Category,
} from '../../db/queries/customer-categories';
import { adminDesk } from '../../domain/access';
import {
  categoryChangeSchema,
  categoryCodeSchema,
  newCategorySchema,
  partnerListingSchema,
} from '../../domain/customer-categories';
import { AppError } from '../../domain/errors';
import { principalOf } from '../plugins/auth';
import { errorResponses, queryInteger, routeDoc } from '../schemas';

const tags = ['customer categories'];
const access = { access: adminDesk };

const categorySchema = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  note: z.string().nullable(),
  effect: z.string().describe('none · vip (priority in queues) · blacklist (refuses new business)'),
  updatedBy: z.string(),
  updatedAt: z.string().describe('ISO 8601 time'),
});
const assignmentSchema = z.object({
  customerId: z.string(),
  categoryCode: z.string(),
  categoryName: z.string(),
  effect: z.string(),
  note: z.string().nullable(),
  assignedBy: z.string(),
  assignedAt: z.string(),
  endedAt: z.string().nullable().describe('Set when ended; the row stays for history'),
  endedBy: z.string().nullable(),
});
const listingSchema = z.object({
  idType: z.string(),
  idNumber: z.string(),
  partner: z.string(),
  reason: z.string(),
  listedAt: z.string(),
});

const codeParams = z.object({ code: categoryCodeSchema });
const customerParams = z.object({
  customerId: nonBlankText(64).describe(
    'A customer ID, or a group code (集团编码) for a group customer (CUST-2 screens its group business)',
  ),
});
const assignmentParams = customerParams.extend({ code: categoryCodeSchema });
const assignBody = z.object({
  categoryCode: categoryCodeSchema,
  note: nonBlankText(500).optional(),
});

/**
 * REQ: CUST-1, CUST-2 — administrators keep the customer categories (客户类别: normal, VIP, blacklist,
 * redlist …), assign them to customers and record partners' shared blacklists. Categories are added and
 * changed, never deleted; a customer's category is ended, never deleted.
 */
export function customerCategoryRoutes(deps: { db: Db }) {
  const { db } = deps;
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const doc = routeDoc(tags);

    r.get(
      '/customer-categories',
      {
        config: access,
        schema: {
          ...doc('Customer categories (客户类别)', 'Every category with its effect (CUST-1).'),
          response: { 200: z.object({ items: z.array(categorySchema) }), ...errorResponses },
        },
      },
      async () => ({ items: await listCategories(db) }),
    );

    r.post(
      '/customer-categories',
      {
        config: access,
        schema: {
          ...doc('Add a customer category', 'A new category: code, names, note, effect (CUST-1).'),
          body: newCategorySchema,
          response: { 201: categorySchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const created = await createCategory(db, request.body, principalOf(request).operatorId);
        if (!created) throw new AppError('CategoryExists', `code: category ${request.body.code} exists`);
        return reply.code(201).send(created);
      },
    );

    r.put(
      '/customer-categories/:code',
      {
        config: access,
        schema: {
          ...doc('Change a customer category', 'Changes its names, note or effect; the code stays (CUST-1).'),
          params: codeParams,
          body: categoryChangeSchema,
          response: { 200: categorySchema, ...errorResponses },
        },
      },
      async (request) => {
        const { code } = request.params;
        const changed = await changeCategory(db, code, request.body, principalOf(request).operatorId);
        if (!changed) throw new AppError('CategoryNotFound', `code: no category ${code}`);
        return changed;
      },
    );

    r.delete(
      '/customer-categories/:code',
      {
        config: access,
        schema: {
          ...doc(
            'Delete a customer category — always refused',
            'Categories are never deleted (CUST-1): 409.',
          ),
          params: codeParams,
          response: { ...errorResponses },
        },
      },
      async (request) => {
        throw new AppError(
          'CategoryCannotBeDeleted',
          `Category ${request.params.code} cannot be deleted: categories are only added and changed (CUST-1)`,
        );
      },
    );

    r.get(
      '/customers/:customerId/categories',
      {
        config: access,
        schema: {
          ...doc("A customer's categories", 'Current and ended assignments, oldest first (CUST-1).'),
          params: customerParams,
          response: {
            200: z.object({ customerId: z.string(), items: z.array(assignmentSchema) }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        const { customerId } = request.params;
        await requireCustomer(db, customerId);
        return { customerId, items: await listAssignments(db, customerId) };
      },
    );

    r.post(
      '/customers/:customerId/categories',
      {
        config: access,
        schema: {
          ...doc(
            'Assign a category to a customer',
            'A customer may hold several (CUST-1). 201 when assigned now (an ended one is taken up again); ' +
              'a current one answers 200 unchanged. A blacklist category refuses new business (CUST-2): ' +
              'openings, port-ins and taking over a line for a person; new group products and members for ' +
              'a group (customerId = its group code).',
          ),
          params: customerParams,
          body: assignBody,
          response: { 200: assignmentSchema, 201: assignmentSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { customerId } = request.params;
        await requireCustomer(db, customerId);
        const category = await requireCategory(db, request.body.categoryCode);
        const { assignment, created } = await assignCategory(db, {
          customerId,
          category,
          note: request.body.note,
          assignedBy: principalOf(request).operatorId,
        });
        return reply.code(created ? 201 : 200).send(assignment);
      },
    );

    r.post(
      '/customers/:customerId/categories/:code/end',
      {
        config: access,
        schema: {
          ...doc("End a customer's category", 'The assignment ends and is kept for history (CUST-1).'),
          params: assignmentParams,
          response: { 200: assignmentSchema, ...errorResponses },
        },
      },
      async (request) => {
        const { customerId, code } = request.params;
        const category = await requireCategory(db, code);
        const ended = await endAssignment(db, customerId, category, principalOf(request).operatorId);
        if (!ended)
          throw new AppError('CategoryNotAssigned', `${customerId} holds no current category ${code}`);
        return ended;
      },
    );

    r.delete(
      '/customers/:customerId/categories/:code',
      {
        config: access,
        schema: {
          ...doc(
            "Delete a customer's category — always refused",
            'End it instead (POST …/end): 409 (CUST-1).',
          ),
          params: assignmentParams,
          response: { ...errorResponses },
        },
      },
      async () => {
        throw new AppError(
          'CategoryAssignmentCannotBeDeleted',
          "A customer's category is ended (POST …/end), never deleted, so its history stays (CUST-1)",
        );
      },
    );

    r.get(
      '/partner-blacklist',
      {
        config: access,
        schema: {
          ...doc(
            "Partners' shared blacklist",
            'Identities partners list; they are refused new business (CUST-2). Oldest listing first, one ' +
              'page at a time (`offset`, `limit`, default 50); the count of all is `total` and the ' +
              'X-Total-Count header.',
          ),
          querystring: z.object({
            offset: queryInteger(0).default(0),
            limit: queryInteger(1, 200).default(50),
          }),
          response: {
            200: z.object({
              items: z.array(listingSchema),
              total: z.number().int().describe('How many listings there are (also X-Total-Count)'),
            }),
            ...errorResponses,
          },
        },
      },
      async (request, reply) => {
        const { total, items } = await pageOfPartnerBlacklist(db, request.query);
        void reply.header('x-total-count', String(total));
        return { items, total };
      },
    );

    r.post(
      '/partner-blacklist',
      {
        config: access,
        schema: {
          ...doc(
            "Record a partner's blacklisting",
            'The identity is refused new business from now on (CUST-2). 201 when new; 200 when the partner ' +
              'already lists it (unchanged).',
          ),
          body: partnerListingSchema,
          response: { 200: listingSchema, 201: listingSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { listing, created } = await addPartnerListing(db, request.body);
        return reply.code(created ? 201 : 200).send(listing);
      },
    );
  };
}

async function requireCustomer(db: Db, customerId: string): Promise<void> {
  if (!(await customerExists(db, customerId))) {
    throw new AppError('CustomerNotFound', `customerId: no customer or group customer ${customerId}`);
  }
}

async function requireCategory(db: Db, code: string): Promise<Category> {
  const category = await findCategory(db, code);
  if (!category) throw new AppError('CategoryNotFound', `code: no category ${code}`);
  return category;
}
