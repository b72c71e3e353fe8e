import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { signBody } from '../../api/plugins/signed-callback';
import { BBOSS_SIGNATURE_HEADER } from '../../api/callbacks/bboss-callbacks';
import { CLEARING_SIGNATURE_HEADER } from '../../api/callbacks/mnp-callbacks';
import { DEMO_PASSWORD } from '../../db/seed';
import { freePorts } from '../../infra/ports';
import { portInBody } from '../support/fixtures';
import { startHarness, type Harness } from '../support/harness';

const serverScript = fileURLToPath(new URL('../../api/server.ts', import.meta.url));

interface OrderBody {
  id: string;
  status: string;
  step: string | null;
  summary: Record<string, unknown>;
}

/**
 * REQ: MNP-5 — the production shape: the API (`api/server.ts`, run as N replicas) and a worker as processes of
 * their own against one Temporal server and database. The clearing system calls back to whichever replica the
 * load balancer picks, so every replica must hand its callbacks to the waiting orders.
 */
describe('the API as a process of its own', () => {
  let h: Harness;
  let api: ChildProcess | null = null;
  let base = '';
  let token = '';

  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    // The clearing system answers only as this test does, through the standalone API (not by itself).
    h = await startHarness({ noWorker: true, clearing: { lossRate: 1 } });
    await h.startWorkerProcess({});
    const [port] = await freePorts(1);
    api = spawn(process.execPath, ['--import', 'tsx', serverScript], {
      env: {
        ...process.env,
        TEMPORAL_ADDRESS: h.config.TEMPORAL_ADDRESS,
        DATABASE_URL: h.dbUrl,
        TEMPORAL_TASK_QUEUE: h.taskQueue,
        API_HOST: '127.0.0.1',
        API_PORT: String(port),
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    base = `http://127.0.0.1:${String(port)}`;
    await vi.waitFor(async () => expect((await fetch(`${base}/health`)).status).toBe(200), {
      timeout: 60_000,
      interval: 250,
    });
    const login = await call('POST', '/api/v1/auth/login', {
      operatorId: 'store01',
      password: DEMO_PASSWORD,
      channelCode: 'STORE-BJ-001',
    });
    token = String(login.body.token);
  }, 120_000);
  afterAll(async () => {
    api?.kill('SIGTERM');
    await h?.close();
  });

  it("MNP-5: the standalone API hands the clearing system's signed answer to the waiting port-in", async () => {
    const submitted = await call('POST', '/api/v1/orders', portInBody('13312348801'), {
      'idempotency-key': `standalone-${Date.now()}`,
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(202);
    const id = String(submitted.body.id);
    const order = (until: (o: OrderBody) => boolean) =>
      vi.waitFor(
        async () => {
          const o = (await call('GET', `/api/v1/orders/${encodeURIComponent(id)}`))
            .body as unknown as OrderBody;
          if (!until(o)) throw new Error(`${id} is ${o.status}/${o.step ?? '-'}`);
          return o;
        },
        { timeout: 30_000, interval: 200 },
      );
    const waiting = await order((o) => o.step === 'waitingForDonor');

    // The donor agreed: the clearing system posts its signed answer to this replica.
    const answer = JSON.stringify({
      event: 'portInAnswered',
      clearingRef: waiting.summary.clearingRef,
      orderId: id,
      accepted: true,
      switchOverAt: new Date(Date.now() + 60_000).toISOString(),
    });
    const res = await fetch(`${base}/api/v1/callbacks/mnp`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [CLEARING_SIGNATURE_HEADER]: signBody(h.config.MNP_CALLBACK_SECRET, answer),
      },
      body: answer,
    });
    expect(res.status, await res.text()).toBe(202);
    await order((o) => o.step === 'waitingForSwitchOver');
  });

  it("GRP-4: the standalone API hands BBOSS's signed answers to the group orders (none waits: OrderNotFound)", async () => {
    // Wired like `npm start`: the route is served and its sink asks Temporal for the order the answer names.
    const answer = JSON.stringify({
      event: 'orderAnswered',
      bbossRef: 'BB-STANDALONE-1',
      orderId: `GroupOpen:STORE-BJ-001:standalone-${Date.now()}`,
      outcome: 'completed',
      answeredAt: new Date().toISOString(),
    });
    const res = await fetch(`${base}/api/v1/callbacks/bboss`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [BBOSS_SIGNATURE_HEADER]: signBody(h.config.BBOSS_CALLBACK_SECRET, answer),
      },
      body: answer,
    });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { code: string }).code).toBe('OrderNotFound');
  });
});
