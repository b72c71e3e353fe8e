/**
 * `npm run bench -- dispatch`: automatic dispatch by rule (自动派工, REQ: WO-4) under load. D work orders are
 * created (POST /api/v1/work-orders, as store01) and accepted (POST /api/v1/work-orders/{id}/steps
 * {action:'accept'}, as dispatch01) through the real HTTP API (Fastify on a free port, `fetch`); each
 * acceptance gives the work-order workflow its chance to ask `chooseAssignee` and dispatch by the seeded
 * rules. Half the work orders are in territory Xicheng (the territory rule: least-loaded Xidan staff), half
 * need the terminal skill (the skill rule: least-loaded of tech02, tech04, tech06), so both least-load paths
 * and the load query run against a growing read model.
 *
 * Load model: C lanes each create and accept a work order, then take the next one (closed loop on the API).
 * One watcher polls the read model (`work_orders`, one query every --pollMs for all pending IDs) and notes
 * when each shows an assignee. Dispatch latency = seen dispatched − the accept answer received (so it covers
 * the rule choice, the dispatch step and its read-model write, plus up to --pollMs of polling granularity).
 * Throughput = dispatched / (first create → last dispatch seen); acceptedPerSec (accepted / first create →
 * last accept answered) shows whether dispatch kept up with the API or the API set the pace. Work orders not
 * dispatched --waitSec after the last acceptance count as undispatched. A dispatched (and an undispatched)
 * work order is read back through GET /api/v1/work-orders/{id}: the rule named in its timeline.
 *
 * Flags (defaults): --orders 1000, --concurrency 20, --pollMs 20, --waitSec 60, --pool 10 (PostgreSQL
 * connections of API and worker).
 */
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { inArray } from 'drizzle-orm';
import { seedDemoData } from '../db/seed';
import { workOrders } from '../db/schema';
import { percentile, progress, requireIntegers, round, runPool } from './measure';
import { defineBenchmark } from './runner';

const TASK_QUEUE = 'bench-dispatch';

interface Tracked {
  acceptedAt: number;
  dispatchedAt: number | null;
  assigneeId: string | null;
}

/** Work order i: Xicheng (territory rule) or terminal skill (skill rule), alternately. */
const workOrderBody = (i: number): string =>
  JSON.stringify({
    category: i % 2 === 0 ? 'broadbandRepair' : 'terminalSupport',
    priority: 'P3',
    title: `压测工单 Bench work order ${i}`,
    description: '宽带或终端故障 Broadband or terminal fault',
    customer: { name: `客户 Customer ${i}`, msisdn: '13900100005' },
    ...(i % 2 === 0 ? { territory: 'Xicheng' } : { territory: 'Chaoyang', requiredSkill: 'terminal' }),
  });

