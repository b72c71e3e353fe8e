import { asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { numberGroups, numberSegments } from '../schema';

export interface SegmentCounts {
  prefix: string;
  groupCode: string | null;
  groupName: string | null;
  total: number;
  byState: Record<string, number>;
}

/**
 * REQ: RES-5 — every segment (known, or holding numbers) with its group and its numbers counted per state, in
 * one GROUP BY over the numbers.
 */
export async function listSegmentCounts(db: DbOrTx, groupCode?: string): Promise<SegmentCounts[]> {
  const rows = await db.execute<{
    prefix: string;
    group_code: string | null;
    group_name: string | null;
    status: string | null;
    count: number;
  }>(sql`
    with counts as (select segment, status, count(*)::int as count from numbers group by segment, status),
    prefixes as (select prefix from number_segments union select distinct segment from counts)
    select p.prefix, s.group_code, g.name as group_name, c.status, coalesce(c.count, 0)::int as count
    from prefixes p
    left join number_segments s on s.prefix = p.prefix
    left join number_groups g on g.code = s.group_code
    left join counts c on c.segment = p.prefix
    ${groupCode === undefined ? sql`` : sql`where s.group_code = ${groupCode}`}
    order by p.prefix, c.status`);
  const bySegment = new Map<string, SegmentCounts>();
  for (const r of rows) {
    const seg = bySegment.get(r.prefix) ?? {
      prefix: r.prefix,
      groupCode: r.group_code,
      groupName: r.group_name,
      total: 0,
      byState: {},
    };
    if (r.status !== null) {
      seg.byState[r.status] = r.count;
      seg.total += r.count;
    }
    bySegment.set(r.prefix, seg);
  }
  return [...bySegment.values()];
}

export type GroupRecord = typeof numberGroups.$inferSelect;

export async function listGroups(db: DbOrTx): Promise<GroupRecord[]> {
  return db.select().from(numberGroups).orderBy(asc(numberGroups.code));
}

export async function findGroup(db: DbOrTx, code: string): Promise<GroupRecord | null> {
  const [row] = await db.select().from(numberGroups).where(eq(numberGroups.code, code));
  return row ?? null;
}

/** REQ: RES-5 — adds a group; null when the code is taken. */
export async function insertGroup(
  db: DbOrTx,
  group: { code: string; name: string; note?: string | null },
): Promise<GroupRecord | null> {
  const [row] = await db.insert(numberGroups).values(group).onConflictDoNothing().returning();
  return row ?? null;
}

/** REQ: RES-5 — puts a segment into a group (or out of any, with null), registering the segment if new. */
export async function setSegmentGroup(db: DbOrTx, prefix: string, groupCode: string | null): Promise<void> {
  await db
    .insert(numberSegments)
    .values({ prefix, groupCode })
    .onConflictDoUpdate({ target: numberSegments.prefix, set: { groupCode } });
}
