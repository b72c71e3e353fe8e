import { DEMO_PASSWORD, demoOperators } from '../db/seed';
import { leaveShutdownSignalsToCaller } from '../infra/postgres';
import { stopOnSignals } from '../infra/shutdown';
import { startRuntime } from '../infra/runtime';
import { installWorkerRuntime } from '../infra/worker-runtime';
import { loadConfig } from '../temporal.config';

/** `npm start`: the whole system on embedded defaults; Ctrl-C stops every part of it. */
async function main(): Promise<void> {
  const loaded = loadConfig();
  leaveShutdownSignalsToCaller();
  const config = { ...loaded, LOG_LEVEL: process.env.LOG_LEVEL ? loaded.LOG_LEVEL : ('warn' as const) };
  installWorkerRuntime(config);
  const log = (line: string) => console.log(`[start] ${line}`);
  const signals = stopOnSignals(log, 'API, worker, simulators, PostgreSQL and Temporal');
  const runtime = await startRuntime(config, log);

  console.log(`
  Staff console    ${runtime.apiUrl}/   ← open this in a browser (员工控制台)
  API              ${runtime.apiUrl}/api/v1
  OpenAPI docs     ${runtime.apiUrl}/docs   (JSON: ${runtime.apiUrl}/docs/json)
  Temporal Web UI  ${runtime.temporalUiUrl ?? '(external cluster)'}
  Temporal         ${runtime.temporalAddress}
  Metrics          ${runtime.apiUrl}/metrics (API)${
    config.WORKER_METRICS_PORT === 0
      ? ''
      : `, http://${config.WORKER_METRICS_HOST}:${config.WORKER_METRICS_PORT}/metrics (worker)`
  }
  Simulators       ${runtime.simulatorsUrl}   (outside systems: HLR, bank, SMS, clearing, BBOSS, telephony)
  Demo sign-in     password ${DEMO_PASSWORD} for ${demoOperators.map((o) => `${o.id}@${o.channels[0] ?? ''}`).join(', ')}

  Press Ctrl-C to stop.
`);

  signals.started(runtime);
  // A server that died and would not start again: the system cannot work without it, so it all stops.
  void runtime.failed.then((err) => signals.request(err.message, 1));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
