/**
 * `npm run bench -- grace-timers`: G pre-cancellations (预销号) through the real HTTP API that then wait in
 * their grace (the default 3 calendar months: a durable timer each), to see what many long-waiting workflows
 * cost and how fast they are started and revoked (REQ: PC-5, PC-6).
 *
 * G active lines are seeded straight into the database first (customers, numbers, SIMs, lines and three
 * months of bills; every fourth line has international roaming, so its order also takes the extra deposit,
 * PC-4). Then, in a closed loop of C lanes, each line is pre-cancelled (POST /api/v1/orders as manager01 at
 * the designated outlet); `startedPerSec` = G / (first POST → all G orders at step `waitingForGraceEnd` in
 * the orders table). Memory is read while all G wait: `workerRssMb` of this process (worker, API and
 * driver) and `temporalRssMb` of the dev server (VmRSS), each also before the run; `workerRssPerCachedKb` is
 * the growth of `workerRssMb` ÷ `cachedWorkflows` (min(in grace, WORKER_MAX_CACHED_WORKFLOWS)). Finally every
 * order is revoked by its holder's document (POST /api/v1/orders/{id}/cancel, C lanes; each answers once
 * service is restored): `revokedPerSec` = G / (first → last answer).
 *
 * Flags (defaults): --g 2000, --concurrency 50, --pool 10 (PostgreSQL connections of API and worker).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { and, count, eq, inArray, like } from 'drizzle-orm';
import type { Db } from '../db/client';
import { bills, customers, numbers, orders, simCards, subscribers } from '../db/schema';
import { seedAccessAndCatalogue } from '../db/seed';
import { terminalStatuses } from '../domain/orders';
import { percentile, progress, requireIntegers, round, rssMb, runPool } from './measure';
import { defineBenchmark } from './runner';
import { RAISED_RATE_LIMITS } from './set-up';

const QUEUE = 'bench-grace';
const MSISDN_PREFIX = '1370';

export const graceTimers = defineBenchmark({
  name: 'grace-timers',
  about: 'G pre-cancellations waiting in a 3-month grace: start rate, worker and server memory, revoke rate',
  flags: { g: 2000, concurrency: 50, pool: 10 },
  check: (flags) => {
    requireIntegers(flags);
    if (flags.g > 9_999_999) throw new Error('--g must be below 10,000,000');
  },
  headline: ['startedPerSec', 'workerRssMb', 'workerRssPerCachedKb', 'revokedPerSec', 'linesActiveAfter'],
  // No PRE_CANCEL_GRACE_SECONDS: the grace is the real default of 3 calendar months.
  setUp: {
    kind: 'system',
    taskQueue: QUEUE,
    pool: (flags) => flags.pool,
    config: () => RAISED_RATE_LIMITS,
    seed: async ({ db }, { g }, log) => {
      await seedAccessAndCatalogue(db);
      const seedStarted = Date.now();
      const lines = await seedLines(db, g);
      log(
        `seeded ${g} active lines with customers, numbers, SIMs and bills in ${Date.now() - seedStarted} ms`,
      );
      return lines;
    },
  },
  body: async ({ flags, log, db, config, baseUrl, login, temporalPid, seeded: lines }) => {
    const { g, concurrency, pool } = flags;
    const token = await login('manager01');
    log(`worker on "${QUEUE}", API on ${baseUrl}, signed in as manager01 @ STORE-BJ-001`);

    const before = { worker: rssMb(null), temporal: rssMb(temporalPid) };
    log(`RSS before: this process ${before.worker} MB, Temporal dev server ${before.temporal} MB`);

    const post = (path: string, body: unknown, key?: string) =>
      fetch(`${baseUrl}${path}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          ...(key ? { 'idempotency-key': key } : {}),
        },
        body: JSON.stringify(body),
      });

    // Phase 1: start G pre-cancellations and wait until every one waits in its grace.
    const ids: string[] = [];
    /** Each order's line: its holder shows the same document again to revoke (PC-6). */
    const lineOf = new Map<string, BenchLine>();
    const errors: string[] = [];
    let submitted = 0;
    const counts = { waiting: 0, ended: 0 };
    const ticker = progress(
      log,
      () => `start: ${submitted}/${g} submitted, ${counts.waiting} in grace, ${counts.ended} ended early`,
    );
    const t0 = performance.now();
    let startMs: number;
    try {
      await runPool(g, concurrency, async (i) => {
        const line = lines[i] ?? { msisdn: '', idNumber: '' };
        const res = await post('/api/v1/orders', preCancellationBody(line), `bench-grace-${i}`);
        const text = await res.text();
        if (res.status !== 202) {
          errors.push(`POST → ${res.status} ${text}`);
          return;
        }
        const { id } = JSON.parse(text) as { id: string };
        ids.push(id);
        lineOf.set(id, line);
        submitted++;
      });
      const deadline = Date.now() + 600_000;
      for (;;) {
        Object.assign(counts, await orderCounts(db));
        if (counts.waiting + counts.ended >= submitted) break;
        if (Date.now() > deadline)
          throw new Error(`only ${counts.waiting}/${submitted} in grace after 10 min`);
        await sleep(100);
      }
      startMs = performance.now() - t0;
    } finally {
      ticker.stop();
    }
    log(`${counts.waiting}/${g} in grace after ${Math.round(startMs)} ms (${counts.ended} ended early)`);
    for (const e of errors.slice(0, 3)) log(`  e.g. ${e}`);

    // Memory while all wait; a short pause lets the last tasks and projections settle.
    await sleep(2_000);
    const during = { worker: rssMb(null), temporal: rssMb(temporalPid) };
    log(
      `RSS with ${counts.waiting} waiting: this process ${during.worker} MB, dev server ${during.temporal} MB`,
    );

    // Phase 2: revoke every pre-cancellation (PC-6).
    const revokeMs: number[] = [];
    let revokeFailed = 0;
    const revokeTicker = progress(log, () => `revoke: ${revokeMs.length}/${ids.length} revoked`);
    const t1 = performance.now();
    try {
      await runPool(ids.length, concurrency, async (i) => {
        const id = ids[i] ?? '';
        const start = performance.now();
        const holder = lineOf.get(id) ?? { msisdn: '', idNumber: '' };
        const res = await post(`/api/v1/orders/${encodeURIComponent(id)}/cancel`, {
          reason: 'customer stays',
          identity: preCancellationBody(holder).identity,
        });
        const text = await res.text();
        if (res.status === 200) revokeMs.push(performance.now() - start);
        else {
          revokeFailed++;
          errors.push(`cancel ${id} → ${res.status} ${text}`);
        }
      });
    } finally {
      revokeTicker.stop();
    }
    const revokeDurationMs = performance.now() - t1;
    const [active] = await db
      .select({ n: count() })
      .from(subscribers)
      .where(and(like(subscribers.msisdn, `${MSISDN_PREFIX}%`), eq(subscribers.status, 'active')));
    log(
      `${revokeMs.length} revoked in ${Math.round(revokeDurationMs)} ms, ${revokeFailed} failed; ` +
        `${active?.n ?? 0}/${g} lines active again`,
    );
    for (const e of errors.slice(-3)) log(`  e.g. ${e}`);

    const cached = Math.min(counts.waiting, config.WORKER_MAX_CACHED_WORKFLOWS);
    return {
      g,
      concurrency,
      inGrace: counts.waiting,
      endedEarly: counts.ended,
      startedPerSec: round((counts.waiting / startMs) * 1000, 1),
      startDurationMs: Math.round(startMs),
      workerRssMb: during.worker,
      temporalRssMb: during.temporal,
      workerRssBeforeMb: before.worker,
      // Workflows the worker can keep cached; the RSS growth per one of them (KB) is what a waiting order costs.
      cachedWorkflows: cached,
      workerRssPerCachedKb: Math.round(((during.worker - before.worker) * 1_024) / Math.max(1, cached)),
      temporalRssBeforeMb: before.temporal,
      revoked: revokeMs.length,
      revokeFailed,
      revokedPerSec: round((revokeMs.length / revokeDurationMs) * 1000, 1),
      p50RevokeMs: round(percentile(revokeMs, 50)),
      p99RevokeMs: round(percentile(revokeMs, 99)),
      linesActiveAfter: active?.n ?? 0,
      dbPool: pool,
    };
  },
});

