import { and, arrayContains, eq, inArray, max, or, sql, type SQL } from 'drizzle-orm';
import {
  compareRules,
  dispatchRuleKindSchema,
  dispatchRuleMatchSchema,
  dispatchRuleTargetSchema,
  renumberedPositions,
  reorderIssues,
  type CandidateScope,
  type DispatchRule,
  type DispatchStaff,
  type RuleIssue,
} from '../../domain/dispatch-rules';
import type { Db, DbOrTx } from '../client';
import { dispatchRules, operators, outlets, roundRobinTurns, staffProfiles } from '../schema';
import { openLoadByStaff } from './work-orders';

/** REQ: WO-4 — a dispatch rule as stored, with who changed it last and when. */
export interface DispatchRuleRecord extends DispatchRule {
  updatedBy: string;
  createdAt: string;
  updatedAt: string;
}

/** The rules in the order dispatch tries them (`compareRules`); `enabledOnly` for dispatch. */
export async function listDispatchRules(
  db: DbOrTx,
  options: { enabledOnly?: boolean } = {},
): Promise<DispatchRuleRecord[]> {
  const rows = await db
    .select()
    .from(dispatchRules)
    .where(options.enabledOnly ? eq(dispatchRules.enabled, true) : undefined);
  return rows.map(toRecord).sort(compareRules);
}

export async function findDispatchRule(db: DbOrTx, id: string): Promise<DispatchRuleRecord | null> {
  const [row] = await db.select().from(dispatchRules).where(eq(dispatchRules.id, id));
  return row ? toRecord(row) : null;
}

/** Where a rule added without a position goes: after the last one. */
export async function nextDispatchRulePosition(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ last: max(dispatchRules.position) }).from(dispatchRules);
  return (row?.last ?? 0) + 10;
}

/** Adds the rule; null when a rule with its ID exists (nothing is changed then). */
export async function insertDispatchRule(
  db: DbOrTx,
  rule: DispatchRule,
  updatedBy: string,
): Promise<DispatchRuleRecord | null> {
  const [row] = await db
    .insert(dispatchRules)
    .values({ ...rule, updatedBy })
    .onConflictDoNothing()
    .returning();
  return row ? toRecord(row) : null;
}

/** Replaces what the rule says (and `enabled` when given); null when there is no such rule. */
export async function updateDispatchRule(
  db: DbOrTx,
  id: string,
  change: Omit<DispatchRule, 'id' | 'enabled'> & { enabled?: boolean },
  updatedBy: string,
): Promise<DispatchRuleRecord | null> {
  const [row] = await db
    .update(dispatchRules)
    .set({ ...change, updatedBy, updatedAt: new Date() })
    .where(eq(dispatchRules.id, id))
    .returning();
  return row ? toRecord(row) : null;
}

export async function setDispatchRuleEnabled(
  db: DbOrTx,
  id: string,
  enabled: boolean,
  updatedBy: string,
): Promise<DispatchRuleRecord | null> {
  const [row] = await db
    .update(dispatchRules)
    .set({ enabled, updatedBy, updatedAt: new Date() })
    .where(eq(dispatchRules.id, id))
    .returning();
  return row ? toRecord(row) : null;
}

/**
 * Re-numbers the rules 10, 20, … in the order of `ids`, which must name every rule exactly once (checked
 * with the rules locked, so a rule added meanwhile cannot be left out unnoticed). Issues → nothing changed.
 */
export async function reorderDispatchRules(
  db: DbOrTx,
  ids: readonly string[],
  updatedBy: string,
): Promise<{ rules: DispatchRuleRecord[] } | { issues: RuleIssue[] }> {
  return db.transaction(async (tx) => {
    const existing = await tx.select({ id: dispatchRules.id }).from(dispatchRules).for('update');
    const issues = reorderIssues(
      existing.map((r) => r.id),
      ids,
    );
    if (issues.length > 0) return { issues };
    const now = new Date();
    for (const { id, position } of renumberedPositions(ids)) {
      await tx
        .update(dispatchRules)
        .set({ position, updatedBy, updatedAt: now })
        .where(eq(dispatchRules.id, id));
    }
    return { rules: await listDispatchRules(tx) };
  });
}

/** The outlets and staff a rule names that do not exist (deactivated ones exist: dispatch skips them). */
export async function unknownReferences(
  db: DbOrTx,
  refs: { outletCodes: string[]; staffIds: string[] },
): Promise<{ outletCodes: string[]; staffIds: string[] }> {
  const foundOutlets = refs.outletCodes.length
    ? await db.select({ code: outlets.code }).from(outlets).where(inArray(outlets.code, refs.outletCodes))
    : [];
  const foundStaff = refs.staffIds.length
    ? await db
        .select({ id: staffProfiles.operatorId })
        .from(staffProfiles)
        .where(inArray(staffProfiles.operatorId, refs.staffIds))
    : [];
  return {
    outletCodes: refs.outletCodes.filter((c) => !foundOutlets.some((o) => o.code === c)),
    staffIds: refs.staffIds.filter((id) => !foundStaff.some((s) => s.id === id)),
  };
}

