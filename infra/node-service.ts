import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { stopChild } from './dev-server';
import { canConnect } from './ports';
import { endOf, type ServerRun } from './supervise';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** A process of the system itself (a worker, an API replica, the simulators) started from its entry file. */
export interface NodeServiceRun extends ServerRun {
  name: string;
  pid: number | undefined;
  /** Ends the process at once with `signal` (a fault injected: SIGKILL leaves it no time to clean up). */
  kill: (signal: NodeJS.Signals) => void;
}

/**
 * Starts `entry` (a TypeScript file of the repo, run by tsx) as a child process with `env` over this process's
 * environment, its output appended to `logFile`. Resolves once it is ready: `ready.port` accepts connections,
 * or it sent `{ ready: true }` over its IPC channel. Rejects when it ends first or is not ready within 120 s.
 */
export async function startNodeService(options: {
  name: string;
  entry: string;
  env: Record<string, string>;
  logFile: string;
  /** Ready when `port` accepts connections, or when the process says so (`process.send({ ready: true })`). */
  ready: { port: number } | 'says-so';
}): Promise<NodeServiceRun> {
  const { name, ready } = options;
  if (ready !== 'says-so' && (await canConnect(ready.port)))
    throw new Error(`port ${ready.port} for ${name} is already in use by another process`);
  const child = spawn(process.execPath, ['--import', 'tsx', options.entry], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let said = false;
  child.on('message', (message: unknown) => {
    if (typeof message === 'object' && message !== null && 'ready' in message) said = true;
  });
  const log = createWriteStream(options.logFile, { flags: 'a' });
  let tail = '';
  const read = (chunk: Buffer) => {
    log.write(chunk);
    tail = (tail + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', read);
  child.stderr?.on('data', read);
  const exited = endOf(child);
  // Output may still come after 'exit'; the streams are done at 'close'. A log that cannot be written is no
  // reason for the supervising process to fall over.
  log.on('error', () => undefined);
  child.once('close', () => log.end());
  const deadline = Date.now() + 120_000;
  while (!(ready === 'says-so' ? said : await canConnect(ready.port))) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`${name} exited (${await exited}) before it was ready: ${tail.trim().slice(-1500)}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} was not ready within 120 s (see ${options.logFile})`);
    }
    await sleep(200);
  }
  return {
    name,
    pid: child.pid,
    exited,
    kill: (signal) => child.kill(signal),
    stop: () => stopChild(child, 15_000),
  };
}