interface BenchLine {
  msisdn: string;
  idNumber: string;
}

/** G active lines, each with its owner, number, SIM and three months of bills, inserted in batches. */
async function seedLines(db: Db, g: number): Promise<BenchLine[]> {
  const lines = Array.from({ length: g }, (_, i) => ({
    i,
    msisdn: `${MSISDN_PREFIX}${String(i).padStart(7, '0')}`,
    idNumber: `1101011990${String(i).padStart(8, '0')}`,
    serial: String(i).padStart(7, '0'),
  }));
  const periods = [1, 2, 3].map((back) => {
    const d = new Date();
    d.setUTCDate(1);
    d.setUTCMonth(d.getUTCMonth() - back);
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  });
  for (let start = 0; start < g; start += 1_000) {
    const batch = lines.slice(start, start + 1_000);
    await db.insert(customers).values(
      batch.map((l) => ({
        id: `CUST-BENCH-${l.msisdn}`,
        orderId: `BENCH:${l.msisdn}`,
        kind: 'individual',
        name: `压测用户 Bench ${l.i}`,
        idType: 'idCard',
        idNumber: l.idNumber,
        address: '北京市东城区示例路 1 号',
        contactPhone: '01012345678',
        state: 'committed',
      })),
    );
    await db
      .insert(numbers)
      .values(batch.map((l) => ({ msisdn: l.msisdn, segment: MSISDN_PREFIX, status: 'inUse' as const })));
    await db.insert(simCards).values(
      batch.map((l) => ({
        iccid: `898600300000${l.serial}`,
        imsi: `46000300${l.serial}`,
        status: 'inUse' as const,
        msisdn: l.msisdn,
      })),
    );
    await db.insert(subscribers).values(
      batch.map((l) => ({
        msisdn: l.msisdn,
        customerId: `CUST-BENCH-${l.msisdn}`,
        iccid: `898600300000${l.serial}`,
        imsi: `46000300${l.serial}`,
        productCode: 'VOICE-58',
        internationalRoaming: l.i % 4 === 0,
        balanceFen: 5_000,
      })),
    );
    await db
      .insert(bills)
      .values(
        batch.flatMap((l) =>
          periods.map((period) => ({ msisdn: l.msisdn, period, amountFen: 4_000, paidFen: 4_000 })),
        ),
      );
  }
  return lines.map(({ msisdn, idNumber }) => ({ msisdn, idNumber }));
}

function preCancellationBody(line: BenchLine) {
  return {
    type: 'preCancellation',
    msisdn: line.msisdn,
    leavingReason: 'moving abroad',
    retention: { offer: 'other brand with priority number choice', accepted: false },
    identity: { presentedBy: 'holder', idType: 'idCard', idNumber: line.idNumber, originalShown: true },
    payment: { method: 'cash' },
  };
}

/** Pre-cancellations waiting in their grace, and those that ended before it (rejected or failed). */
async function orderCounts(db: Db): Promise<{ waiting: number; ended: number }> {
  const [waiting] = await db
    .select({ n: count() })
    .from(orders)
    .where(and(eq(orders.type, 'preCancellation'), eq(orders.step, 'waitingForGraceEnd')));
  const [ended] = await db
    .select({ n: count() })
    .from(orders)
    .where(and(eq(orders.type, 'preCancellation'), inArray(orders.status, [...terminalStatuses])));
  return { waiting: waiting?.n ?? 0, ended: ended?.n ?? 0 };
}
