/**
 * The shared benchmark runner. A benchmark declares its name, a one-line about, its flags with defaults, the
 * figures that make its headline (the `all` table), what it needs set up and its body; the runner parses the
 * flags, builds the set-up through the composition root (bench/set-up.ts), cleans up afterwards and on
 * Ctrl-C, and hands the body's figures back for the final JSON line. Lanes, progress lines and percentiles
 * are in bench/measure.ts.
 */
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { Cleanup } from './cleanup';
import { logger, parseFlags, type Figures, type FlagValues, type Log } from './measure';
import {
  startAsNpmStart,
  startPostgres,
  startSystem,
  startTopologyForBench,
  type BehaviourOverrides,
  type TopologyParts,
  type PostgresParts,
  type RuntimeParts,
  type SystemParts,
} from './set-up';

/** What every body gets: its flags, its log and the cleanup (for what it starts itself). */
export interface BaseContext<F extends FlagValues> {
  flags: F;
  log: Log;
  cleanup: Cleanup;
}

/** PostgreSQL only: a fresh migrated database and a pool of `pool` connections. */
export interface PostgresSetUp<F> {
  kind: 'postgres';
  pool: (flags: F) => number;
}

/**
 * The system as the benchmarks run it (bench/set-up.ts `startSystem`): PostgreSQL, an in-memory Temporal dev
 * server, instant simulators, the order worker on `taskQueue`, the API and a client.
 */
export interface SystemSetUp<F, D = unknown> {
  kind: 'system';
  taskQueue: string;
  /** PostgreSQL connections shared by API and worker (createDb's default is 10, as in `npm start`). */
  pool: (flags: F) => number;
  /** Configuration (environment names and values) over the defaults. */
  config?: (flags: F) => Record<string, string>;
  /** Simulator behaviours over the instant ones. */
  behaviours?: (flags: F) => BehaviourOverrides;
  /** Data written straight to the database before the worker starts; what it returns is the body's `seeded`. */
  seed?: (parts: PostgresParts, flags: F, log: Log) => Promise<D>;
}

/** The system exactly as `npm start` composes it (infra/runtime.ts), on a temp DATA_DIR and free ports. */
export interface NpmStartSetUp<F> {
  kind: 'npm-start';
  config?: (flags: F) => Record<string, string>;
}

/** The production topology of `npm run cluster` on free ports (infra/topology.ts), with the demo data. */
export interface TopologySetUp<F> {
  kind: 'topology';
  config?: (flags: F) => Record<string, string>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any seed result; the body sees its own type
export type SetUp<F> = PostgresSetUp<F> | SystemSetUp<F, any> | NpmStartSetUp<F> | TopologySetUp<F>;

type PartsOf<S> = S extends { kind: 'postgres' }
  ? PostgresParts
  : S extends { kind: 'system'; seed?: (...args: never[]) => Promise<infer D> }
    ? SystemParts & { seeded: D }
    : S extends { kind: 'topology' }
      ? TopologyParts
      : RuntimeParts;

export interface Benchmark<F extends FlagValues = FlagValues, S extends SetUp<F> = SetUp<F>> {
  name: string;
  about: string;
  flags: F;
  /** Refuses flag values the body cannot run with (throws with the reason). */
  check?: (flags: F) => void;
  /** The figures shown for this benchmark in `all`'s table and JSON. */
  headline: readonly string[];
  setUp: S;
  body: (context: BaseContext<F> & PartsOf<S>) => Promise<Figures>;
}

/** Declares a benchmark (the identity, typed: the body's context follows the set-up's kind). */
export function defineBenchmark<F extends FlagValues, S extends SetUp<F>>(
  benchmark: Benchmark<F, S>,
): Benchmark<F, S> {
  return benchmark;
}

/** Runs one benchmark with `args` as its flags; resolves with its figures once everything is cleaned up. */
export async function runBenchmark<F extends FlagValues, S extends SetUp<F>>(
  benchmark: Benchmark<F, S>,
  args: readonly string[],
): Promise<Figures> {
  const flags = parseFlags(args, benchmark.flags);
  benchmark.check?.(flags);
  const log = logger(benchmark.name);
  const cleanup = new Cleanup(log);
  try {
    const parts = await setUp(benchmark.setUp, flags, cleanup, log);
    return await benchmark.body({ flags, log, cleanup, ...(parts as PartsOf<S>) });
  } finally {
    await cleanup.run();
  }
}

async function setUp<F>(
  what: SetUp<F>,
  flags: F,
  cleanup: Cleanup,
  log: Log,
): Promise<PostgresParts | SystemParts | RuntimeParts | TopologyParts> {
  switch (what.kind) {
    case 'postgres':
      return startPostgres(cleanup, log, { pool: what.pool(flags) });
    case 'system':
      quietSdk();
      return startSystem(cleanup, log, {
        pool: what.pool(flags),
        taskQueue: what.taskQueue,
        config: what.config?.(flags) ?? {},
        behaviours: what.behaviours?.(flags) ?? {},
        seed: async (parts): Promise<unknown> => (await what.seed?.(parts, flags, log)) as unknown,
      });
    case 'npm-start':
      // The SDK runtime is installed as `npm start` installs it (its logger, its metrics port).
      return startAsNpmStart(cleanup, log, { config: what.config?.(flags) ?? {} });
    case 'topology':
      quietSdk();
      return startTopologyForBench(cleanup, log, { config: what.config?.(flags) ?? {} });
  }
}

/** The SDK's own log at ERROR only: its warnings would bury the progress lines. */
function quietSdk(): void {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
}
