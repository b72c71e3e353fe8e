import { defineConfig } from 'drizzle-kit';

/** The simulated outside systems' schema (`simulators`), migrated apart from the application's (db/). */
export default defineConfig({
  dialect: 'postgresql',
  schema: './simulators/schema.ts',
  out: './simulators/migrations',
  schemaFilter: ['simulators'],
});
