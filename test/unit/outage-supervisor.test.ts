import { describe, expect, it, vi } from 'vitest';
import { supervise, type ServerRun } from '../../infra/supervise';

/** A server run the test ends at will: `die` as a crash, `stop` as asked. */
function fakeRun(): ServerRun & { die: (how: string) => void; stop: ReturnType<typeof vi.fn> } {
  let end: (how: string) => void = () => undefined;
  const exited = new Promise<string>((resolve) => {
    end = resolve;
  });
  return { exited, die: (how) => end(how), stop: vi.fn(async () => end('exit code 0')) };
}

/** Supervises `first` under a quick policy (3 restarts a minute, no waits); what it logs and gives up with. */
function superviseFake(name: string, where: string, first: ServerRun, restart: () => Promise<ServerRun>) {
  const lines: string[] = [];
  const onGiveUp = vi.fn<(err: Error) => void>();
  const supervised = supervise({
    name,
    where,
    first,
    restart,
    log: (line) => lines.push(line),
    onGiveUp,
    policy: { maxRestarts: 3, windowMs: 60_000, delayMs: () => 0 },
  });
  return { lines, onGiveUp, stop: supervised.stop };
}

/**
 * REQ: ORD-1 — `npm start` keeps the servers the orders run on alive: a server that dies is said so and started
 * again; one that cannot be kept running stops everything with a message saying which and why.
 */
describe('supervising a server of npm start', () => {
  it('ORD-1: a server that dies is reported and restarted; one stopped on purpose is not', async () => {
    const first = fakeRun();
    const second = fakeRun();
    const restart = vi.fn(async () => second);
    const where = '127.0.0.1:7233, state in .data/temporal.db';
    const { lines, onGiveUp, stop } = superviseFake('Temporal dev server', where, first, restart);

    first.die('signal SIGKILL');
    await vi.waitFor(() => expect(lines).toHaveLength(2));
    expect(lines).toEqual([
      `Temporal dev server died (signal SIGKILL); restarting it (${where})…`,
      `Temporal dev server restarted (${where})`,
    ]);

    await stop();
    expect(second.stop).toHaveBeenCalledOnce();
    expect(restart).toHaveBeenCalledOnce();
    expect(lines).toHaveLength(2);
    expect(onGiveUp).not.toHaveBeenCalled();
  });

  it('ORD-1: a server that will not start again is given up on with a message naming it', async () => {
    const first = fakeRun();
    const restart = vi.fn(async (): Promise<ServerRun> => {
      throw new Error('PostgreSQL did not start: pre-existing shared memory block is still in use');
    });
    const { lines, onGiveUp } = superviseFake(
      'PostgreSQL',
      '127.0.0.1:54329, data in .data/pg',
      first,
      restart,
    );

    first.die('signal SIGKILL');
    await vi.waitFor(() => expect(onGiveUp).toHaveBeenCalledOnce());
    expect(onGiveUp.mock.calls[0]?.[0].message).toBe(
      'PostgreSQL (127.0.0.1:54329, data in .data/pg) died and could not be kept running (3 restarts within 1 min)',
    );
    expect(restart).toHaveBeenCalledTimes(3);
    expect(lines.filter((line) => line.startsWith('PostgreSQL did not start again: '))).toHaveLength(3);
  });

  it('ORD-1: a server that keeps dying right after each restart is given up on too', async () => {
    const restart = vi.fn(async () => {
      const run = fakeRun();
      queueMicrotask(() => run.die('exit code 1'));
      return run;
    });
    const first = fakeRun();
    const { onGiveUp } = superviseFake('Temporal dev server', '127.0.0.1:7233', first, restart);

    first.die('exit code 1');
    await vi.waitFor(() => expect(onGiveUp).toHaveBeenCalledOnce());
    expect(restart).toHaveBeenCalledTimes(3);
  });
});
