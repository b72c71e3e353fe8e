/**
 * `npm run bench -- grace-timers`: G pre-cancellations (预销号) through the real HTTP API that then wait in
 * their grace (the default 3 calendar months: a durable timer each), to see what many long-waiting workflows
 * cost and how fast they are started and revoked (REQ: PC-5, PC-6).
 *
 * G + W active lines are seeded straight into the database first (customers, numbers, SIMs, lines and three
 * months of bills; every fourth line has international roaming, so its order also takes the extra deposit,
 * PC-4). Warm-up: W of them are pre-cancelled and revoked at once, the way the G are below, so the API, the
 * activities, the workflow thread and Core have run every path of the business and grown their working set
 * before the baseline is read; a revoked order has ended and is no longer in the worker's cache. Then, in a
 * closed loop of C lanes, each of the G lines is pre-cancelled (POST /api/v1/orders as manager01 at the
 * designated outlet), a lane's next line once its last order waits at step `waitingForGraceEnd` in the orders
 * table (or ended), so at most C orders are on their way at once, as with C clerks; `startedPerSec` = G /
 * (first POST → all G orders in their grace). (Lanes used to post without waiting: thousands of orders were
 * then on their way at once, more than the worker's cache holds, and both speed and memory measured that
 * backlog.) Memory is read after the warm-up (`workerRssBeforeMb`) and while all G wait (`workerRssMb`):
 * the RSS of this process (worker, API, simulators and driver), each right after a full garbage collection of
 * its main JavaScript heap (the workflow thread's heap cannot be collected from here; it is read as it is), and
 * `temporalRssMb` of the dev server (VmRSS). `workerRssPerCachedKb` is the growth of `workerRssMb` ÷
 * `cachedWorkflows` (min(in grace, WORKER_MAX_CACHED_WORKFLOWS)). Finally every order is revoked by its
 * holder's document (POST /api/v1/orders/{id}/cancel, C lanes; each answers once service is restored):
 * `revokedPerSec` = G / (first → last answer); `linesActiveAfter` counts the G lines active again.
 *
 * Up to the warm-up and the collections the baseline was read before the first order, without a collection,
 * so the growth also held the working set of serving G orders (the API's and activities' heaps, the young
 * generation grown to its size under load, malloc's arenas) and whatever garbage the main heap carried at the
 * reading: costs of traffic, not of a waiting order. That growth, from before the warm-up (collected), is still
 * reported as `workerRssPerCachedFromStartKb`. The start phase gives up when no order reached the grace or
 * ended for two minutes (it used to give up 10 minutes after the last POST, too soon for G = 20,000).
 *
 * Flags (defaults): --g 2000, --warmup 100 (W; 0: the baseline is read before any order), --concurrency 50,
 * --pool 10 (PostgreSQL connections of API and worker).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { and, count, eq, inArray, like, or } from 'drizzle-orm';
import type { Db } from '../db/client';
import { bills, customers, numbers, orders, simCards, subscribers } from '../db/schema';
import { seedAccessAndCatalogue } from '../db/seed';
import { terminalStatuses } from '../domain/orders';
import { cpuMeter, describeSplit } from './cpu';
import { percentile, progress, requireIntegers, round, rssMb, runPool, type Log } from './measure';
import { defineBenchmark } from './runner';
import { RAISED_RATE_LIMITS } from './set-up';

const QUEUE = 'bench-grace';

/** The measured lines and the warm-up lines: number prefixes and document series apart. */
const MEASURED: LineSeries = { msisdnPrefix: '1370', idPrefix: '1101011990', simSeries: '00' };
const WARM_UP: LineSeries = { msisdnPrefix: '1371', idPrefix: '1101011991', simSeries: '01' };

/** Orders stop counting as "on their way" when none reached the grace or ended for this long. */
const STALL_MS = 120_000;

