import { and, asc, count, eq, inArray, like, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { SimStatus } from '../../domain/numbers';
import type { DbOrTx } from '../client';
import { numbers, simCards } from '../schema';

/**
 * REQ: RES-2, RES-6 — whose stock a claim may take. A clerk (营业员) takes only what has been issued to it or
 * to its outlet; everyone else (website, hotline, staff who are not clerks) takes central stock and stock
 * held by a city — never what has been issued into an area, an outlet or to a clerk.
 */
export type StockScope = { kind: 'shared' } | { kind: 'units'; codes: string[] };
export const sharedStock: StockScope = { kind: 'shared' };

/** The scope as a condition on a holder column (`holder_code` of numbers or sim_cards, or an alias of it). */
function inScope(holder: SQL, scope: StockScope): SQL {
  if (scope.kind === 'units') return sql`${holder} = any(string_to_array(${scope.codes.join(',')}, ','))`;
  return sql`(${holder} is null or ${holder} in (select code from org_units where kind = 'city'))`;
}

/** SIM states a claim may take: `available` at a city or central, `issued` once handed down the tree. */
const claimableSimStates: SimStatus[] = ['available', 'issued'];

/**
 * A mobile number that may be claimed now: unused, pre-empted by someone whose hold has expired (REQ: OPEN-2),
 * or recycled with its cool-down over. SMS ports and access numbers are stock too, but no line is opened on one.
 */
const numberIsFree = and(
  eq(numbers.kind, 'mobile'),
  or(
    eq(numbers.status, 'unused'),
    and(eq(numbers.status, 'preempted'), lt(numbers.preemptedUntil, sql`now()`)),
    and(eq(numbers.status, 'recycled'), lte(numbers.availableFrom, sql`now()`)),
  ),
);
const simIsFree = and(
  inArray(simCards.status, claimableSimStates),
  or(sql`${simCards.preemptedBy} is null`, lt(simCards.preemptedUntil, sql`now()`)),
);

/**
 * Free numbers the caller's orders may claim (its stock scope, RES-2), with their selection fee, one page
 * by number; `cheapestFirst` orders them as a claim without a chosen number takes them (fee, then number).
 */
export async function listAvailableNumbers(
  db: DbOrTx,
  filter: { like?: string; limit: number; offset?: number; cheapestFirst?: boolean },
  scope: StockScope = sharedStock,
): Promise<{ msisdn: string; selectionFeeFen: number }[]> {
  return db
    .select({ msisdn: numbers.msisdn, selectionFeeFen: numbers.selectionFeeFen })
    .from(numbers)
    .where(availableWhere(filter, scope))
    .orderBy(
      ...(filter.cheapestFirst ? [asc(numbers.selectionFeeFen), asc(numbers.msisdn)] : [asc(numbers.msisdn)]),
    )
    .offset(filter.offset ?? 0)
    .limit(filter.limit);
}

/** How many numbers `listAvailableNumbers` pages through. */
export async function countAvailableNumbers(
  db: DbOrTx,
  filter: { like?: string },
  scope: StockScope = sharedStock,
): Promise<number> {
  const [row] = await db.select({ n: count() }).from(numbers).where(availableWhere(filter, scope));
  return row?.n ?? 0;
}

const availableWhere = (filter: { like?: string }, scope: StockScope) =>
  and(
    numberIsFree,
    inScope(sql`${numbers.holderCode}`, scope),
    filter.like ? like(numbers.msisdn, filter.like) : undefined,
  );

export interface ClaimedNumber {
  msisdn: string;
  selectionFeeFen: number;
}

/**
 * REQ: RES-6 — claims one number for an order in a single conditional UPDATE, so two orders can never hold
 * it. Claiming again for the same order renews the hold (a retried activity stays one claim).
 */
export async function claimNumber(
  db: DbOrTx,
  orderId: string,
  ttlSeconds: number,
  msisdn?: string,
  scope: StockScope = sharedStock,
): Promise<ClaimedNumber | null> {
  const until = sql`now() + make_interval(secs => ${ttlSeconds})`;
  const returning = { msisdn: numbers.msisdn, selectionFeeFen: numbers.selectionFeeFen };
  const [renewed] = await db
    .update(numbers)
    .set({ preemptedUntil: until, updatedAt: sql`now()` })
    .where(
      and(
        eq(numbers.preemptedBy, orderId),
        eq(numbers.status, 'preempted'),
        msisdn ? eq(numbers.msisdn, msisdn) : undefined,
      ),
    )
    .returning(returning);
  if (renewed) return renewed;
  const target = msisdn
    ? eq(numbers.msisdn, msisdn)
    : sql`${numbers.msisdn} = (
        select n.msisdn from numbers n
        where n.kind = 'mobile' and (n.status = 'unused' or (n.status = 'preempted' and n.preempted_until < now())
          or (n.status = 'recycled' and n.available_from <= now()))
          and ${inScope(sql.raw('n.holder_code'), scope)}
        order by n.selection_fee_fen, n.msisdn
        limit 1 for update skip locked)`;
  const [claimed] = await db
    .update(numbers)
    .set({ status: 'preempted', preemptedBy: orderId, preemptedUntil: until, updatedAt: sql`now()` })
    .where(and(target, numberIsFree, inScope(sql`${numbers.holderCode}`, scope)))
    .returning(returning);
  return claimed ?? null;
}

/** REQ: RES-6 — claims one free SIM card for an order (skip-locked, so concurrent claims never collide). */
export async function claimSim(
  db: DbOrTx,
  orderId: string,
  ttlSeconds: number,
  scope: StockScope = sharedStock,
): Promise<{ iccid: string; imsi: string } | null> {
  const until = sql`now() + make_interval(secs => ${ttlSeconds})`;
  const returning = { iccid: simCards.iccid, imsi: simCards.imsi };
  const [renewed] = await db
    .update(simCards)
    .set({ preemptedUntil: until, updatedAt: sql`now()` })
    .where(and(eq(simCards.preemptedBy, orderId), inArray(simCards.status, claimableSimStates)))
    .returning(returning);
  if (renewed) return renewed;
  const [claimed] = await db
    .update(simCards)
    .set({ preemptedBy: orderId, preemptedUntil: until, updatedAt: sql`now()` })
    .where(
      and(
        sql`${simCards.iccid} = (
          select s.iccid from sim_cards s
          where s.status in ('available', 'issued') and (s.preempted_by is null or s.preempted_until < now())
            and ${inScope(sql.raw('s.holder_code'), scope)}
          order by s.iccid limit 1 for update skip locked)`,
        simIsFree,
      ),
    )
    .returning(returning);
  return claimed ?? null;
}

/** What an order still holds after `extendOrderHolds`: its pre-empted numbers and the IMSIs of its SIM cards. */
export interface OrderHolds {
  msisdns: string[];
  imsis: string[];
}

/**
 * REQ: OPEN-2, RES-6 — extends every hold the order still has (numbers it pre-empted, SIM cards it holds) to
 * now + `ttlSeconds`, in one statement, and says what they are. A hold that ran out and was taken by another
 * order is that order's now: it is not taken back. Numbers are locked before SIMs, as every claim does.
 */
export async function extendOrderHolds(db: DbOrTx, orderId: string, ttlSeconds: number): Promise<OrderHolds> {
  const [held] = await db.execute<{ msisdns: string[]; imsis: string[] }>(sql`
    with ${orderHoldsExtended(orderId, ttlSeconds)}
    select (select coalesce(array_agg(msisdn), '{}') from held_numbers) as msisdns,
      (select coalesce(array_agg(imsi), '{}') from held_sims) as imsis`);
  return { msisdns: held?.msisdns ?? [], imsis: held?.imsis ?? [] };
}

/**
 * The two common table expressions `held_numbers` (msisdn) and `held_sims` (imsi) that extend the order's
 * holds to now + `ttlSeconds` (see `extendOrderHolds`); a statement that reads them first locks numbers
 * before SIMs, as every claim does.
 */
export function orderHoldsExtended(orderId: string, ttlSeconds: number): SQL {
  const until = sql`now() + make_interval(secs => ${ttlSeconds})`;
  return sql`held_numbers as (
      update numbers set preempted_until = ${until}, updated_at = now()
      where preempted_by = ${orderId} and status = 'preempted'
      returning msisdn),
    held_sims as (
      update sim_cards set preempted_until = ${until}, updated_at = now()
      where preempted_by = ${orderId} and status in ('available', 'issued')
      returning imsi)`;
}

/** Where a number is and what state it is in, to explain a refused claim; null when it is not stocked. */
export async function numberHolding(
  db: DbOrTx,
  msisdn: string,
): Promise<{ status: string; holderCode: string | null } | null> {
  const [row] = await db
    .select({ status: numbers.status, holderCode: numbers.holderCode })
    .from(numbers)
    .where(eq(numbers.msisdn, msisdn));
  return row ?? null;
}

/** Returns whatever this order still holds to the pool; a no-op when it holds nothing. */
export async function releaseOrderResources(
  db: DbOrTx,
  orderId: string,
): Promise<{ numbers: number; sims: number }> {
  const n = await db
    .update(numbers)
    .set({ status: 'unused', preemptedBy: null, preemptedUntil: null, updatedAt: sql`now()` })
    .where(and(eq(numbers.preemptedBy, orderId), eq(numbers.status, 'preempted')))
    .returning({ msisdn: numbers.msisdn });
  const s = await db
    .update(simCards)
    .set({ preemptedBy: null, preemptedUntil: null, updatedAt: sql`now()` })
    .where(and(eq(simCards.preemptedBy, orderId), inArray(simCards.status, claimableSimStates)))
    .returning({ iccid: simCards.iccid });
  return { numbers: n.length, sims: s.length };
}

/**
 * Turns the order's pre-emption into use: number `inUse`, SIM `inUse` and bound to the number (RES-5).
 * Returns false when the hold was lost (expired and taken by someone else). Re-running after success is a no-op.
 */
export async function commitOrderResources(
  db: DbOrTx,
  orderId: string,
  msisdn: string,
  iccid: string,
): Promise<{ imsi: string } | null> {
  const n = await db
    .update(numbers)
    .set({ status: 'inUse', preemptedUntil: null, updatedAt: sql`now()` })
    .where(
      and(
        eq(numbers.msisdn, msisdn),
        eq(numbers.preemptedBy, orderId),
        or(eq(numbers.status, 'preempted'), eq(numbers.status, 'inUse')),
      ),
    )
    .returning({ msisdn: numbers.msisdn });
  if (n.length === 0) return null;
  const [sim] = await db
    .update(simCards)
    .set({ status: 'inUse', msisdn, preemptedUntil: null, updatedAt: sql`now()` })
    .where(and(eq(simCards.iccid, iccid), eq(simCards.preemptedBy, orderId)))
    .returning({ imsi: simCards.imsi });
  return sim ?? null;
}

/**
 * The every-minute tidy-up (REQ: RES-3): pre-emptions whose time ran out (already free by rule; this makes
 * the state say so), reservations past their expiry (reserved → unused) and ended cool-downs (recycled →
 * unused). The last two are state changes, so each is recorded in resource_state_changes by `system` in the
 * same statement; each part is one conditional UPDATE, so a rerun finds nothing left to do.
 */
export async function releaseExpiredPreemptions(
  db: DbOrTx,
): Promise<{ numbers: number; sims: number; reservations: number; cooldowns: number }> {
  const n = await db
    .update(numbers)
    .set({ status: 'unused', preemptedBy: null, preemptedUntil: null, updatedAt: sql`now()` })
    .where(and(eq(numbers.status, 'preempted'), lt(numbers.preemptedUntil, sql`now()`)))
    .returning({ msisdn: numbers.msisdn });
  const s = await db
    .update(simCards)
    .set({ preemptedBy: null, preemptedUntil: null, updatedAt: sql`now()` })
    .where(and(inArray(simCards.status, claimableSimStates), lt(simCards.preemptedUntil, sql`now()`)))
    .returning({ iccid: simCards.iccid });
  const reservations = await db.execute<{ msisdn: string }>(sql`
    with released as (
      update numbers set status = 'unused', reserved_for = null, reserved_until = null, updated_at = now()
      where status = 'reserved' and reserved_until < now()
      returning msisdn)
    insert into resource_state_changes (resource_type, item, from_state, to_state, reason, changed_by)
    select 'numbers', msisdn, 'reserved', 'unused', 'reservation expired', 'system' from released
    returning item as msisdn`);
  const cooldowns = await db.execute<{ msisdn: string }>(sql`
    with released as (
      update numbers set status = 'unused', available_from = null, updated_at = now()
      where status = 'recycled' and available_from <= now()
      returning msisdn)
    insert into resource_state_changes (resource_type, item, from_state, to_state, reason, changed_by)
    select 'numbers', msisdn, 'recycled', 'unused', 'cool-down ended', 'system' from released
    returning item as msisdn`);
  return {
    numbers: n.length,
    sims: s.length,
    reservations: reservations.length,
    cooldowns: cooldowns.length,
  };
}

/**
 * REQ: PC-5 — a number in use goes to the recycle pool: sold again only after `cooldownSeconds` (a number
 * given up by a change of number or by formal cancellation); a no-op for a number not in use.
 */
export async function recycleNumber(db: DbOrTx, msisdn: string, cooldownSeconds: number): Promise<void> {
  await db
    .update(numbers)
    .set({
      status: 'recycled',
      preemptedBy: null,
      preemptedUntil: null,
      availableFrom: sql`now() + make_interval(secs => ${cooldownSeconds})`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(numbers.msisdn, msisdn), eq(numbers.status, 'inUse')));
}
