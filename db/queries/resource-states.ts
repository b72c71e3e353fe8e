import { and, asc, eq, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { numbers, resourceStateChanges, selectionFeeChanges, simCards } from '../schema';
import type { NumberStatus, SimStatus } from '../../domain/numbers';

export type NumberRecord = typeof numbers.$inferSelect;
export type SimRecord = typeof simCards.$inferSelect;
export type StateChangeRecord = typeof resourceStateChanges.$inferSelect;
export type FeeChangeRecord = typeof selectionFeeChanges.$inferSelect;

export async function findNumber(db: DbOrTx, msisdn: string): Promise<NumberRecord | null> {
  const [row] = await db.select().from(numbers).where(eq(numbers.msisdn, msisdn));
  return row ?? null;
}

export async function findSim(db: DbOrTx, iccid: string): Promise<SimRecord | null> {
  const [row] = await db.select().from(simCards).where(eq(simCards.iccid, iccid));
  return row ?? null;
}

/** The SIM bound to a number (RES-5: at most one, held by the unique sim_cards.msisdn). */
export async function simBoundTo(db: DbOrTx, msisdn: string): Promise<SimRecord | null> {
  const [row] = await db.select().from(simCards).where(eq(simCards.msisdn, msisdn));
  return row ?? null;
}

/** Every state change of one number or SIM, oldest first. */
export async function stateHistory(db: DbOrTx, item: string): Promise<StateChangeRecord[]> {
  return db
    .select()
    .from(resourceStateChanges)
    .where(eq(resourceStateChanges.item, item))
    .orderBy(asc(resourceStateChanges.changedAt), asc(resourceStateChanges.id));
}

/** Every selection-fee change of one number, oldest first (REQ: RES-4). */
export async function feeChanges(db: DbOrTx, msisdn: string): Promise<FeeChangeRecord[]> {
  return db
    .select()
    .from(selectionFeeChanges)
    .where(eq(selectionFeeChanges.msisdn, msisdn))
    .orderBy(asc(selectionFeeChanges.changedAt), asc(selectionFeeChanges.id));
}

export interface StateChange<S extends string> {
  item: string;
  from: S;
  to: S;
  reason: string;
  changedBy: string;
}

/**
 * REQ: RES-3 — one conditional UPDATE (WHERE status = the state read, and the timed guard again in SQL) and
 * its record, in one transaction. False when the number changed meanwhile; nothing is written then.
 */
export async function changeNumberState(db: DbOrTx, change: StateChange<NumberStatus>): Promise<boolean> {
  return db.transaction(async (tx) => {
    const guards: (SQL | undefined)[] = [eq(numbers.msisdn, change.item), eq(numbers.status, change.from)];
    if (change.from === 'recycled' && change.to === 'unused') {
      guards.push(or(isNull(numbers.availableFrom), lte(numbers.availableFrom, sql`now()`)));
    }
    if (change.from === 'preempted') {
      guards.push(or(isNull(numbers.preemptedUntil), lt(numbers.preemptedUntil, sql`now()`)));
    }
    const changed = await tx
      .update(numbers)
      .set({
        status: change.to,
        preemptedBy: null,
        preemptedUntil: null,
        reservedFor: null,
        reservedUntil: null,
        availableFrom: change.from === 'recycled' && change.to === 'disabled' ? undefined : null,
        updatedAt: sql`now()`,
      })
      .where(and(...guards))
      .returning({ msisdn: numbers.msisdn });
    if (changed.length === 0) return false;
    await tx.insert(resourceStateChanges).values({ resourceType: 'numbers', ...logOf(change) });
    return true;
  });
}

/**
 * REQ: RES-3 — as changeNumberState, for a SIM. A card an order holds (pre-empted, not yet expired) is not
 * set aside under it: the order would bind a damaged card.
 */
export async function changeSimState(db: DbOrTx, change: StateChange<SimStatus>): Promise<boolean> {
  return db.transaction(async (tx) => {
    const changed = await tx
      .update(simCards)
      .set({
        status: usableStatus(change.to),
        preemptedBy: null,
        preemptedUntil: null,
        updatedAt: sql`now()`,
      })
      .where(
        and(
          eq(simCards.iccid, change.item),
          eq(simCards.status, change.from),
          or(isNull(simCards.preemptedBy), lt(simCards.preemptedUntil, sql`now()`)),
        ),
      )
      .returning({ status: simCards.status });
    const [row] = changed;
    if (!row) return false;
    await tx
      .insert(resourceStateChanges)
      .values({ resourceType: 'sims', ...logOf({ ...change, to: row.status }) });
    return true;
  });
}

/**
 * A usable SIM is `available` in central stock or at a city and `issued` below it (domain/org-tree.ts
 * simStatusAt): a card repaired (damaged → available) at an outlet goes back to `issued`.
 */
function usableStatus(to: SimStatus) {
  if (to !== 'available') return to;
  return sql<string>`case when ${simCards.holderCode} is null or exists (
      select 1 from org_units u where u.code = ${simCards.holderCode} and u.kind = 'city')
    then 'available' else 'issued' end`;
}

/** REQ: RES-3 — reservation (预定): unused → reserved for a named customer until a time; false if not unused. */
export async function reserveNumber(
  db: DbOrTx,
  input: { msisdn: string; customerName: string; until: Date; changedBy: string },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const changed = await tx
      .update(numbers)
      .set({
        status: 'reserved',
        reservedFor: input.customerName,
        reservedUntil: input.until,
        updatedAt: sql`now()`,
      })
      .where(and(eq(numbers.msisdn, input.msisdn), eq(numbers.status, 'unused')))
      .returning({ msisdn: numbers.msisdn });
    if (changed.length === 0) return false;
    await tx.insert(resourceStateChanges).values({
      resourceType: 'numbers',
      item: input.msisdn,
      fromState: 'unused',
      toState: 'reserved',
      reason: `reserved for ${input.customerName} until ${input.until.toISOString()}`,
      changedBy: input.changedBy,
    });
    return true;
  });
}

const logOf = <S extends string>(change: StateChange<S>) => ({
  item: change.item,
  fromState: change.from,
  toState: change.to,
  reason: change.reason,
  changedBy: change.changedBy,
});
