import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { inject } from 'vitest';
import { createDb, type DbHandle } from '../../db/client';

/** A fresh database copied from the seeded template: each test file works on its own data. */
export async function createTestDatabase(): Promise<DbHandle & { url: string; drop: () => Promise<void> }> {
  const serverUrl = inject('pgServerUrl');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => undefined });
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.unsafe(`create database "${name}" template "${inject('templateDatabase')}"`);
      break;
    } catch (err) {
      // Two files copying the template at the same instant: PostgreSQL asks one to wait its turn.
      if (attempt >= 20 || !String(err).includes('being accessed by other users')) throw err;
      await new Promise((r) => setTimeout(r, 100 * (attempt + 1)));
    }
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = createDb(url.toString());
  return {
    ...handle,
    url: url.toString(),
    drop: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}
