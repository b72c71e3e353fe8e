import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { operators, outlets, staffProfiles } from '../schema';
import { openLoadByStaff } from './work-orders';

/**
 * Outlets (网点) and their service staff as the dispatch desks read them (REQ: WO-3 assigning an outlet, WO-4
 * choosing a technician, UI-1). Reads only.
 */

export interface OutletRow {
  code: string;
  name: string;
  city: string;
  territory: string;
  active: boolean;
  /** Active service staff working from the outlet (profile and operator active, role serviceStaff). */
  staffCount: number;
}

/** A service staff member who can take work now: profile, operator and outlet active, role serviceStaff. */
const staffActive = sql<boolean>`(${staffProfiles.active} and ${operators.active} and ${outlets.active} and 'serviceStaff' = any(${operators.roles}))`;

/** REQ: WO-3, UI-1 — one page of outlets by code, optionally only active (or only inactive) ones, and the total. */
export async function listOutlets(
  db: DbOrTx,
  filter: { active?: boolean; offset: number; limit: number },
): Promise<{ total: number; items: OutletRow[] }> {
  const where = filter.active === undefined ? undefined : eq(outlets.active, filter.active);
  const [totalRow] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(outlets)
    .where(where);
  const staffCount = sql<number>`(select count(*)::int from ${staffProfiles}
    join ${operators} on ${operators.id} = ${staffProfiles.operatorId}
    where ${staffProfiles.outletCode} = ${outlets.code} and ${staffActive})`;
  const items = await db
    .select({
      code: outlets.code,
      name: outlets.name,
      city: outlets.city,
      territory: outlets.territory,
      active: outlets.active,
      staffCount,
    })
    .from(outlets)
    .where(where)
    .orderBy(asc(outlets.code))
    .offset(filter.offset)
    .limit(filter.limit);
  return { total: totalRow?.n ?? 0, items };
}

/** An outlet, active or not; null when there is no such outlet. */
export async function findOutlet(
  db: DbOrTx,
  code: string,
): Promise<{ code: string; name: string; city: string; active: boolean } | null> {
  const [row] = await db
    .select({ code: outlets.code, name: outlets.name, city: outlets.city, active: outlets.active })
    .from(outlets)
    .where(eq(outlets.code, code));
  return row ?? null;
}

export interface OutletStaffRow {
  operatorId: string;
  name: string;
  skills: string[];
  /** Can take work now: profile, operator and outlet active, role serviceStaff. */
  active: boolean;
  /** Open work orders they hold (dispatched or in service). */
  openLoad: number;
}

/** REQ: WO-4 — the outlet's service staff (also inactive ones, marked) with skills and open load, by ID. */
export async function outletStaff(db: DbOrTx, code: string): Promise<OutletStaffRow[]> {
  const rows = await db
    .select({
      operatorId: staffProfiles.operatorId,
      name: operators.name,
      skills: staffProfiles.skills,
      active: staffActive,
    })
    .from(staffProfiles)
    .innerJoin(operators, eq(operators.id, staffProfiles.operatorId))
    .innerJoin(outlets, eq(outlets.code, staffProfiles.outletCode))
    .where(and(eq(staffProfiles.outletCode, code)))
    .orderBy(asc(staffProfiles.operatorId));
  const load = await openLoadByStaff(
    db,
    rows.map((r) => r.operatorId),
  );
  return rows.map((r) => ({ ...r, openLoad: load.get(r.operatorId) ?? 0 }));
}
