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
  const db = drizzle(preparing(client), { schema });
  return { db, close: () => client.end({ timeout: 5 }) };
}

/** Longest statement text, and most parameters, that is prepared: bulk statements vary in shape and stay unnamed. */
const PREPARED_MAX_TEXT = 4_000;
const PREPARED_MAX_PARAMS = 64;

/**
 * drizzle hands postgres.js every statement unnamed, and postgres.js then asks PostgreSQL to describe a
 * statement with parameters before it runs it: two round trips, and a parse and plan, every time. Statements of
 * a fixed shape (nearly all: the read model's moves, a step's checks, the API's look-ups) are prepared instead,
 * once per connection: one round trip, no parse. Bulk statements whose text grows with their rows (long IN
 * lists, many-row inserts) stay unnamed, so a connection's statement cache holds the fixed shapes only; and
 * postgres.js replaces each connection after 30–60 minutes, which bounds it anyway.
 */
function preparing(sql: Sql): Sql {
  const wrapScoped = (fn: unknown): unknown =>
    typeof fn === 'function' ? (scoped: Sql) => (fn as (s: Sql) => unknown)(preparing(scoped)) : fn;
  return new Proxy(sql, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (key === 'unsafe') {
        return (text: string, params?: unknown[], options?: Record<string, unknown>) =>
          target.unsafe(
            text,
            params as never,
            params &&
              params.length > 0 &&
              params.length <= PREPARED_MAX_PARAMS &&
              text.length <= PREPARED_MAX_TEXT
              ? { ...options, prepare: true }
              : options,
          );
      }
      if (key === 'begin' || key === 'savepoint') {
        return (...args: unknown[]) =>
          (value as (...a: unknown[]) => unknown).apply(target, args.map(wrapScoped));
      }
      return value;
    },
  });
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
