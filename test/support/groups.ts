import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { groupMembers, groupSubscriptions } from '../../db/schema';
import { GROUP_MEMBER_LINES } from '../../db/seed-groups';

/** The n-th seeded line that may join a group (13900200000 + n), n < 200. */
export const memberLine = (n: number): string => `${GROUP_MEMBER_LINES.prefix}${String(n).padStart(4, '0')}`;

/** A complete groupOpen body for a seeded group (contract, account and manager are the seeded ones). */
export function groupOpenBody(
  groupCode: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    type: 'groupOpen',
    groupCode,
    productCode: 'HDJ',
    contractId: `HT-${groupCode}`,
    effectiveMode: 'immediate',
    attributes: { serviceLevel: 'standard', maxTalkGroups: 20, adminPhone: '13900100001' },
    tariff: { code: 'HDJ-10', params: {} },
    payingAccountId: `ACC-${groupCode}`,
    customerManagerId: 'manager01',
    submitterId: 'manager01',
    ...overrides,
  };
}

/**
 * Fixture: an active 和对讲 subscription written straight to the database, for tests about members that do
 * not need the BBOSS leg of opening. Returns its ID.
 */
export async function insertActiveSubscription(
  db: Db,
  groupCode: string,
  productCode = 'HDJ',
): Promise<string> {
  const id = `GroupOpen:fixture-${groupCode}-${productCode}`;
  await db
    .insert(groupSubscriptions)
    .values({
      id,
      groupCode,
      productCode,
      status: 'active',
      contractId: `HT-${groupCode}`,
      payingAccountId: `ACC-${groupCode}`,
      customerManagerId: 'manager01',
      submitterId: 'manager01',
      attributes: { serviceLevel: 'standard', maxTalkGroups: 20, adminPhone: '13900100001' },
      tariffCode: 'HDJ-10',
      tariffParams: {},
      termsEffectiveFrom: sql`now()`,
      bbossRef: 'BBOSS-FIXTURE',
      openedAt: sql`now()`,
    })
    .onConflictDoNothing();
  return id;
}

/** Fixture: members written straight to the database (for tests about what happens to existing members). */
export async function insertMembers(db: Db, subscriptionId: string, msisdns: string[]): Promise<void> {
  if (msisdns.length === 0) return;
  await db
    .insert(groupMembers)
    .values(
      msisdns.map((msisdn) => ({
        subscriptionId,
        msisdn,
        attributes: { displayName: `成员 ${msisdn.slice(-4)}` },
        addedBy: 'fixture',
      })),
    )
    .onConflictDoNothing();
}
