import { and, eq } from 'drizzle-orm';
import { productSpecSchema, type ProductSpec } from '../../domain/product-spec';
import type { DbOrTx } from '../client';
import {
  groupAccounts,
  groupContracts,
  groupCustomers,
  groupProducts,
  groupTariffs,
  operatorProductPermissions,
} from '../schema';

export interface GroupProductRecord {
  code: string;
  name: string;
  catalogue: string;
  spec: ProductSpec;
  memberSpec: ProductSpec;
}

export interface GroupTariffRecord {
  code: string;
  productCode: string;
  name: string;
  monthlyFeePerMemberFen: number;
  needsApproval: boolean;
  paramSpec: ProductSpec;
}

/** REQ: GRP-3 — an active group product with its specifications (checked as they are read). */
export async function findGroupProduct(db: DbOrTx, code: string): Promise<GroupProductRecord | null> {
  const [row] = await db
    .select()
    .from(groupProducts)
    .where(and(eq(groupProducts.code, code), eq(groupProducts.active, true)));
  if (!row) return null;
  return {
    code: row.code,
    name: row.name,
    catalogue: row.catalogue,
    spec: productSpecSchema.parse(row.spec),
    memberSpec: productSpecSchema.parse(row.memberSpec),
  };
}

/** REQ: GRP-3 — an active tariff package of `productCode`. */
export async function findGroupTariff(
  db: DbOrTx,
  productCode: string,
  code: string,
): Promise<GroupTariffRecord | null> {
  const [row] = await db
    .select()
    .from(groupTariffs)
    .where(
      and(
        eq(groupTariffs.code, code),
        eq(groupTariffs.productCode, productCode),
        eq(groupTariffs.active, true),
      ),
    );
  if (!row) return null;
  return { ...row, paramSpec: productSpecSchema.parse(row.paramSpec) };
}

export async function listGroupTariffs(db: DbOrTx, productCode: string): Promise<GroupTariffRecord[]> {
  const rows = await db
    .select()
    .from(groupTariffs)
    .where(and(eq(groupTariffs.productCode, productCode), eq(groupTariffs.active, true)))
    .orderBy(groupTariffs.code);
  return rows.map((row) => ({ ...row, paramSpec: productSpecSchema.parse(row.paramSpec) }));
}

/** REQ: GRP-1 — whether the operator holds the product permission. */
export async function hasProductPermission(
  db: DbOrTx,
  operatorId: string,
  productCode: string,
): Promise<boolean> {
  const [row] = await db
    .select({ productCode: operatorProductPermissions.productCode })
    .from(operatorProductPermissions)
    .where(
      and(
        eq(operatorProductPermissions.operatorId, operatorId),
        eq(operatorProductPermissions.productCode, productCode),
      ),
    );
  return row !== undefined;
}

/** A group customer with its contracts and paying accounts. */
export async function findGroup(db: DbOrTx, groupCode: string) {
  const [group] = await db.select().from(groupCustomers).where(eq(groupCustomers.groupCode, groupCode));
  if (!group) return null;
  const contracts = await db.select().from(groupContracts).where(eq(groupContracts.groupCode, groupCode));
  const accounts = await db.select().from(groupAccounts).where(eq(groupAccounts.groupCode, groupCode));
  return { ...group, contracts, accounts };
}
