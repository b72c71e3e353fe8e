import { sql } from 'drizzle-orm';
import type { SimDb, SimTx } from './db';

/**
 * Runs `work` in a transaction holding a lock on `key`: calls on one key (one subscriber, one request) are
 * taken one after another, across every simulators process on the database, as the in-memory simulators
 * took them.
 */
export function serially<T>(db: SimDb, key: string, work: (tx: SimTx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
    return work(tx);
  });
}

/** The next number of a reference sequence (`simulators.<name>`). */
export async function nextRef(tx: SimTx | SimDb, sequence: string): Promise<number> {
  const rows = await tx.execute<{ n: string }>(sql`select nextval(${`simulators.${sequence}`}) as n`);
  return Number(rows[0]?.n);
}
