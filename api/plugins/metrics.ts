import type { FastifyInstance } from 'fastify';
import fastifyMetrics from 'fastify-metrics';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Counter, Gauge, Registry } from 'prom-client';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { businessCounts, type BusinessCounts } from '../../db/queries/metrics';
import { orderTypes } from '../../domain/orders';
import { workOrderStatuses } from '../../domain/work-orders';

/** The Prometheus text exposition format that `GET /metrics` answers in. */
export const METRICS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

/**
 * `GET /metrics` (Prometheus text, public like the health routes; docs/operations.md "Metrics and what to
 * alert on"): the API process's request rate and latency by route template, method and status
 * (`http_request_duration_seconds`, fastify-metrics), the process's own metrics (`process_*`, `nodejs_*`), and
 * the business counts read from the database at scrape time (`om_*`), reused for `cacheSeconds` so that many
 * scrapers, or a scrape storm, ask the database at most once in that time. One registry per app, so apps
 * built side by side in one process (the tests) keep their metrics apart. Register before the routes: the
 * request metrics count only the routes registered after it.
 */
export async function registerMetrics(
  app: FastifyInstance,
  opts: { db: Db; cacheSeconds: number },
): Promise<void> {
  const registry = new Registry();
  await app.register(fastifyMetrics, {
    // Served from the declared route below instead, with its access, schema and description.
    endpoint: null,
    defaultMetrics: { enabled: true, register: registry },
    routeMetrics: {
      enabled: { histogram: true, summary: false },
      overrides: {
        histogram: {
          help: 'API requests by route template, method and status: duration in seconds',
          buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
          registers: [registry],
        },
        // Not collected (`summary: false`), but built all the same: registered nowhere.
        summary: { registers: [] },
      },
    },
  });
  registerBusinessMetrics(registry, cachedCounts(opts.db, opts.cacheSeconds, app));

  app.withTypeProvider<ZodTypeProvider>().get(
    '/metrics',
    {
      config: { access: 'public' },
      schema: {
        tags: ['health'],
        summary: 'Metrics for Prometheus: requests, orders, work orders, SLA, locks, stock',
        description:
          'The Prometheus text exposition format (version 0.0.4) of this API process, for a scraper: ' +
          '`http_request_duration_seconds` (histogram; its `_count` is the request count) by `route` ' +
          'template, `method` and `status_code`; the process (`process_*`, `nodejs_*`); and the business ' +
          'counts of the whole system read from the database, at most once every METRICS_CACHE_SECONDS: ' +
          'orders started, completed and failed by `type`, work orders by `status`, SLA breaches by ' +
          '`target`, BBOSS-overdue alerts, locks held and left behind by `kind`, numbers and SIM cards by ' +
          '`unit` and `state`. Names and what to alert on: docs/operations.md.',
        produces: ['text/plain'],
        response: { 200: z.string().describe('Prometheus text exposition format, version 0.0.4') },
      },
    },
    async (_request, reply) => {
      const text = await registry.metrics();
      return reply.type(METRICS_CONTENT_TYPE).send(text);
    },
  );
}

type CountsSource = () => Promise<BusinessCounts | null>;

/**
 * The business counts, read at most once every `cacheSeconds` (scrapes at the same time share one read); a
 * failed read is logged and answers null, so the scrape still shows the request and process metrics and
 * `om_business_metrics_up` 0.
 */
function cachedCounts(db: Db, cacheSeconds: number, app: FastifyInstance): CountsSource {
  let cached: { at: number; counts: Promise<BusinessCounts | null> } | null = null;
  return () => {
    const now = Date.now();
    if (cached && now - cached.at < cacheSeconds * 1000) return cached.counts;
    const counts = businessCounts(db).catch((err: unknown) => {
      app.log.warn({ err }, 'metrics: the business counts could not be read');
      cached = null;
      return null;
    });
    cached = { at: now, counts };
    return counts;
  };
}

/**
 * The `om_*` metrics. Counters (orders) only grow, as orders are never deleted; the rest are gauges of what
 * stands now. Label values are codes: order type, work-order status, SLA target, lock kind, unit code, state.
 */
