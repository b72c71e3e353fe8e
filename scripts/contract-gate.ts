import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { installWorkerRuntime } from '../infra/worker-runtime';
import { DEMO_PASSWORD } from '../db/seed';
import { freePorts } from '../infra/ports';
import { startRuntime } from '../infra/runtime';
import { loadConfig } from '../temporal.config';
import { ensureSchemathesis, SCHEMATHESIS_VERSION } from './contract-schemathesis';

/**
 * `npm run test:contract`: the API contract gate. Starts the whole system (as `npm start` does, on embedded
 * defaults in a temporary data directory and free ports, rate limits raised), signs in as the demo
 * administrator and runs the pinned Schemathesis over `/docs/json` with `schemathesis.toml`: every request
 * valid by the document is answered 2xx or a business refusal (401, 403, 404, 409, 422), every invalid one is
 * refused, every answer has a documented status, content type and body, and no answer is a 5xx. Exits
 * non-zero on any failure, including Schemathesis itself crashing.
 */
/**
 * The sign-ins the run uses, as the environment variables `schemathesis.toml` reads: the demo administrator
 * at a store for every route, a second session of it for the logout route to end, and for the routes whose
 * access rule that sign-in does not meet, a seeded operator the rule admits.
 */
const SIGN_INS = {
  CONTRACT_BEARER_TOKEN: ['admin01', 'STORE-BJ-001'],
  CONTRACT_SIGN_OUT_TOKEN: ['admin01', 'STORE-BJ-001'],
  CONTRACT_HOTLINE_ADMIN_TOKEN: ['admin01', 'CC-10086-BJ'],
  CONTRACT_CUSTOMER_MANAGER_TOKEN: ['manager01', 'STORE-BJ-001'],
  CONTRACT_APPROVER_TOKEN: ['approver01', 'STORE-BJ-001'],
} as const;
const configFile = fileURLToPath(new URL('../schemathesis.toml', import.meta.url));

async function main(): Promise<number> {
  const started = performance.now();
  const log = (line: string) => console.log(`[contract] ${line} (${seconds(started)})`);
  const st = ensureSchemathesis(log);
  const dataDir = mkdtempSync(join(tmpdir(), 'telecom-om-contract-'));
  const [apiPort, temporalPort, uiPort, pgPort, simulatorsPort] = (await freePorts(5)) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const { TEMPORAL_ADDRESS: _t, DATABASE_URL: _d, SIMULATORS_URL: _s, ...env } = process.env;
  const config = loadConfig({
    ...env,
    DATA_DIR: dataDir,
    API_PORT: String(apiPort),
    TEMPORAL_DEV_PORT: String(temporalPort),
    TEMPORAL_UI_PORT: String(uiPort),
    EMBEDDED_PG_PORT: String(pgPort),
    SIMULATORS_PORT: String(simulatorsPort),
    // Thousands of requests a minute from one token and one address: the limits are not what is tested.
    API_RATE_LIMIT_PER_MINUTE: '1000000',
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000000',
    LOG_LEVEL: 'error',
  });
  // The worker's masked JSON log at `error` (a refused request's failed step is expected here), no metrics port.
  installWorkerRuntime({ ...config, WORKER_METRICS_PORT: 0 });
  log(`starting Temporal, PostgreSQL, a worker and the API in ${dataDir}…`);
  const runtime = await startRuntime(config, log);
  try {
    const tokens: Record<string, string> = {};
    for (const [variable, [operatorId, channelCode]] of Object.entries(SIGN_INS)) {
      tokens[variable] = await signIn(runtime.apiUrl, operatorId, channelCode);
    }
    log(`Schemathesis ${SCHEMATHESIS_VERSION} over ${runtime.apiUrl}/docs/json, signed in as admin01…`);
    const status = await runSchemathesis(st, runtime.apiUrl, tokens, process.argv.slice(2));
    log(
      status === 0 ? 'the API keeps its contract' : `Schemathesis exited ${status}: the contract is broken`,
    );
    const lost = await lostSignIns(runtime.apiUrl, tokens);
    if (lost.length > 0)
      log(`sign-ins that stopped working during the run, so it proved less: ${lost.join('; ')}`);
    return status !== 0 ? status : lost.length > 0 ? 1 : 0;
  } finally {
    log('stopping…');
    await runtime.stop();
    rmSync(dataDir, { recursive: true, force: true });
    log('done');
  }
}

async function signIn(apiUrl: string, operatorId: string, channelCode: string): Promise<string> {
  const response = await fetch(`${apiUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ operatorId, channelCode, password: DEMO_PASSWORD }),
  });
  if (response.status !== 200) {
    throw new Error(
      `sign-in of ${operatorId} at ${channelCode} answered ${response.status}: ${await response.text()}`,
    );
  }
  return ((await response.json()) as { token: string }).token;
}

/**
 * The sign-ins that no longer work after the run (signed out, their operator or channel changed, or outside
 * business hours now): every request made with one after that proved nothing beyond 401/403.
 */
async function lostSignIns(apiUrl: string, tokens: Record<string, string>): Promise<string[]> {
  const lost: string[] = [];
  for (const [variable, token] of Object.entries(tokens)) {
    if (variable === 'CONTRACT_SIGN_OUT_TOKEN') continue;
    const response = await fetch(`${apiUrl}/api/v1/orders?limit=1`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const { code } = response.ok ? { code: undefined } : ((await response.json()) as { code?: string });
    if (code === 'Unauthenticated' || code === 'OutsideBusinessHours') lost.push(`${variable}: ${code}`);
  }
  return lost;
}

/** Runs `st run` with the gate's configuration; `extra` (the gate's own arguments) narrows a run by hand. */
function runSchemathesis(
  st: string,
  apiUrl: string,
  tokens: Record<string, string>,
  extra: string[],
): Promise<number> {
  const args = [
    '--config-file',
    configFile,
    'run',
    `${apiUrl}/docs/json`,
    '--url',
    apiUrl,
    '--no-color',
    ...extra,
  ];
  const child = spawn(st, args, {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...tokens },
  });
  // Schemathesis frames its headings and its closing line the way pytest does ("==== 3 warnings in 180 s ===="),
  // and a reader of the CI record that knows pytest takes that line for a test run that ran no test. The gate
  // prints them unframed; the suites' own closing line is the one that counts tests.
  createInterface({ input: child.stdout }).on('line', (line) => {
    const framed = /^=+ (.*?) =+$/.exec(line);
    console.log(framed ? `[contract] ${framed[1]}` : line);
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

const seconds = (since: number): string => `${((performance.now() - since) / 1000).toFixed(1)} s`;

main().then(
  (status) => process.exit(status),
  (err: unknown) => {
    console.error('[contract] failed:', err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
