import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateDb } from '../db/client';
import { startTemporalDevServer } from '../infra/dev-server';
import { freePort } from '../infra/ports';
import { ensureDatabase, startEmbeddedPostgres } from '../infra/postgres';

/** What a benchmark module exports: it runs, prints progress, and returns the figures for the last line. */
export type Benchmark = (args: string[]) => Promise<Record<string, number | string | boolean>>;

export type Log = (line: string) => void;

export const logger =
  (name: string): Log =>
  (line) =>
    console.log(`[bench:${name}] ${line}`);

/**
 * `--name value` / `--name=value` flags, checked against the defaults: every flag must be known and, when
 * its default is a number, a finite number.
 */
export function parseFlags<T extends Record<string, number | string>>(args: string[], defaults: T): T {
  const out: Record<string, number | string> = { ...defaults };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (!arg.startsWith('--')) throw new Error(`unexpected argument "${arg}" (flags look like --name value)`);
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    let value = inline;
    if (value === undefined) {
      value = args[i + 1];
      i++;
    }
    if (!(name in defaults))
      throw new Error(`unknown flag --${name}; known: ${Object.keys(defaults).join(', ')}`);
    if (value === undefined) throw new Error(`flag --${name} needs a value`);
    if (typeof defaults[name] === 'number') {
      const n = Number(value);
      if (!Number.isFinite(n)) throw new Error(`flag --${name} must be a number, got "${value}"`);
      out[name] = n;
    } else {
      out[name] = value;
    }
  }
  return out as T;
}

/** Nearest-rank percentile (p in 0..100) of unsorted values; 0 for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] ?? 0;
}

export const round = (value: number, digits = 1): number => {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};

/** Runs `task(0..count-1)` with at most `concurrency` at a time (a closed loop: a lane takes the next index). */
export async function runPool(
  count: number,
  concurrency: number,
  task: (index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, count)) }, lane));
}

/** Prints `describe()` every `everyMs` until stopped. */
export function progress(log: Log, describe: () => string, everyMs = 2_000): { stop: () => void } {
  const timer = setInterval(() => log(describe()), everyMs);
  return { stop: () => clearInterval(timer) };
}

/**
 * Undo steps in reverse order of registration. Runs once, also on Ctrl-C / SIGTERM, so a benchmark never
 * leaves a PostgreSQL, a Temporal dev server or a temp directory behind.
 */
export class Cleanup {
  private readonly steps: { name: string; run: () => Promise<void> | void }[] = [];
  private done: Promise<void> | null = null;
  private readonly onSignal = (signal: NodeJS.Signals) => {
    this.log(`${signal}: cleaning up…`);
    void this.run().finally(() => process.exit(130));
  };

  constructor(private readonly log: Log) {
    process.once('SIGINT', this.onSignal);
    process.once('SIGTERM', this.onSignal);
  }

  add(name: string, run: () => Promise<void> | void): void {
    this.steps.push({ name, run });
  }

  run(): Promise<void> {
    this.done ??= (async () => {
      for (const step of this.steps.reverse()) {
        try {
          await step.run();
        } catch (err) {
          this.log(`cleanup "${step.name}" failed: ${String(err)}`);
        }
      }
      process.off('SIGINT', this.onSignal);
      process.off('SIGTERM', this.onSignal);
    })();
    return this.done;
  }
}

export interface Environment {
  /** URL of a fresh, migrated database. */
  databaseUrl: string;
  /** Set when a Temporal dev server was asked for. */
  temporalAddress: string | null;
  /** The dev server's process ID, to measure its memory. */
  temporalPid: number | null;
}

/**
 * A temp directory, an embedded PostgreSQL in it (not persistent) with a fresh migrated database and,
 * optionally, an in-memory Temporal dev server; all on free ports and all registered with `cleanup`.
 */
export async function startEnvironment(
  cleanup: Cleanup,
  log: Log,
  options: { temporal: boolean },
): Promise<Environment> {
  const workDir = mkdtempSync(join(tmpdir(), 'om-bench-'));
  cleanup.add('temp dir', () => {
    rmSync(workDir, { recursive: true, force: true });
    log(`removed ${workDir}`);
  });
  const started = Date.now();
  const [pgPort, temporalPort] = [await freePort(), await freePort()];
  log(
    `starting PostgreSQL (port ${pgPort})` +
      (options.temporal ? ` and Temporal dev server (port ${temporalPort})…` : '…'),
  );
  // allSettled: when one fails, the other is still registered for cleanup before we give up.
  const [pgResult, temporalResult] = await Promise.allSettled([
    startEmbeddedPostgres({ dataDir: join(workDir, 'pg'), port: pgPort, persistent: false, log }).then(
      (handle) => {
        cleanup.add('PostgreSQL', async () => {
          await handle.stop();
          log('PostgreSQL stopped');
        });
        return handle;
      },
    ),
    options.temporal
      ? startTemporalDevServer({ port: temporalPort, log }).then((server) => {
          cleanup.add('Temporal dev server', async () => {
            await server.stop();
            log('Temporal dev server stopped');
          });
          return server;
        })
      : null,
  ]);
  if (pgResult.status === 'rejected') throw pgResult.reason;
  if (temporalResult.status === 'rejected') throw temporalResult.reason;
  const [pg, temporal] = [pgResult.value, temporalResult.value];
  const databaseUrl = await ensureDatabase(pg.url, 'bench');
  await migrateDb(databaseUrl);
  log(`servers up and database migrated in ${Date.now() - started} ms`);
  return { databaseUrl, temporalAddress: temporal?.address ?? null, temporalPid: temporal?.pid ?? null };
}
