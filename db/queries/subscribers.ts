import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { customers, subscribers } from '../schema';

export type SubscriberRow = typeof subscribers.$inferSelect;

/**
 * The line comes to life when its account opening commits; a second call for the same line is a no-op. A
 * number sold again after its cool-down (REQ: PC-5) replaces the formally cancelled line it belonged to. The
 * service password comes only as a hash (REQ: OPEN-6, Q-1).
 */
export async function createSubscriber(
  db: DbOrTx,
  s: Pick<
    typeof subscribers.$inferInsert,
    | 'msisdn'
    | 'customerId'
    | 'iccid'
    | 'imsi'
    | 'productCode'
    | 'internationalRoaming'
    | 'balanceFen'
    | 'servicePasswordHash'
  >,
): Promise<void> {
  // Roaming asked for at opening is a feature of the line like any other (REQ: OPEN-4, CHG-1).
  const features = s.internationalRoaming ? ['internationalRoaming'] : [];
  await db
    .insert(subscribers)
    .values({ ...s, features })
    .onConflictDoUpdate({
      target: subscribers.msisdn,
      set: {
        ...s,
        status: 'active',
        features,
        realNameVerified: true,
        contractEndsAt: null,
        restrictions: sql`'{}'::text[]`,
        discountCode: null,
        // The cancelled line's password goes; the new owner's, if given at opening (REQ: OPEN-6), comes.
        servicePasswordHash: s.servicePasswordHash ?? null,
        lockedBy: null,
        openedAt: sql`now()`,
        updatedAt: sql`now()`,
      },
      setWhere: eq(subscribers.status, 'cancelled'),
    });
}

/** The owner of a line, from its customer record. */
export interface LineOwner {
  kind: 'individual' | 'enterprise';
  name: string;
  idNumber: string;
}

export interface LineWithOwner {
  line: SubscriberRow;
  /** Null when the line has no customer record of a known kind. */
  owner: LineOwner | null;
}

/** The line and its owner (service changes check the identity shown against it; so does pre-cancellation). */
export async function findLineWithOwner(db: DbOrTx, msisdn: string): Promise<LineWithOwner | null> {
  const [row] = await db
    .select({ line: subscribers, kind: customers.kind, name: customers.name, idNumber: customers.idNumber })
    .from(subscribers)
    .leftJoin(customers, eq(customers.id, subscribers.customerId))
    .where(eq(subscribers.msisdn, msisdn));
  if (!row) return null;
  const { kind, name, idNumber } = row;
  const owner = isCustomerKind(kind) && name !== null && idNumber !== null ? { kind, name, idNumber } : null;
  return { line: row.line, owner };
}

const isCustomerKind = (kind: string | null): kind is LineOwner['kind'] =>
  kind === 'individual' || kind === 'enterprise';

export async function findSubscriber(db: DbOrTx, msisdn: string): Promise<SubscriberRow | null> {
  const [row] = await db.select().from(subscribers).where(eq(subscribers.msisdn, msisdn));
  return row ?? null;
}
