import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

/**
 * Finds the Temporal CLI (which embeds the dev server) without internet: `TEMPORAL_CLI_PATH`, else `temporal`
 * on PATH, else a build cached outside the repo, else build the pinned version with Go from the module proxy.
 */
export const TEMPORAL_CLI_VERSION = 'v1.5.1';
const MODULE = 'github.com/temporalio/cli/cmd/temporal';

export function cacheRoot(): string {
  return (
    process.env.TELECOM_OM_CACHE ??
    join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'telecom-om')
  );
}

function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, name);
    if (dir && existsSync(candidate)) return candidate;
  }
  return null;
}

export function resolveTemporalCli(log: (line: string) => void = console.log): string {
  const explicit = process.env.TEMPORAL_CLI_PATH;
  if (explicit) {
    if (!existsSync(explicit)) throw new Error(`TEMPORAL_CLI_PATH=${explicit} does not exist`);
    return explicit;
  }
  const fromPath = onPath('temporal');
  if (fromPath) return fromPath;

  const binDir = join(cacheRoot(), 'temporal-cli', TEMPORAL_CLI_VERSION);
  const cached = join(binDir, 'temporal');
  if (existsSync(cached)) return cached;

  const go = onPath('go');
  if (!go) {
    throw new Error(
      'No Temporal server available. Set TEMPORAL_ADDRESS to use an existing server, put the `temporal` CLI on ' +
        'PATH, or install Go (1.23+) so that the pinned CLI can be built from the Go module proxy.',
    );
  }
  mkdirSync(binDir, { recursive: true });
  log(
    `Building Temporal CLI ${TEMPORAL_CLI_VERSION} with Go into ${binDir} (first run only, a few minutes)…`,
  );
  const ldflags = `-X github.com/temporalio/cli/temporalcli.Version=${TEMPORAL_CLI_VERSION.slice(1)}`;
  const result = spawnSync(go, ['install', `-ldflags=${ldflags}`, `${MODULE}@${TEMPORAL_CLI_VERSION}`], {
    env: { ...process.env, GOBIN: binDir, CGO_ENABLED: '0' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0 || !existsSync(cached)) {
    throw new Error(
      `Building the Temporal CLI failed (go install exited ${String(result.status)}); see the output above.`,
    );
  }
  log(`Temporal CLI ready: ${execFileSync(cached, ['--version']).toString().trim()}`);
  return cached;
}
