import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { Connection } from '@temporalio/client';
import Long from 'long';
import { stopChild } from '../dev-server';
import { canConnect } from '../ports';
import { endOf, supervise, type ServerRun } from '../supervise';
import type { TemporalServerBuild } from './build';
import { TEMPORAL_SERVICES, writeTemporalConfigs, type TemporalPorts, type TemporalService } from './config';
import { ensureTemporalSchema, type TemporalStore } from './schema';

/** One service's process. */
export interface TemporalServiceRun extends ServerRun {
  service: TemporalService;
  pid: number | undefined;
  /** Ends the process at once with `signal` (a fault injected). */
  kill: (signal: NodeJS.Signals) => void;
}

export interface TemporalCluster {
  /** The frontend's gRPC address, what clients and workers dial. */
  address: string;
  ports: TemporalPorts;
  /** The process now running `service` (restarted by its supervisor when it dies). */
  service: (service: TemporalService) => TemporalServiceRun;
  /** Settles when a service died and could not be kept running. */
  failed: Promise<Error>;
  /** No more restarts (see `supervise`); `stop` then ends the processes. */
  standDown: () => void;
  stop: () => Promise<void>;
}

/**
 * A Temporal cluster on this machine: the real server (built from the module proxy) with its state in
 * PostgreSQL, each service — history, matching, frontend, internal worker — a process of its own, found by the
 * others through cluster membership, each kept running by a supervisor (a service that dies is restarted on its
 * ports). The schema is brought up to date first and `namespace` registered once the frontend answers.
 */
export async function startTemporalCluster(options: {
  build: TemporalServerBuild;
  store: TemporalStore;
  ports: TemporalPorts;
  historyShards: number;
  namespace: string;
  /** Configuration files and logs of the services go here. */
  stateDir: string;
  log: (line: string) => void;
}): Promise<TemporalCluster> {
  const { build, ports, log } = options;
  await ensureTemporalSchema(build, options.store, log);
  const configDir = `${options.stateDir}/config`;
  writeTemporalConfigs({
    configDir,
    logDir: `${options.stateDir}/logs`,
    store: options.store,
    ports,
    historyShards: options.historyShards,
  });
  let giveUp: (err: Error) => void = () => undefined;
  const failed = new Promise<Error>((resolve) => {
    giveUp = resolve;
  });
  const supervised = new Map<TemporalService, ReturnType<typeof supervise<TemporalServiceRun>>>();
  const stop = async () => {
    // Clients first lose the frontend, the history service goes last.
    for (const service of [...TEMPORAL_SERVICES].reverse()) await supervised.get(service)?.stop();
  };
  try {
    for (const service of TEMPORAL_SERVICES) {
      const start = () => startTemporalService(build, configDir, service, ports);
      const first = await start();
      supervised.set(
        service,
        supervise({
          name: `Temporal ${service}`,
          where: `127.0.0.1:${ports[service].grpc}`,
          first,
          restart: start,
          log,
          onGiveUp: giveUp,
        }),
      );
    }
    const address = `127.0.0.1:${ports.frontend.grpc}`;
    await registerNamespace(address, options.namespace, log);
    return {
      address,
      ports,
      service: (service) => {
        const run = supervised.get(service);
        if (!run) throw new Error(`no Temporal ${service} in this cluster`);
        return run.current();
      },
      failed,
      standDown: () => {
        for (const run of supervised.values()) run.standDown();
      },
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

/**
 * Starts one service's process and resolves once it has joined the membership ring (its membership port accepts
 * connections) and, but for the internal worker, which serves no gRPC, its gRPC port does too.
 */
export async function startTemporalService(
  build: TemporalServerBuild,
  configDir: string,
  service: TemporalService,
  ports: TemporalPorts,
): Promise<TemporalServiceRun> {
  const awaited = [ports[service].membership, ...(service === 'worker' ? [] : [ports[service].grpc])];
  for (const port of awaited)
    if (await canConnect(port))
      throw new Error(
        `port ${port} for the Temporal ${service} service is already in use by another process`,
      );
  const args = ['--root', configDir, '--config', '.', '--env', service, '--allow-no-auth'];
  const child = spawn(build.server, [...args, 'start', '--service', service], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = endOf(child);
  const deadline = Date.now() + 90_000;
  const ready = async () => (await Promise.all(awaited.map((port) => canConnect(port)))).every(Boolean);
  while (!(await ready())) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`Temporal ${service} exited (${await exited}) before it was ready: ${stderr.trim()}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(
        `Temporal ${service} did not open ports ${awaited.join(', ')} within 90 s: ${stderr.trim()}`,
      );
    }
    await sleep(200);
  }
  return {
    service,
    pid: child.pid,
    exited,
    kill: (signal) => child.kill(signal),
    stop: () => stopChild(child),
  };
}

/**
 * Registers the namespace (3 days' retention of closed workflows) unless it exists, and waits until the
 * frontend serves it: a cluster on a fresh store has none, and the frontend only knows one once its namespace
 * cache has refreshed.
 */
async function registerNamespace(address: string, namespace: string, log: (line: string) => void) {
  const connection = await Connection.connect({ address });
  try {
    const deadline = Date.now() + 90_000;
    for (;;) {
      try {
        await connection.workflowService.describeNamespace({ namespace });
        return;
      } catch (err) {
        if (Date.now() > deadline)
          throw new Error(`namespace ${namespace} not served within 90 s: ${String(err)}`);
      }
      try {
        await connection.workflowService.registerNamespace({
          namespace,
          workflowExecutionRetentionPeriod: { seconds: Long.fromNumber(3 * 24 * 3600) },
        });
        log(`Temporal namespace ${namespace} registered`);
      } catch (err) {
        // Already there (registered, not yet in the cache), or the services are still finding each other.
        if (!/already exists|already registered/i.test(String(err)) && Date.now() > deadline) throw err;
      }
      await sleep(500);
    }
  } finally {
    await connection.close();
  }
}
