import { readFileSync } from 'node:fs';
import { compose } from '../../infra/compose';
import { installWorkerRuntime } from '../../infra/worker-runtime';
import { loadConfig } from '../../temporal.config';

/**
 * A worker in its own process, so a test can kill it with SIGKILL like a crashed machine. Reads the usual
 * configuration from the environment (SIMULATORS_URL: the harness's simulators) plus WORKFLOW_BUNDLE_PATH;
 * prints "ready" once polling.
 */
async function main(): Promise<void> {
  // No metrics exporter unless the test asks for one (WORKER_METRICS_PORT): workers side by side share a port.
  const config = loadConfig({ WORKER_METRICS_PORT: '0', ...process.env });
  installWorkerRuntime(config);
  const system = await compose(config, {
    workflowBundle: { code: readFileSync(process.env.WORKFLOW_BUNDLE_PATH ?? '', 'utf8') },
  });
  const { running } = await system.startWorker();
  process.stdout.write('ready\n');
  await running;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
