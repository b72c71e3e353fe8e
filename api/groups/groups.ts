import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { findGroup } from '../../db/queries/group-catalogue';
import { findLiveSubscription, type GroupSubscriptionRow } from '../../db/queries/group-subscriptions';
import {
  findGroupOverview,
  isMember,
  listMemberHistory,
  listMembers,
  listOrderableProducts,
  liveSubscriptionsByProduct,
  pageOfGroups,
} from '../../db/queries/group-views';
import { listProductPermissions } from '../../db/queries/product-permissions';
import { groupDesk, type Principal } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { groupCodeSchema, groupProductCodeSchema } from '../../domain/groups';
import { msisdnSchema } from '../../domain/numbers';
import { attributeValuesSchema, productSpecSchema } from '../../domain/product-spec';
import { requireProductAccess } from '../../services/groups/group-order-checks';
import { principalOf } from '../plugins/auth';
import { nonBlankText } from '../../domain/text-fields';
import { bearerSecurity, errorResponses, labelSchema, queryInteger } from '../schemas';

const tags = ['group business'];
const iso = z.string().describe('ISO 8601 time');

const termsSchema = z.object({
  attributes: attributeValuesSchema,
  tariffCode: z.string(),
  tariffParams: attributeValuesSchema,
  effectiveFrom: iso,
});

const subscriptionSchema = z.object({
  id: z.string().describe('The ID of the order that opened it'),
  productCode: z.string(),
  status: z.string().describe('opening · active · cancelling · cancelled'),
  contractId: z.string(),
  payingAccountId: z.string(),
  customerManagerId: z.string(),
  submitterId: z.string(),
  tariffCode: z.string().describe('The stored tariff package (资费包)'),
  tariffParams: attributeValuesSchema,
  attributes: attributeValuesSchema.describe('The stored product attributes'),
  termsEffectiveFrom: iso.describe('When the stored terms took (or take) effect (GRP-2)'),
  currentTerms: termsSchema.describe(
    'The terms in force now: a due next-cycle change laid over the stored ones',
  ),
  scheduledTerms: z
    .object({
      attributes: attributeValuesSchema.nullable(),
      tariffCode: z.string().nullable(),
      tariffParams: attributeValuesSchema.nullable(),
      effectiveFrom: iso,
      orderId: z.string().nullable(),
      inEffect: z.boolean().describe('true once effectiveFrom has passed'),
    })
    .nullable()
    .describe('A change ordered to take effect at the next cycle (下周期生效)'),
  openedAt: iso.nullable(),
  cancelledAt: iso.nullable(),
  memberCount: z.number().int(),
  lockedBy: z.string().nullable().describe('The order changing or cancelling it right now'),
});

const groupSchema = z.object({
  groupCode: z.string(),
  name: z.string(),
  customerManager: z.object({ id: z.string(), name: z.string() }),
  contracts: z.array(z.object({ id: z.string(), name: z.string(), endsAt: iso, expired: z.boolean() })),
  payingAccounts: z.array(z.object({ id: z.string(), name: z.string() })),
  subscriptions: z
    .array(subscriptionSchema)
    .describe("The group's product subscriptions the operator holds the product permission for (GRP-1)"),
  hiddenSubscriptionCount: z
    .number()
    .int()
    .describe('Subscriptions left out for lack of product permission; ask an administrator (GRP-1)'),
});

const tariffSchema = z.object({
  code: z.string(),
  name: z.string(),
  monthlyFeePerMemberFen: z.number().int(),
  needsApproval: z.boolean().describe('A tariff that needs approval (资费审核) before BBOSS'),
  paramSpec: productSpecSchema,
});

const productListSchema = z.object({
  items: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      catalogue: z.string(),
      spec: productSpecSchema.describe('Product attributes (产品规格属性)'),
      memberSpec: productSpecSchema.describe('Member attributes (成员属性)'),
      tariffs: z.array(tariffSchema),
      subscription: subscriptionSchema.nullable().describe("The group's live subscription of the product"),
    }),
  ),
  hiddenCount: z.number().int().describe('Active products left out for lack of permission'),
  hint: labelSchema.nullable().describe('Shown when products are left out or none is listed'),
});