function registerBusinessMetrics(registry: Registry, counts: CountsSource): void {
  const registers = [registry];
  new Gauge({
    name: 'om_business_metrics_up',
    help: 'Whether the last read of the business metrics from the database succeeded (1) or failed (0)',
    registers,
    async collect() {
      this.set((await counts()) ? 1 : 0);
    },
  });
  const orderCounter = (
    name: string,
    help: string,
    pick: (row: BusinessCounts['orders'][number]) => number,
  ) =>
    new Counter({
      name,
      help,
      labelNames: ['type'],
      registers,
      async collect() {
        const read = await counts();
        if (!read) return; // the last good read stays shown; om_business_metrics_up says it is stale
        this.reset();
        const byType = new Map(read.orders.map((row) => [row.type, pick(row)]));
        // Every order type is shown, 0 until its first order, so a rate starts at the first one.
        for (const type of orderTypes) this.inc({ type }, byType.get(type) ?? 0);
      },
    });
  orderCounter('om_orders_started_total', 'Orders taken, by order type', (r) => r.started);
  orderCounter('om_orders_completed_total', 'Orders completed, by order type', (r) => r.completed);
  orderCounter('om_orders_failed_total', 'Orders failed, by order type', (r) => r.failed);

  new Gauge({
    name: 'om_work_orders',
    help: 'Work orders now in each status',
    labelNames: ['status'],
    registers,
    async collect() {
      const read = await counts();
      if (!read) return; // the last good read stays shown; om_business_metrics_up says it is stale
      this.reset();
      const byStatus = new Map(read.workOrders.map((row) => [row.status, row.count]));
      for (const status of workOrderStatuses) this.set({ status }, byStatus.get(status) ?? 0);
    },
  });
  new Counter({
    name: 'om_sla_breaches_total',
    help: 'Work-order SLA breaches escalated (one notice per work order and target), by target',
    labelNames: ['target'],
    registers,
    async collect() {
      const read = await counts();
      if (!read) return;
      this.reset();
      for (const { target, count } of read.slaBreaches ?? []) this.inc({ target }, count);
    },
  });
  new Counter({
    name: 'om_bboss_overdue_alerts_total',
    help: 'Group orders BBOSS did not answer in time, staff alerted (one notice per order)',
    registers,
    async collect() {
      const read = await counts();
      if (!read) return;
      this.reset();
      this.inc(read.bbossOverdueAlerts);
    },
  });
  new Gauge({
    name: 'om_locks_held',
    help: 'Locks orders hold now on open lines and group products (GET /api/v1/locks), by kind: line or groupProduct',
    labelNames: ['kind'],
    registers,
    async collect() {
      const read = await counts();
      if (!read) return;
      this.reset();
      for (const { kind, held } of read.locks ?? []) this.set({ kind }, held);
    },
  });
  new Gauge({
    name: 'om_locks_left_behind',
    help: 'Locks held by an order that has finished or is unknown, to be released by an administrator, by kind',
    labelNames: ['kind'],
    registers,
    async collect() {
      const read = await counts();
      if (!read) return;
      this.reset();
      for (const { kind, leftBehind } of read.locks ?? []) this.set({ kind }, leftBehind);
    },
  });
  const stockGauge = (resourceType: 'numbers' | 'sims', name: string, help: string) =>
    new Gauge({
      name,
      help,
      labelNames: ['unit', 'state'],
      registers,
      async collect() {
        const read = await counts();
        if (!read) return;
        this.reset();
        for (const level of read.stock ?? []) {
          if (level.resourceType === resourceType) {
            this.set({ unit: level.unitCode, state: level.state }, level.count);
          }
        }
      },
    });
  stockGauge(
    'numbers',
    'om_stock_numbers',
    'Numbers by holding unit (central: not issued into the tree) and state, as GET /api/v1/stock-levels',
  );
  stockGauge(
    'sims',
    'om_stock_sims',
    'SIM cards by holding unit (central: not issued into the tree) and state, as GET /api/v1/stock-levels',
  );
}