export const graceTimers = defineBenchmark({
  name: 'grace-timers',
  about: 'G pre-cancellations waiting in a 3-month grace: start rate, worker and server memory, revoke rate',
  flags: { g: 2000, warmup: 100, concurrency: 50, pool: 10 },
  check: (flags) => {
    requireIntegers(flags, { warmup: 0 });
    if (flags.g > 9_999_999 || flags.warmup > 9_999_999)
      throw new Error('--g and --warmup must be below 10,000,000');
  },
  headline: ['startedPerSec', 'workerRssMb', 'workerRssPerCachedKb', 'revokedPerSec', 'linesActiveAfter'],
  // No PRE_CANCEL_GRACE_SECONDS: the grace is the real default of 3 calendar months.
  setUp: {
    kind: 'system',
    taskQueue: QUEUE,
    pool: (flags) => flags.pool,
    config: () => RAISED_RATE_LIMITS,
    seed: async ({ db }, { g, warmup }, log) => {
      await seedAccessAndCatalogue(db);
      const seedStarted = Date.now();
      const lines = await seedLines(db, g, MEASURED);
      const warmUpLines = await seedLines(db, warmup, WARM_UP);
      log(
        `seeded ${g} + ${warmup} (warm-up) active lines with customers, numbers, SIMs and bills in ` +
          `${Date.now() - seedStarted} ms`,
      );
      return { lines, warmUpLines };
    },
  },
  body: async ({ flags, log, db, config, baseUrl, login, temporalPid, seeded }) => {
    const { g, warmup, concurrency, pool } = flags;
    const token = await login('manager01');
    log(`worker on "${QUEUE}", API on ${baseUrl}, signed in as manager01 @ STORE-BJ-001`);
    const run = orderRunner({ baseUrl, token, db, log, concurrency });

    // As read before the warm-up (before any order), for comparison with figures taken that way.
    const first = rssAfterGc();
    // Warm-up: the same business on other lines, ended again, so the baseline has nothing cached.
    if (warmup > 0) {
      const warm = await run.preCancelAll(seeded.warmUpLines, 'bench-warm');
      const undone = await run.revokeAll(warm.ids, warm.lineOf);
      log(`warm-up: ${warm.inGrace}/${warmup} in grace, ${undone.revoked} revoked again`);
      await sleep(2_000);
    }
    const before = { worker: rssAfterGc(), temporal: rssMb(temporalPid) };
    log(
      `RSS before: this process ${before.worker} MB (${first} MB before the warm-up), ` +
        `Temporal dev server ${before.temporal} MB`,
    );

    // Phase 1: start G pre-cancellations and wait until every one waits in its grace.
    const startCpu = cpuMeter();
    const started = await run.preCancelAll(seeded.lines, 'bench-grace');
    const startCpuMs = startCpu.stop();
    log(
      `${started.inGrace}/${g} in grace after ${Math.round(started.durationMs)} ms ` +
        `(${started.ended} ended early); ${Math.round(startCpuMs / g)} ms of CPU each ` +
        `(${describeSplit(startCpu.split(), g)})`,
    );

    // Memory while all wait; a short pause lets the last tasks and projections settle.
    await sleep(2_000);
    const during = { worker: rssAfterGc(), temporal: rssMb(temporalPid) };
    log(
      `RSS with ${started.inGrace} waiting: this process ${during.worker} MB, dev server ${during.temporal} MB`,
    );

    // Phase 2: revoke every pre-cancellation (PC-6).
    const revokeCpu = cpuMeter();
    const revoked = await run.revokeAll(started.ids, started.lineOf);
    const revokeCpuMs = revokeCpu.stop();
    const [active] = await db
      .select({ n: count() })
      .from(subscribers)
      .where(and(like(subscribers.msisdn, `${MEASURED.msisdnPrefix}%`), eq(subscribers.status, 'active')));
    log(
      `${revoked.revoked} revoked in ${Math.round(revoked.durationMs)} ms, ${revoked.failed} failed; ` +
        `${active?.n ?? 0}/${g} lines active again; ${Math.round(revokeCpuMs / g)} ms of CPU each ` +
        `(${describeSplit(revokeCpu.split(), g)})`,
    );

    const cached = Math.min(started.inGrace, config.WORKER_MAX_CACHED_WORKFLOWS);
    return {
      g,
      warmup,
      concurrency,
      inGrace: started.inGrace,
      endedEarly: started.ended,
      startedPerSec: round((started.inGrace / started.durationMs) * 1000, 1),
      startDurationMs: Math.round(started.durationMs),
      // CPU milliseconds of the whole tree (this process, PostgreSQL, Temporal) per pre-cancellation started.
      startCpuMsPerOrder: Math.round(startCpuMs / g),
      workerRssMb: during.worker,
      temporalRssMb: during.temporal,
      workerRssBeforeMb: before.worker,
      // Workflows the worker can keep cached; the RSS growth per one of them (KB) is what a waiting order costs.
      cachedWorkflows: cached,
      workerRssPerCachedKb: Math.round(((during.worker - before.worker) * 1_024) / Math.max(1, cached)),
      // The same growth from before the warm-up (how it was measured before): traffic's working set included.
      workerRssBeforeWarmUpMb: first,
      workerRssPerCachedFromStartKb: Math.round(((during.worker - first) * 1_024) / Math.max(1, cached)),
      temporalRssBeforeMb: before.temporal,
      revoked: revoked.revoked,
      revokeFailed: revoked.failed,
      revokedPerSec: round((revoked.revoked / revoked.durationMs) * 1000, 1),
      revokeCpuMsPerOrder: Math.round(revokeCpuMs / g),
      p50RevokeMs: round(percentile(revoked.revokeMs, 50)),
      p99RevokeMs: round(percentile(revoked.revokeMs, 99)),
      linesActiveAfter: active?.n ?? 0,
      dbPool: pool,
    };
  },
});

