import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BBOSS_SIGNATURE_HEADER, CLEARING_SIGNATURE_HEADER, signBody } from '../../infra/callback-signature';
import { freeTopologyPorts, startTopology, type Topology } from '../../infra/topology';
import { connectSimulators } from '../../simulators/control-client';
import type { SimulatorsControl } from '../../simulators/control';
import { configSchema } from '../../temporal.config';
import { httpApi, type Api } from '../support/api-client';
import { openAccountBody, portInBody } from '../support/fixtures';
import { groupOpenBody } from '../support/groups';
import {
  journeys,
  newKey,
  signInPeople,
  waitUntil,
  type JourneyContext,
  type People,
} from '../support/journeys';

/**
 * The production topology on one machine (`npm run cluster`'s, on ports of its own): a Temporal cluster of the
 * real server on PostgreSQL, one process per service; two worker processes; two API replicas behind a load
 * balancer; the simulators posting their callbacks to the balancer. Replica A takes each submission, replica B
 * is where it is followed: nothing of an order lives in one API process (REQ: ORD-1).
 */
const settings = {
  // Port-ins and port-outs switch over a second after acceptance, at any hour (MNP-5).
  MNP_SWITCH_WINDOW: '0-23',
  MNP_SWITCH_OVER_DELAY_SECONDS: '1',
  // An activity lost with its worker is retried on the other one after this.
  STEP_TIMEOUT_SECONDS: '8',
  API_RATE_LIMIT_PER_MINUTE: '100000',
  LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
  LOG_LEVEL: 'warn',
};
const config = configSchema.parse(settings);

let topology: Topology;
let dataDir: string;
let a: Api;
let b: Api;
let sim: SimulatorsControl;
let people: People;
let client: Client;
let connection: Connection;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'om-topology-'));
  topology = await startTopology({
    config,
    dataDir,
    ports: await freeTopologyPorts(),
    seed: true,
    env: settings,
    log: (line) => console.log(`[topology] ${line}`),
  });
  const [urlA = '', urlB = ''] = topology.apiUrls;
  a = httpApi(urlA);
  b = httpApi(urlB);
  sim = connectSimulators(topology.simulatorsUrl);
  people = await signInPeople(a);
  connection = await Connection.connect({ address: topology.temporalAddress });
  client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
});

afterAll(async () => {
  await connection?.close();
  await topology?.stop();
  // KEEP_TOPOLOGY_DATA=1 keeps the state and logs of every process for a look afterwards.
  if (dataDir && !process.env.KEEP_TOPOLOGY_DATA) rmSync(dataDir, { recursive: true, force: true });
});

const across = (): JourneyContext => ({ submit: a, follow: b, sim, people, timeoutMs: 90_000 });
const orderUrl = (id: string) => `/api/v1/orders/${encodeURIComponent(id)}`;

describe('ORD-1: one business of each kind, submitted to replica A, followed on replica B', () => {
  it.each(journeys)('ORD-1: $name ($workflowType) ends $ends', async (journey) => {
    const id = await journey.run(across());
    // Staff see the end a moment before the workflow has closed (its last write comes first).
    const handle = client.workflow.getHandle(id);
    await handle.result();
    const described = await handle.describe();
    expect(described.type).toBe(journey.workflowType);
    expect(described.status.name).toBe('COMPLETED');
  });
});

