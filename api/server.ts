import { compose } from '../infra/compose';
import { loadConfig } from '../temporal.config';

/** The API process on its own (N replicas behind a load balancer): TEMPORAL_ADDRESS and DATABASE_URL required. */
async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.TEMPORAL_ADDRESS || !config.DATABASE_URL) {
    throw new Error(
      'api/server.ts needs TEMPORAL_ADDRESS and DATABASE_URL; use `npm start` for the all-in-one set-up',
    );
  }
  const system = await compose(config);
  // With simulated outside systems (SIMULATORS_URL), administrators get their demo routes too.
  const app = await system.api({ console: true, simulatorRoutes: Boolean(config.SIMULATORS_URL) });
  await app.listen({ host: config.API_HOST, port: config.API_PORT });
  const shutdown = async () => {
    await system.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
