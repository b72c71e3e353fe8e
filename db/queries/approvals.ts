import { and, asc, count, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { OrderListScope } from '../../domain/order-access';
import type { OrderType } from '../../domain/orders';
import type { AttributeValues, ProductSpec } from '../../domain/product-spec';
import type { DbOrTx } from '../client';
import { groupCustomers, groupProducts, groupTariffs, operators, orderEvents, orders } from '../schema';

/** The group product orders a tariff approval (资费审核) can be asked for (REQ: GRP-3). */
const approvableTypes: OrderType[] = ['groupOpen', 'groupChange', 'groupCancel'];

export interface AwaitingApprovalRow {
  orderId: string;
  type: OrderType;
  groupCode: string;
  groupName: string | null;
  productCode: string;
  productName: string | null;
  tariffCode: string | null;
  tariffName: string | null;
  tariffParams: AttributeValues;
  attributes: AttributeValues;
  /** The product's specification and the tariff's parameters, to name what the approver reads. */
  productSpec: ProductSpec | null;
  tariffParamSpec: ProductSpec | null;
  submitterId: string | null;
  submitterName: string | null;
  customerManagerId: string | null;
  waitingSince: string;
  createdAt: string;
}

/**
 * REQ: GRP-3, GRP-1 — the approver's inbox: group product orders `pending` at `awaitingApproval` of the
 * products the caller holds the permission for (and, for an agent, of its own channel: CH-1), oldest waiting
 * first. `waitingSince` is when the timeline last entered the step.
 */
export async function pageOfOrdersAwaitingApproval(
  db: DbOrTx,
  scope: OrderListScope,
  filter: { groupCode?: string },
  page: { offset: number; limit: number },
): Promise<{ total: number; items: AwaitingApprovalRow[] }> {
  if (scope.groupProductCodes.length === 0) return { total: 0, items: [] };
  const productCode = sql<string>`${orders.summary}->>'productCode'`;
  const groupCode = sql<string>`${orders.summary}->>'groupCode'`;
  const tariffCode = sql<string | null>`${orders.summary}->>'tariffCode'`;
  const conditions: SQL[] = [
    eq(orders.status, 'pending'),
    eq(orders.step, 'awaitingApproval'),
    inArray(orders.type, approvableTypes),
    inArray(productCode, [...scope.groupProductCodes]),
  ];
  if (scope.channelCode) conditions.push(eq(orders.channelCode, scope.channelCode));
  if (filter.groupCode) conditions.push(eq(groupCode, filter.groupCode));
  const where = and(...conditions);

  const waitingSince = sql<Date>`coalesce((
    select max(${orderEvents.at}) from ${orderEvents}
    where ${orderEvents.orderId} = ${orders.id} and ${orderEvents.step} = 'awaitingApproval'
  ), ${orders.updatedAt})`;
  const submitter = alias(operators, 'submitter');

  const [totalRow, rows] = await Promise.all([
    db.select({ n: count() }).from(orders).where(where),
    db
      .select({
        orderId: orders.id,
        type: orders.type,
        summary: orders.summary,
        groupName: groupCustomers.name,
        productName: groupProducts.name,
        tariffName: groupTariffs.name,
        productSpec: groupProducts.spec,
        tariffParamSpec: groupTariffs.paramSpec,
        submitterName: submitter.name,
        waitingSince,
        createdAt: orders.createdAt,
      })
      .from(orders)
      .leftJoin(groupCustomers, eq(groupCustomers.groupCode, groupCode))
      .leftJoin(groupProducts, eq(groupProducts.code, productCode))
      .leftJoin(groupTariffs, eq(groupTariffs.code, tariffCode))
      .leftJoin(submitter, eq(submitter.id, sql`${orders.summary}->>'submitterId'`))
      .where(where)
      .orderBy(asc(waitingSince), asc(orders.id))
      .offset(page.offset)
      .limit(page.limit),
  ]);

  return {
    total: totalRow[0]?.n ?? 0,
    items: rows.map((row) => {
      const s = row.summary as Record<string, unknown>;
      return {
        orderId: row.orderId,
        type: row.type,
        groupCode: text(s.groupCode) ?? '',
        groupName: row.groupName,
        productCode: text(s.productCode) ?? '',
        productName: row.productName,
        tariffCode: text(s.tariffCode),
        tariffName: row.tariffName,
        tariffParams: values(s.tariffParams),
        attributes: values(s.attributes),
        productSpec: (row.productSpec as ProductSpec | null) ?? null,
        tariffParamSpec: (row.tariffParamSpec as ProductSpec | null) ?? null,
        submitterId: text(s.submitterId),
        submitterName: row.submitterName,
        customerManagerId: text(s.customerManagerId),
        waitingSince: new Date(row.waitingSince).toISOString(),
        createdAt: new Date(row.createdAt).toISOString(),
      };
    }),
  };
}

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

const values = (v: unknown): AttributeValues =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as AttributeValues) : {};
