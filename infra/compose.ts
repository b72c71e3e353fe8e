import { fileURLToPath } from 'node:url';
import { Client, type Connection } from '@temporalio/client';
import type { NativeConnection, Worker, WorkflowBundle } from '@temporalio/worker';
import type { FastifyInstance } from 'fastify';
import type { ActivityDeps } from '../activities';
import { buildApp, type AppDeps } from '../api/app';
import { createDb, type Db } from '../db/client';
import type { BbossCallbackSink } from '../domain/bboss-callbacks';
import type { MnpCallbackSink } from '../domain/mnp-callbacks';
import { createBbossCallbackSink } from '../services/callbacks/bboss-sink';
import { createMnpCallbackSink } from '../services/callbacks/mnp-sink';
import type { AppConfig } from '../temporal.config';
import { connectSimulators } from '../simulators/control-client';
import type { SimulatorsControl } from '../simulators/control';
import { httpAdapters } from '../activities/adapters/http';
import { createWorker } from '../workers/create-worker';
import { connectClient, connectWorker } from './temporal-connection';

/** What the API of this process serves beyond the routes. */
export interface ApiOptions {
  /**
   * REQ: NOTIF-1, UI-1 — the simulators' demo routes: the SMS gateway's inbox and the HLR's and bank's latency
   * (a demo slows an order to cancel it in time), read and set through the simulators' control routes.
   */
  simulatorRoutes?: boolean;
  /** REQ: UI-1 — the staff console at `/`, from its build in web/dist. */
  console?: boolean;
}

/** Where scripts/web-build.ts puts the console's build. */
export const CONSOLE_BUILD_DIR = fileURLToPath(new URL('../web/dist', import.meta.url));

export interface CallbackSinks {
  /** REQ: MNP-5 — the clearing system's answers and port-out requests signal the port orders. */
  mnp: MnpCallbackSink;
  /** REQ: GRP-4 — BBOSS's answers signal the group product orders. */
  bboss: BbossCallbackSink;
}

/** What a caller (a test, a benchmark) gives instead of what the configuration would build. */
export interface ComposeOverrides {
  /** A database handle the caller owns (and closes); otherwise one on `DATABASE_URL`, closed by `close`. */
  db?: Db;
  /** Outside-system adapters replacing the HTTP ones in the activities. */
  adapters?: Partial<Omit<ActivityDeps, 'db' | 'config'>>;
  /** Sinks replacing the real ones (a test that records the callbacks). */
  sinks?: Partial<CallbackSinks>;
  /** The bundled workflow code, sparing each worker the bundling. */
  workflowBundle?: WorkflowBundle;
  /** The API's logger; by default at `LOG_LEVEL`. */
  logger?: AppDeps['logger'];
}

/** A worker that runs until `close` (or SIGINT/SIGTERM, which the SDK handles). */
export interface RunningWorker {
  worker: Worker;
  /** Settles once the worker stopped; rejects when it failed. */
  running: Promise<void>;
}

/** The parts of the system, built once from one configuration; `close` ends what was built, in reverse. */
export interface Composition {
  config: AppConfig;
  db: Db;
  /** The client connection (its calls bounded by `TEMPORAL_RPC_DEADLINE_MS`) and a client on it. */
  connection: Connection;
  client: Client;
  sinks: CallbackSinks;
  /** The simulators process at SIMULATORS_URL, to steer and inspect (whatever `adapters` replaced); none unset. */
  simulators: SimulatorsControl | null;
  /** What the workers' activities need; throws when SIMULATORS_URL is not set. */
  readonly activityDeps: ActivityDeps;
  /** What the API needs; `simulatorRoutes`: the simulators' demo routes (`npm start`, the tests). */
  appDeps: (options?: ApiOptions) => AppDeps;
  /** The API, built once (ready for `inject()` or `listen()`), closed by `close`. */
  api: (options?: ApiOptions) => Promise<FastifyInstance>;
  /** The worker connection, opened on first use (a caller may start workers of its own on it). */
  workerConnection: () => Promise<NativeConnection>;
  /** Starts a worker for every business on the task queue; each call one more. */
  startWorker: () => Promise<RunningWorker>;
  close: () => Promise<void>;
}

