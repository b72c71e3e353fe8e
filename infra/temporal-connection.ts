import { readFileSync } from 'node:fs';
import { Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import type { AppConfig } from '../temporal.config';

type ConnectOptions = Parameters<typeof NativeConnection.connect>[0] &
  Parameters<typeof Connection.connect>[0];

/** Connection settings for a dev server, a self-hosted cluster (mTLS) or Temporal Cloud (API key). */
export function connectionOptions(config: AppConfig, address: string): ConnectOptions {
  const cert = config.TEMPORAL_TLS_CERT_PATH;
  const key = config.TEMPORAL_TLS_KEY_PATH;
  const mtls =
    cert && key ? { clientCertPair: { crt: readFileSync(cert), key: readFileSync(key) } } : undefined;
  const tls = mtls ?? (config.TEMPORAL_TLS || config.TEMPORAL_API_KEY ? true : undefined);
  return {
    address,
    ...(tls ? { tls } : {}),
    ...(config.TEMPORAL_API_KEY ? { apiKey: config.TEMPORAL_API_KEY } : {}),
  };
}

export function connectClient(config: AppConfig, address: string): Promise<Connection> {
  return Connection.connect(connectionOptions(config, address));
}

export function connectWorker(config: AppConfig, address: string): Promise<NativeConnection> {
  return NativeConnection.connect(connectionOptions(config, address));
}
