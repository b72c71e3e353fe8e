import { and, asc, eq, like, lt, lte, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { numbers, simCards } from '../schema';

/** A number that may be claimed now: unused, or pre-empted by someone whose hold has expired (REQ: OPEN-2). */
const numberIsFree = or(
  eq(numbers.status, 'unused'),
  and(eq(numbers.status, 'preempted'), lt(numbers.preemptedUntil, sql`now()`)),
  and(eq(numbers.status, 'recycled'), lte(numbers.availableFrom, sql`now()`)),
);
const simIsFree = and(
  eq(simCards.status, 'available'),
  or(sql`${simCards.preemptedBy} is null`, lt(simCards.preemptedUntil, sql`now()`)),
);

export async function listAvailableNumbers(
  db: DbOrTx,
  filter: { like?: string; limit: number },
): Promise<{ msisdn: string; selectionFeeFen: number }[]> {
  return db
    .select({ msisdn: numbers.msisdn, selectionFeeFen: numbers.selectionFeeFen })
    .from(numbers)
    .where(filter.like ? and(numberIsFree, like(numbers.msisdn, filter.like)) : numberIsFree)
    .orderBy(asc(numbers.msisdn))
    .limit(filter.limit);
}

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
        where n.status = 'unused' or (n.status = 'preempted' and n.preempted_until < now())
          or (n.status = 'recycled' and n.available_from <= now())
        order by n.selection_fee_fen, n.msisdn
        limit 1 for update skip locked)`;
  const [claimed] = await db
    .update(numbers)
    .set({ status: 'preempted', preemptedBy: orderId, preemptedUntil: until, updatedAt: sql`now()` })
    .where(and(target, numberIsFree))
    .returning(returning);
  return claimed ?? null;
}

/** REQ: RES-6 — claims one free SIM card for an order (skip-locked, so concurrent claims never collide). */
export async function claimSim(
  db: DbOrTx,
  orderId: string,
  ttlSeconds: number,
): Promise<{ iccid: string; imsi: string } | null> {
  const until = sql`now() + make_interval(secs => ${ttlSeconds})`;
  const returning = { iccid: simCards.iccid, imsi: simCards.imsi };
  const [renewed] = await db
    .update(simCards)
    .set({ preemptedUntil: until, updatedAt: sql`now()` })
    .where(and(eq(simCards.preemptedBy, orderId), eq(simCards.status, 'available')))
    .returning(returning);
  if (renewed) return renewed;
  const [claimed] = await db
    .update(simCards)
    .set({ preemptedBy: orderId, preemptedUntil: until, updatedAt: sql`now()` })
    .where(
      and(
        sql`${simCards.iccid} = (
          select s.iccid from sim_cards s
          where s.status = 'available' and (s.preempted_by is null or s.preempted_until < now())
          order by s.iccid limit 1 for update skip locked)`,
        simIsFree,
      ),
    )
    .returning(returning);
  return claimed ?? null;
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
    .where(and(eq(simCards.preemptedBy, orderId), eq(simCards.status, 'available')))
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

/** Tidies pre-emptions whose time ran out (they are already free by rule; this makes the state say so). */
export async function releaseExpiredPreemptions(db: DbOrTx): Promise<{ numbers: number; sims: number }> {
  const n = await db
    .update(numbers)
    .set({ status: 'unused', preemptedBy: null, preemptedUntil: null, updatedAt: sql`now()` })
    .where(and(eq(numbers.status, 'preempted'), lt(numbers.preemptedUntil, sql`now()`)))
    .returning({ msisdn: numbers.msisdn });
  const s = await db
    .update(simCards)
    .set({ preemptedBy: null, preemptedUntil: null, updatedAt: sql`now()` })
    .where(and(eq(simCards.status, 'available'), lt(simCards.preemptedUntil, sql`now()`)))
    .returning({ iccid: simCards.iccid });
  return { numbers: n.length, sims: s.length };
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