/**
 * THE composition root: every process (`npm start`, the standalone API and worker, the tests, their killable
 * worker, the benchmarks) builds the database handle, the Temporal connections, the callback sinks, the outside
 * systems' adapters, the worker and the API from here, so they are wired alike. `config` names the servers
 * (`TEMPORAL_ADDRESS`, `DATABASE_URL`) and the simulators process the outside systems are reached at
 * (`SIMULATORS_URL`, over HTTP as the real systems would be).
 */
export async function compose(config: AppConfig, overrides: ComposeOverrides = {}): Promise<Composition> {
  const address = config.TEMPORAL_ADDRESS;
  if (!address) throw new Error('compose: TEMPORAL_ADDRESS is not set');
  const simulatorsUrl = config.SIMULATORS_URL;
  const closes: (() => Promise<void>)[] = [];
  const close = async () => {
    const errors: unknown[] = [];
    for (const step of closes.splice(0).reverse()) await step().catch((err: unknown) => errors.push(err));
    if (errors.length > 0) throw new AggregateError(errors, 'closing the composition failed');
  };
  try {
    let db = overrides.db;
    if (!db) {
      if (!config.DATABASE_URL) throw new Error('compose: DATABASE_URL is not set');
      const handle = createDb(config.DATABASE_URL, {
        connectTimeoutSeconds: config.DATABASE_CONNECT_TIMEOUT_SECONDS,
      });
      closes.push(handle.close);
      db = handle.db;
    }
    const connection = await connectClient(config, address);
    closes.push(() => connection.close());
    const client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });

    const sinks: CallbackSinks = {
      mnp: overrides.sinks?.mnp ?? createMnpCallbackSink(client, { db, config }),
      bboss: overrides.sinks?.bboss ?? createBbossCallbackSink(client),
    };
    const simulators = simulatorsUrl ? connectSimulators(simulatorsUrl) : null;
    let activityDeps: ActivityDeps | null = null;
    /** The workers' dependencies; the outside systems are required only here (an API alone does without). */
    const workerDeps = (): ActivityDeps => {
      if (!simulatorsUrl)
        throw new Error(
          'compose: SIMULATORS_URL is not set — where the workers reach the outside systems ' +
            '(`npm run simulators` serves the simulated ones)',
        );
      activityDeps ??= { db, config, ...httpAdapters(simulatorsUrl), ...overrides.adapters };
      return activityDeps;
    };

    const appDeps = (options: ApiOptions = {}): AppDeps => ({
      db,
      client,
      connection,
      config,
      ...(overrides.logger === undefined ? {} : { logger: overrides.logger }),
      mnpCallbacks: sinks.mnp,
      bbossCallbacks: sinks.bboss,
      ...(options.simulatorRoutes && simulators ? { simulators } : {}),
      ...(options.console ? { consoleDir: CONSOLE_BUILD_DIR } : {}),
    });
    let app: Promise<FastifyInstance> | null = null;
    const api = (options: ApiOptions = {}) => {
      app ??= buildApp(appDeps(options)).then((built) => {
        closes.push(() => built.close());
        return built;
      });
      return app;
    };

    let nativeConnection: Promise<NativeConnection> | null = null;
    const workerConnection = () => {
      nativeConnection ??= connectWorker(config, address).then((opened) => {
        closes.push(() => opened.close());
        return opened;
      });
      return nativeConnection;
    };
    const startWorker = async (): Promise<RunningWorker> => {
      const worker = await createWorker({
        connection: await workerConnection(),
        namespace: config.TEMPORAL_NAMESPACE,
        taskQueue: config.TEMPORAL_TASK_QUEUE,
        deps: workerDeps(),
        ...(overrides.workflowBundle ? { workflowBundle: overrides.workflowBundle } : {}),
      });
      const running = worker.run();
      const stopped = running.catch(() => undefined);
      closes.push(async () => {
        // The SDK drains a worker by itself on SIGINT/SIGTERM; shut it down here only if it still runs.
        if (worker.getState() === 'RUNNING') worker.shutdown();
        await stopped;
      });
      return { worker, running };
    };

    return {
      config,
      db,
      connection,
      client,
      sinks,
      simulators,
      get activityDeps() {
        return workerDeps();
      },
      appDeps,
      api,
      workerConnection,
      startWorker,
      close,
    };
  } catch (err) {
    await close().catch(() => undefined);
    throw err;
  }
}
