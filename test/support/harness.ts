import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Client } from '@temporalio/client';
import { DefaultLogger, Runtime, type Worker } from '@temporalio/worker';
import type { FastifyInstance } from 'fastify';
import { inject } from 'vitest';
import type { Db } from '../../db/client';
import type { MnpCallbackSink } from '../../domain/mnp-callbacks';
import { DEMO_PASSWORD } from '../../db/seed';
import { compose } from '../../infra/compose';
import { workerLogger } from '../../infra/worker-runtime';
import { configSchema, type AppConfig } from '../../temporal.config';
import { instantBehaviours } from '../../simulators/behaviour';
import type { Behaviours, SimulatorsControl } from '../../simulators/control';
import { startSimulators } from '../../simulators/host';
import { createTestDatabase } from './database';

let runtimeInstalled = false;

const workerScript = fileURLToPath(new URL('./worker-process.ts', import.meta.url));

export interface Harness {
  app: FastifyInstance;
  db: Db;
  dbUrl: string;
  client: Client;
  config: AppConfig;
  taskQueue: string;
  /**
   * The simulated outside systems (HLR, bank, SMS gateway, clearing system, BBOSS, telephony), hosted for this
   * harness on its database: steer them (`sim.setBehaviour('clearing', { lossRate: 1 })`) and read what
   * they hold (`sim.hlr.subscriber(msisdn)`, `sim.sms.inbox(msisdn)`); their callbacks arrive over HTTP
   * through the API's signed routes. `sim.telephony.placeCall(…)` posts a signed call-start event.
   */
  sim: SimulatorsControl;
  /** Where the simulators listen (a worker process reaches them there: SIMULATORS_URL). */
  simulatorsUrl: string;
  /** Where the API listens (127.0.0.1, a free port): the simulators post their callbacks there. */
  apiUrl: string;
  /** Starts (another) in-process worker on the harness's task queue. */
  startWorker: () => Promise<Worker>;
  /**
   * Starts a worker in a child process on the harness's task queue and database, SIGKILL-able like a crashed
   * machine, with `env` added to its configuration; resolves once it polls. `close` kills what is left.
   */
  startWorkerProcess: (env: Record<string, string>) => Promise<ChildProcess>;
  login: (operatorId?: string, channelCode?: string) => Promise<string>;
  close: () => Promise<void>;
}

export interface HarnessOptions {
  config?: Partial<Record<keyof AppConfig, string>>;
  /** Initial behaviours of the simulators (by default all instant: no latency, no failure, 50 ms answers). */
  hlr?: Partial<Behaviours['hlr']>;
  bank?: Partial<Behaviours['bank']>;
  clearing?: Partial<Behaviours['clearing']>;
  bboss?: Partial<Behaviours['bboss']>;
  sms?: Partial<Behaviours['sms']>;
  telephony?: Partial<Behaviours['telephony']>;
  /** Start without a worker (a test that runs workers in child processes). */
  noWorker?: boolean;
  /** Receives the API's verified clearing-system callbacks (MNP-5). */
  mnpCallbacks?: MnpCallbackSink;
  /**
   * Collects every log line of the API (level debug) and, when this is the process's first harness, of the
   * worker runtime (level DEBUG): a test can read what operators would see in the logs.
   */
  logLines?: string[];
}

/**
 * A harness and the token of an operator signed in on it (by default store01 at STORE-BJ-001), for the
 * files whose tests all act as that one operator.
 */
export async function startSignedInHarness(
  options: HarnessOptions = {},
): Promise<{ h: Harness; token: string }> {
  const h = await startHarness(options);
  try {
    return { h, token: await h.login() };
  } catch (err) {
    await h.close();
    throw err;
  }
}

