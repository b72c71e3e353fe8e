import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { searchAttributeKeys } from '../workflows/contracts/search-attributes';
import { canConnect } from './ports';
import { endOf, type ServerRun } from './supervise';
import { resolveTemporalCli } from './temporal-cli';

export interface DevServer extends ServerRun {
  address: string;
  uiUrl: string | null;
  /** The server process, for measuring it (e.g. its memory); undefined if the spawn gave none. */
  pid: number | undefined;
}

/** In-flight updates one workflow accepts at once (server default 10). */
export const MAX_IN_FLIGHT_UPDATES = 100;

/**
 * How the dev server keeps its SQLite file on one machine (`npm start`). Write-ahead logging lets readers
 * (visibility, the UI) go on while the history service writes, and commits append to the log instead of
 * rewriting pages; `synchronous=NORMAL` syncs the log to disk at checkpoints rather than at every commit. A
 * crash of the server process loses nothing with these (the log is in the OS's hands once written); only a
 * power cut or kernel crash may lose the last commits, never corrupt the file. Passed as `--sqlite-pragma`,
 * which the CLI hands to SQLite on every connection it opens.
 */
export const SQLITE_PRAGMAS = { journal_mode: 'WAL', synchronous: 'NORMAL' } as const;

const sqlitePragmaArgs = Object.entries(SQLITE_PRAGMAS).flatMap(([name, value]) => [
  '--sqlite-pragma',
  `${name}=${value}`,
]);

/**
 * Starts `temporal server start-dev` as a child process. With `dbFile` the state survives restarts (and a crash of
 * the server process: `SQLITE_PRAGMAS`); without, it lives in memory (tests). Resolves once the frontend port accepts connections; `exited` settles when the
 * process ends (stopped, or died).
 */
export async function startTemporalDevServer(options: {
  port: number;
  uiPort?: number;
  dbFile?: string;
  namespace?: string;
  log?: (line: string) => void;
}): Promise<DevServer> {
  // Another process on the port would pass for this server once the port answers.
  if (await canConnect(options.port)) {
    throw new Error(`port ${options.port} for the Temporal dev server is already in use by another process`);
  }
  const cli = resolveTemporalCli(options.log);
  const args = [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(options.port),
    '--log-level',
    'error',
  ];
  args.push('--namespace', options.namespace ?? 'default');
  // REQ: WO-4 — a work order being grabbed gets one update per grabber at once; the server default of 10
  // in-flight updates per workflow makes the 11th grabber wait for a client retry (~1 s). Set the same on a
  // cluster (dynamic config `history.maxInFlightUpdates`).
  args.push('--dynamic-config-value', `history.maxInFlightUpdates=${MAX_IN_FLIGHT_UPDATES}`);
  // OPS — the custom search attributes orders start with (a workflow carrying an unknown one is refused).
  for (const key of searchAttributeKeys) args.push('--search-attribute', `${key.name}=Keyword`);
  if (options.dbFile) args.push('--db-filename', options.dbFile, ...sqlitePragmaArgs);
  if (options.uiPort) args.push('--ui-port', String(options.uiPort));
  else args.push('--headless');
  const child = spawn(cli, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = endOf(child);
  await waitForPort(options.port, child, () => stderr);
  return {
    address: `127.0.0.1:${options.port}`,
    uiUrl: options.uiPort ? `http://127.0.0.1:${options.uiPort}` : null,
    pid: child.pid,
    exited,
    stop: () => stopChild(child),
  };
}

async function waitForPort(port: number, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`Temporal dev server exited (${child.exitCode}): ${stderr()}`);
    if (await canConnect(port)) return;
    await sleep(200);
  }
  child.kill('SIGKILL');
  throw new Error(`Temporal dev server did not open port ${port} within 60 s: ${stderr()}`);
}

export async function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}