const memberListSchema = z.object({
  subscriptionId: z.string(),
  items: z.array(
    z.object({
      msisdn: z.string(),
      attributes: attributeValuesSchema,
      addedBy: z.string().describe('The order or batch that added the member'),
      addedAt: iso,
    }),
  ),
});

const historySchema = z.object({
  items: z.array(
    z.object({
      subscriptionId: z.string(),
      action: z.string().describe('add · change · delete'),
      attributes: attributeValuesSchema.nullable(),
      source: z.string().describe('The order or batch that made the change'),
      actor: z.string(),
      at: iso,
    }),
  ),
});

const groupListSchema = z.object({
  items: z.array(
    z.object({
      groupCode: z.string(),
      name: z.string(),
      customerManager: z.object({ id: z.string(), name: z.string() }),
      subscriptionCount: z
        .number()
        .int()
        .describe('Live product subscriptions of products the operator holds the permission for (GRP-1)'),
      contractCount: z.number().int(),
    }),
  ),
  total: z.number().int().describe('How many groups match (also X-Total-Count)'),
});

const groupParams = z.object({ groupCode: groupCodeSchema });
const productParams = groupParams.extend({ productCode: groupProductCodeSchema });
const page = {
  offset: queryInteger(0).default(0),
  limit: queryInteger(1, 500).default(50),
};

/** REQ: GRP-1 — told to every operator who cannot see a product. */
const permissionHint = {
  zh: '看不到产品说明没有产品权限，请找管理员授权',
  en: 'Products you lack permission for are not shown; ask an administrator',
};