/**
 * RSS of this process in MB right after a full collection of its main heap: what is left is held, not
 * garbage waiting for the next collection. `gc` is exposed at run time, as `--expose-gc` would.
 */
function rssAfterGc(): number {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  return rssMb(null);
}

/** Pre-cancels lines and revokes orders through the API, C lanes at a time, and follows them in the orders table. */
function orderRunner(options: { baseUrl: string; token: string; db: Db; log: Log; concurrency: number }) {
  const { baseUrl, token, db, log, concurrency } = options;
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

  return {
    /**
     * Pre-cancels every line (idempotency keys `<keyPrefix>-<i>`) and waits until each order is in its grace
     * or has ended; gives up when none moves for two minutes.
     */
    async preCancelAll(lines: readonly BenchLine[], keyPrefix: string) {
      const ids: string[] = [];
      /** Each order's line: its holder shows the same document again to revoke (PC-6). */
      const lineOf = new Map<string, BenchLine>();
      const errors: string[] = [];
      const counts = { waiting: 0, ended: 0 };
      const ticker = progress(
        log,
        () =>
          `${keyPrefix}: ${ids.length}/${lines.length} submitted, ${counts.waiting} in grace, ` +
          `${counts.ended} ended early`,
      );
      const t0 = performance.now();
      let durationMs: number;
      const arrivals = settledOrders(db, counts);
      try {
        // A lane's next order goes in once its last one waits in its grace (or ended), as a clerk's would: at
        // most C orders are on their way at once, so the worker keeps them cached rather than thrashing
        // through a backlog of thousands.
        await runPool(lines.length, concurrency, async (i) => {
          const line = lines[i] ?? { msisdn: '', idNumber: '' };
          const res = await post('/api/v1/orders', preCancellationBody(line), `${keyPrefix}-${i}`);
          const text = await res.text();
          if (res.status !== 202) {
            errors.push(`POST → ${res.status} ${text}`);
            return;
          }
          const { id } = JSON.parse(text) as { id: string };
          ids.push(id);
          lineOf.set(id, line);
          await arrivals.settled(id);
        });
        durationMs = performance.now() - t0;
      } finally {
        await arrivals.stop();
        ticker.stop();
      }
      for (const e of errors.slice(0, 3)) log(`  e.g. ${e}`);
      return { ids, lineOf, inGrace: counts.waiting, ended: counts.ended, durationMs };
    },

    /** Revokes every order by its holder's document (PC-6); each answers once service is restored. */
    async revokeAll(ids: readonly string[], lineOf: ReadonlyMap<string, BenchLine>) {
      const revokeMs: number[] = [];
      const errors: string[] = [];
      const ticker = progress(log, () => `revoke: ${revokeMs.length}/${ids.length} revoked`);
      const t0 = performance.now();
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
          else errors.push(`cancel ${id} → ${res.status} ${text}`);
        });
      } finally {
        ticker.stop();
      }
      for (const e of errors.slice(-3)) log(`  e.g. ${e}`);
      return {
        revoked: revokeMs.length,
        failed: errors.length,
        revokeMs,
        durationMs: performance.now() - t0,
      };
    },
  };
}