/**
 * REQ: WO-4 — the service staff within any of the scopes, with whether they can take work now (staff profile,
 * operator and outlet all active, the operator still in role serviceStaff) and their open load: the pool
 * `chooseFrom` picks from.
 */
export async function loadDispatchStaff(
  db: DbOrTx,
  scopes: readonly CandidateScope[],
): Promise<DispatchStaff[]> {
  const conditions = scopes.map(scopeCondition);
  if (conditions.length === 0) return [];
  const rows = await db
    .select({
      operatorId: staffProfiles.operatorId,
      name: operators.name,
      outletCode: staffProfiles.outletCode,
      skills: staffProfiles.skills,
      active: sql<boolean>`${staffProfiles.active} and ${operators.active} and ${outlets.active} and 'serviceStaff' = any(${operators.roles})`,
    })
    .from(staffProfiles)
    .innerJoin(operators, eq(operators.id, staffProfiles.operatorId))
    .innerJoin(outlets, eq(outlets.code, staffProfiles.outletCode))
    .where(or(...conditions));
  const load = await openLoadByStaff(
    db,
    rows.map((r) => r.operatorId),
  );
  return rows.map((r) => ({ ...r, openLoad: load.get(r.operatorId) ?? 0 }));
}

function scopeCondition(scope: CandidateScope): SQL | undefined {
  return and(
    scope.staffIds ? inArray(staffProfiles.operatorId, [...scope.staffIds]) : undefined,
    scope.outletCode ? eq(staffProfiles.outletCode, scope.outletCode) : undefined,
    scope.skill ? arrayContains(staffProfiles.skills, [scope.skill]) : undefined,
  );
}

/**
 * REQ: WO-4 — takes the round-robin rule's next turn: one UPDATE … RETURNING, so concurrent dispatches each
 * get their own turn (the row lock orders them). Returns the number of turns taken before this one. The turn
 * is kept under `turnKey` in the same transaction: asked again with the same key (a retried attempt), it
 * answers the turn already taken rather than taking another.
 */
export async function takeRoundRobinTurn(db: Db, ruleId: string, turnKey: string): Promise<number> {
  return db.transaction(async (tx) => {
    const [taken] = await tx
      .select({ turn: roundRobinTurns.turn })
      .from(roundRobinTurns)
      .where(eq(roundRobinTurns.turnKey, turnKey));
    if (taken) return taken.turn;
    const [row] = await tx
      .update(dispatchRules)
      .set({ rrCursor: sql`${dispatchRules.rrCursor} + 1` })
      .where(eq(dispatchRules.id, ruleId))
      .returning({ cursor: dispatchRules.rrCursor });
    const turn = row ? row.cursor - 1 : 0;
    await tx.insert(roundRobinTurns).values({ turnKey, ruleId, turn });
    return turn;
  });
}

/**
 * REQ: WO-4 — the turns each round-robin rule has taken so far (its cursor): the next turn, read without taking
 * it (the dispatch preview names the next in turn; `takeRoundRobinTurn` answers this same number when taking).
 */
export async function roundRobinCursors(db: DbOrTx): Promise<Record<string, number>> {
  const rows = await db
    .select({ id: dispatchRules.id, cursor: dispatchRules.rrCursor })
    .from(dispatchRules)
    .where(eq(dispatchRules.kind, 'roundRobin'));
  return Object.fromEntries(rows.map((r) => [r.id, r.cursor]));
}

/**
 * Forgets the round-robin turns kept for retries once no attempt can come back for them (a dispatch is retried
 * within minutes); the tidy-up calls it. Returns how many went.
 */
export async function pruneRoundRobinTurns(db: DbOrTx, olderThanHours = 24): Promise<number> {
  const rows = await db
    .delete(roundRobinTurns)
    .where(sql`${roundRobinTurns.createdAt} < now() - make_interval(hours => ${olderThanHours})`)
    .returning({ turnKey: roundRobinTurns.turnKey });
  return rows.length;
}

function toRecord(row: typeof dispatchRules.$inferSelect): DispatchRuleRecord {
  return {
    id: row.id,
    name: row.name,
    position: row.position,
    enabled: row.enabled,
    kind: dispatchRuleKindSchema.parse(row.kind),
    match: dispatchRuleMatchSchema.parse(row.match),
    target: dispatchRuleTargetSchema.parse(row.target),
    updatedBy: row.updatedBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
