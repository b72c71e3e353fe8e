import { fileURLToPath } from 'node:url';
import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import * as schema from './schema';

/** The simulators' own handle on their schema (`simulators`); the application's tables are not in it. */
export type SimDb = PostgresJsDatabase<typeof schema>;
export type SimTx = Parameters<Parameters<SimDb['transaction']>[0]>[0];

export function createSimDb(url: string, max = 10): { db: SimDb; close: () => Promise<void> } {
  const client = postgres(url, { max, onnotice: () => undefined });
  return { db: drizzle(client, { schema }), close: () => client.end({ timeout: 5 }) };
}

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/**
 * Applies the simulators' committed migrations to their schema, with a migrations table of their own
 * (`simulators.migrations`), beside and apart from the application's; safe to run at every start.
 */
export async function migrateSimulators(url: string): Promise<void> {
  const client = postgres(url, { max: 1, onnotice: () => undefined });
  try {
    await migrate(drizzle(client), {
      migrationsFolder,
      migrationsSchema: 'simulators',
      migrationsTable: 'migrations',
    });
  } finally {
    await client.end({ timeout: 5 });
  }
}
