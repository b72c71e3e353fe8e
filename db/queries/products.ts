import { and, asc, eq } from 'drizzle-orm';
import type { ProductPrice } from '../../domain/open-account';
import type { DbOrTx } from '../client';
import { products } from '../schema';

/** What an opening is priced from (OPEN-4). */
const priceColumns = {
  code: products.code,
  name: products.name,
  simFeeFen: products.simFeeFen,
  depositFen: products.depositFen,
  monthlyFeeFen: products.monthlyFeeFen,
};

export async function findActiveProduct(db: DbOrTx, code: string): Promise<ProductPrice | null> {
  const [row] = await db
    .select(priceColumns)
    .from(products)
    .where(and(eq(products.code, code), eq(products.active, true)));
  return row ?? null;
}

/** REQ: OPEN-4 — the products an account may be opened with (not withdrawn), by code. */
export async function listActiveProducts(db: DbOrTx): Promise<ProductPrice[]> {
  return db.select(priceColumns).from(products).where(eq(products.active, true)).orderBy(asc(products.code));
}

/** A product's name as the catalogue keeps it, withdrawn or not; null for a code it does not know. */
export async function findProductName(db: DbOrTx, code: string): Promise<string | null> {
  const [row] = await db.select({ name: products.name }).from(products).where(eq(products.code, code));
  return row?.name ?? null;
}
