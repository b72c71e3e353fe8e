import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simCards } from '../../db/schema';
import type { MnpCallback, MnpCallbackSink } from '../../domain/mnp-callbacks';
import { freePorts } from '../../infra/ports';
import { createMnpCallbackSink } from '../../services/callbacks/mnp-sink';
import type { SimulatorsControl } from '../../simulators/control';
import { connectSimulators } from '../../simulators/control-client';
import { openAccountBody, portInBody } from '../support/fixtures';
import { startSignedInHarness, type Harness } from '../support/harness';
import { submitOrder, waitForOrder } from '../support/orders';

const simulatorsMain = fileURLToPath(new URL('../../simulators/main.ts', import.meta.url));

/**
 * REQ: OPS, MNP-5, ORD-1 — the simulated outside systems run as a process of their own, with their state in
 * PostgreSQL, beside two worker processes that reach them over HTTP: what one worker switched on at the HLR the
 * other sees, and the clearing system's answer comes back through the API's signed callback route.
 */
describe('OPS: the simulators as a process of their own, shared by the workers', () => {
  let h: Harness;
  let token: string;
  let simulators: ChildProcess;
  let sim: SimulatorsControl;
  let simulatorsUrl = '';
  /** Every log line of the API (and the test's worker runtime), JSON. */
  const logLines: string[] = [];
  /**
   * The clearing system's callbacks the API's route verified and handed on (to the real sink, as always): the
   * simulators run in another process, so the route is the only way one can arrive.
   */
  const handedOn: MnpCallback[] = [];
  let realSink: MnpCallbackSink | null = null;
  const recordingSink: MnpCallbackSink = {
    deliver: async (callback) => {
      handedOn.push(callback);
      if (!realSink) throw new Error('the sink is not ready yet');
      return realSink.deliver(callback);
    },
  };

  /** Starts `simulators/main.ts` as `npm run simulators` would, on the harness's database; resolves once ready. */
  const startSimulatorsProcess = (env: Record<string, string>) =>
    new Promise<ChildProcess>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', simulatorsMain], {
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      child.stdout?.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('ready')) resolve(child);
      });
      child.once('exit', (code) => reject(new Error(`simulators process exited early (${String(code)})`)));
    });
  const stopped = (child: ChildProcess) =>
    child.exitCode !== null || child.signalCode !== null
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        });

  beforeAll(async () => {
    ({ h, token } = await startSignedInHarness({
      noWorker: true,
      logLines,
      mnpCallbacks: recordingSink,
      config: { MNP_SWITCH_WINDOW: '0-23', MNP_SWITCH_OVER_DELAY_SECONDS: '1' },
    }));
    realSink = createMnpCallbackSink(h.client, { db: h.db, config: h.config });
    const [port] = await freePorts(1);
    simulatorsUrl = `http://127.0.0.1:${String(port)}`;
    simulators = await startSimulatorsProcess({
      DATABASE_URL: h.dbUrl,
      SIMULATORS_PORT: String(port),
      CALLBACK_API_URL: h.apiUrl,
      // The secrets the API checks the callbacks with.
      MNP_CALLBACK_SECRET: h.config.MNP_CALLBACK_SECRET,
      BBOSS_CALLBACK_SECRET: h.config.BBOSS_CALLBACK_SECRET,
      TELEPHONY_CALLBACK_SECRET: h.config.TELEPHONY_CALLBACK_SECRET,
      HLR_LATENCY_MS: '0',
      HLR_FAILURE_RATE: '0',
      BANK_LATENCY_MS: '0',
      BANK_FAILURE_RATE: '0',
      SMS_LATENCY_MS: '0',
      SMS_FAILURE_RATE: '0',
      CLEARING_ANSWER_DELAY_MS: '50',
      CLEARING_REJECT_RATE: '0',
      CLEARING_LOSS_RATE: '0',
    });
    sim = connectSimulators(simulatorsUrl);
  }, 120_000);
  afterAll(async () => {
    if (simulators) await stopped(simulators);
    await h?.close();
  });

  it('OPS, ORD-1: two worker processes see the same HLR: a line one switched on, the other moves to a new number with the IMSI and reference the first gave it', async () => {
    const [msisdn, newMsisdn] = ['13800100771', '13800100772'];
    const workerA = await h.startWorkerProcess({ SIMULATORS_URL: simulatorsUrl });
    const opened = await waitForOrder(
      h.app,
      token,
      (await submitOrder(h.app, token, openAccountBody({ msisdn }))).json<{ id: string }>().id,
      undefined,
      60_000,
    );
    expect(opened.status).toBe('completed');
    const [card] = await h.db.select().from(simCards).where(eq(simCards.msisdn, msisdn));
    const switchedOn = await sim.hlr.subscriber(msisdn);
    expect(switchedOn).toMatchObject({ imsi: card?.imsi, barred: false });
    expect(switchedOn?.provisionedBy).toContain(opened.id);

    // Worker A dies; worker B, another process, changes the line's number on the HLR.
    await stopped(workerA);
    await h.startWorkerProcess({ SIMULATORS_URL: simulatorsUrl });
    const changed = await waitForOrder(
      h.app,
      token,
      (
        await submitOrder(h.app, token, {
          type: 'changeNumber',
          msisdn,
          newMsisdn,
          payment: { method: 'cash' },
        })
      ).json<{ id: string }>().id,
      undefined,
      60_000,
    );
    expect(changed.status).toBe('completed');
    // The HLR B talked to knew the subscriber A switched on: moved whole, not a line it took as unknown.
    expect(await sim.hlr.subscriber(newMsisdn)).toEqual(switchedOn);
    expect(await sim.hlr.subscriber(msisdn)).toBeNull();
  }, 120_000);

  it("MNP-5: the clearing system's answer to a port-in reaches the workflow through the API's signed callback route", async () => {
    const msisdn = '13312340101';
    const res = await submitOrder(h.app, token, portInBody(msisdn));
    expect(res.statusCode).toBe(202);
    const { id } = res.json<{ id: string }>();
    const order = await waitForOrder(h.app, token, id, undefined, 60_000);
    expect(order.status).toBe('completed');

    // The clearing system (the simulators process) holds the port-in and its answer…
    const [portIn] = await sim.clearing.portIns({ orderId: id });
    expect(portIn).toMatchObject({ msisdn, answer: { accepted: true, clearingRef: portIn?.clearingRef } });
    expect(order.summary.clearingRef).toBe(portIn?.clearingRef);
    // …and posted it to the API's route, which checked its signature and handed it on to the port-in.
    expect(handedOn).toContainEqual(portIn?.answer);
    expect(logLines.some((line) => line.includes('POST') && line.includes('/api/v1/callbacks/mnp'))).toBe(
      true,
    );
    // The line is switched on at the same HLR.
    expect(await sim.hlr.subscriber(msisdn)).not.toBeNull();
  }, 120_000);
});
