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
  parent: number;
  /** utime + stime + cutime + cstime, in ticks: what it and its waited-for children ran. */
  ticks: number;
}

function readProcessTimes(pid: number): ProcessTimes | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces and parentheses: the fields start after its last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const at = (i: number) => Number(fields[i - 3]);
    return { parent: at(4), ticks: at(14) + at(15) + at(16) + at(17) };
  } catch {
    return null;
  }
}

/** CPU milliseconds of this process (every thread) and of all its descendants. */
export function cpuMsOfProcessTree(root = process.pid): number {
  let pids: number[];
  try {
    pids = readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .map(Number);
  } catch {
    return 0;
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
  let ticks = 0;
  for (const [pid, t] of times) if (inTree(pid)) ticks += t.ticks;
  return (ticks / TICKS_PER_SECOND) * 1000;
}

/** Measures the CPU milliseconds the process tree spends from now until `stop`. */
export function cpuMeter(): { stop: () => number } {
  const start = cpuMsOfProcessTree();
  return { stop: () => cpuMsOfProcessTree() - start };
}
