import type { Benchmark } from './runner';

/** Every benchmark by name, loaded on demand (in the order `all` runs them). */
/* eslint-disable @typescript-eslint/no-explicit-any -- each benchmark has flags of its own; the runner
   parses them against its defaults */
export const benchmarks: Record<string, () => Promise<Benchmark<any, any>>> = {
  preempt: async () => (await import('./preempt')).preempt,
  'open-account': async () => (await import('./open-account')).openAccount,
  latency: async () => (await import('./latency')).latency,
  'grace-timers': async () => (await import('./grace-timers')).graceTimers,
  'port-in': async () => (await import('./port-in')).portIn,
  'group-members': async () => (await import('./group-members')).groupMembers,
  'stock-in': async () => (await import('./stock-in')).stockIn,
  grab: async () => (await import('./grab')).grab,
  dispatch: async () => (await import('./dispatch')).dispatch,
  chaos: async () => (await import('./chaos')).chaos,
};
