import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { TemporalServerBuild } from './build';

const run = promisify(execFile);

/** Where the Temporal server keeps its state: a PostgreSQL server it reaches over TCP. */
export interface TemporalStore {
  host: string;
  port: number;
  user: string;
  password: string;
  /** Histories, mutable state, task queues, namespaces, cluster membership. */
  database: string;
  /** Visibility: what workflow listings and search attributes query. */
  visibilityDatabase: string;
}

/**
 * Creates the two databases if missing and brings both schemas to this server version with its SQL tool, as an
 * operator would (`create-database`, `setup-schema -v 0.0`, `update-schema -d …/versioned`). Running it again on
 * an up-to-date store changes nothing, so every start of the cluster may call it.
 */
export async function ensureTemporalSchema(
  build: TemporalServerBuild,
  store: TemporalStore,
  log: (line: string) => void,
): Promise<void> {
  const parts: [database: string, schema: string][] = [
    [store.database, 'temporal'],
    [store.visibilityDatabase, 'visibility'],
  ];
  for (const [database, schema] of parts) {
    const tool = async (...args: string[]) => {
      const common = ['--plugin', 'postgres12', '--ep', store.host, '-p', String(store.port)];
      common.push('-u', store.user, '--db', database, '--quiet');
      try {
        await run(build.sqlTool, [...common, ...args], {
          env: { ...process.env, SQL_PASSWORD: store.password },
        });
      } catch (err) {
        const stderr = (err as { stderr?: string }).stderr ?? '';
        throw new Error(
          `temporal-sql-tool ${args[0] ?? ''} on ${database} failed: ${stderr.trim().slice(-800)}`,
        );
      }
    };
    await tool('create-database').catch((err: unknown) => {
      if (!String(err).includes('already exists')) throw err;
    });
    // A database set up before has its version table; the versioned update below brings it forward.
    await tool('setup-schema', '-v', '0.0').catch((err: unknown) => {
      if (!/already exists/i.test(String(err))) throw err;
    });
    await tool('update-schema', '-d', join(build.schemaDir, schema, 'versioned'));
    log(`Temporal ${schema} schema ready in database ${database}`);
  }
}
