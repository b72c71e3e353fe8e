import { asc, count, desc } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { selectionFeeRules } from '../schema';
import { compileFeeRules, type CompiledFeeRules, type FeeRule } from '../../domain/selection-fees';

/** REQ: RES-4 — every rule, highest priority first. */
export async function listFeeRules(db: DbOrTx): Promise<FeeRule[]> {
  const rows = await db.select().from(selectionFeeRules).orderBy(asc(selectionFeeRules.id));
  return rows
    .map(({ id, name, pattern, feeFen, priority, active }) => ({
      id,
      name,
      pattern,
      feeFen,
      priority,
      active,
    }))
    .sort((a, b) => b.priority - a.priority || a.id.localeCompare(b.id));
}

/** REQ: RES-4 — the rules as `listFeeRules` orders them, one page at a time, with the count of all. */
export async function pageOfFeeRules(
  db: DbOrTx,
  page: { offset: number; limit: number },
): Promise<{ total: number; items: FeeRule[] }> {
  const [totalRow, rows] = await Promise.all([
    db.select({ n: count() }).from(selectionFeeRules),
    db
      .select({
        id: selectionFeeRules.id,
        name: selectionFeeRules.name,
        pattern: selectionFeeRules.pattern,
        feeFen: selectionFeeRules.feeFen,
        priority: selectionFeeRules.priority,
        active: selectionFeeRules.active,
      })
      .from(selectionFeeRules)
      .orderBy(desc(selectionFeeRules.priority), asc(selectionFeeRules.id))
      .offset(page.offset)
      .limit(page.limit),
  ]);
  return { total: totalRow[0]?.n ?? 0, items: rows };
}

/** REQ: RES-4 — the active rules, compiled once for pricing many numbers (a stock-in chunk, an issue). */
export async function loadFeeRules(db: DbOrTx): Promise<CompiledFeeRules> {
  return compileFeeRules(await listFeeRules(db));
}
