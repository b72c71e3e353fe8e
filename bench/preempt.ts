/**
 * `npm run bench -- preempt`: K concurrent claims for "any free number" (the real `claimNumber`) on a stock of
 * exactly M numbers, through one PostgreSQL pool. Every claim has its own order id. Expected: winners = M and
 * no number given to two claims.
 *
 * Flags (defaults): --claims 1000 (K), --capacity 200 (M, at most 10000), --pool 20 (connections),
 * --ttl 1800 (pre-emption hold, seconds). Starts only PostgreSQL: a claim does not touch Temporal.
 */
import { inArray, isNotNull, sql } from 'drizzle-orm';
import { claimNumber } from '../db/queries/resources';
import { numbers } from '../db/schema';
import { stockNumbers } from '../db/seed';
import { percentile, requireIntegers, round } from './measure';
import { defineBenchmark } from './runner';

const PREFIX = '1390000';

export const preempt = defineBenchmark({
  name: 'preempt',
  about: 'K concurrent claimNumber() calls on M free numbers: no number may go to two orders',
  flags: { claims: 1000, capacity: 200, pool: 20, ttl: 1800 },
  check: (flags) => {
    requireIntegers(flags, { ttl: 0 });
    if (flags.capacity > 10_000)
      throw new Error('--capacity must be an integer in 1..10000 (one 7-digit prefix)');
  },
  headline: ['winners', 'doubleAllocations', 'p99ClaimMs'],
  setUp: { kind: 'postgres', pool: (flags) => flags.pool },
  body: async ({ flags, log, db }) => {
    const { claims, capacity, pool, ttl } = flags;
    await stockNumbers(db, PREFIX, capacity);
    const [stocked] = await db.select({ n: sql<number>`count(*)::int` }).from(numbers);
    if (stocked?.n !== capacity) throw new Error(`stocked ${stocked?.n} numbers, expected ${capacity}`);
    // Open every pool connection first, so no claim pays for a connection handshake.
    await Promise.all(Array.from({ length: pool }, () => db.execute(sql`select pg_sleep(0.01)`)));
    log(`stocked ${capacity} numbers (prefix ${PREFIX}); pool of ${pool} connections open`);

    log(`firing ${claims} concurrent claims…`);
    const started = performance.now();
    const results = await Promise.all(
      Array.from({ length: claims }, async (_, i) => {
        const orderId = `OA:bench-preempt-${String(i).padStart(6, '0')}`;
        const t0 = performance.now();
        const claimed = await claimNumber(db, orderId, ttl);
        return { orderId, msisdn: claimed?.msisdn ?? null, ms: performance.now() - t0 };
      }),
    );
    const durationMs = performance.now() - started;
    const winners = results.filter((r): r is typeof r & { msisdn: string } => r.msisdn !== null);
    log(`${claims} claims done in ${Math.round(durationMs)} ms: ${winners.length} got a number`);

    // From the claim results: a number handed to n > 1 claims counts n - 1 times.
    const byMsisdn = new Map<string, number>();
    for (const w of winners) byMsisdn.set(w.msisdn, (byMsisdn.get(w.msisdn) ?? 0) + 1);
    const fromResults = [...byMsisdn.values()].reduce((sum, n) => sum + (n - 1), 0);

    // From the database: the rows held by our claims. Each row has one preempted_by; a winner whose row names
    // another order, or fewer distinct held rows than winners, means a number went to two claims.
    const held = await db
      .select({ msisdn: numbers.msisdn, preemptedBy: numbers.preemptedBy })
      .from(numbers)
      .where(isNotNull(numbers.preemptedBy));
    const holderOf = new Map(held.map((r) => [r.msisdn, r.preemptedBy]));
    const heldByWinners = winners.filter((w) => holderOf.get(w.msisdn) === w.orderId).length;
    const [distinct] = await db
      .select({
        rows: sql<number>`count(*)::int`,
        msisdns: sql<number>`count(distinct ${numbers.msisdn})::int`,
      })
      .from(numbers)
      .where(
        inArray(
          numbers.preemptedBy,
          winners.map((w) => w.orderId),
        ),
      );
    const fromSql = Math.max(winners.length - heldByWinners, winners.length - (distinct?.msisdns ?? 0));
    log(
      `check: ${byMsisdn.size} distinct numbers in results, ${distinct?.msisdns ?? 0} distinct rows held by ` +
        `winners in SQL, ${heldByWinners}/${winners.length} winners still named on their row`,
    );

    const latencies = results.map((r) => r.ms);
    return {
      claims,
      capacity,
      winners: winners.length,
      doubleAllocations: Math.max(fromResults, fromSql),
      doubleAllocationsFromResults: fromResults,
      doubleAllocationsFromSql: fromSql,
      pool,
      p50ClaimMs: round(percentile(latencies, 50)),
      p99ClaimMs: round(percentile(latencies, 99)),
      durationMs: Math.round(durationMs),
    };
  },
});
