import { and, eq } from 'drizzle-orm';
import type { ProductPrice } from '../../domain/open-account';
import type { DbOrTx } from '../client';
import { products } from '../schema';

export async function findActiveProduct(db: DbOrTx, code: string): Promise<ProductPrice | null> {
  const [row] = await db
    .select({
      code: products.code,
      name: products.name,
      simFeeFen: products.simFeeFen,
      depositFen: products.depositFen,
      monthlyFeeFen: products.monthlyFeeFen,
    })
    .from(products)
    .where(and(eq(products.code, code), eq(products.active, true)));
  return row ?? null;
}
