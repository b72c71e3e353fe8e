import { and, asc, count, eq, gte, inArray, isNull, lt, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { NumberStatus, SimStatus } from '../../domain/numbers';
import type { ResourceType } from '../../domain/resources';
import type { DbOrTx } from '../client';
import { customers, numbers, orgUnits, simCards, subscribers } from '../schema';

/**
 * Read models of the number and SIM stock for the administration console (REQ: RES-2, RES-3): every number or
 * card searched by the first digits, state and holding unit, one page at a time, and the live stock counts.
 */

/** The holding unit filter: a unit's code, or `central` for stock not issued into the tree (REQ: RES-2). */
export const CENTRAL = 'central';

export interface ResourceFilter<S extends string> {
  /** The first digits. */
  prefix?: string;
  state?: S;
  unitCode?: string;
}

export interface NumberListRow {
  msisdn: string;
  state: NumberStatus;
  selectionFeeFen: number;
  unitCode: string;
  unitName: string | null;
  holderName: string | null;
  reservedUntil: string | null;
}

export interface SimListRow {
  iccid: string;
  imsi: string;
  state: SimStatus;
  msisdn: string | null;
  unitCode: string;
  unitName: string | null;
}

/**
 * REQ: RES-3 — numbers in number order. The prefix is a range on the primary key (`msisdn >= '138'` and
 * `< '139'`), which every collation orders the same way for digits, so it is an index range scan without a
 * pattern-ops index. A number in use names its owner (never an identity document).
 */
export async function pageOfNumbers(
  db: DbOrTx,
  filter: ResourceFilter<NumberStatus>,
  page: { offset: number; limit: number },
): Promise<{ total: number; items: NumberListRow[] }> {
  const where = and(
    ...digitsPrefix(numbers.msisdn, filter.prefix),
    filter.state ? eq(numbers.status, filter.state) : undefined,
    holderIs(numbers.holderCode, filter.unitCode),
  );
  const [totalRow, rows] = await Promise.all([
    db.select({ n: count() }).from(numbers).where(where),
    db
      .select({
        msisdn: numbers.msisdn,
        state: numbers.status,
        selectionFeeFen: numbers.selectionFeeFen,
        holderCode: numbers.holderCode,
        unitName: orgUnits.name,
        ownerName: customers.name,
        reservedUntil: numbers.reservedUntil,
      })
      .from(numbers)
      .leftJoin(orgUnits, eq(orgUnits.code, numbers.holderCode))
      .leftJoin(subscribers, and(eq(subscribers.msisdn, numbers.msisdn), eq(numbers.status, 'inUse')))
      .leftJoin(customers, eq(customers.id, subscribers.customerId))
      .where(where)
      .orderBy(asc(numbers.msisdn))
      .offset(page.offset)
      .limit(page.limit),
  ]);
  return {
    total: totalRow[0]?.n ?? 0,
    items: rows.map((r) => ({
      msisdn: r.msisdn,
      state: r.state,
      selectionFeeFen: r.selectionFeeFen,
      unitCode: r.holderCode ?? CENTRAL,
      unitName: r.unitName,
      holderName: r.state === 'inUse' ? r.ownerName : null,
      reservedUntil: r.state === 'reserved' ? (r.reservedUntil?.toISOString() ?? null) : null,
    })),
  };
}

/** REQ: RES-3, RES-5 — SIM cards in ICCID order, each with the number it is bound to. */
export async function pageOfSims(
  db: DbOrTx,
  filter: ResourceFilter<SimStatus>,
  page: { offset: number; limit: number },
): Promise<{ total: number; items: SimListRow[] }> {
  const where = and(
    ...digitsPrefix(simCards.iccid, filter.prefix),
    filter.state ? eq(simCards.status, filter.state) : undefined,
    holderIs(simCards.holderCode, filter.unitCode),
  );
  const [totalRow, rows] = await Promise.all([
    db.select({ n: count() }).from(simCards).where(where),
    db
      .select({
        iccid: simCards.iccid,
        imsi: simCards.imsi,
        state: simCards.status,
        msisdn: simCards.msisdn,
        holderCode: simCards.holderCode,
        unitName: orgUnits.name,
      })
      .from(simCards)
      .leftJoin(orgUnits, eq(orgUnits.code, simCards.holderCode))
      .where(where)
      .orderBy(asc(simCards.iccid))
      .offset(page.offset)
      .limit(page.limit),
  ]);
  return {
    total: totalRow[0]?.n ?? 0,
    items: rows.map(({ holderCode, ...r }) => ({ ...r, unitCode: holderCode ?? CENTRAL })),
  };
}

export interface StockLevelRow {
  unitCode: string;
  unitName: string | null;
  resourceType: ResourceType;
  state: string;
  count: number;
}

/**
 * REQ: RES-2, RES-3 — how many numbers and SIM cards each unit holds in each state, counted now (the daily
 * report counts the same at 00:10). `central` is the stock not issued into the tree.
 */
export async function liveStockLevels(db: DbOrTx, unitCode?: string): Promise<StockLevelRow[]> {
  const numberWhere = holderIs(numbers.holderCode, unitCode);
  const simWhere = holderIs(simCards.holderCode, unitCode);
  const [numberRows, simRows] = await Promise.all([
    db
      .select({ holderCode: numbers.holderCode, state: numbers.status, count: count() })
      .from(numbers)
      .where(numberWhere)
      .groupBy(numbers.holderCode, numbers.status),
    db
      .select({ holderCode: simCards.holderCode, state: simCards.status, count: count() })
      .from(simCards)
      .where(simWhere)
      .groupBy(simCards.holderCode, simCards.status),
  ]);
  const codes = [
    ...new Set([...numberRows, ...simRows].flatMap((r) => (r.holderCode ? [r.holderCode] : []))),
  ];
  const names = new Map(
    codes.length === 0
      ? []
      : (
          await db
            .select({ code: orgUnits.code, name: orgUnits.name })
            .from(orgUnits)
            .where(inArray(orgUnits.code, codes))
        ).map((u) => [u.code, u.name]),
  );
  const level =
    (resourceType: ResourceType) => (r: { holderCode: string | null; state: string; count: number }) => ({
      unitCode: r.holderCode ?? CENTRAL,
      unitName: r.holderCode ? (names.get(r.holderCode) ?? null) : null,
      resourceType,
      state: r.state,
      count: r.count,
    });
  return [...numberRows.map(level('numbers')), ...simRows.map(level('sims'))].sort(
    (a, b) =>
      a.unitCode.localeCompare(b.unitCode) ||
      a.resourceType.localeCompare(b.resourceType) ||
      a.state.localeCompare(b.state),
  );
}

/**
 * `column` starts with the digits: `>= digits` and `< the next prefix` (1389 → 139, 1399 → 14; all nines
 * has no upper end), a range on the column's index in any collation.
 */
function digitsPrefix(column: PgColumn, digits?: string): SQL[] {
  if (!digits) return [];
  const conditions = [gte(column, digits)];
  const head = digits.replace(/9+$/, '');
  if (head.length > 0) {
    const next = head.slice(0, -1) + String(Number(head.slice(-1)) + 1);
    conditions.push(lt(column, next));
  }
  return conditions;
}

/** The unit holds it: `central` = not issued into the tree (holder null). */
function holderIs(column: PgColumn, unitCode?: string): SQL | undefined {
  if (unitCode === undefined) return undefined;
  return unitCode === CENTRAL ? isNull(column) : eq(column, unitCode);
}
