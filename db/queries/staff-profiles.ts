import { inArray } from 'drizzle-orm';
import type { StaffProfile } from '../../domain/service-staff';
import type { DbOrTx } from '../client';
import { staffProfiles } from '../schema';

/** REQ: WO-4 — the service-staff profiles of these operators, by operator ID. */
export async function staffProfilesOf(
  db: DbOrTx,
  operatorIds: readonly string[],
): Promise<Map<string, StaffProfile>> {
  if (operatorIds.length === 0) return new Map();
  const rows = await db
    .select()
    .from(staffProfiles)
    .where(inArray(staffProfiles.operatorId, [...operatorIds]));
  return new Map(
    rows.map((r) => [r.operatorId, { outletCode: r.outletCode, skills: r.skills, active: r.active }]),
  );
}

/** REQ: WO-4 — creates or replaces the operator's profile; dispatch and grabs read it on their next call. */
export async function saveStaffProfile(db: DbOrTx, operatorId: string, profile: StaffProfile): Promise<void> {
  await db
    .insert(staffProfiles)
    .values({ operatorId, ...profile })
    .onConflictDoUpdate({ target: staffProfiles.operatorId, set: profile });
}
