import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

/** Where builds and downloads are cached outside the repo (`TELECOM_OM_CACHE`, else `~/.cache/telecom-om`). */
export function cacheRoot(): string {
  return (
    process.env.TELECOM_OM_CACHE ??
    join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'telecom-om')
  );
}

/** The first `name` on PATH, or null. */
export function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, name);
    if (dir && existsSync(candidate)) return candidate;
  }
  return null;
}

export function requireGo(what: string): string {
  const go = onPath('go');
  if (!go)
    throw new Error(
      `${what} is built with Go from the Go module proxy, and no \`go\` is on PATH: install Go (1.25+).`,
    );
  return go;
}

/**
 * `go install pkg@version` for each of `packages` (all of one module version) into `binDir`, pure Go
 * (`CGO_ENABLED=0`). The binaries land in a staging folder first and are moved in once every one is built, so
 * an interrupted build leaves nothing that passes for a finished one. Returns `binDir`.
 */
export function goInstall(options: {
  what: string;
  packages: readonly string[];
  version: string;
  binDir: string;
  ldflags?: string;
  log: (line: string) => void;
}): string {
  const go = requireGo(options.what);
  const staging = `${options.binDir}.building`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  options.log(`Building ${options.what} ${options.version} with Go into ${options.binDir} (first run only)…`);
  const args = ['install'];
  if (options.ldflags) args.push(`-ldflags=${options.ldflags}`);
  args.push(...options.packages.map((pkg) => `${pkg}@${options.version}`));
  const result = spawnSync(go, args, {
    env: { ...process.env, GOBIN: staging, CGO_ENABLED: '0' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0)
    throw new Error(
      `Building ${options.what} failed (go install exited ${String(result.status)}); see the output above.`,
    );
  rmSync(options.binDir, { recursive: true, force: true });
  renameSync(staging, options.binDir);
  return options.binDir;
}

/** The folder of a module version in Go's module cache, downloaded first if missing (`go mod download`). */
export function goModuleDir(module: string, version: string): string {
  const go = requireGo(module);
  const result = spawnSync(go, ['mod', 'download', '-json', `${module}@${version}`], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const parsed = JSON.parse(result.stdout || '{}') as { Dir?: string; Error?: string };
  if (result.status !== 0 || !parsed.Dir)
    throw new Error(
      `go mod download ${module}@${version} failed: ${parsed.Error ?? `exit ${result.status}`}`,
    );
  return parsed.Dir;
}
