import { cpSync, existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { cacheRoot, goInstall, goModuleDir } from '../go-install';

/**
 * The Temporal server the CLI embeds (`temporal server start-dev` of CLI v1.5.1 is server v1.29.1): built from
 * the same module version, it shares most of Go's build cache with the CLI's build.
 */
export const TEMPORAL_SERVER_VERSION = 'v1.29.1';
const MODULE = 'go.temporal.io/server';

export interface TemporalServerBuild {
  version: string;
  /** `temporal-server`: `start --service <name>` runs one service. */
  server: string;
  /** `temporal-sql-tool`: creates databases and applies the versioned schema. */
  sqlTool: string;
  /** The PostgreSQL schema of this version: `temporal/` and `visibility/`, each with `versioned/`. */
  schemaDir: string;
}

/**
 * The real Temporal server and its SQL tool, built once with Go from the module proxy into the cache outside
 * the repo (with the module's PostgreSQL schema copied beside them), or taken from the cache.
 */
export function resolveTemporalServer(log: (line: string) => void = console.log): TemporalServerBuild {
  const binDir = join(cacheRoot(), 'temporal-server', TEMPORAL_SERVER_VERSION);
  const build: TemporalServerBuild = {
    version: TEMPORAL_SERVER_VERSION,
    server: join(binDir, 'server'),
    sqlTool: join(binDir, 'sql'),
    schemaDir: join(binDir, 'schema'),
  };
  if (existsSync(build.server) && existsSync(build.sqlTool) && existsSync(build.schemaDir)) return build;
  goInstall({
    what: 'the Temporal server and its SQL tool',
    packages: [`${MODULE}/cmd/server`, `${MODULE}/cmd/tools/sql`],
    version: TEMPORAL_SERVER_VERSION,
    binDir,
    log,
  });
  // Copied beside, then renamed: an interrupted copy never passes for the schema.
  const moduleDir = goModuleDir(MODULE, TEMPORAL_SERVER_VERSION);
  const staging = `${build.schemaDir}.copying`;
  rmSync(staging, { recursive: true, force: true });
  cpSync(join(moduleDir, 'schema', 'postgresql', 'v12'), staging, { recursive: true });
  renameSync(staging, build.schemaDir);
  log(`Temporal server ${TEMPORAL_SERVER_VERSION} ready in ${binDir}`);
  return build;
}
