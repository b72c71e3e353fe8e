import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import type { TestProject } from 'vitest/node';
import { startRuntime } from '../../../infra/runtime';
import { freePorts } from '../../../infra/ports';
import { loadConfig } from '../../../temporal.config';
import { ensureBrowser } from '../../../scripts/ensure-browser';

declare module 'vitest' {
  export interface ProvidedContext {
    consoleUrl: string;
    chromiumPath: string;
    /**
     * The system's database, only to arrange what no request can make: a lock left behind by an order whose
     * workflow was lost (the locks journey).
     */
    databaseUrl: string;
  }
}

/**
 * Once per browser-test run: Chromium and a CJK font (installed when missing), the console built when stale,
 * and the whole system started the way `npm start` starts it — Temporal dev server, embedded PostgreSQL with
 * the demo data, worker, API serving the console — on free ports and a temporary data folder.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const log = (line: string) => console.log(`[browser-setup] ${line}`);
  const chromiumPath = ensureBrowser(log);
  const root = join(import.meta.dirname, '..', '..', '..');
  execFileSync(join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'scripts', 'web-build.ts')], {
    stdio: 'inherit',
    cwd: root,
    // The production build, as npm start serves it: vitest sets NODE_ENV=test, which would bundle React's
    // development build.
    env: { ...process.env, NODE_ENV: 'production' },
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'om-browser-'));
  const [api, temporal, temporalUi, pg, simulators] = (await freePorts(5)) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const { SIMULATORS_URL: _simulatorsUrl, ...env } = process.env;
  const config = loadConfig({
    ...env,
    DATA_DIR: dataDir,
    API_HOST: '127.0.0.1',
    API_PORT: String(api),
    TEMPORAL_DEV_PORT: String(temporal),
    TEMPORAL_UI_PORT: String(temporalUi),
    EMBEDDED_PG_PORT: String(pg),
    // The simulated outside systems, hosted by the runtime on a port of their own.
    SIMULATORS_PORT: String(simulators),
    LOG_LEVEL: 'warn',
    // Every journey signs in afresh from the same address: more than a person's 10 a minute.
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    // WO-6: an urgent (P1) work order is late 30 s after it is made, around the clock, so a journey sees a
    // breach, its notice and the badge; the other priorities keep the usual targets.
    WO_SLA_CLOCK: 'continuous',
    WO_SLA: 'P1:0.5/2,P2:120/960,P3:240/1920,P4:480/4800',
    // GRP-4: the simulated BBOSS decides a group order in seconds, not the ~30 minutes (and an hour more for
    // a tariff that needs approval) of the real one, so a journey sees the wait and its end.
    BBOSS_ANSWER_DELAY_MS: '2000',
    BBOSS_APPROVAL_EXTRA_DELAY_MS: '1000',
  });
  // As under npm start: the worker's state changes are not news; warnings are (and its shutdown after the
  // journeys does not follow the test summary in the log).
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const started = Date.now();
  const runtime = await startRuntime(config, log);
  log(`system up in ${((Date.now() - started) / 1000).toFixed(1)} s: console at ${runtime.apiUrl}/`);
  project.provide('consoleUrl', runtime.apiUrl);
  project.provide('chromiumPath', chromiumPath);
  project.provide('databaseUrl', runtime.databaseUrl);
  return async () => {
    await runtime.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
