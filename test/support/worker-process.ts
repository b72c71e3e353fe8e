import { readFileSync } from 'node:fs';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { compose } from '../../infra/compose';
import { loadConfig } from '../../temporal.config';

/**
 * A worker in its own process, so a test can kill it with SIGKILL like a crashed machine. Reads the usual
 * configuration from the environment (SIMULATORS_URL: the harness's simulators) plus WORKFLOW_BUNDLE_PATH;
 * prints "ready" once polling.
 */
async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const config = loadConfig();
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
