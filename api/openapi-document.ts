import { Client, Connection } from '@temporalio/client';
import { createDb } from '../db/client';
import { createBbossCallbackSink } from '../services/callbacks/bboss-sink';
import { createMnpCallbackSink } from '../services/callbacks/mnp-sink';
import { loadConfig } from '../temporal.config';
import { buildApp } from './app';

/**
 * The API's OpenAPI document, built from the routes' schemas without any server running: the database pool and
 * the Temporal connection are lazy and never used. The console's typed client is generated from it.
 */
export async function openApiDocument(): Promise<unknown> {
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
  const { db, close } = createDb(config.DATABASE_URL || 'postgres://nobody@127.0.0.1:1/none');
  const connection = Connection.lazy({ address: '127.0.0.1:1' });
  const client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
  const app = await buildApp({
    db,
    client,
    connection,
    config,
    logger: false,
    mnpCallbacks: createMnpCallbackSink(client),
    bbossCallbacks: createBbossCallbackSink(client),
  });
  try {
    await app.ready();
    return app.swagger();
  } finally {
    await app.close();
    await close();
  }
}
