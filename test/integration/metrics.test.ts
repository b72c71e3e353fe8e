import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addNotification } from '../../db/queries/notifications';
import { orders, subscribers } from '../../db/schema';
import { freePorts } from '../../infra/ports';
import { startHarness, startSignedInHarness, type Harness } from '../support/harness';
import { openAccountBody, submitOrder, waitForOrder } from '../support/orders';
import { newWorkOrder } from '../support/work-orders';

/**
 * The value of one sample of a Prometheus text exposition: the line of `name` whose labels include `labels`
 * (0 when there is none, as Prometheus reads a series not yet shown).
 */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)/.exec(line);
    if (!m || m[1] !== name) continue;
    const has = Object.entries(labels).every(([k, v]) => (m[2] ?? '').includes(`${k}="${v}"`));
    if (has) return Number(m[3]);
  }
  return 0;
}

async function scrape(h: Harness): Promise<string> {
  const res = await h.app.inject({ method: 'GET', url: '/metrics' });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
  return res.body;
}

describe('OPS: the API metrics at /metrics', () => {
  let h: Harness;
  let token: string;
  // Counted on every scrape, so each step of a test shows at once.
  beforeAll(
    async () => ({ h, token } = await startSignedInHarness({ config: { METRICS_CACHE_SECONDS: '0' } })),
  );
  afterAll(async () => h?.close());

  it('OPS: request rate and latency by route template, method and status, with the process metrics, without signing in', async () => {
    await h.app.inject({
      method: 'GET',
      url: '/api/v1/orders/no-such-order',
      headers: { authorization: `Bearer ${token}` },
    });
    const text = await scrape(h);
    expect(text).toContain('# TYPE http_request_duration_seconds histogram');
    expect(
      sample(text, 'http_request_duration_seconds_count', {
        method: 'GET',
        route: '/api/v1/orders/:id',
        status_code: '404',
      }),
    ).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'process_cpu_seconds_total')).toBeGreaterThan(0);
    expect(sample(text, 'om_business_metrics_up')).toBe(1);
    // The stock of the seeded demo data, per unit and state, as GET /api/v1/stock-levels counts it.
    expect(sample(text, 'om_stock_numbers', { state: 'unused' })).toBeGreaterThan(0);
    expect(sample(text, 'om_stock_sims', { state: 'available' })).toBeGreaterThan(0);
    expect(text).toContain('om_locks_held{kind="line"}');
    expect(text).toContain('om_sla_breaches_total{target="response"}');
    expect(text).toContain('om_bboss_overdue_alerts_total');
    // Every order type is shown from the start, so a rate begins with the first order.
    expect(text).toContain('om_orders_started_total{type="groupOpen"} 0');
  });

  it('OPS: an opened account moves the orders counters: started, then completed', async () => {
    const before = await scrape(h);
    const started = sample(before, 'om_orders_started_total', { type: 'openAccount' });
    const completed = sample(before, 'om_orders_completed_total', { type: 'openAccount' });
    const res = await submitOrder(h.app, token, openAccountBody());
    expect(res.statusCode, res.body).toBe(202);
    // Counted once the order's workflow has written it into the read model.
    await vi.waitFor(
      async () =>
        expect(sample(await scrape(h), 'om_orders_started_total', { type: 'openAccount' })).toBe(started + 1),
      { timeout: 20_000 },
    );
    const order = await waitForOrder(h.app, token, res.json<{ id: string }>().id);
    expect(order.status).toBe('completed');
    const after = await scrape(h);
    expect(sample(after, 'om_orders_started_total', { type: 'openAccount' })).toBe(started + 1);
    expect(sample(after, 'om_orders_completed_total', { type: 'openAccount' })).toBe(completed + 1);
  });

  it('OPS: a failed order moves the failed counter of its type', async () => {
    const failed = sample(await scrape(h), 'om_orders_failed_total', { type: 'openAccount' });
    const res = await submitOrder(h.app, token, openAccountBody({ productCode: 'NO-SUCH-PLAN' }));
    expect(res.statusCode, res.body).toBe(202);
    const order = await waitForOrder(h.app, token, res.json<{ id: string }>().id);
    expect(order.status).toBe('failed');
    expect(sample(await scrape(h), 'om_orders_failed_total', { type: 'openAccount' })).toBe(failed + 1);
  });

  it('OPS: a new work order moves the work orders gauge of its status', async () => {
    const text = await scrape(h);
    const total = (t: string) =>
      ['created', 'accepted', 'outletAssigned', 'dispatched'].reduce(
        (sum, status) => sum + sample(t, 'om_work_orders', { status }),
        0,
      );
    const before = total(text);
    await newWorkOrder(h.app, token);
    await vi.waitFor(async () => expect(total(await scrape(h))).toBe(before + 1), { timeout: 20_000 });
  });

  it('OPS, WO-6, GRP-4: SLA breach and BBOSS-overdue notices and a lock left behind by a finished order show on /metrics', async () => {
    const before = await scrape(h);
    // The notices as the escalation activities write them (activities/work-order-sla.ts, group-products.ts).
    await addNotification(h.db, {
      id: 'WO-METRICS-1:response',
      recipientRole: h.config.WO_ESCALATION_ROLE,
      workOrderId: 'WO-METRICS-1',
      kind: 'sla.responseBreached',
      messageZh: '响应超时',
      messageEn: 'response target missed',
    });
    await addNotification(h.db, {
      id: 'GRP-METRICS-1:bbossOverdue',
      recipientRole: h.config.BBOSS_OVERDUE_ROLE,
      kind: 'bboss.overdue',
      messageZh: 'BBOSS 超时',
      messageEn: 'BBOSS overdue',
    });
    // A line still marked by an order that has ended (as a workflow terminated by hand leaves it).
    const [ended] = await h.db.select({ id: orders.id }).from(orders).where(eq(orders.status, 'completed'));
    expect(ended).toBeDefined();
    await h.db
      .update(subscribers)
      .set({ lockedBy: ended?.id ?? '' })
      .where(eq(subscribers.msisdn, '13900100010'));
    const after = await scrape(h);
    const moved = (name: string, labels: Record<string, string> = {}) =>
      sample(after, name, labels) - sample(before, name, labels);
    expect(moved('om_sla_breaches_total', { target: 'response' })).toBe(1);
    expect(moved('om_sla_breaches_total', { target: 'resolution' })).toBe(0);
    expect(moved('om_bboss_overdue_alerts_total')).toBe(1);
    expect(moved('om_locks_held', { kind: 'line' })).toBe(1);
    expect(moved('om_locks_left_behind', { kind: 'line' })).toBe(1);
    await h.db.update(subscribers).set({ lockedBy: null }).where(eq(subscribers.msisdn, '13900100010'));
  });

  it('OPS: the business counts are read at most once every METRICS_CACHE_SECONDS', async () => {
    const cached = await startHarness({ noWorker: true, config: { METRICS_CACHE_SECONDS: '3600' } });
    try {
      const first = await scrape(cached);
      const opening = await submitOrder(cached.app, await cached.login(), openAccountBody());
      expect(opening.statusCode, opening.body).toBe(202);
      const second = await scrape(cached);
      expect(sample(second, 'om_orders_started_total', { type: 'openAccount' })).toBe(
        sample(first, 'om_orders_started_total', { type: 'openAccount' }),
      );
    } finally {
      await cached.close();
    }
  });
});

