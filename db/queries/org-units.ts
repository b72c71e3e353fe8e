import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import type { OrgUnitKind } from '../../domain/resources';
import type { DbOrTx } from '../client';
import { numbers, operators, orgUnits, simCards } from '../schema';
import { sharedStock, type StockScope } from './resources';

/** REQ: RES-2 — the organisation tree (组织机构) as stored. */
export interface OrgUnitRecord {
  code: string;
  kind: OrgUnitKind;
  name: string;
  parentCode: string | null;
  operatorId: string | null;
  active: boolean;
  createdBy: string;
  createdAt: string;
}

export interface HeldCounts {
  numbers: number;
  sims: number;
}

const columns = {
  code: orgUnits.code,
  kind: orgUnits.kind,
  name: orgUnits.name,
  parentCode: orgUnits.parentCode,
  operatorId: orgUnits.operatorId,
  active: orgUnits.active,
  createdBy: orgUnits.createdBy,
  createdAt: orgUnits.createdAt,
};

const record = (row: typeof orgUnits.$inferSelect): OrgUnitRecord => ({
  ...row,
  kind: row.kind,
  createdAt: row.createdAt.toISOString(),
});

export async function findOrgUnit(db: DbOrTx, code: string): Promise<OrgUnitRecord | null> {
  const [row] = await db.select(columns).from(orgUnits).where(eq(orgUnits.code, code));
  return row ? record(row) : null;
}

export async function findClerkUnitOf(db: DbOrTx, operatorId: string): Promise<OrgUnitRecord | null> {
  const [row] = await db.select(columns).from(orgUnits).where(eq(orgUnits.operatorId, operatorId));
  return row ? record(row) : null;
}

export async function operatorExists(db: DbOrTx, operatorId: string): Promise<boolean> {
  const [row] = await db.select({ id: operators.id }).from(operators).where(eq(operators.id, operatorId));
  return row !== undefined;
}

export async function listOrgUnits(db: DbOrTx): Promise<OrgUnitRecord[]> {
  return (await db.select(columns).from(orgUnits).orderBy(asc(orgUnits.code))).map(record);
}

/** Null when the code or the operator is already taken (the caller says which). */
export async function insertOrgUnit(
  db: DbOrTx,
  unit: Omit<OrgUnitRecord, 'active' | 'createdAt'>,
): Promise<OrgUnitRecord | null> {
  const [row] = await db.insert(orgUnits).values(unit).onConflictDoNothing().returning(columns);
  return row ? record(row) : null;
}

export async function updateOrgUnit(
  db: DbOrTx,
  code: string,
  change: { name?: string; active?: boolean },
): Promise<OrgUnitRecord | null> {
  if (Object.keys(change).length === 0) return findOrgUnit(db, code);
  const [row] = await db.update(orgUnits).set(change).where(eq(orgUnits.code, code)).returning(columns);
  return row ? record(row) : null;
}

/** Numbers and SIMs held per unit code; the key `null` is central stock. */
export async function heldCounts(db: DbOrTx): Promise<Map<string | null, HeldCounts>> {
  const counts = new Map<string | null, HeldCounts>();
  const at = (code: string | null) => {
    const found = counts.get(code) ?? { numbers: 0, sims: 0 };
    counts.set(code, found);
    return found;
  };
  const n = await db
    .select({ code: numbers.holderCode, count: sql<number>`count(*)::int` })
    .from(numbers)
    .groupBy(numbers.holderCode);
  for (const row of n) at(row.code).numbers = row.count;
  const s = await db
    .select({ code: simCards.holderCode, count: sql<number>`count(*)::int` })
    .from(simCards)
    .groupBy(simCards.holderCode);
  for (const row of s) at(row.code).sims = row.count;
  return counts;
}

export async function heldCountsOf(db: DbOrTx, code: string): Promise<HeldCounts> {
  const [n] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(numbers)
    .where(eq(numbers.holderCode, code));
  const [s] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(simCards)
    .where(eq(simCards.holderCode, code));
  return { numbers: n?.count ?? 0, sims: s?.count ?? 0 };
}

/**
 * REQ: RES-2 — the stock an operator's orders may pre-empt: a clerk's own unit and its
 * outlet; anyone who is not a clerk takes the shared stock (central and cities).
 */
export async function stockScopeOf(db: DbOrTx, operatorId: string | undefined): Promise<StockScope> {
  if (!operatorId) return sharedStock;
  const [clerk] = await db
    .select({ code: orgUnits.code, parentCode: orgUnits.parentCode })
    .from(orgUnits)
    .where(
      and(eq(orgUnits.operatorId, operatorId), eq(orgUnits.kind, 'clerk'), isNotNull(orgUnits.parentCode)),
    );
  if (!clerk?.parentCode) return sharedStock;
  return { kind: 'units', codes: [clerk.code, clerk.parentCode] };
}
