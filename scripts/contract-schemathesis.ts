import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheRoot } from '../infra/go-install';

/** The Schemathesis release the contract gate runs; every package it pulls in is pinned beside it. */
export const SCHEMATHESIS_VERSION = '4.32.5';
const requirements = fileURLToPath(
  new URL('../test/contract/schemathesis-requirements.txt', import.meta.url),
);

/**
 * The `st` command of the pinned Schemathesis, in a Python virtual environment cached outside the repo (next
 * to the Temporal builds), keyed by the pinned requirements: made once with `python3 -m venv` and pip from
 * PyPI, reused while the pins and the Python stay the same.
 */
export function ensureSchemathesis(log: (line: string) => void): string {
  const pins = readFileSync(requirements, 'utf8');
  if (!pins.includes(`schemathesis==${SCHEMATHESIS_VERSION}\n`)) {
    throw new Error(`${requirements} does not pin schemathesis==${SCHEMATHESIS_VERSION}`);
  }
  const python = pickPython();
  const pythonVersion = execFileSync(python, ['--version']).toString().trim();
  const key = createHash('sha256').update(pins).update(pythonVersion).digest('hex').slice(0, 12);
  const venv = join(cacheRoot(), 'schemathesis', `${SCHEMATHESIS_VERSION}-${key}`);
  const st = join(venv, 'bin', 'st');
  // Written only after pip succeeded, so a half-made environment (an interrupted first run) is made again.
  const ready = join(venv, '.installed');
  if (existsSync(ready) && existsSync(st)) return st;

  log(`installing Schemathesis ${SCHEMATHESIS_VERSION} from PyPI with ${pythonVersion} into ${venv}…`);
  rmSync(venv, { recursive: true, force: true });
  run(
    python,
    ['-m', 'venv', venv],
    'Python 3.12+ (3.9+ at the least) with the venv module is needed; set PYTHON to choose one',
  );
  run(
    join(venv, 'bin', 'pip'),
    [
      'install',
      '--quiet',
      '--disable-pip-version-check',
      '--no-deps',
      '--require-virtualenv',
      '-r',
      requirements,
    ],
    'pip could not install the pinned packages; see the output above',
  );
  const version = execFileSync(st, ['--version']).toString().trim();
  if (!version.endsWith(SCHEMATHESIS_VERSION)) throw new Error(`${st} reports "${version}"`);
  writeFileSync(ready, `${version}\n`);
  log(`Schemathesis ready: ${version}`);
  return st;
}

/**
 * `PYTHON` if set, else the newest Python 3.12+ among python3.13, python3.12 and python3 on PATH and those
 * pyenv keeps, else python3. Python 3.11's `ast` module fails with "AST constructor recursion depth mismatch"
 * when Hypothesis describes a filter deep in Schemathesis's coverage phase (seen with 3.11.7, a run error):
 * 3.12 and later run the gate cleanly.
 */
function pickPython(): string {
  if (process.env.PYTHON) return process.env.PYTHON;
  const pyenvRoot = process.env.PYENV_ROOT ?? join(homedir(), '.pyenv');
  const pyenvBuilds = existsSync(join(pyenvRoot, 'versions'))
    ? readdirSync(join(pyenvRoot, 'versions')).map((v) => join(pyenvRoot, 'versions', v, 'bin', 'python3'))
    : [];
  const versions = ['python3.13', 'python3.12', 'python3', ...pyenvBuilds].flatMap((python) => {
    const probe = spawnSync(python, [
      '-c',
      'import sys, venv; print(sys.version_info[0] * 100 + sys.version_info[1])',
    ]);
    const version = probe.status === 0 ? Number(probe.stdout.toString().trim()) : 0;
    return version >= 312 ? [{ python, version }] : [];
  });
  return versions.sort((a, b) => b.version - a.version)[0]?.python ?? 'python3';
}

function run(command: string, args: string[], hint: string): void {
  const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) {
    const why = result.error ? result.error.message : `exited ${String(result.status)}`;
    throw new Error(`${command} ${args.slice(0, 2).join(' ')}… failed (${why}): ${hint}`);
  }
}
