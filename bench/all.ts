/**
 * `npm run bench -- all [--only a,b]`: every benchmark with its defaults, one after another, each in a child
 * process of its own (so one's memory figures never include another's heap). The children's lines are passed
 * through as they come; at the end one table (benchmark × headline figures) and one JSON line
 * `{ "<name>": { headline figures… }, … }`. A benchmark that fails (exit code, or no JSON line) is shown as
 * failed in both, with the reason, and the exit code is 1.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { benchmarks } from './benchmarks';
import { parseFlags, type Figures } from './measure';

const RUN_SCRIPT = fileURLToPath(new URL('./run.ts', import.meta.url));

type Outcome =
  { ok: true; headline: Figures; seconds: number } | { ok: false; error: string; seconds: number };

export async function runAll(args: readonly string[]): Promise<number> {
  const { only } = parseFlags(args, { only: '' });
  const names = only ? only.split(',').map((n) => n.trim()) : Object.keys(benchmarks);
  const unknown = names.filter((n) => !(n in benchmarks));
  if (unknown.length > 0) {
    console.error(
      `unknown benchmark(s): ${unknown.join(', ')}; known: ${Object.keys(benchmarks).join(', ')}`,
    );
    return 1;
  }
  const outcomes = new Map<string, Outcome>();
  // Ctrl-C reaches the running child too (same process group): it cleans up and ends; no further one starts.
  let interrupted = false;
  const onInterrupt = () => {
    interrupted = true;
  };
  process.on('SIGINT', onInterrupt);
  for (const name of names) {
    const load = benchmarks[name];
    if (!load) continue;
    if (interrupted) {
      outcomes.set(name, { ok: false, error: 'not run (interrupted)', seconds: 0 });
      continue;
    }
    const { headline } = await load();
    console.log(`[bench:all] ${name}: starting (${outcomes.size + 1}/${names.length})`);
    const outcome = await runChild(name, headline);
    outcomes.set(name, outcome);
    console.log(
      `[bench:all] ${name}: ${outcome.ok ? 'done' : `FAILED — ${outcome.error}`} in ${outcome.seconds} s`,
    );
  }
  console.log(table(outcomes));
  const json = Object.fromEntries(
    [...outcomes].map(([name, o]) => [name, o.ok ? o.headline : { failed: true, error: o.error }]),
  );
  console.log(JSON.stringify(json));
  process.off('SIGINT', onInterrupt);
  if (interrupted) return 130;
  return [...outcomes.values()].every((o) => o.ok) ? 0 : 1;
}

/** Runs one benchmark in a child process; its last stdout line is its figures. */
function runChild(name: string, headline: readonly string[]): Promise<Outcome> {
  const started = Date.now();
  const seconds = () => Math.round((Date.now() - started) / 1000);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...process.execArgv, RUN_SCRIPT, name], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let last = '';
    let stderrTail = '';
    createInterface({ input: child.stdout }).on('line', (line) => {
      console.log(line);
      if (line.trim()) last = line;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      process.stderr.write(chunk);
      stderrTail = (stderrTail + chunk.toString()).slice(-2_000);
    });
    child.once('error', (err) => resolve({ ok: false, error: err.message, seconds: seconds() }));
    child.once('close', (code, signal) => {
      const reason = lastErrorLine(stderrTail);
      if (code !== 0)
        return resolve({
          ok: false,
          error: `exit ${signal ?? String(code)}${reason ? `: ${reason}` : ''}`,
          seconds: seconds(),
        });
      try {
        const figures = JSON.parse(last) as Figures;
        const picked = Object.fromEntries(headline.map((k) => [k, figures[k] ?? 'n/a']));
        resolve({ ok: true, headline: picked, seconds: seconds() });
      } catch {
        resolve({ ok: false, error: 'no JSON line of figures at the end', seconds: seconds() });
      }
    });
  });
}

/** The error's own line from a child's standard error (a stack's first line), else its last line. */
function lastErrorLine(text: string): string {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('at ') && !l.startsWith('Node.js v'));
  const error = lines.filter((l) => /error|failed/i.test(l)).pop();
  return (error ?? lines.pop() ?? '').slice(0, 200);
}

function table(outcomes: Map<string, Outcome>): string {
  const rows = [...outcomes].map(([name, o]) => [
    name,
    o.ok
      ? Object.entries(o.headline)
          .map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
          .join('  ')
      : `FAILED: ${o.error}`,
    `${o.seconds} s`,
  ]);
  const width = Math.max(9, ...rows.map((r) => (r[0] ?? '').length));
  const lines = [`${'benchmark'.padEnd(width)}  took    headline figures`];
  for (const [name = '', figures = '', took = ''] of rows)
    lines.push(`${name.padEnd(width)}  ${took.padEnd(6)}  ${figures}`);
  return lines.join('\n');
}
