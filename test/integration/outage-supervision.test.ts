import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { freePorts } from '../../infra/ports';
import { startRuntime, type Runtime } from '../../infra/runtime';
import { configSchema } from '../../temporal.config';
import { getOrder, newKey, waitForOrder } from '../support/orders';
import { childPid, loginAs, resubmitUntilAccepted } from '../support/outage-servers';

/**
 * REQ: ORD-1 — `npm start` (infra/runtime.ts) keeps the servers it runs alive: a Temporal dev server or a
 * PostgreSQL that dies is reported on the console and started again with its state (same SQLite file, same data
 * directory, same port), and the worker and the API in the same process carry on with it.
 */
describe('npm start restarts a server that died', () => {
  let dataDir: string;
  let runtime: Runtime;
  const lines: string[] = [];
  let temporalPort: number;
  let pgPort: number;
  let token = '';

  /** Submits a recharge (again, as a clerk does after a 503, until the API takes it); resolves once completed. */
  const completedOrder = async (): Promise<string> => {
    const id = await resubmitUntilAccepted(runtime.app, token, newKey('supervised'));
    expect((await waitForOrder(runtime.app, token, id, undefined, 60_000)).status).toBe('completed');
    return id;
  };

  const waitForLine = (pattern: RegExp) =>
    vi.waitFor(() => expect(lines).toContainEqual(expect.stringMatching(pattern)), {
      timeout: 90_000,
      interval: 250,
    });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'om-outage-start-'));
    const [devPort, uiPort, embeddedPgPort] = (await freePorts(3)) as [number, number, number];
    temporalPort = devPort;
    pgPort = embeddedPgPort;
    const config = configSchema.parse({
      DATA_DIR: dataDir,
      TEMPORAL_DEV_PORT: String(devPort),
      TEMPORAL_UI_PORT: String(uiPort),
      EMBEDDED_PG_PORT: String(embeddedPgPort),
      API_HOST: '127.0.0.1',
      API_PORT: '0',
      LOG_LEVEL: 'silent',
      STEP_TIMEOUT_SECONDS: '5',
      HLR_LATENCY_MS: '0',
      BANK_LATENCY_MS: '0',
      SMS_LATENCY_MS: '0',
    });
    runtime = await startRuntime(config, (line) => lines.push(line), {
      workflowBundle: { code: readFileSync(inject('workflowBundlePath'), 'utf8') },
    });
    token = await loginAs(runtime.app);
  }, 240_000);
  afterAll(async () => {
    await runtime?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('ORD-1: a Temporal dev server killed under npm start is restarted with its state, and an order submitted afterwards completes', async () => {
    const before = await completedOrder();

    process.kill(childPid('start-dev', `--port ${temporalPort}`), 'SIGKILL');
    await waitForLine(/Temporal dev server died/);
    await waitForLine(/Temporal dev server restarted/);

    // Same SQLite file: the order run before the crash is still known to Temporal (a server that lost its state
    // would answer not found). Its read model says completed once its last step is written, which can be just
    // before the workflow itself closes — the kill may fall in between, so its close may come after the restart.
    const connection = await Connection.connect({ address: runtime.temporalAddress });
    try {
      const client = new Client({ connection });
      await vi.waitFor(
        async () =>
          expect((await client.workflow.getHandle(before).describe()).status.name).toBe('COMPLETED'),
        { timeout: 60_000, interval: 500 },
      );
    } finally {
      await connection.close();
    }
    await completedOrder();
  }, 240_000);

  it('ORD-1: a PostgreSQL killed under npm start is restarted with its data, and an order submitted afterwards completes', async () => {
    const before = await completedOrder();

    process.kill(childPid(join(dataDir, 'pg'), `-p ${pgPort}`), 'SIGKILL');
    await waitForLine(/PostgreSQL died/);
    await waitForLine(/PostgreSQL restarted/);

    await completedOrder();
    // Same data directory: the order finished before the crash is still there.
    expect((await getOrder(runtime.app, token, before)).status).toBe('completed');
  }, 240_000);
});