/**
 * Everything a test needs against the real servers: its own database, its own task queue with a worker,
 * the API app for `inject()`, and the simulators to steer and inspect.
 */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const { logLines } = options;
  if (!runtimeInstalled) {
    const logger = logLines
      ? workerLogger('debug', { write: (line) => void logLines.push(line) })
      : new DefaultLogger('ERROR');
    Runtime.install({ logger });
    runtimeInstalled = true;
  }
  const database = await createTestDatabase();
  const taskQueue = `test-${randomBytes(4).toString('hex')}`;
  const config = configSchema.parse({
    TEMPORAL_ADDRESS: inject('temporalAddress'),
    DATABASE_URL: database.url,
    TEMPORAL_TASK_QUEUE: taskQueue,
    STEP_TIMEOUT_SECONDS: '10',
    STEP_MAX_ATTEMPTS: '3',
    LOG_LEVEL: 'silent',
    // Tests fire requests far faster than people do; rate-limit tests lower these again.
    LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
    API_RATE_LIMIT_PER_MINUTE: '1000000',
    ...options.config,
  });
  let apiUrl: string | null = null;
  // The simulated outside systems on this test's database, answering at once unless the test says otherwise;
  // they post their callbacks, signed, over HTTP to the API's callback routes, as the real ones would.
  const simulators = await startSimulators({
    config,
    databaseUrl: database.url,
    port: 0,
    callbackApiUrl: () => {
      if (!apiUrl) throw new Error('the API is not up yet');
      return apiUrl;
    },
    behaviours: {
      ...instantBehaviours,
      hlr: { ...instantBehaviours.hlr, ...options.hlr },
      bank: { ...instantBehaviours.bank, ...options.bank },
      clearing: { ...instantBehaviours.clearing, ...options.clearing },
      bboss: { ...instantBehaviours.bboss, ...options.bboss },
      sms: { ...instantBehaviours.sms, ...options.sms },
      telephony: { ...instantBehaviours.telephony, ...options.telephony },
    },
    demoBankAccounts: false,
  });
  let system: Awaited<ReturnType<typeof compose>>;
  try {
    // The routes hand verified callbacks to the sinks (the real ones unless a test passes its own).
    system = await compose(
      { ...config, SIMULATORS_URL: config.SIMULATORS_URL ?? simulators.url },
      {
        db: database.db,
        workflowBundle: { code: readFileSync(inject('workflowBundlePath'), 'utf8') },
        logger: logLines
          ? { level: 'debug', stream: { write: (line: string) => void logLines.push(line) } }
          : false,
        ...(options.mnpCallbacks ? { sinks: { mnp: options.mnpCallbacks } } : {}),
      },
    );
  } catch (err) {
    await simulators.stop();
    throw err;
  }

  const startWorker = async () => (await system.startWorker()).worker;
  if (!options.noWorker) await startWorker();

  const children: ChildProcess[] = [];
  const startWorkerProcess = (env: Record<string, string>): Promise<ChildProcess> =>
    new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', workerScript], {
        env: {
          ...process.env,
          TEMPORAL_ADDRESS: config.TEMPORAL_ADDRESS,
          DATABASE_URL: database.url,
          TEMPORAL_TASK_QUEUE: taskQueue,
          WORKFLOW_BUNDLE_PATH: inject('workflowBundlePath'),
          SIMULATORS_URL: simulators.url,
          ...env,
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      children.push(child);
      child.stdout?.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('ready')) resolve(child);
      });
      child.once('exit', (code) => reject(new Error(`worker process exited early (${String(code)})`)));
    });

  const app = await system.api({ simulatorRoutes: true });
  apiUrl = await app.listen({ host: '127.0.0.1', port: 0 });

  const login = async (operatorId = 'store01', channelCode = 'STORE-BJ-001') => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { operatorId, password: DEMO_PASSWORD, channelCode },
    });
    if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
    return res.json<{ token: string }>().token;
  };

  return {
    app,
    db: database.db,
    dbUrl: database.url,
    client: system.client,
    config,
    taskQueue,
    sim: simulators.control,
    simulatorsUrl: simulators.url,
    apiUrl,
    startWorker,
    startWorkerProcess,
    login,
    close: async () => {
      for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
      // First no more callbacks (a pending one would find the API closed), then the rest.
      await simulators.stop();
      await system.close();
      await database.drop();
    },
  };
}
