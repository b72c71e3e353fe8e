/**
 * `npm run bench -- grab`: self-grab (抢单, REQ: WO-4 "exactly one grabber wins") under contention. W work
 * orders are created (store01) and accepted (dispatch01) through the real HTTP API (Fastify on a free port,
 * `fetch`), then each is grabbed by G service staff at once; a worker in this process runs the work-order
 * workflows against Temporal and PostgreSQL.
 *
 * Set-up: the demo data, every dispatch rule disabled (nothing is dispatched automatically, so every work
 * order waits to be grabbed), and G extra service staff `grab01…` at the Xidan outlet, each signed in with
 * their own token.
 *
 * Load model: closed loop. C lanes each take a work order through create → accept → G concurrent grabs,
 * then the next one. Every grab answer is checked: 200 (the winner) or 409 AlreadyGrabbed naming the winner;
 * anything else is counted in `otherAnswers`. At the end the read model is checked too: each work order is
 * dispatched to its winner, with exactly one `grab` event on its timeline.
 *
 * Figures: winnersMin / winnersMax (200s per work order; both must be 1), allExactlyOne (every work order had
 * exactly one winner, every loser was told AlreadyGrabbed with the winner's name, and the read model agrees),
 * p50GrabMs / p99GrabMs (one grab request, winners and losers alike), totalSec (first create → last grab
 * answer), grabsPerSec.
 *
 * Flags (defaults): --orders 200, --grabbers 20, --concurrency 4 (work orders in flight), --pool 10
 * (PostgreSQL connections of API and worker).
 */
import bcrypt from 'bcryptjs';
import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { DEMO_PASSWORD, seedDemoData } from '../db/seed';
import {
  dispatchRules,
  operatorChannels,
  operators,
  staffProfiles,
  workOrderEvents,
  workOrders,
} from '../db/schema';
import { percentile, progress, requireIntegers, round, runPool } from './measure';
import { defineBenchmark } from './runner';

const TASK_QUEUE = 'bench-grab';
const OUTLET = 'OUT-BJ-XD';

