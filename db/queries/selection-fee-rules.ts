import { asc } from 'drizzle-orm';
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

/** REQ: RES-4 — the active rules, compiled once for pricing many numbers (a stock-in chunk, an issue). */
export async function loadFeeRules(db: DbOrTx): Promise<CompiledFeeRules> {
  return compileFeeRules(await listFeeRules(db));
}
