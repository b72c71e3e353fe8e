import type { AppConfig } from '../temporal.config';
import { demoBankAccounts } from './bank';
import { configuredBehaviours, simulatedSystems, writeBehaviours } from './behaviour';
import type { Behaviours, SimulatedSystem, SimulatorsControl } from './control';
import { connectSimulators } from './control-client';
import { createSimDb, migrateSimulators } from './db';
import { Outbox } from './outbox';
import { buildSimulatorsServer } from './server';
import { createSystems } from './systems';

export interface SimulatorsOptions {
  config: AppConfig;
  databaseUrl: string;
  host?: string;
  /** 0: a free one. */
  port?: number;
  /** The API's base URL, where the callbacks go; asked at each sending. */
  callbackApiUrl: () => string;
  /** Behaviours replacing the configured ones (written to the table at start). */
  behaviours?: { [S in SimulatedSystem]?: Partial<Behaviours[S]> };
  /** Whether the bank vouches for the demo accounts; yes unless false. */
  demoBankAccounts?: boolean;
  now?: () => Date;
  random?: () => number;
  /** Where the simulators say what goes wrong with their callbacks; standard error by default. */
  warn?: (message: string) => void;
}

export interface RunningSimulators {
  url: string;
  control: SimulatorsControl;
  stop: () => Promise<void>;
}

/**
 * The simulated outside systems as one HTTP server on their own tables (schema `simulators`, migrated
 * here): the `npm run simulators` process, `npm start`, the tests and the benchmarks all host them so.
 */
export async function startSimulators(options: SimulatorsOptions): Promise<RunningSimulators> {
  await migrateSimulators(options.databaseUrl);
  const handle = createSimDb(options.databaseUrl, options.config.DATABASE_POOL_MAX);
  const outbox = new Outbox(handle.db, {
    apiUrl: options.callbackApiUrl,
    secrets: {
      mnp: options.config.MNP_CALLBACK_SECRET,
      bboss: options.config.BBOSS_CALLBACK_SECRET,
      telephony: options.config.TELEPHONY_CALLBACK_SECRET,
    },
    ...(options.warn ? { warn: options.warn } : {}),
  });
  const configured = configuredBehaviours(options.config);
  const behaviours = Object.fromEntries(
    simulatedSystems.map((s) => [s, { ...configured[s], ...options.behaviours?.[s] }]),
  ) as unknown as Behaviours;
  const systems = createSystems({
    db: handle.db,
    outbox,
    defaults: behaviours,
    ...(options.now ? { now: options.now } : {}),
    ...(options.random ? { random: options.random } : {}),
  });
  const app = buildSimulatorsServer(systems, options.warn);
  try {
    await writeBehaviours(handle.db, behaviours);
    if (options.demoBankAccounts ?? true)
      for (const [accountNo, account] of demoBankAccounts) await systems.bank.openAccount(accountNo, account);
    const host = options.host ?? '127.0.0.1';
    await app.listen({ host, port: options.port ?? 0 });
    outbox.start();
  } catch (err) {
    await app.close().catch(() => undefined);
    await handle.close();
    throw err;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 0);
  const url = `http://${options.host ?? '127.0.0.1'}:${port}`;
  let stopped: Promise<void> | null = null;
  return {
    url,
    control: connectSimulators(url),
    stop: () =>
      (stopped ??= (async () => {
        await outbox.stop();
        await app.close();
        await handle.close();
      })()),
  };
}
