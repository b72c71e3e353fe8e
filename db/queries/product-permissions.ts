import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { groupProducts, operatorProductPermissions } from '../schema';

/** REQ: GRP-1 — an operator's permission to see and order a group product, as an administrator granted it. */
export interface ProductPermission {
  operatorId: string;
  productCode: string;
  productName: string;
  grantedBy: string;
  grantedAt: string;
}

export async function listProductPermissions(db: DbOrTx, operatorId: string): Promise<ProductPermission[]> {
  const rows = await db
    .select({ permission: operatorProductPermissions, productName: groupProducts.name })
    .from(operatorProductPermissions)
    .innerJoin(groupProducts, eq(groupProducts.code, operatorProductPermissions.productCode))
    .where(eq(operatorProductPermissions.operatorId, operatorId))
    .orderBy(asc(operatorProductPermissions.productCode));
  return rows.map((r) => toPermission(r.permission, r.productName));
}

/**
 * Grants the permission; a second grant changes nothing (the first grantor and time stay). `created` tells
 * whether this call granted it.
 */
export async function grantProductPermission(
  db: DbOrTx,
  grant: { operatorId: string; productCode: string; productName: string; grantedBy: string },
): Promise<{ permission: ProductPermission; created: boolean }> {
  const [inserted] = await db
    .insert(operatorProductPermissions)
    .values({ operatorId: grant.operatorId, productCode: grant.productCode, grantedBy: grant.grantedBy })
    .onConflictDoNothing()
    .returning();
  if (inserted) return { permission: toPermission(inserted, grant.productName), created: true };
  const [existing] = await db
    .select()
    .from(operatorProductPermissions)
    .where(
      and(
        eq(operatorProductPermissions.operatorId, grant.operatorId),
        eq(operatorProductPermissions.productCode, grant.productCode),
      ),
    );
  if (!existing) throw new Error('the permission was revoked while it was being granted');
  return { permission: toPermission(existing, grant.productName), created: false };
}

/** Revokes the permission; revoking one not held changes nothing. */
export async function revokeProductPermission(
  db: DbOrTx,
  operatorId: string,
  productCode: string,
): Promise<void> {
  await db
    .delete(operatorProductPermissions)
    .where(
      and(
        eq(operatorProductPermissions.operatorId, operatorId),
        eq(operatorProductPermissions.productCode, productCode),
      ),
    );
}

function toPermission(
  row: typeof operatorProductPermissions.$inferSelect,
  productName: string,
): ProductPermission {
  return {
    operatorId: row.operatorId,
    productCode: row.productCode,
    productName,
    grantedBy: row.grantedBy,
    grantedAt: row.grantedAt.toISOString(),
  };
}
