/**
 * `npm run bench -- <name> [--flag value …]`: runs one benchmark. It prints progress lines and ends with
 * exactly one line, a JSON object of figures. Unknown or missing name: lists the names and exits 1.
 */
import type { Benchmark } from './support';

const benchmarks: Record<string, { about: string; load: () => Promise<Benchmark> }> = {
  preempt: {
    about: 'K concurrent claimNumber() calls on M free numbers: no number may go to two orders',
    load: async () => (await import('./preempt')).preempt,
  },
  'open-account': {
    about: 'N account openings through HTTP + Temporal + PostgreSQL, compared with bare workflows',
    load: async () => (await import('./open-account')).openAccount,
  },
  'grace-timers': {
    about:
      'G pre-cancellations waiting in a 3-month grace: start rate, worker and server memory, revoke rate',
    load: async () => (await import('./grace-timers')).graceTimers,
  },
  'port-in': {
    about: 'P port-ins through the API, clearing answers at random delays: portsPerSec, p99EndToEndMs',
    load: async () => (await import('./port-in')).portIn,
  },
  'group-members': {
    about: 'one member batch of B members uploaded as CSV: membersPerSec, maxHistoryEvents, workerRssMb',
    load: async () => (await import('./group-members')).groupMembers,
  },
  'stock-in': {
    about: 'S numbers and S SIM cards stocked in from CSV files through the API: rowsPerSec, peakRssMb',
    load: async () => (await import('./stock-in')).stockIn,
  },
  grab: {
    about: 'W work orders each grabbed by G staff at once through the API: exactly one winner, p99GrabMs',
    load: async () => (await import('./grab')).grab,
  },
  dispatch: {
    about: 'D work orders created and accepted through the API, dispatched by rule: p99DispatchMs',
    load: async () => (await import('./dispatch')).dispatch,
  },
};

async function main(): Promise<number> {
  const [name, ...args] = process.argv.slice(2);
  const entry = name ? benchmarks[name] : undefined;
  if (!name || !entry) {
    console.error(name ? `unknown benchmark "${name}"` : 'which benchmark?');
    console.error('usage: npm run bench -- <name> [--flag value …]');
    for (const [n, b] of Object.entries(benchmarks)) console.error(`  ${n.padEnd(14)} ${b.about}`);
    return 1;
  }
  const run = await entry.load();
  const figures = await run(args);
  console.log(JSON.stringify(figures));
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
    // Everything was stopped; should a stray handle keep the loop alive, do not hang (and print nothing).
    setTimeout(() => process.exit(code), 5_000).unref();
  },
  (err: unknown) => {
    console.error(
      err instanceof Error ? (err.stack ?? err.message) : (err ?? 'failed: a step rejected without an error'),
    );
    process.exit(1);
  },
);