export const grab = defineBenchmark({
  name: 'grab',
  about: 'W work orders each grabbed by G staff at once through the API: exactly one winner, p99GrabMs',
  flags: { orders: 200, grabbers: 20, concurrency: 4, pool: 10 },
  check: (flags) => {
    requireIntegers(flags);
    if (flags.grabbers > 99) throw new Error('--grabbers must be at most 99');
  },
  headline: ['allExactlyOne', 'p50GrabMs', 'p99GrabMs', 'grabsPerSec'],
  setUp: {
    kind: 'system',
    taskQueue: TASK_QUEUE,
    pool: (flags) => flags.pool,
    seed: async ({ db }, { grabbers }, log) => {
      await seedDemoData(db);
      await db.update(dispatchRules).set({ enabled: false });
      const staff = await seedGrabbers(db, grabbers);
      log(`seeded the demo data and ${grabbers} service staff at ${OUTLET}; dispatch rules disabled`);
      return staff;
    },
  },
  body: async ({ flags, log, db, baseUrl, login, seeded: staff }) => {
    const { orders, grabbers, concurrency } = flags;
    log(
      `${orders} work orders, each grabbed by ${grabbers} service staff at once, ${concurrency} work orders ` +
        'in flight; worker, API and driver in this process',
    );
    const [creator, dispatcher] = [await login('store01'), await login('dispatch01')];
    const tokens = new Map<string, string>();
    for (const id of staff) tokens.set(id, await login(id));
    log(`signed in store01, dispatch01 and ${staff.length} grabbers`);

    const post = async (token: string, path: string, body: object, key?: string) => {
      const res = await fetch(`${baseUrl}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          ...(key ? { 'idempotency-key': key } : {}),
        },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };

    const grabMs: number[] = [];
    const winners = new Map<string, string[]>();
    let otherAnswers = 0;
    let wrongLoserMessages = 0;
    let done = 0;
    const run = async (n: number) => {
      const created = await post(creator, '/api/v1/work-orders', workOrderBody(n), `bench-grab-${n}`);
      if (created.status !== 202)
        throw new Error(`create answered ${created.status}: ${JSON.stringify(created.body)}`);
      const id = String(created.body.id);
      const steps = `/api/v1/work-orders/${encodeURIComponent(id)}/steps`;
      const accepted = await post(dispatcher, steps, { action: 'accept' });
      if (accepted.status !== 200) throw new Error(`accept answered ${accepted.status}`);
      const answers = await Promise.all(
        staff.map(async (grabber) => {
          const started = performance.now();
          const answer = await post(tokens.get(grabber) ?? '', steps, { action: 'grab' });
          grabMs.push(performance.now() - started);
          return answer;
        }),
      );
      const won = answers.filter((a) => a.status === 200).map((a) => String(a.body.assigneeId));
      winners.set(id, won);
      for (const a of answers) {
        if (a.status === 200) continue;
        if (a.status !== 409 || a.body.code !== 'AlreadyGrabbed') otherAnswers++;
        else if (won.length !== 1 || !String(a.body.message).includes(`taken by ${won[0] ?? ''}`))
          wrongLoserMessages++;
      }
      done++;
    };

    const started = performance.now();
    const ticker = progress(log, () => `${done}/${orders} work orders grabbed`);
    try {
      await runPool(orders, concurrency, run);
    } finally {
      ticker.stop();
    }
    const totalSec = (performance.now() - started) / 1000;

    const counts = [...winners.values()].map((w) => w.length);
    const readModelAgrees = await checkReadModel(db, winners);
    log(`read model: ${readModelAgrees ? 'each work order dispatched to its one winner' : 'DISAGREES'}`);
    return {
      orders,
      grabbersPerOrder: grabbers,
      winnersMin: Math.min(...counts),
      winnersMax: Math.max(...counts),
      allExactlyOne:
        counts.length === orders &&
        counts.every((c) => c === 1) &&
        otherAnswers === 0 &&
        wrongLoserMessages === 0 &&
        readModelAgrees,
      otherAnswers,
      p50GrabMs: round(percentile(grabMs, 50)),
      p99GrabMs: round(percentile(grabMs, 99)),
      totalSec: round(totalSec, 2),
      grabsPerSec: round(grabMs.length / totalSec),
    };
  },
});

/** A work order nobody is dispatched to by rule: no territory, no skill. */
function workOrderBody(n: number): object {
  return {
    category: 'networkFault',
    priority: 'P2',
    title: `信号差 Weak signal #${n}`,
    description: 'Weak signal indoors since yesterday.',
    customer: { name: `客户 ${n}`, msisdn: `1380010${String(n % 10_000).padStart(4, '0')}` },
  };
}

/** `count` service staff grab01… at the Xidan outlet, signed in through STORE-BJ-001. */
async function seedGrabbers(db: Db, count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, (_, i) => `grab${String(i + 1).padStart(2, '0')}`);
  const passwordHash = await bcrypt.hash(DEMO_PASSWORD, 10);
  await db.insert(operators).values(
    ids.map((id): typeof operators.$inferInsert => ({
      id,
      name: `抢单员 ${id}`,
      passwordHash,
      roles: ['serviceStaff'],
    })),
  );
  await db
    .insert(operatorChannels)
    .values(ids.map((operatorId) => ({ operatorId, channelCode: 'STORE-BJ-001' })));
  await db.insert(staffProfiles).values(ids.map((operatorId) => ({ operatorId, outletCode: OUTLET })));
  return ids;
}

/** Each work order is dispatched to its one winner in the read model, with exactly one `grab` event. */
async function checkReadModel(db: Db, winners: Map<string, string[]>): Promise<boolean> {
  const ids = [...winners.keys()];
  const rows = await db
    .select({ id: workOrders.id, status: workOrders.status, assigneeId: workOrders.assigneeId })
    .from(workOrders)
    .where(inArray(workOrders.id, ids));
  const grabs = await db
    .select({ id: workOrderEvents.workOrderId, n: sql<number>`count(*)::int` })
    .from(workOrderEvents)
    .where(eq(workOrderEvents.action, 'grab'))
    .groupBy(workOrderEvents.workOrderId);
  const grabCount = new Map(grabs.map((g) => [g.id, g.n]));
  return (
    rows.length === ids.length &&
    rows.every(
      (r) =>
        r.status === 'dispatched' &&
        winners.get(r.id)?.length === 1 &&
        r.assigneeId === winners.get(r.id)?.[0] &&
        grabCount.get(r.id) === 1,
    )
  );
}