interface BenchLine {
  msisdn: string;
  idNumber: string;
}

/** Numbers, owners' documents and SIMs of one set of lines, apart from any other set's. */
interface LineSeries {
  msisdnPrefix: string;
  idPrefix: string;
  /** Two digits in the ICCID and IMSI, before the line's serial. */
  simSeries: string;
}

/** `g` active lines, each with its owner, number, SIM and three months of bills, inserted in batches. */
async function seedLines(db: Db, g: number, series: LineSeries): Promise<BenchLine[]> {
  const lines = Array.from({ length: g }, (_, i) => ({
    i,
    msisdn: `${series.msisdnPrefix}${String(i).padStart(7, '0')}`,
    idNumber: `${series.idPrefix}${String(i).padStart(8, '0')}`,
    serial: `${series.simSeries}${String(i).padStart(7, '0')}`,
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
      .values(
        batch.map((l) => ({ msisdn: l.msisdn, segment: series.msisdnPrefix, status: 'inUse' as const })),
      );
    await db.insert(simCards).values(
      batch.map((l) => ({
        iccid: `8986003000${l.serial}`,
        imsi: `460003${l.serial}`,
        status: 'inUse' as const,
        msisdn: l.msisdn,
      })),
    );
    await db.insert(subscribers).values(
      batch.map((l) => ({
        msisdn: l.msisdn,
        customerId: `CUST-BENCH-${l.msisdn}`,
        iccid: `8986003000${l.serial}`,
        imsi: `460003${l.serial}`,
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

/**
 * Follows the orders the lanes wait for in the orders table, ten times a second: `settled(id)` resolves once
 * the order waits in its grace or has ended (rejected or failed); `counts` adds them up. Every waiting lane
 * fails when none of the orders followed moved for two minutes.
 */
function settledOrders(db: Db, counts: { waiting: number; ended: number }) {
  const followed = new Map<string, { resolve: () => void; reject: (err: Error) => void }>();
  const ended: readonly string[] = terminalStatuses;
  /** Once set, every lane still waiting and every later one fails with it. */
  let failure: Error | null = null;
  const failAll = (err: Error) => {
    failure ??= err;
    for (const lane of followed.values()) lane.reject(err);
    followed.clear();
  };
  let lastMove = Date.now();
  const poll = async () => {
    while (!failure) {
      await sleep(100);
      const ids = [...followed.keys()];
      if (ids.length === 0) {
        lastMove = Date.now();
        continue;
      }
      const rows = await db
        .select({ id: orders.id, status: orders.status })
        .from(orders)
        .where(
          and(
            inArray(orders.id, ids),
            or(eq(orders.step, 'waitingForGraceEnd'), inArray(orders.status, [...terminalStatuses])),
          ),
        );
      for (const row of rows) {
        if (ended.includes(row.status)) counts.ended++;
        else counts.waiting++;
        followed.get(row.id)?.resolve();
        followed.delete(row.id);
      }
      if (rows.length > 0) lastMove = Date.now();
      else if (Date.now() - lastMove > STALL_MS) {
        failAll(new Error(`${ids.length} orders not in grace, none moved for 2 min`));
      }
    }
  };
  // A failed look-up fails the lanes waiting on it rather than leaving them waiting.
  const polling = poll().catch((err: unknown) =>
    failAll(err instanceof Error ? err : new Error(String(err))),
  );
  return {
    settled: (id: string) =>
      new Promise<void>((resolve, reject) => {
        if (failure) reject(failure);
        else followed.set(id, { resolve, reject });
      }),
    /** Ends the following; a lane still waiting (another lane failed the pool) fails rather than hangs. */
    stop: async () => {
      failAll(new Error('no longer following the orders'));
      await polling;
    },
  };
}
