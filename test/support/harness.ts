import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Client } from '@temporalio/client';
import { DefaultLogger, Runtime, type Worker } from '@temporalio/worker';
import type { FastifyInstance } from 'fastify';
import { inject } from 'vitest';
import type { BankSimulator } from '../../activities/adapters/bank';
import type { SmsGatewaySimulator } from '../../activities/adapters/sms';
import type { BbossSimulator, BbossSimulationOptions } from '../../activities/adapters/bboss';
import type { ClearingSimulationOptions, ClearingSystemSimulator } from '../../activities/adapters/clearing';
import type { HlrSimulator } from '../../activities/adapters/hlr';
import { TelephonySimulator } from '../../activities/adapters/telephony';
import type { SimulationOptions } from '../../activities/adapters/simulation';
import { BBOSS_SIGNATURE_HEADER } from '../../api/callbacks/bboss-callbacks';
import { CLEARING_SIGNATURE_HEADER } from '../../api/callbacks/mnp-callbacks';
import { TELEPHONY_SIGNATURE_HEADER } from '../../api/callbacks/telephony-callbacks';
import { signBody } from '../../api/plugins/signed-callback';
import type { Db } from '../../db/client';
import type { MnpCallbackSink } from '../../domain/mnp-callbacks';
import { DEMO_PASSWORD } from '../../db/seed';
import { compose } from '../../infra/compose';
import { workerLogger } from '../../infra/worker-runtime';
import { configSchema, type AppConfig } from '../../temporal.config';
import { instantSimulators } from '../../workers/simulators';
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
  hlr: HlrSimulator;
  bank: BankSimulator;
  /** The clearing system (MNP-5): steer `clearing.options` (answerDelayMs, rejectRate, lossRate). */
  clearing: ClearingSystemSimulator;
  /** BBOSS (GRP-4): steer `bboss.options` (answerDelayMs, rejectRate, lossRate, memberRejectRate…). */
  bboss: BbossSimulator;
  /** The SMS gateway; `sms.inbox(msisdn)` is what the customer's phone received. */
  sms: SmsGatewaySimulator;
  /**
   * The call-centre telephony side: `telephony.placeCall({ callerMsisdn, agent })` posts a signed
   * call-start event through the API, as the real switch would, and returns the `callId` queries carry.
   */
  telephony: TelephonySimulator;
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
  hlr?: Partial<SimulationOptions>;
  bank?: Partial<SimulationOptions>;
  clearing?: Partial<Omit<ClearingSimulationOptions, 'deliver'>>;
  bboss?: Partial<Omit<BbossSimulationOptions, 'deliver'>>;
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
  let appForCallbacks: FastifyInstance | null = null;
  /** Posts a callback as its outside system would: signed JSON; anything but 202 counts as lost. */
  const postSigned = async (url: string, header: string, secret: string, callback: object) => {
    if (!appForCallbacks) throw new Error('the API is not up yet');
    const body = JSON.stringify(callback);
    const res = await appForCallbacks.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/json', [header]: signBody(secret, body) },
      payload: body,
    });
    if (res.statusCode !== 202) throw new Error(`callback answered ${res.statusCode}: ${res.body}`);
  };
  // The simulated clearing system and BBOSS call back through their signed HTTP routes, as the real ones
  // would; the routes hand verified callbacks to the sinks (the real ones unless a test passes its own).
  const system = await compose(config, {
    db: database.db,
    workflowBundle: { code: readFileSync(inject('workflowBundlePath'), 'utf8') },
    logger: logLines
      ? { level: 'debug', stream: { write: (line: string) => void logLines.push(line) } }
      : false,
    ...(options.mnpCallbacks ? { sinks: { mnp: options.mnpCallbacks } } : {}),
    simulators: {
      ...instantSimulators,
      hlr: { ...instantSimulators.hlr, ...options.hlr },
      bank: { ...instantSimulators.bank, ...options.bank },
      clearing: {
        latencyMs: 0,
        failureRate: 0,
        answerDelayMs: 50,
        rejectRate: 0,
        lossRate: 0,
        ...options.clearing,
      },
      bboss: {
        latencyMs: 0,
        failureRate: 0,
        answerDelayMs: 50,
        approvalExtraDelayMs: 50,
        rejectRate: 0,
        lossRate: 0,
        memberRejectRate: 0,
        ...options.bboss,
      },
    },
    deliver: {
      mnp: (callback) =>
        postSigned('/api/v1/callbacks/mnp', CLEARING_SIGNATURE_HEADER, config.MNP_CALLBACK_SECRET, callback),
      bboss: (callback) =>
        postSigned('/api/v1/callbacks/bboss', BBOSS_SIGNATURE_HEADER, config.BBOSS_CALLBACK_SECRET, callback),
    },
  });
  const { hlr, bank, clearing, bboss, sms } = system.simulators;
  // The telephony side reports hotline calls through its signed HTTP route too.
  const telephony = new TelephonySimulator({
    latencyMs: 0,
    failureRate: 0,
    deliver: (event) =>
      postSigned(
        '/api/v1/callbacks/telephony',
        TELEPHONY_SIGNATURE_HEADER,
        config.TELEPHONY_CALLBACK_SECRET,
        event,
      ),
  });

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

  const app = await system.api({ smsInbox: true, simulatorLatency: true });
  await app.ready();
  appForCallbacks = app;

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
    hlr,
    bank,
    clearing,
    bboss,
    sms,
    telephony,
    startWorker,
    startWorkerProcess,
    login,
    close: async () => {
      for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
      await system.close();
      await database.drop();
    },
  };
}
