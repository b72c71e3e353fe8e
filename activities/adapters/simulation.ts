import { setTimeout as sleep } from 'node:timers/promises';

/** How a simulated outside system behaves: how slow it is and how often a call fails. */
export interface SimulationOptions {
  latencyMs: number;
  /** Probability (0..1) that a call fails with a transient error, as a flaky link would. */
  failureRate: number;
  /** Source of randomness; tests pass a fixed one. */
  random?: () => number;
}

export class TransientOutsideError extends Error {
  constructor(system: string, operation: string) {
    super(`${system} ${operation} failed: simulated transient error`);
    this.name = 'TransientOutsideError';
  }
}

/** Waits the configured latency, then fails with the configured probability. */
export async function simulateCall(
  system: string,
  operation: string,
  options: SimulationOptions,
): Promise<void> {
  if (options.latencyMs > 0) await sleep(options.latencyMs);
  if ((options.random ?? Math.random)() < options.failureRate)
    throw new TransientOutsideError(system, operation);
}
