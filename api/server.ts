import { Client } from '@temporalio/client';
import { createDb } from '../db/client';
import { connectClient } from '../infra/temporal-connection';
import { loadConfig } from '../temporal.config';
import { buildApp } from './app';

/** The API process on its own (N replicas behind a load balancer): TEMPORAL_ADDRESS and DATABASE_URL required. */
async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.TEMPORAL_ADDRESS || !config.DATABASE_URL) {
    throw new Error(
      'api/server.ts needs TEMPORAL_ADDRESS and DATABASE_URL; use `npm start` for the all-in-one set-up',
    );
  }
  const { db, close } = createDb(config.DATABASE_URL, {
    connectTimeoutSeconds: config.DATABASE_CONNECT_TIMEOUT_SECONDS,
  });
  const connection = await connectClient(config, config.TEMPORAL_ADDRESS);
  const client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
  const app = await buildApp({ db, client, connection, config });
  await app.listen({ host: config.API_HOST, port: config.API_PORT });
  const shutdown = async () => {
    await app.close();
    await connection.close();
    await close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
