import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_IN_FLIGHT_UPDATES } from '../dev-server';
import type { TemporalStore } from './schema';

/** The services of a Temporal cluster; each runs as a process of its own. */
export const TEMPORAL_SERVICES = ['history', 'matching', 'frontend', 'worker'] as const;
export type TemporalService = (typeof TEMPORAL_SERVICES)[number];

export interface ServicePorts {
  /** gRPC: the frontend's is what clients and workers dial. */
  grpc: number;
  /** Cluster membership (ringpop) among the services; at most 32767 (Temporal stores it as a smallint). */
  membership: number;
  /** Prometheus metrics of the process. */
  metrics: number;
}

export type TemporalPorts = Record<TemporalService, ServicePorts>;

/**
 * The usual layout from the frontend's gRPC port up (7233: history 7234, matching 7235, worker 7239; each
 * membership port 300 below its gRPC port, metrics 2,000 above).
 */
export function conventionalPorts(frontend = 7233): TemporalPorts {
  const at = (grpc: number): ServicePorts => ({ grpc, membership: grpc - 300, metrics: grpc + 2000 });
  return {
    frontend: at(frontend),
    history: at(frontend + 1),
    matching: at(frontend + 2),
    worker: at(frontend + 6),
  };
}

/**
 * Dynamic configuration of the cluster, the same values `npm start`'s dev server is given. REQ: WO-4 — a work
 * order being grabbed takes one update per grabber at once (server default 10).
 */
export const DYNAMIC_CONFIG: Record<string, { value: unknown }[]> = {
  'history.maxInFlightUpdates': [{ value: MAX_IN_FLIGHT_UPDATES }],
};

/**
 * Writes one configuration file per service (`<service>.yaml`, loaded by `--env <service>`) and the dynamic
 * configuration into `configDir`. The files differ only in the process's own metrics port and log file; every
 * process knows every service's ports. Written as JSON, which YAML reads as it is.
 */
export function writeTemporalConfigs(options: {
  configDir: string;
  logDir: string;
  store: TemporalStore;
  ports: TemporalPorts;
  historyShards: number;
  logLevel?: 'debug' | 'info' | 'warn' | 'error';
}): void {
  const { configDir, logDir, store, ports } = options;
  mkdirSync(configDir, { recursive: true });
  mkdirSync(logDir, { recursive: true });
  const dynamicConfigFile = join(configDir, 'dynamic-config.yaml');
  writeFileSync(dynamicConfigFile, JSON.stringify(DYNAMIC_CONFIG, null, 2));
  const sql = (databaseName: string, maxConns: number) => ({
    sql: {
      pluginName: 'postgres12',
      databaseName,
      connectAddr: `${store.host}:${store.port}`,
      connectProtocol: 'tcp',
      user: store.user,
      password: store.password,
      maxConns,
      maxIdleConns: maxConns,
      maxConnLifetime: '1h',
    },
  });
  const services = Object.fromEntries(
    TEMPORAL_SERVICES.map((service) => [
      service,
      {
        rpc: {
          grpcPort: ports[service].grpc,
          membershipPort: ports[service].membership,
          bindOnLocalHost: true,
        },
      },
    ]),
  );
  const frontendAddress = `127.0.0.1:${ports.frontend.grpc}`;
  for (const service of TEMPORAL_SERVICES) {
    const config = {
      log: {
        stdout: false,
        level: options.logLevel ?? 'warn',
        outputFile: join(logDir, `temporal-${service}.log`),
      },
      persistence: {
        defaultStore: 'default',
        visibilityStore: 'visibility',
        numHistoryShards: options.historyShards,
        datastores: { default: sql(store.database, 20), visibility: sql(store.visibilityDatabase, 4) },
      },
      global: {
        membership: { maxJoinDuration: '30s', broadcastAddress: '127.0.0.1' },
        metrics: {
          prometheus: {
            framework: 'tally',
            timerType: 'histogram',
            listenAddress: `127.0.0.1:${ports[service].metrics}`,
          },
        },
      },
      services,
      clusterMetadata: {
        enableGlobalNamespace: false,
        failoverVersionIncrement: 10,
        masterClusterName: 'active',
        currentClusterName: 'active',
        clusterInformation: {
          active: {
            enabled: true,
            initialFailoverVersion: 1,
            rpcName: 'frontend',
            rpcAddress: frontendAddress,
          },
        },
      },
      dcRedirectionPolicy: { policy: 'noop' },
      publicClient: { hostPort: frontendAddress },
      dynamicConfigClient: { filepath: dynamicConfigFile, pollInterval: '10s' },
    };
    writeFileSync(join(configDir, `${service}.yaml`), JSON.stringify(config, null, 2));
  }
}
