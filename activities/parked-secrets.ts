import type { DbOrTx } from '../db/client';
import { findParkedSecret } from '../db/queries/parked-secrets';
import { businessFailure } from './failures';

/**
 * REQ: OPEN-6, Q-1 — the bcrypt hash parked by the API under `ref` (a service password given with the order).
 * A reference with nothing parked behind it is a business failure: no retry can bring the password back.
 */
export async function parkedHash(db: DbOrTx, ref: string): Promise<string> {
  const parked = await findParkedSecret(db, ref);
  if (!parked?.hash) {
    throw businessFailure('SecretNotParked', `Nothing is parked under ${ref}: submit the order again`);
  }
  return parked.hash;
}
