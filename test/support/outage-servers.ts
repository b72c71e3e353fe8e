import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import { DefaultLogger, Runtime, type Worker } from '@temporalio/worker';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { and, eq } from 'drizzle-orm';
import { expect, inject, vi } from 'vitest';
import { createDb, migrateDb, type Db } from '../../db/client';
import { orderKeys, payments } from '../../db/schema';
import { DEMO_PASSWORD, seedDemoData } from '../../db/seed';
import { errorCatalogue } from '../../domain/errors';
import { compose } from '../../infra/compose';
import { startTemporalDevServer, type DevServer } from '../../infra/dev-server';
import { canConnect, freePorts } from '../../infra/ports';
import { ensureDatabase, startEmbeddedPostgres, type PostgresHandle } from '../../infra/postgres';
import { configSchema, type AppConfig } from '../../temporal.config';
import { instantBehaviours } from '../../simulators/behaviour';
import { startSimulators } from '../../simulators/host';
import { submitOrder } from './orders';

/** A Temporal dev server of one test file, its state in a SQLite file: killable like a crashed server. */
export interface OwnTemporal {
  address: string;
  /** SIGKILLs the server; resolves once its port is closed. */
  kill: () => Promise<void>;
  /** Starts it again on the same SQLite file and port. */
  restart: () => Promise<void>;
  stop: () => Promise<void>;
}

export async function startOwnTemporal(): Promise<OwnTemporal> {
  const dir = mkdtempSync(join(tmpdir(), 'om-outage-temporal-'));
  const [port] = (await freePorts(1)) as [number];
  const options = { port, dbFile: join(dir, 'temporal.db') };
  let server: DevServer = await startTemporalDevServer(options);
  return {
    address: server.address,
    kill: () => killAndWaitForPortClosed(server.pid, port),
    restart: async () => {
      server = await startTemporalDevServer(options);
    },
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A PostgreSQL of one test file, migrated and seeded with the demo data: stoppable like a failed server. */
export interface OwnPostgres {
  url: string;
  /** Stops the server (as an administrator's shutdown does); resolves once it has stopped. */
  stop: () => Promise<void>;
  /** Starts it again on the same data directory and port. */
  restart: () => Promise<void>;
  close: () => Promise<void>;
}

export async function startOwnPostgres(): Promise<OwnPostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'om-outage-pg-'));
  const [port] = (await freePorts(1)) as [number];
  const options = { dataDir: join(dir, 'pg'), port, persistent: true };
  let server: PostgresHandle | null = await startEmbeddedPostgres(options);
  const url = await ensureDatabase(server.url, 'outage');
  await migrateDb(url);
  const seeding = createDb(url, { max: 1 });
  await seedDemoData(seeding.db);
  await seeding.close();
  const stop = async () => {
    await server?.stop();
    server = null;
  };
  return {
    url,
    stop,
    restart: async () => {
      server = await startEmbeddedPostgres(options);
    },
    close: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The API (and, on demand, a worker) assembled the way `npm start` and the standalone processes assemble them —
 * by the product's composition root (infra/compose.ts) — around servers a test may take down.
 */
export interface OutageSystem {
  app: FastifyInstance;
  db: Db;
  client: Client;
  config: AppConfig;
  login: () => Promise<string>;
  /** Starts a worker on the system's task queue (with the product's simulators of outside systems). */
  startWorker: () => Promise<Worker>;
  close: () => Promise<void>;
}

export async function startOutageSystem(options: {
  temporalAddress: string;
  databaseUrl: string;
  config?: Partial<Record<keyof AppConfig, string>>;
}): Promise<OutageSystem> {
  quietWorkerRuntime();
  const config = configSchema.parse({
    TEMPORAL_ADDRESS: options.temporalAddress,
    DATABASE_URL: options.databaseUrl,
    TEMPORAL_TASK_QUEUE: `outage-${randomBytes(4).toString('hex')}`,
    LOG_LEVEL: 'silent',
    LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
    API_RATE_LIMIT_PER_MINUTE: '1000000',
    STEP_TIMEOUT_SECONDS: '5',
    HLR_LATENCY_MS: '0',
    BANK_LATENCY_MS: '0',
    SMS_LATENCY_MS: '0',
    ...options.config,
  });
  // The simulated outside systems on the same database; their callbacks go nowhere (a closed port): no
  // outage test waits for one.
  const simulators = await startSimulators({
    config,
    databaseUrl: options.databaseUrl,
    callbackApiUrl: () => 'http://127.0.0.1:9',
    behaviours: instantBehaviours,
    demoBankAccounts: false,
  });
  const system = await compose(
    { ...config, SIMULATORS_URL: simulators.url },
    { logger: false, workflowBundle: { code: readFileSync(inject('workflowBundlePath'), 'utf8') } },
  ).catch(async (err: unknown) => {
    await simulators.stop();
    throw err;
  });
  const app = await system.api();
  await app.ready();

  return {
    app,
    db: system.db,
    client: system.client,
    config,
    login: () => loginAs(app),
    startWorker: async () => (await system.startWorker()).worker,
    close: async () => {
      await simulators.stop();
      await system.close();
    },
  };
}

let runtimeInstalled = false;
/** The SDK's worker runtime logs errors only (its retries while a server is down are what the test is about). */
function quietWorkerRuntime(): void {
  if (runtimeInstalled) return;
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  runtimeInstalled = true;
}

/** Signs store01 in at STORE-BJ-001 (the demo data's store clerk); the bearer token. */
export async function loginAs(app: FastifyInstance): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { operatorId: 'store01', password: DEMO_PASSWORD, channelCode: 'STORE-BJ-001' },
  });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  return res.json<{ token: string }>().token;
}

