import { readFileSync } from 'node:fs';

/** What a benchmark prints as its last line: figures by name. */
/** A benchmark's figures; a group of them (what was injected, what failed and why) may be one record. */
export type Figures = Record<string, number | string | boolean | Record<string, number | string>>;

export type Log = (line: string) => void;

export const logger =
  (name: string): Log =>
  (line) =>
    console.log(`[bench:${name}] ${line}`);

/** Flag defaults of a benchmark: a number flag takes numbers only. */
export type FlagValues = Record<string, number | string>;

/**
 * `--name value` / `--name=value` flags, checked against the defaults: every flag must be known and, when
 * its default is a number, a finite number.
 */
export function parseFlags<T extends FlagValues>(args: readonly string[], defaults: T): T {
  const out: FlagValues = { ...defaults };
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
      throw new Error(`unknown flag --${name}; known: ${Object.keys(defaults).join(', ') || 'none'}`);
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

/** Throws unless every named flag is an integer of at least `min` (1 unless said). */
export function requireIntegers(flags: FlagValues, min: Record<string, number> = {}): void {
  for (const [name, value] of Object.entries(flags)) {
    if (typeof value !== 'number') continue;
    const least = min[name] ?? 1;
    if (!Number.isInteger(value) || value < least)
      throw new Error(`--${name} must be an integer of at least ${least}`);
  }
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

export const mean = (values: readonly number[]): number =>
  values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

/**
 * Runs `task(0..count-1)` in `concurrency` lanes, a closed loop: a lane takes the next index once its task
 * ended. A task that throws stops its lane's run (the caller counts its own failures).
 */
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

/** Resident memory in MB: of this process (null) or, from /proc, of another one; -1 when unreadable. */
export function rssMb(pid: number | null | undefined): number {
  if (pid === null) return round(process.memoryUsage().rss / 2 ** 20);
  if (pid === undefined) return -1;
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? round(Number(kb) / 1_024) : -1;
  } catch {
    return -1;
  }
}

/** The highest RSS of this process, sampled every `everyMs` until `stop` (which returns it, in MB). */
export function sampleRss(everyMs: number): { peakMb: () => number; stop: () => number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, everyMs);
  const peakMb = () => round(Math.max(peak, process.memoryUsage().rss) / 2 ** 20);
  return {
    peakMb,
    stop: () => {
      clearInterval(timer);
      return peakMb();
    },
  };
}
