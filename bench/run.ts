/**
 * `npm run bench -- <name> [--flag value …]`: runs one benchmark. It prints progress lines and ends with
 * exactly one line, a JSON object of figures. `npm run bench -- all [--only a,b]`: every benchmark (or those
 * named) with its defaults, each in a child process of its own (bench/all.ts). Unknown or missing name: lists
 * the names and exits 1.
 */
import { runAll } from './all';
import { benchmarks } from './benchmarks';
import type { FlagValues } from './measure';
import { runBenchmark } from './runner';

async function main(): Promise<number> {
  const [name, ...args] = process.argv.slice(2);
  if (name === 'all') return runAll(args);
  const load = name ? benchmarks[name] : undefined;
  if (!name || !load) {
    console.error(name ? `unknown benchmark "${name}"` : 'which benchmark?');
    console.error('usage: npm run bench -- <name> [--flag value …]  |  npm run bench -- all [--only a,b]');
    for (const [n, loadOne] of Object.entries(benchmarks)) {
      const b = await loadOne();
      const flags = Object.entries(b.flags as FlagValues)
        .map(([f, v]) => `--${f} ${v}`)
        .join(' ');
      console.error(`  ${n.padEnd(14)} ${b.about}\n  ${''.padEnd(14)} ${flags}`);
    }
    return 1;
  }
  const figures = await runBenchmark(await load(), args);
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
