import { loadConfig } from '../temporal.config';
import { startSimulators } from './host';

/**
 * `npm run simulators`: the simulated outside systems (HLR/HSS, bank, SMS gateway, clearing system, BBOSS,
 * telephony) as a process of their own, on DATABASE_URL (schema `simulators`, migrated first), listening on
 * SIMULATORS_HOST:SIMULATORS_PORT and posting the systems' signed callbacks to CALLBACK_API_URL. Workers reach
 * it at SIMULATORS_URL. Stops cleanly on SIGINT/SIGTERM.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.DATABASE_URL)
    throw new Error('simulators/main.ts needs DATABASE_URL; use `npm start` for the all-in-one set-up');
  const simulators = await startSimulators({
    config,
    databaseUrl: config.DATABASE_URL,
    host: config.SIMULATORS_HOST,
    port: config.SIMULATORS_PORT,
    callbackApiUrl: () => config.CALLBACK_API_URL,
  });
  console.log(`simulators ready at ${simulators.url} (callbacks to ${config.CALLBACK_API_URL})`);
  const stop = (signal: NodeJS.Signals) => {
    console.log(`${signal}: stopping the simulators…`);
    simulators.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
