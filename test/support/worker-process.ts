import { readFileSync } from 'node:fs';
import { compose } from '../../infra/compose';
import { installWorkerRuntime } from '../../infra/worker-runtime';
import { loadConfig } from '../../temporal.config';
import { instantSimulators, nowhere } from '../../workers/simulators';

/**
 * A worker in its own process, so a test can kill it with SIGKILL like a crashed machine. Reads the usual
 * configuration from the environment plus WORKFLOW_BUNDLE_PATH; prints "ready" once polling.
 */
async function main(): Promise<void> {
  // No metrics exporter unless the test asks for one (WORKER_METRICS_PORT): workers side by side share a port.
  const config = loadConfig({ WORKER_METRICS_PORT: '0', ...process.env });
  installWorkerRuntime(config);
  const system = await compose(config, {
    simulators: {
      ...instantSimulators,
      hlr: { failureRate: 0 },
      // No port-in runs in a killable worker's tests: answers go nowhere.
      clearing: { latencyMs: 0, failureRate: 0, answerDelayMs: 0, rejectRate: 0, lossRate: 1 },
    },
    // BBOSS answers group orders through the real callback sink, as from a worker of its own.
    deliver: { mnp: nowhere },
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
