import { fileURLToPath } from 'node:url';
import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres, { type Sql } from 'postgres';
import * as schema from './schema';

export type Db = PostgresJsDatabase<typeof schema>;
/** A transaction handle has the same query surface as the database. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export interface DbHandle {
  db: Db;
  close: () => Promise<void>;
}

/**
 * A pool of up to `max` connections. `connectTimeoutSeconds` (config DATABASE_CONNECT_TIMEOUT_SECONDS) bounds
 * how long a query waits for a connection to a PostgreSQL that does not answer: the API then answers 503 instead
 * of hanging (postgres.js waits 30 s by default).
 */
export function createDb(
  url: string,
  options: { max?: number; connectTimeoutSeconds?: number } = {},
): DbHandle {
  const client = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => undefined,
    ...(options.connectTimeoutSeconds === undefined
      ? {}
      : { connect_timeout: options.connectTimeoutSeconds }),
  });
  const db = drizzle(client, { schema });
  return { db, close: () => client.end({ timeout: 5 }) };
}

/**
 * The postgres.js client under a database handle, for what drizzle does not speak: `COPY … FROM STDIN`, which
 * bulk uploads stream into (REQ: RES-1). Only a handle made by `createDb` has one.
 */
export function postgresClientOf(db: Db): Sql {
  const { $client } = db as Db & { $client?: Sql };
  if (!$client) throw new Error('this database handle has no postgres.js client');
  return $client;
}

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/** Applies the committed SQL migrations; safe to run at every start. */
export async function migrateDb(url: string): Promise<void> {
  const client = postgres(url, { max: 1, onnotice: () => undefined });
  try {
    await migrate(drizzle(client), { migrationsFolder });
  } finally {
    await client.end({ timeout: 5 });
  }
}
