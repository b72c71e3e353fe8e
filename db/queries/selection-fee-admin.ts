import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { numbers, selectionFeeChanges, selectionFeeRules } from '../schema';
import type { FeeRule } from '../../domain/selection-fees';

export type FeeRuleRecord = typeof selectionFeeRules.$inferSelect;

/** REQ: RES-4 — adds a rule; null when the ID is taken. */
export async function insertFeeRule(
  db: DbOrTx,
  rule: FeeRule,
  updatedBy: string,
): Promise<FeeRuleRecord | null> {
  const [row] = await db
    .insert(selectionFeeRules)
    .values({ ...rule, updatedBy })
    .onConflictDoNothing()
    .returning();
  return row ?? null;
}

/** REQ: RES-4 — replaces a rule's definition; null when there is no such rule. */
export async function updateFeeRule(
  db: DbOrTx,
  id: string,
  rule: Omit<FeeRule, 'id'>,
  updatedBy: string,
): Promise<FeeRuleRecord | null> {
  const [row] = await db
    .update(selectionFeeRules)
    .set({ ...rule, updatedBy, updatedAt: sql`now()` })
    .where(eq(selectionFeeRules.id, id))
    .returning();
  return row ?? null;
}

/**
 * REQ: RES-4 — sets a number's selection fee by hand and records before, after, who and why in the same
 * transaction; the row is locked so two changes at once each record the fee the other left. Null when there is
 * no such number.
 */
export async function changeSelectionFee(
  db: DbOrTx,
  input: { msisdn: string; feeFen: number; reason: string; changedBy: string },
): Promise<{ beforeFen: number; afterFen: number } | null> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ feeFen: numbers.selectionFeeFen })
      .from(numbers)
      .where(eq(numbers.msisdn, input.msisdn))
      .for('update');
    if (!current) return null;
    await tx
      .update(numbers)
      .set({ selectionFeeFen: input.feeFen, updatedAt: sql`now()` })
      .where(eq(numbers.msisdn, input.msisdn));
    await tx.insert(selectionFeeChanges).values({
      msisdn: input.msisdn,
      beforeFen: current.feeFen,
      afterFen: input.feeFen,
      reason: input.reason,
      changedBy: input.changedBy,
    });
    return { beforeFen: current.feeFen, afterFen: input.feeFen };
  });
}
