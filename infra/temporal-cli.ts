import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { cacheRoot, goInstall, onPath } from './go-install';

/**
 * Finds the Temporal CLI (which embeds the dev server) without internet: `TEMPORAL_CLI_PATH`, else `temporal`
 * on PATH, else a build cached outside the repo, else build the pinned version with Go from the module proxy.
 */
export const TEMPORAL_CLI_VERSION = 'v1.5.1';
const MODULE = 'github.com/temporalio/cli/cmd/temporal';

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

  const ldflags = `-X github.com/temporalio/cli/temporalcli.Version=${TEMPORAL_CLI_VERSION.slice(1)}`;
  goInstall({
    what: 'the Temporal CLI',
    packages: [MODULE],
    version: TEMPORAL_CLI_VERSION,
    binDir,
    ldflags,
    log,
  });
  log(`Temporal CLI ready: ${execFileSync(cached, ['--version']).toString().trim()}`);
  return cached;
}
