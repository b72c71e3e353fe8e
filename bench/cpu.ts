/**
 * CPU time spent by this process and every process it started (PostgreSQL and its backends, the Temporal dev
 * server), read from /proc (Linux). On a machine other work shares, wall-clock throughput moves with the
 * neighbours; the CPU milliseconds one order costs the system barely do, so A/B comparisons read them too.
 * Elsewhere than Linux the figures are 0.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** The clock ticks per second of /proc/<pid>/stat times (USER_HZ: 100 on every Linux this runs on). */
const TICKS_PER_SECOND = 100;

interface ProcessTimes {
  name: string;
  parent: number;
  /** utime + stime + cutime + cstime, in ticks: what it and its waited-for children ran. */
  ticks: number;
}

/** Where the tree's CPU went: this Node process (API, worker, simulators, driver), PostgreSQL, Temporal. */
export interface CpuSplit {
  total: number;
  node: number;
  postgres: number;
  temporal: number;
  other: number;
}

function readProcessTimes(pid: number): ProcessTimes | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces and parentheses: the fields start after its last ')'.
    const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const at = (i: number) => Number(fields[i - 3]);
    return { name, parent: at(4), ticks: at(14) + at(15) + at(16) + at(17) };
  } catch {
    return null;
  }
}

function partOf(pid: number, root: number, name: string): keyof Omit<CpuSplit, 'total'> {
  if (pid === root) return 'node';
  if (name.startsWith('postgres')) return 'postgres';
  if (name.startsWith('temporal')) return 'temporal';
  return 'other';
}

/** CPU milliseconds of this process (every thread) and of all its descendants, by part. */
export function cpuSplitOfProcessTree(root = process.pid): CpuSplit {
  const split: CpuSplit = { total: 0, node: 0, postgres: 0, temporal: 0, other: 0 };
  let pids: number[];
  try {
    pids = readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .map(Number);
  } catch {
    return split;
  }
  const times = new Map<number, ProcessTimes>();
  for (const pid of pids) {
    const t = readProcessTimes(pid);
    if (t) times.set(pid, t);
  }
  const inTree = (pid: number): boolean => {
    for (let p: number | undefined = pid, hops = 0; p && hops < 64; hops++) {
      if (p === root) return true;
      p = times.get(p)?.parent;
    }
    return false;
  };
  for (const [pid, t] of times) {
    if (!inTree(pid)) continue;
    const ms = (t.ticks / TICKS_PER_SECOND) * 1000;
    split.total += ms;
    split[partOf(pid, root, t.name)] += ms;
  }
  return split;
}

/** CPU milliseconds of this process (every thread) and of all its descendants. */
export function cpuMsOfProcessTree(root = process.pid): number {
  return cpuSplitOfProcessTree(root).total;
}

/**
 * Measures the CPU milliseconds the process tree spends from now until `stop`; `split` says where they went
 * (a PostgreSQL backend that ended meanwhile counts in its postmaster's children times, under postgres).
 */
export function cpuMeter(): { stop: () => number; split: () => CpuSplit } {
  const start = cpuSplitOfProcessTree();
  let end: CpuSplit | null = null;
  const split = (): CpuSplit => {
    end ??= cpuSplitOfProcessTree();
    const since = end;
    return {
      total: since.total - start.total,
      node: since.node - start.node,
      postgres: since.postgres - start.postgres,
      temporal: since.temporal - start.temporal,
      other: since.other - start.other,
    };
  };
  return { stop: () => split().total, split };
}

/** A split per item (order, revocation…), as a log line reads it: `node 44, postgres 6, temporal 37`. */
export function describeSplit(split: CpuSplit, count: number): string {
  const per = (ms: number) => Math.round(ms / Math.max(1, count));
  return (
    `node ${per(split.node)}, postgres ${per(split.postgres)}, temporal ${per(split.temporal)}` +
    (split.other > 0 ? `, other ${per(split.other)}` : '')
  );
}
