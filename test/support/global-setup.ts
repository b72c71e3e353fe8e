import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createDb, migrateDb } from '../../db/client';
import { seedDemoData } from '../../db/seed';
import { startTemporalDevServer } from '../../infra/dev-server';
import { freePorts } from '../../infra/ports';
import { ensureDatabase, startEmbeddedPostgres } from '../../infra/postgres';
import { migrateSimulators } from '../../simulators/db';
import { bundleWorkflows } from '../../workers/create-worker';

declare module 'vitest' {
  export interface ProvidedContext {
    temporalAddress: string;
    pgServerUrl: string;
    templateDatabase: string;
    workflowBundlePath: string;
  }
}

export const TEMPLATE_DB = 'om_template';

/**
 * Once per run: a real Temporal dev server (in memory) and a real PostgreSQL, a migrated and seeded template
 * database that each test file copies, and the workflow bundle every test worker loads.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const workDir = mkdtempSync(join(tmpdir(), 'om-test-'));
  const [temporalPort, pgPort] = (await freePorts(2)) as [number, number];
  const log = (line: string) => console.log(`[global-setup] ${line}`);
  const [temporal, pg] = await Promise.all([
    startTemporalDevServer({ port: temporalPort, log }),
    startEmbeddedPostgres({ dataDir: join(workDir, 'pg'), port: pgPort, persistent: false, log }),
  ]);
  const templateUrl = await ensureDatabase(pg.url, TEMPLATE_DB);
  await migrateDb(templateUrl);
  await migrateSimulators(templateUrl);
  const template = createDb(templateUrl, { max: 1 });
  await seedDemoData(template.db);
  await template.close();

  const bundle = await bundleWorkflows();
  const workflowBundlePath = join(workDir, 'workflow-bundle.js');
  writeFileSync(workflowBundlePath, bundle.code);

  project.provide('temporalAddress', temporal.address);
  project.provide('pgServerUrl', pg.url);
  project.provide('templateDatabase', TEMPLATE_DB);
  project.provide('workflowBundlePath', workflowBundlePath);

  return async () => {
    await temporal.stop();
    await pg.stop();
    rmSync(workDir, { recursive: true, force: true });
  };
}
