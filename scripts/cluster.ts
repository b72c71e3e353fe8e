import { DEMO_PASSWORD, demoOperators } from '../db/seed';
import { leaveShutdownSignalsToCaller } from '../infra/postgres';
import { stopOnSignals } from '../infra/shutdown';
import { defaultTopologyPorts, startTopology } from '../infra/topology';
import { loadConfig } from '../temporal.config';

/**
 * `npm run cluster`: the production topology on this machine — a Temporal cluster of the real server on
 * PostgreSQL (one process per service), 2 worker processes, 2 API replicas behind a load balancer, the
 * simulators — with its state under DATA_DIR/cluster. Ctrl-C stops every process of it.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = (line: string) => console.log(`[cluster] ${line}`);
  leaveShutdownSignalsToCaller();
  const signals = stopOnSignals(
    log,
    'the load balancer, API replicas, workers, simulators, Temporal and PostgreSQL',
  );
  const ports = defaultTopologyPorts(config);
  const started = Date.now();
  const topology = await startTopology({
    config,
    dataDir: `${config.DATA_DIR}/cluster`,
    ports,
    seed: config.SEED_DEMO_DATA ?? true,
    log,
  });
  const t = ports.temporal;
  console.log(`
  Staff console    ${topology.url}/   ← open this in a browser (员工控制台)
  API              ${topology.url}/api/v1   (load balancer over ${topology.apiUrls.join(', ')})
  OpenAPI docs     ${topology.url}/docs
  Temporal         ${topology.temporalAddress}   (frontend; history :${t.history.grpc}, matching :${t.matching.grpc}, internal worker)
  PostgreSQL       127.0.0.1:${ports.postgres}   (databases telecom_om, temporal, temporal_visibility)
  Simulators       ${topology.simulatorsUrl}
  Metrics          API ${topology.apiUrls.map((u) => `${u}/metrics`).join(', ')}
                   workers ${ports.workerMetrics.map((p) => `http://127.0.0.1:${p}/metrics`).join(', ')}
                   Temporal ${Object.entries(t)
                     .map(([s, p]) => `${s} :${p.metrics}`)
                     .join(', ')}
  Logs             ${topology.logDir}
  Demo sign-in     password ${DEMO_PASSWORD} for ${demoOperators.map((o) => `${o.id}@${o.channels[0] ?? ''}`).join(', ')}

  Up in ${Math.round((Date.now() - started) / 1000)} s. Press Ctrl-C to stop.
`);
  signals.started(topology);
  void topology.failed.then((err) => signals.request(err.message, 1));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