/** REQ: GRP-1, GRP-6…GRP-8 — the group business reads (集团业务查询). */
export function groupRoutes(deps: { db: Db; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());
  const { db } = deps;
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/groups',
      {
        config: { access: groupDesk },
        schema: {
          tags,
          summary: 'Group customers (集团客户), searched and paged',
          description:
            'GRP-1: the group customers in group-code order with their customer manager, how many contracts ' +
            'they have and how many live product subscriptions the operator may see (those of products it ' +
            'holds the product permission for). `q` finds a group code starting with it or a name containing ' +
            'it, in any case. Every group desk operator sees every group; the group page applies the product ' +
            'permission to what it shows. One page at a time (`offset`, `limit`, default 20); the count of ' +
            'all matches is `total` and the X-Total-Count header.',
          security: bearerSecurity,
          querystring: z.object({
            q: nonBlankText(100).optional().describe('Group code prefix, or part of the name'),
            offset: queryInteger(0).default(0),
            limit: queryInteger(1, 200).default(20),
          }),
          response: { 200: groupListSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { q, offset, limit } = request.query;
        const permitted = await listProductPermissions(db, principalOf(request).operatorId);
        const { total, items } = await pageOfGroups(
          db,
          { q, productCodes: permitted.map((p) => p.productCode) },
          { offset, limit },
        );
        void reply.header('x-total-count', String(total));
        return { items, total };
      },
    );

    r.get(
      '/groups/:groupCode',
      {
        config: { access: groupDesk },
        schema: {
          tags,
          summary: 'A group customer (集团客户) with its contracts, accounts and products',
          description:
            'The group by its group code (集团编码): customer manager, contracts (with whether each has ' +
            'expired), paying accounts (付费账户) and every product subscription with its member count, the ' +
            'terms in force now and a change scheduled for the next cycle. A subscription is shown only to an ' +
            'operator holding the permission for its product (GRP-1); `hiddenSubscriptionCount` counts the rest.',
          security: bearerSecurity,
          params: groupParams,
          response: { 200: groupSchema, ...errorResponses },
        },
      },
      async (request) => {
        const group = await findGroupOverview(db, request.params.groupCode, now());
        if (!group) throw groupNotFound(request.params.groupCode);
        // REQ: GRP-1 — a product's subscription is the product's data: only for its permission holders.
        const permitted = new Set(
          (await listProductPermissions(db, principalOf(request).operatorId)).map((p) => p.productCode),
        );
        const subscriptions = group.subscriptions.filter((s) => permitted.has(s.productCode));
        return {
          ...group,
          subscriptions,
          hiddenSubscriptionCount: group.subscriptions.length - subscriptions.length,
        };
      },
    );

    r.get(
      '/groups/:groupCode/products',
      {
        config: { access: groupDesk },
        schema: {
          tags,
          summary: 'The group product list (集团产品列表) the operator may order',
          description:
            'GRP-1: the products of the BBOSS catalogue that the signed-in operator holds the product ' +
            'permission for, each with its specification, member specification, tariff packages and the ' +
            "group's live subscription of it. Products without permission are not listed; `hint` then tells " +
            'the operator to ask an administrator.',
          security: bearerSecurity,
          params: groupParams,
          response: { 200: productListSchema, ...errorResponses },
        },
      },
      async (request) => {
        const { groupCode } = request.params;
        if (!(await findGroup(db, groupCode))) throw groupNotFound(groupCode);
        const { products, hidden } = await listOrderableProducts(db, principalOf(request).operatorId);
        const live = await liveSubscriptionsByProduct(db, groupCode, now());
        return {
          items: products.map((p) => ({
            code: p.code,
            name: p.name,
            catalogue: p.catalogue,
            spec: p.spec,
            memberSpec: p.memberSpec,
            tariffs: p.tariffs.map(({ productCode: _p, ...tariff }) => tariff),
            subscription: live.get(p.code) ?? null,
          })),
          hiddenCount: hidden,
          hint: hidden > 0 || products.length === 0 ? permissionHint : null,
        };
      },
    );

    r.get(
      '/groups/:groupCode/products/:productCode/members',
      {
        config: { access: groupDesk },
        schema: {
          tags,
          summary: "The members (成员) of the group's product",
          description:
            'Members of the live subscription in number order, one page at a time; the total is in the ' +
            'X-Total-Count header. `msisdn` finds numbers starting with the digits given. Needs the product ' +
            'permission (GRP-1).',
          security: bearerSecurity,
          params: productParams,
          querystring: z.object({
            ...page,
            msisdn: z
              .string()
              .regex(/^\d{1,11}$/, 'must be 1 to 11 digits')
              .optional()
              .describe('The first digits of the member number'),
          }),
          response: { 200: memberListSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { groupCode, productCode } = request.params;
        const subscription = await liveProductOf(db, principalOf(request), groupCode, productCode);
        const { offset, limit, msisdn } = request.query;
        const { total, items } = await listMembers(db, subscription.id, {
          offset,
          limit,
          msisdnPrefix: msisdn,
        });
        void reply.header('x-total-count', String(total));
        return { subscriptionId: subscription.id, items };
      },
    );

    r.get(
      '/groups/:groupCode/products/:productCode/members/:msisdn/history',
      {
        config: { access: groupDesk },
        schema: {
          tags,
          summary: "A member's change history (成员变更历史)",
          description:
            "Every add, change and delete of the number in the group's product, newest first, across every " +
            'subscription the group has had of it; the total is in the X-Total-Count header. A number that ' +
            'never was a member is 404 NotGroupMember. Needs the product permission (GRP-1).',
          security: bearerSecurity,
          params: productParams.extend({ msisdn: msisdnSchema }),
          querystring: z.object(page),
          response: { 200: historySchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { groupCode, productCode, msisdn } = request.params;
        const principal = principalOf(request);
        // REQ: GRP-1 — a product's data is shown only to an operator holding its permission.
        await requireProductAccess(db, principal, groupCode, productCode);
        const history = await listMemberHistory(db, { groupCode, productCode, msisdn }, request.query);
        if (history.total === 0) {
          const live = await findLiveSubscription(db, groupCode, productCode);
          if (!live || !(await isMember(db, live.id, msisdn))) {
            throw new AppError(
              'NotGroupMember',
              `msisdn: ${msisdn} has never been a member of product ${productCode} of group ${groupCode}`,
            );
          }
        }
        void reply.header('x-total-count', String(history.total));
        return { items: history.items };
      },
    );
  };
}

const groupNotFound = (groupCode: string) =>
  new AppError('GroupNotFound', `groupCode: no group customer ${groupCode}`);

async function liveProductOf(
  db: Db,
  principal: Principal,
  groupCode: string,
  productCode: string,
): Promise<GroupSubscriptionRow> {
  await requireProductAccess(db, principal, groupCode, productCode);
  const live = await findLiveSubscription(db, groupCode, productCode);
  if (!live) {
    throw new AppError(
      'GroupProductNotActive',
      `productCode: group ${groupCode} has no live subscription of ${productCode}`,
    );
  }
  return live;
}
