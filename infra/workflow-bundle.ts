/**
 * The workflow code bundled once, OUTSIDE the process that runs it: for the benchmarks' workers (webpack takes
 * a few hundred MB while it bundles and the heap does not give them all back, which would count in a
 * benchmark's `peakRssMb` / `workerRssMb` as if the system used them) and for the worker processes of the
 * cluster topology (a worker restarted after a crash starts polling in seconds instead of bundling again). A
 * child process bundles once and writes the code to a cache file named by a hash of the sources it may
 * include; later runs read the file.
 *
 * Run as a script (`tsx infra/workflow-bundle.ts <workflowsPath> <outFile>`) it is that child.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WorkflowBundle } from '@temporalio/worker';
import { cacheRoot } from './go-install';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Where the code a workflow bundle may import lives (workflows import domain rules and contracts). */
const SOURCE_DIRS = ['workflows', 'domain', 'activities', 'db', 'infra', 'services', 'simulators', 'workers'];

export const orderWorkflowsPath = join(ROOT, 'workflows', 'index.ts');
/** The benchmarks' bare workflow (bench/open-account.ts compares against it). */
export const bareWorkflowPath = join(ROOT, 'bench', 'bare-workflow.ts');

/** The bundle of `workflowsPath`, from the cache or bundled now in a child process. */
export async function cachedWorkflowBundle(
  workflowsPath: string,
  log: (line: string) => void,
): Promise<WorkflowBundle> {
  return { code: readFileSync(await cachedWorkflowBundleFile(workflowsPath, log), 'utf8') };
}

/** The file of the bundle of `workflowsPath` in the cache, bundled now in a child process if missing. */
export async function cachedWorkflowBundleFile(
  workflowsPath: string,
  log: (line: string) => void,
): Promise<string> {
  const file = join(cacheRoot(), 'workflow-bundles', `${sourcesHash(workflowsPath)}.js`);
  if (!existsSync(file)) {
    const started = Date.now();
    log(`bundling ${relative(ROOT, workflowsPath)} in a child process…`);
    mkdirSync(join(cacheRoot(), 'workflow-bundles'), { recursive: true });
    await bundleInChild(workflowsPath, file);
    log(`bundled in ${Date.now() - started} ms into ${file}`);
  }
  return file;
}

function sourcesHash(workflowsPath: string): string {
  const hash = createHash('sha256').update(relative(ROOT, workflowsPath));
  const files = [join(ROOT, 'package-lock.json'), join(ROOT, 'temporal.config.ts'), workflowsPath];
  for (const dir of SOURCE_DIRS) files.push(...tsFiles(join(ROOT, dir)));
  for (const f of files.sort()) hash.update(relative(ROOT, f)).update('\0').update(readFileSync(f));
  return hash.digest('hex').slice(0, 24);
}

function tsFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

function bundleInChild(workflowsPath: string, outFile: string): Promise<void> {
  return new Promise((resolve, reject) => {
    // The same node with tsx as the loader, whatever runs this process (tsx, vitest).
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(import.meta.url), workflowsPath, outFile],
      { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] },
    );
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`bundling the workflows failed (exit ${String(code)})`)),
    );
  });
}

async function bundleToFile(workflowsPath: string, outFile: string): Promise<void> {
  const { bundleWorkflowCode } = await import('@temporalio/worker');
  // The order workflows are bundled as the workers bundle them (the shared domain modules preloaded).
  const { quietBundlerLogger, sharedDomainModules } = await import('../workers/create-worker');
  const { code } = await bundleWorkflowCode({
    workflowsPath,
    ...(workflowsPath === orderWorkflowsPath ? { preloadModules: sharedDomainModules } : {}),
    logger: quietBundlerLogger,
  });
  // Written whole, then renamed: a reader never sees half a bundle.
  const partial = `${outFile}.${process.pid}.partial`;
  writeFileSync(partial, code);
  renameSync(partial, outFile);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [workflowsPath, outFile] = process.argv.slice(2);
  if (!workflowsPath || !outFile) {
    console.error('usage: tsx infra/workflow-bundle.ts <workflowsPath> <outFile>');
    process.exit(2);
  }
  bundleToFile(workflowsPath, outFile).then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
