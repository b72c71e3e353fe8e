import { eq } from 'drizzle-orm';
import type { PortOutLineFacts } from '../../domain/number-portability';
import type { DbOrTx } from '../client';
import { subscribers } from '../schema';

/** REQ: MNP-1 — what the port-out rules need to know about a line; null when it is not one of ours. */
export async function findPortOutFacts(db: DbOrTx, msisdn: string): Promise<PortOutLineFacts | null> {
  const [row] = await db
    .select({
      status: subscribers.status,
      balanceFen: subscribers.balanceFen,
      openedAt: subscribers.openedAt,
      realNameVerified: subscribers.realNameVerified,
      contractEndsAt: subscribers.contractEndsAt,
      restrictions: subscribers.restrictions,
    })
    .from(subscribers)
    .where(eq(subscribers.msisdn, msisdn));
  return row ?? null;
}
