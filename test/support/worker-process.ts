import { readFileSync } from 'node:fs';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { BankSimulator } from '../../activities/adapters/bank';
import { SmsGatewaySimulator } from '../../activities/adapters/sms';
import { ClearingSystemSimulator } from '../../activities/adapters/clearing';
import { HlrSimulator } from '../../activities/adapters/hlr';
import { createBbossCallbackSink } from '../../services/callbacks/bboss-sink';
import { createDb } from '../../db/client';
import { loadConfig } from '../../temporal.config';
import { createWorker } from '../../workers/create-worker';
import { createBbossSimulator } from '../../workers/simulators';

/**
 * A worker in its own process, so a test can kill it with SIGKILL like a crashed machine. Reads the usual
 * configuration from the environment plus WORKFLOW_BUNDLE_PATH; prints "ready" once polling.
 */
async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const config = loadConfig();
  const { db } = createDb(config.DATABASE_URL ?? '');
  const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS ?? '' });
  const client = new Client({
    connection: await Connection.connect({ address: config.TEMPORAL_ADDRESS ?? '' }),
    namespace: config.TEMPORAL_NAMESPACE,
  });
  const bbossCallbacks = createBbossCallbackSink(client);
  const worker = await createWorker({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    deps: {
      db,
      config,
      hlr: new HlrSimulator({ latencyMs: config.HLR_LATENCY_MS, failureRate: 0 }),
      bank: new BankSimulator({ latencyMs: 0, failureRate: 0 }),
      sms: new SmsGatewaySimulator({ latencyMs: 0, failureRate: 0 }),
      // No port-in runs in a killable worker's tests: answers go nowhere.
      clearing: new ClearingSystemSimulator({
        latencyMs: 0,
        failureRate: 0,
        answerDelayMs: 0,
        rejectRate: 0,
        lossRate: 1,
        deliver: async () => undefined,
      }),
      // BBOSS answers group orders through the real callback sink, as from a worker of its own.
      bboss: createBbossSimulator(config, async (callback) => {
        await bbossCallbacks.deliver(callback);
      }),
    },
    workflowBundle: { code: readFileSync(process.env.WORKFLOW_BUNDLE_PATH ?? '', 'utf8') },
  });
  const running = worker.run();
  process.stdout.write('ready\n');
  await running;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