export const dispatch = defineBenchmark({
  name: 'dispatch',
  about: 'D work orders created and accepted through the API, dispatched by rule: p99DispatchMs',
  flags: { orders: 1_000, concurrency: 20, pollMs: 20, waitSec: 60, pool: 10 },
  check: (flags) => requireIntegers(flags),
  headline: ['dispatched', 'dispatchedPerSec', 'p50DispatchMs', 'p99DispatchMs'],
  setUp: {
    kind: 'system',
    taskQueue: TASK_QUEUE,
    pool: (flags) => flags.pool,
    seed: async ({ db }, _flags, log) => {
      await seedDemoData(db);
      log('seeded the demo data: outlets, service staff, dispatch rules, operators');
    },
  },
  body: async ({ flags, log, db, baseUrl, login }) => {
    const { orders, concurrency, pollMs, waitSec } = flags;
    log(
      `${orders} work orders created and accepted through the API by ${concurrency} lanes; automatic dispatch ` +
        'by the seeded rules (territory Xicheng / terminal skill); worker, API and driver in this process',
    );
    const [creatorToken, dispatcherToken] = await Promise.all([login('store01'), login('dispatch01')]);
    log('signed in as store01 (creates) and dispatch01 (accepts) @ STORE-BJ-001');

    const tracked = new Map<string, Tracked>();
    const pending = new Set<string>();
    const run = randomBytes(4).toString('hex');
    let watching = true;
    const watcher = (async () => {
      while (watching) {
        if (pending.size > 0) {
          const rows = await db
            .select({ id: workOrders.id, assigneeId: workOrders.assigneeId })
            .from(workOrders)
            .where(inArray(workOrders.id, [...pending]));
          const now = performance.now();
          for (const row of rows) {
            const t = tracked.get(row.id);
            if (!t || !row.assigneeId) continue;
            Object.assign(t, { dispatchedAt: now, assigneeId: row.assigneeId });
            pending.delete(row.id);
          }
        }
        await sleep(pollMs);
      }
    })();
    const ticker = progress(
      log,
      () => `${tracked.size}/${orders} accepted, ${tracked.size - pending.size} dispatched`,
    );

    const t0 = performance.now();
    let acceptMs = 0;
    try {
      await runPool(orders, concurrency, async (i) => {
        const created = await fetch(`${baseUrl}/api/v1/work-orders`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${creatorToken}`,
            'content-type': 'application/json',
            'idempotency-key': `bench-dispatch-${run}-${i}`,
          },
          body: workOrderBody(i),
        });
        const createdText = await created.text();
        if (created.status !== 202) throw new Error(`create → ${created.status} ${createdText}`);
        const { id } = JSON.parse(createdText) as { id: string };
        const accepted = await fetch(`${baseUrl}/api/v1/work-orders/${encodeURIComponent(id)}/steps`, {
          method: 'POST',
          headers: { authorization: `Bearer ${dispatcherToken}`, 'content-type': 'application/json' },
          body: JSON.stringify({ action: 'accept' }),
        });
        const acceptedText = await accepted.text();
        if (accepted.status !== 200) throw new Error(`accept ${id} → ${accepted.status} ${acceptedText}`);
        tracked.set(id, { acceptedAt: performance.now(), dispatchedAt: null, assigneeId: null });
        pending.add(id);
      });
      acceptMs = performance.now() - t0;
      log(`all ${orders} accepted in ${round(acceptMs / 1000, 2)} s; waiting for dispatch`);
      const deadline = performance.now() + waitSec * 1_000;
      while (pending.size > 0 && performance.now() < deadline) await sleep(pollMs);
    } finally {
      watching = false;
      await watcher;
      ticker.stop();
    }

    const done = [...tracked.values()].filter((t) => t.dispatchedAt !== null);
    const latencies = done.map((t) => (t.dispatchedAt ?? 0) - t.acceptedAt);
    const lastSeen = Math.max(t0, ...done.map((t) => t.dispatchedAt ?? 0));
    const totalMs = lastSeen - t0;
    const byAssignee = new Map<string, number>();
    for (const t of done) byAssignee.set(t.assigneeId ?? '-', (byAssignee.get(t.assigneeId ?? '-') ?? 0) + 1);
    const spread = [...byAssignee.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([id, n]) => `${id}:${n}`)
      .join(' ');
    log(`${done.length} dispatched, ${pending.size} not; by assignee: ${spread}`);

    // Read back through the API: the rule named on a dispatched one, what happened to an undispatched one.
    const [dispatchedId] = [...tracked.keys()].filter((id) => !pending.has(id));
    const [undispatchedId] = pending;
    for (const id of [dispatchedId, undispatchedId]) {
      if (!id) continue;
      const res = await fetch(`${baseUrl}/api/v1/work-orders/${encodeURIComponent(id)}`, {
        headers: { authorization: `Bearer ${dispatcherToken}` },
      });
      const view = (await res.json()) as {
        status: string;
        assigneeId: string | null;
        timeline: { action: string; actor: string; details: Record<string, unknown> }[];
      };
      const steps = view.timeline.map((e) =>
        e.actor === 'system' ? `${e.action} by system ${JSON.stringify(e.details)}` : e.action,
      );
      log(`GET ${id}: ${view.status}, assignee ${view.assigneeId ?? '-'}; timeline: ${steps.join(' → ')}`);
    }

    return {
      orders,
      concurrency,
      dispatched: done.length,
      undispatched: orders - done.length,
      dispatchedPerSec: round(done.length / (totalMs / 1000), 1),
      acceptedPerSec: round(tracked.size / (acceptMs / 1000), 1),
      p50DispatchMs: Math.round(percentile(latencies, 50)),
      p99DispatchMs: Math.round(percentile(latencies, 99)),
      maxDispatchMs: Math.round(Math.max(0, ...latencies)),
      totalSec: round(totalMs / 1000, 2),
      pollMs,
      byAssignee: spread,
      workerInProcess: true,
    };
  },
});
