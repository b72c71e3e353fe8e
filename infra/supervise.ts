import type { ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

/** One run of a server in a child process (the Temporal dev server, the embedded PostgreSQL). */
export interface ServerRun {
  /** Settles when the process has ended, saying how (`exit code 1`, `signal SIGKILL`). */
  exited: Promise<string>;
  stop: () => Promise<void>;
}

export interface RestartPolicy {
  /** Restarts allowed within `windowMs`; one more and the supervisor gives up. */
  maxRestarts: number;
  windowMs: number;
  /** Wait before restart attempt `n` (0 for the first after a death). */
  delayMs: (n: number) => number;
}

/** `npm start`'s policy: up to 5 restarts in 10 minutes, waiting 1, 2, 4, 8… (at most 15) seconds before each. */
export const defaultRestartPolicy: RestartPolicy = {
  maxRestarts: 5,
  windowMs: 10 * 60_000,
  delayMs: (n) => Math.min(1000 * 2 ** n, 15_000),
};

/**
 * Keeps a server running: when its process ends without being asked to, says so and starts it again through
 * `restart` (same state, same port — the caller's business), retrying a failed start with growing waits. More
 * than `maxRestarts` restarts within `windowMs` (a crash loop, or a server that will not start) and it gives up:
 * `onGiveUp` gets an error saying what happened, and nothing more is tried.
 */
export function supervise<R extends ServerRun>(options: {
  /** How the server is named in the log: `Temporal dev server`, `PostgreSQL`. */
  name: string;
  /** Where it runs, for the log: `127.0.0.1:7233, state in .data/temporal.db`. */
  where: string;
  first: R;
  restart: () => Promise<R>;
  log: (line: string) => void;
  onGiveUp: (err: Error) => void;
  policy?: RestartPolicy;
}): {
  stop: () => Promise<void>;
  current: () => R;
  standDown: () => void;
  takeDown: (ms: number) => Promise<void>;
} {
  const { name, where, log } = options;
  const policy = options.policy ?? defaultRestartPolicy;
  const restarts: number[] = [];
  let current = options.first;
  let stopping = false;
  /** Taken down on purpose for a while: its end is not a death. */
  let down = false;
  let recovering: Promise<void> = Promise.resolve();
  // Stopping cuts a wait between restart attempts short.
  const stopped = new AbortController();

  const watch = (run: R) => {
    void run.exited.then((how) => {
      if (stopping || down || run !== current) return;
      log(`${name} died (${how}); restarting it (${where})…`);
      recovering = recover();
    });
  };

  async function recover(): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      const now = Date.now();
      while (restarts.length > 0 && (restarts[0] ?? now) <= now - policy.windowMs) restarts.shift();
      if (restarts.length >= policy.maxRestarts) {
        const minutes = Math.round(policy.windowMs / 60_000);
        options.onGiveUp(
          new Error(
            `${name} (${where}) died and could not be kept running ` +
              `(${restarts.length} restarts within ${minutes} min)`,
          ),
        );
        return;
      }
      restarts.push(now);
      await sleep(policy.delayMs(attempt), undefined, { signal: stopped.signal }).catch(() => undefined);
      if (stopping) return;
      try {
        const run = await options.restart();
        current = run;
        if (stopping) {
          await run.stop();
          return;
        }
        log(`${name} restarted (${where})`);
        watch(run);
        return;
      } catch (err) {
        log(`${name} did not start again: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }

  watch(current);

  /**
   * Stops the process and starts it again `ms` later (an operator's restart, a replica taken out of service
   * for a while): no death is reported and no restart is counted. Resolves once it runs again; a start that
   * fails is left to the usual restarts. Refused while the part is being restarted or already taken down.
   */
  async function takeDown(ms: number): Promise<void> {
    if (down || stopping) throw new Error(`${name} is already down or stopping`);
    await recovering;
    down = true;
    try {
      await current.stop();
      await sleep(ms, undefined, { signal: stopped.signal }).catch(() => undefined);
      if (stopping) return;
      const run = await options.restart();
      current = run;
      if (stopping) {
        await run.stop();
        return;
      }
      log(`${name} back after being taken down for ${Math.round(ms / 1000)} s (${where})`);
      watch(run);
    } catch (err) {
      log(`${name} did not start again: ${err instanceof Error ? err.message : String(err)}`);
      if (!stopping) recovering = recover();
    } finally {
      down = false;
    }
  }
  let takingDown: Promise<void> = Promise.resolve();

  return {
    /** The run now in service (a fault injector kills it to see it restarted). */
    current: () => current,
    takeDown: (ms: number) => {
      takingDown = takeDown(ms);
      return takingDown;
    },
    /**
     * No more restarts from now on, the process left running: a system stopping part by part calls it on every
     * part first, so a part that ends before its turn (Ctrl-C reaches the whole process group) is not restarted.
     */
    standDown: () => {
      stopping = true;
      stopped.abort();
    },
    stop: async () => {
      stopping = true;
      stopped.abort();
      await takingDown.catch(() => undefined);
      await recovering;
      await current.stop();
    },
  };
}

/** Settles when `child` has ended, saying how. */
export function endOf(child: ChildProcess): Promise<string> {
  const how = () =>
    child.signalCode ? `signal ${child.signalCode}` : `exit code ${String(child.exitCode ?? 'unknown')}`;
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(how());
  return new Promise((resolve) => child.once('exit', () => resolve(how())));
}
