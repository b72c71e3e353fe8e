import { and, asc, count, desc, eq, ilike, inArray, like, ne, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { attributeValuesSchema, productSpecSchema, type AttributeValues } from '../../domain/product-spec';
import type { DbOrTx } from '../client';
import {
  groupAccounts,
  groupContracts,
  groupCustomers,
  groupMemberEvents,
  groupMembers,
  groupProducts,
  groupSubscriptions,
  operatorProductPermissions,
  operators,
} from '../schema';
import { listGroupTariffs, type GroupProductRecord, type GroupTariffRecord } from './group-catalogue';

/**
 * Read models of group business (集团业务) for the API: a group with its contracts, accounts and products,
 * the catalogue an operator may order from (REQ: GRP-1), members and their history (REQ: GRP-6…GRP-8).
 */

/** The terms a subscription runs on: product attributes and tariff package, from a point in time. */
export interface GroupTerms {
  attributes: AttributeValues;
  tariffCode: string;
  tariffParams: AttributeValues;
  effectiveFrom: string;
}

/** REQ: GRP-2, GRP-5 — a change kept for the next cycle, and whether its time has come. */
export interface ScheduledTermsView {
  attributes: AttributeValues | null;
  tariffCode: string | null;
  tariffParams: AttributeValues | null;
  effectiveFrom: string;
  orderId: string | null;
  inEffect: boolean;
}

export interface GroupSubscriptionView {
  id: string;
  productCode: string;
  status: string;
  contractId: string;
  payingAccountId: string;
  customerManagerId: string;
  submitterId: string;
  tariffCode: string;
  tariffParams: AttributeValues;
  attributes: AttributeValues;
  termsEffectiveFrom: string;
  currentTerms: GroupTerms;
  scheduledTerms: ScheduledTermsView | null;
  openedAt: string | null;
  cancelledAt: string | null;
  memberCount: number;
  lockedBy: string | null;
}

export interface GroupOverview {
  groupCode: string;
  name: string;
  customerManager: { id: string; name: string };
  contracts: { id: string; name: string; endsAt: string; expired: boolean }[];
  payingAccounts: { id: string; name: string }[];
  subscriptions: GroupSubscriptionView[];
}

/** REQ: GRP-1 — a group (集团客户) with its contracts, paying accounts and every subscription, newest first. */
export async function findGroupOverview(
  db: DbOrTx,
  groupCode: string,
  now: Date,
): Promise<GroupOverview | null> {
  const [group] = await db
    .select({
      groupCode: groupCustomers.groupCode,
      name: groupCustomers.name,
      managerId: operators.id,
      managerName: operators.name,
    })
    .from(groupCustomers)
    .innerJoin(operators, eq(operators.id, groupCustomers.customerManagerId))
    .where(eq(groupCustomers.groupCode, groupCode));
  if (!group) return null;
  const contracts = await db
    .select()
    .from(groupContracts)
    .where(eq(groupContracts.groupCode, groupCode))
    .orderBy(asc(groupContracts.id));
  const accounts = await db
    .select({ id: groupAccounts.id, name: groupAccounts.name })
    .from(groupAccounts)
    .where(eq(groupAccounts.groupCode, groupCode))
    .orderBy(asc(groupAccounts.id));
  const subscriptions = await db
    .select()
    .from(groupSubscriptions)
    .where(eq(groupSubscriptions.groupCode, groupCode))
    .orderBy(desc(groupSubscriptions.createdAt), asc(groupSubscriptions.id));
  const counts = await memberCounts(
    db,
    subscriptions.map((s) => s.id),
  );
  return {
    groupCode: group.groupCode,
    name: group.name,
    customerManager: { id: group.managerId, name: group.managerName },
    contracts: contracts.map((c) => ({
      id: c.id,
      name: c.name,
      endsAt: c.endsAt.toISOString(),
      expired: c.endsAt.getTime() < now.getTime(),
    })),
    payingAccounts: accounts,
    subscriptions: subscriptions.map((s) => subscriptionView(s, counts.get(s.id) ?? 0, now)),
  };
}

export interface OrderableProduct extends GroupProductRecord {
  tariffs: GroupTariffRecord[];
}

/**
 * REQ: GRP-1 — the active catalogue products the operator holds the permission for, and how many active
 * products stay hidden because the permission is missing.
 */
export async function listOrderableProducts(
  db: DbOrTx,
  operatorId: string,
): Promise<{ products: OrderableProduct[]; hidden: number }> {
  const rows = await db
    .select({ product: groupProducts, permitted: operatorProductPermissions.operatorId })
    .from(groupProducts)
    .leftJoin(
      operatorProductPermissions,
      and(
        eq(operatorProductPermissions.productCode, groupProducts.code),
        eq(operatorProductPermissions.operatorId, operatorId),
      ),
    )
    .where(eq(groupProducts.active, true))
    .orderBy(asc(groupProducts.code));
  const products: OrderableProduct[] = [];
  for (const { product, permitted } of rows) {
    if (permitted === null) continue;
    products.push({
      code: product.code,
      name: product.name,
      catalogue: product.catalogue,
      spec: productSpecSchema.parse(product.spec),
      memberSpec: productSpecSchema.parse(product.memberSpec),
      tariffs: await listGroupTariffs(db, product.code),
    });
  }
  return { products, hidden: rows.length - products.length };
}

/** The group's live (not cancelled) subscriptions, by product code, with their member counts. */
export async function liveSubscriptionsByProduct(
  db: DbOrTx,
  groupCode: string,
  now: Date,
): Promise<Map<string, GroupSubscriptionView>> {
  const rows = await db
    .select()
    .from(groupSubscriptions)
    .where(and(eq(groupSubscriptions.groupCode, groupCode), ne(groupSubscriptions.status, 'cancelled')));
  const counts = await memberCounts(
    db,
    rows.map((r) => r.id),
  );
  return new Map(rows.map((r) => [r.productCode, subscriptionView(r, counts.get(r.id) ?? 0, now)]));
}

export interface MemberView {
  msisdn: string;
  attributes: AttributeValues;
  addedBy: string;
  addedAt: string;
}

/** REQ: GRP-6 — one page of a subscription's members in number order; `msisdnPrefix` narrows the search. */
export async function listMembers(
  db: DbOrTx,
  subscriptionId: string,
  page: { offset: number; limit: number; msisdnPrefix?: string },
): Promise<{ total: number; items: MemberView[] }> {
  const conditions: SQL[] = [eq(groupMembers.subscriptionId, subscriptionId)];
  if (page.msisdnPrefix) conditions.push(like(groupMembers.msisdn, `${page.msisdnPrefix}%`));
  const where = and(...conditions);
  const [totalRow] = await db.select({ n: count() }).from(groupMembers).where(where);
  const rows = await db
    .select()
    .from(groupMembers)
    .where(where)
    .orderBy(asc(groupMembers.msisdn))
    .offset(page.offset)
    .limit(page.limit);
  return {
    total: totalRow?.n ?? 0,
    items: rows.map((r) => ({
      msisdn: r.msisdn,
      attributes: attributeValuesSchema.parse(r.attributes),
      addedBy: r.addedBy,
      addedAt: r.addedAt.toISOString(),
    })),
  };
}

export async function isMember(db: DbOrTx, subscriptionId: string, msisdn: string): Promise<boolean> {
  const [row] = await db
    .select({ msisdn: groupMembers.msisdn })
    .from(groupMembers)
    .where(and(eq(groupMembers.subscriptionId, subscriptionId), eq(groupMembers.msisdn, msisdn)));
  return row !== undefined;
}

export interface MemberEventView {
  subscriptionId: string;
  action: string;
  attributes: AttributeValues | null;
  source: string;
  actor: string;
  at: string;
}

/**
 * REQ: GRP-6…GRP-9 — a number's membership changes in the group's product, newest first, across every
 * subscription the group ever had of it (a cancelled and re-opened product keeps its history).
 */
export async function listMemberHistory(
  db: DbOrTx,
  target: { groupCode: string; productCode: string; msisdn: string },
  page: { offset: number; limit: number },
): Promise<{ total: number; items: MemberEventView[] }> {
  const subscriptionIds = db
    .select({ id: groupSubscriptions.id })
    .from(groupSubscriptions)
    .where(
      and(
        eq(groupSubscriptions.groupCode, target.groupCode),
        eq(groupSubscriptions.productCode, target.productCode),
      ),
    );
  const where = and(
    inArray(groupMemberEvents.subscriptionId, subscriptionIds),
    eq(groupMemberEvents.msisdn, target.msisdn),
  );
  const [totalRow] = await db.select({ n: count() }).from(groupMemberEvents).where(where);
  const rows = await db
    .select()
    .from(groupMemberEvents)
    .where(where)
    .orderBy(desc(groupMemberEvents.at), desc(groupMemberEvents.source))
    .offset(page.offset)
    .limit(page.limit);
  return {
    total: totalRow?.n ?? 0,
    items: rows.map((r) => ({
      subscriptionId: r.subscriptionId,
      action: r.action,
      attributes: r.attributes === null ? null : attributeValuesSchema.parse(r.attributes),
      source: r.source,
      actor: r.actor,
      at: r.at.toISOString(),
    })),
  };
}

async function memberCounts(db: DbOrTx, subscriptionIds: string[]): Promise<Map<string, number>> {
  if (subscriptionIds.length === 0) return new Map();
  const rows = await db
    .select({ id: groupMembers.subscriptionId, n: count() })
    .from(groupMembers)
    .where(inArray(groupMembers.subscriptionId, subscriptionIds))
    .groupBy(groupMembers.subscriptionId);
  return new Map(rows.map((r) => [r.id, r.n]));
}

/** `scheduled_terms` as the change order stores it: only what changes, and from when. */
const scheduledTermsSchema = z.object({
  attributes: attributeValuesSchema.nullish(),
  tariffCode: z.string().nullish(),
  tariffParams: attributeValuesSchema.nullish(),
  effectiveFrom: z.coerce.date(),
  orderId: z.string().nullish(),
});

type SubscriptionRow = typeof groupSubscriptions.$inferSelect;

/**
 * REQ: GRP-2, GRP-5 — a next-cycle change is stored beside the terms and applied by reading: once its
 * `effectiveFrom` has passed, the current terms are the stored ones with the change laid over them, so no
 * job has to wake at midnight on the 1st to make it true.
 */
function subscriptionView(row: SubscriptionRow, memberCount: number, now: Date): GroupSubscriptionView {
  const attributes = attributeValuesSchema.parse(row.attributes);
  const tariffParams = attributeValuesSchema.parse(row.tariffParams);
  const stored: GroupTerms = {
    attributes,
    tariffCode: row.tariffCode,
    tariffParams,
    effectiveFrom: row.termsEffectiveFrom.toISOString(),
  };
  const parsed = row.scheduledTerms === null ? null : scheduledTermsSchema.parse(row.scheduledTerms);
  const scheduled: ScheduledTermsView | null = parsed && {
    attributes: parsed.attributes ?? null,
    tariffCode: parsed.tariffCode ?? null,
    tariffParams: parsed.tariffParams ?? null,
    effectiveFrom: parsed.effectiveFrom.toISOString(),
    orderId: parsed.orderId ?? null,
    inEffect: parsed.effectiveFrom.getTime() <= now.getTime(),
  };
  const currentTerms: GroupTerms =
    scheduled?.inEffect === true
      ? {
          attributes: { ...attributes, ...scheduled.attributes },
          tariffCode: scheduled.tariffCode ?? row.tariffCode,
          tariffParams: scheduled.tariffCode ? (scheduled.tariffParams ?? {}) : tariffParams,
          effectiveFrom: scheduled.effectiveFrom,
        }
      : stored;
  return {
    id: row.id,
    productCode: row.productCode,
    status: row.status,
    contractId: row.contractId,
    payingAccountId: row.payingAccountId,
    customerManagerId: row.customerManagerId,
    submitterId: row.submitterId,
    tariffCode: row.tariffCode,
    tariffParams,
    attributes,
    termsEffectiveFrom: stored.effectiveFrom,
    currentTerms,
    scheduledTerms: scheduled,
    openedAt: row.openedAt?.toISOString() ?? null,
    cancelledAt: row.cancelledAt?.toISOString() ?? null,
    memberCount,
    lockedBy: row.lockedBy,
  };
}

export interface GroupListItem {
  groupCode: string;
  name: string;
  customerManager: { id: string; name: string };
  subscriptionCount: number;
  contractCount: number;
}

/**
 * REQ: GRP-1 — group customers (集团客户) by group code, one page at a time: `q` finds a group code starting
 * with it or a name containing it (any case). `subscriptionCount` counts live subscriptions of the products
 * in `productCodes` only — a subscription is its product's data, shown to that product's permission holders.
 */
export async function pageOfGroups(
  db: DbOrTx,
  filter: { q?: string; productCodes: readonly string[] },
  page: { offset: number; limit: number },
): Promise<{ total: number; items: GroupListItem[] }> {
  const q = filter.q?.trim();
  const escaped = q?.replace(/[\\%_]/g, (c) => `\\${c}`);
  const where = escaped
    ? or(like(groupCustomers.groupCode, `${escaped}%`), ilike(groupCustomers.name, `%${escaped}%`))
    : undefined;
  const visible =
    filter.productCodes.length > 0
      ? inArray(groupSubscriptions.productCode, [...filter.productCodes])
      : sql`false`;
  const subscriptionCount = sql<number>`(
    select count(*)::int from ${groupSubscriptions}
    where ${groupSubscriptions.groupCode} = ${groupCustomers.groupCode}
      and ${groupSubscriptions.status} <> 'cancelled' and ${visible})`;
  const contractCount = sql<number>`(
    select count(*)::int from ${groupContracts}
    where ${groupContracts.groupCode} = ${groupCustomers.groupCode})`;

  const [totalRow, rows] = await Promise.all([
    db.select({ n: count() }).from(groupCustomers).where(where),
    db
      .select({
        groupCode: groupCustomers.groupCode,
        name: groupCustomers.name,
        managerId: operators.id,
        managerName: operators.name,
        subscriptionCount,
        contractCount,
      })
      .from(groupCustomers)
      .innerJoin(operators, eq(operators.id, groupCustomers.customerManagerId))
      .where(where)
      .orderBy(asc(groupCustomers.groupCode))
      .offset(page.offset)
      .limit(page.limit),
  ]);
  return {
    total: totalRow[0]?.n ?? 0,
    items: rows.map(({ managerId, managerName, ...row }) => ({
      ...row,
      customerManager: { id: managerId, name: managerName },
    })),
  };
}