/** A recharge of a demo line: the smallest order that runs every part (API, workflow, activities, read model). */
export const rechargeBody = (msisdn = '13900100002') => ({
  type: 'recharge',
  msisdn,
  amountFen: 1_000,
  payment: { method: 'cash' },
});

/** Checks the answer is 503 ServiceUnavailable naming `service`, with the configured Retry-After. */
export function expectServiceUnavailable(
  res: LightMyRequestResponse,
  service: string,
  retryAfter: string,
): void {
  expect(res.statusCode).toBe(503);
  expect(res.headers['retry-after']).toBe(retryAfter);
  expect(res.json()).toEqual({
    code: 'ServiceUnavailable',
    reason: errorCatalogue.ServiceUnavailable.zh,
    message: expect.stringContaining(service) as unknown,
  });
}

/**
 * Submits the recharge with `key` as a clerk does after a 503: again, with the same key, until the API takes it.
 * The order's ID.
 */
export async function resubmitUntilAccepted(
  app: FastifyInstance,
  token: string,
  key: string,
): Promise<string> {
  return vi.waitFor(
    async () => {
      const res = await submitOrder(app, token, rechargeBody(), key);
      expect(res.statusCode).toBe(202);
      return res.json<{ id: string }>().id;
    },
    { timeout: 60_000, interval: 500 },
  );
}

/** REQ: ORD-3 — the orders store01's channel's idempotency key stands for (one at most), with their payments. */
export async function ordersOfKey(db: Db, key: string): Promise<{ orderId: string; payments: number }[]> {
  const rows = await db
    .select()
    .from(orderKeys)
    .where(and(eq(orderKeys.channelCode, 'STORE-BJ-001'), eq(orderKeys.idempotencyKey, key)));
  return Promise.all(
    rows.map(async ({ orderId }) => ({
      orderId,
      payments: (await db.select().from(payments).where(eq(payments.orderId, orderId))).length,
    })),
  );
}

/**
 * The PID of this process's child whose command line contains every one of `marks` (the Temporal dev server,
 * the PostgreSQL server that `npm start` runs), read from `ps`.
 */
export function childPid(...marks: string[]): number {
  const lines = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)], { encoding: 'utf8' })
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => marks.every((mark) => line.includes(mark)));
  const [line] = lines;
  if (lines.length !== 1 || !line) throw new Error(`expected one child process with ${marks.join(' ')}`);
  return Number(line.split(/\s+/)[0]);
}

/** SIGKILLs a server process as a crash would, and waits until nothing answers on its port. */
export async function killAndWaitForPortClosed(pid: number | undefined, port: number): Promise<void> {
  if (pid === undefined) throw new Error('the server has no PID to kill');
  process.kill(pid, 'SIGKILL');
  await vi.waitFor(
    async () => {
      if (await canConnect(port)) throw new Error(`port ${port} still answers`);
    },
    { timeout: 30_000, interval: 100 },
  );
}