describe('MNP-5, GRP-4: signed callbacks are accepted by either replica', () => {
  const post = (api: Api, url: string, header: string, secret: string, payload: Record<string, unknown>) => {
    const raw = JSON.stringify(payload);
    return api({
      method: 'POST',
      url,
      body: raw,
      headers: { 'content-type': 'application/json', [header]: signBody(secret, raw) },
    });
  };

  it.each([
    ['A', () => a],
    ['B', () => b],
  ] as const)(
    'MNP-5: the clearing system’s answer to a port-in, posted to replica %s, moves the order on',
    async (_, api) => {
      // The simulated clearing system loses this submission: only the answer posted here reaches the order.
      await sim.setBehaviour('clearing', { lossRate: 1 });
      try {
        const msisdn = `1331299${String(Math.floor(Math.random() * 10_000)).padStart(4, '0')}`;
        const submitted = await a({
          method: 'POST',
          url: '/api/v1/orders',
          token: people.store,
          body: portInBody(msisdn),
          headers: { 'idempotency-key': newKey('pin') },
        });
        expect(submitted.status).toBe(202);
        const id = submitted.json<{ id: string }>().id;
        const ctx = across();
        await waitUntil(ctx, people.store, orderUrl(id), (o) => o.step === 'waitingForDonor');
        const answer = {
          event: 'portInAnswered',
          clearingRef: `CLR-IN-${newKey('t')}`,
          orderId: id,
          accepted: true,
          switchOverAt: new Date().toISOString(),
        };
        const res = await post(
          api(),
          '/api/v1/callbacks/mnp',
          CLEARING_SIGNATURE_HEADER,
          config.MNP_CALLBACK_SECRET,
          answer,
        );
        expect(res.status, res.text).toBe(202);
        const order = await waitUntil(
          ctx,
          people.store,
          orderUrl(id),
          (o) => o.status === 'completed' || o.status === 'failed',
        );
        expect(order.status).toBe('completed');
      } finally {
        await sim.setBehaviour('clearing', { lossRate: 0 });
      }
    },
  );

  it.each([
    ['A', '1000000003', () => a],
    ['B', '1000000004', () => b],
  ] as const)(
    'GRP-4: BBOSS’s answer, posted to replica %s, completes the group order',
    async (_, groupCode, api) => {
      // BBOSS itself would answer only in ten minutes: the answer posted here is the one that counts.
      await sim.setBehaviour('bboss', { answerDelayMs: 600_000 });
      const submitted = await a({
        method: 'POST',
        url: '/api/v1/orders',
        token: people.manager,
        body: groupOpenBody(groupCode),
        headers: { 'idempotency-key': newKey('grp') },
      });
      expect(submitted.status).toBe(202);
      const id = submitted.json<{ id: string }>().id;
      const ctx = across();
      const waiting = await waitUntil(ctx, people.manager, orderUrl(id), (o) => o.step === 'waitingForBboss');
      const ref = (waiting.summary?.bboss as { ref?: string } | undefined)?.ref;
      const answer = {
        event: 'orderAnswered',
        bbossRef: ref,
        orderId: id,
        outcome: 'completed',
        answeredAt: new Date().toISOString(),
      };
      const res = await post(
        api(),
        '/api/v1/callbacks/bboss',
        BBOSS_SIGNATURE_HEADER,
        config.BBOSS_CALLBACK_SECRET,
        answer,
      );
      expect(res.status, res.text).toBe(202);
      const order = await waitUntil(
        ctx,
        people.manager,
        orderUrl(id),
        (o) => o.status === 'completed' || o.status === 'failed',
      );
      expect(order.status).toBe('completed');
    },
  );
});

describe('ORD-1: a worker killed mid-order', () => {
  it('ORD-1: the order a SIGKILLed worker was provisioning is finished by the other worker', async () => {
    // The HLR answers slowly, so the order is caught while a worker is switching the line on.
    await sim.setBehaviour('hlr', { latencyMs: 4_000 });
    try {
      const submitted = await a({
        method: 'POST',
        url: '/api/v1/orders',
        token: people.store,
        body: openAccountBody(),
        headers: { 'idempotency-key': newKey('kill') },
      });
      expect(submitted.status).toBe(202);
      const id = submitted.json<{ id: string }>().id;
      const ctx = across();
      await waitUntil(ctx, people.store, orderUrl(id), (o) => o.step === 'provisioning');
      // The worker running the provisioning step, by the identity (`pid@host`) the server saw poll it.
      const handle = client.workflow.getHandle(id);
      let identity = '';
      let activityType = '';
      for (const until = Date.now() + 30_000; !identity && Date.now() < until;) {
        const pending = (await handle.describe()).raw.pendingActivities ?? [];
        identity = pending[0]?.lastWorkerIdentity ?? '';
        activityType = pending[0]?.activityType?.name ?? '';
        if (!identity) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const pid = Number(identity.split('@')[0]);
      const victim = topology.workers.find((w) => w.current().pid === pid);
      const survivor = topology.workers.find((w) => w !== victim);
      expect(victim, `a worker process with pid ${pid} (identity ${identity})`).toBeDefined();
      victim?.standDown();
      victim?.current().kill('SIGKILL');
      const order = await waitUntil({ ...ctx, timeoutMs: 120_000 }, people.store, orderUrl(id), (o) =>
        ['completed', 'failed', 'cancelled', 'rejected'].includes(o.status),
      );
      expect(order.status).toBe('completed');
      // The step the killed worker held was run again, to its end, by the other worker: the history's record of
      // that activity's start names the survivor, on a later attempt.
      const events = (await handle.fetchHistory()).events ?? [];
      const scheduled = events.find(
        (e) => e.activityTaskScheduledEventAttributes?.activityType?.name === activityType,
      );
      const startedEvent = events.find(
        (e) =>
          e.activityTaskStartedEventAttributes &&
          String(e.activityTaskStartedEventAttributes.scheduledEventId) === String(scheduled?.eventId),
      )?.activityTaskStartedEventAttributes;
      expect(startedEvent?.identity ?? '').toMatch(new RegExp(`^${String(survivor?.current().pid)}@`));
      expect(startedEvent?.attempt ?? 0).toBeGreaterThan(1);
    } finally {
      await sim.setBehaviour('hlr', { latencyMs: 0 });
    }
  });
});