describe("OPS: a worker process's metrics port", () => {
  let h: Harness;
  let token: string;
  beforeAll(async () => {
    h = await startHarness({ noWorker: true });
    token = await h.login();
  });
  afterAll(async () => h?.close());

  it("OPS: serves the Temporal SDK's metrics and the activities' counters on WORKER_METRICS_PORT", async () => {
    const [port] = await freePorts(1);
    const worker = await h.startWorkerProcess({ WORKER_METRICS_PORT: String(port) });
    try {
      const res = await submitOrder(h.app, token, openAccountBody());
      expect(res.statusCode, res.body).toBe(202);
      const order = await waitForOrder(h.app, token, res.json<{ id: string }>().id);
      expect(order.status).toBe('completed');
      const text = await vi.waitFor(
        async () => {
          const body = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
          expect(body).toMatch(/om_worker_orders_finished/);
          return body;
        },
        { timeout: 10_000, interval: 200 },
      );
      expect(text).toMatch(/^temporal_/m);
      expect(text).toContain('temporal_activity_schedule_to_start_latency');
      expect(text).toContain('temporal_worker_task_slots_available');
      expect(
        sample(text, 'om_worker_orders_finished_total', {
          type: 'openAccount',
          outcome: 'completed',
        }),
      ).toBe(1);
      expect(
        sample(text, 'om_worker_outside_calls_total', {
          system: 'hlr',
          operation: 'provision',
          outcome: 'ok',
        }),
      ).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'om_worker_resources_preempted_total', { resource: 'number' })).toBe(1);
    } finally {
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.kill('SIGKILL');
      await exited;
    }
  });
});
