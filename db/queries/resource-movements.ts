import { randomUUID } from 'node:crypto';
import { and, asc, eq, or, sql, type SQL } from 'drizzle-orm';
import { movableNumberStates, movableSimStates, type MovementDirection } from '../../domain/org-tree';
import type { ResourceType } from '../../domain/resources';
import type { Db, DbOrTx } from '../client';
import { resourceMovementItems, resourceMovements } from '../schema';

/** REQ: RES-2 — one issue (发放) or recycle (回收) step as stored. */
export interface MovementRecord {
  id: string;
  direction: MovementDirection;
  resourceType: ResourceType;
  fromCode: string | null;
  toCode: string | null;
  receiver: string;
  itemCount: number;
  createdBy: string;
  createdAt: string;
}

export interface MoveRequest {
  direction: MovementDirection;
  resourceType: ResourceType;
  fromCode: string | null;
  toCode: string | null;
  receiver: string;
  items: string[];
  createdBy: string;
  /** For SIMs: the status they take at the receiving unit (`available` at a city or central, else `issued`). */
  simStatus: 'available' | 'issued';
}

/** An item that stopped a movement: where it is and in what state (`null` holder = central; unknown = not stocked). */
export interface Offender {
  item: string;
  holderCode: string | null;
  state: string;
}

/** At most this many offending items are named in a refusal. */
const offendersShown = 20;

/**
 * REQ: RES-2 — moves every item from `fromCode` to `toCode` or none: one transaction whose UPDATE must touch
 * exactly the items asked for (held by `fromCode`, in a movable state, not held by an order); otherwise it is
 * rolled back and the first offenders are returned. Writes the movement and one row per item.
 */
export async function moveResources(
  db: Db,
  move: MoveRequest,
): Promise<{ movement: MovementRecord } | { offenders: Offender[] }> {
  const list = move.items.join(',');
  const outcome = await db
    .transaction(async (tx) => {
      const moved = await tx.execute<{ item: string }>(updateHolders(move, list));
      if (moved.length !== move.items.length) throw new Refused();
      const [movement] = await tx
        .insert(resourceMovements)
        .values({
          id: randomUUID(),
          direction: move.direction,
          resourceType: move.resourceType,
          fromCode: move.fromCode,
          toCode: move.toCode,
          receiver: move.receiver,
          itemCount: move.items.length,
          createdBy: move.createdBy,
        })
        .returning();
      if (!movement) throw new Error('the movement was not written');
      await tx.execute(
        sql`insert into resource_movement_items (movement_id, item)
            select ${movement.id}, unnest(string_to_array(${list}, ','))`,
      );
      return { movement: record(movement) };
    })
    .catch((err: unknown) => {
      if (err instanceof Refused) return null;
      throw err;
    });
  // Rolled back: the offenders are read from the state as it is, not as the half-done UPDATE left it.
  return outcome ?? { offenders: await offenders(db, move, list) };
}

class Refused extends Error {
  constructor() {
    super('movement refused');
  }
}

const held = (holder: SQL, code: string | null) =>
  code === null ? sql`${holder} is null` : sql`${holder} = ${code}`;

const inList = (states: readonly string[]) => sql.raw(states.map((s) => `'${s}'`).join(', '));

function updateHolders(move: MoveRequest, list: string): SQL {
  const items = sql`string_to_array(${list}, ',')`;
  if (move.resourceType === 'numbers') {
    return sql`update numbers set holder_code = ${move.toCode}, updated_at = now()
      where msisdn = any(${items}) and ${held(sql.raw('holder_code'), move.fromCode)}
        and status in (${inList(movableNumberStates)})
      returning msisdn as item`;
  }
  return sql`update sim_cards set holder_code = ${move.toCode}, status = ${move.simStatus}, updated_at = now()
    where iccid = any(${items}) and ${held(sql.raw('holder_code'), move.fromCode)}
      and status in (${inList(movableSimStates)})
      and (preempted_by is null or preempted_until < now())
    returning iccid as item`;
}

/** The first items that are not held by `fromCode` or cannot move, with their holder and state. */
async function offenders(tx: DbOrTx, move: MoveRequest, list: string): Promise<Offender[]> {
  const table = move.resourceType === 'numbers' ? sql.raw('numbers') : sql.raw('sim_cards');
  const key = move.resourceType === 'numbers' ? sql.raw('msisdn') : sql.raw('iccid');
  const state =
    move.resourceType === 'numbers'
      ? sql.raw('r.status')
      : sql.raw(
          `case when r.status in ('available', 'issued') and r.preempted_by is not null
             and r.preempted_until >= now() then 'preempted' else r.status end`,
        );
  const movable =
    move.resourceType === 'numbers'
      ? sql`r.status in (${inList(movableNumberStates)})`
      : sql`r.status in (${inList(movableSimStates)}) and (r.preempted_by is null or r.preempted_until < now())`;
  const rows = await tx.execute<{ item: string; holder_code: string | null; state: string | null }>(
    sql`select i.item, r.holder_code, ${state} as state
        from unnest(string_to_array(${list}, ',')) with ordinality as i(item, n)
        left join ${table} r on r.${key} = i.item
        where r.${key} is null or not (${held(sql.raw('r.holder_code'), move.fromCode)} and ${movable})
        order by i.n limit ${offendersShown}`,
  );
  return rows.map((r) => ({ item: r.item, holderCode: r.holder_code, state: r.state ?? 'unknown' }));
}

const record = (row: typeof resourceMovements.$inferSelect): MovementRecord => ({
  ...row,
  direction: row.direction,
  resourceType: row.resourceType,
  createdAt: row.createdAt.toISOString(),
});

/** The movements touching a unit (either side) and/or carrying an item, oldest first. */
export async function listMovements(
  db: DbOrTx,
  filter: { unitCode?: string; item?: string; offset: number; limit: number },
): Promise<{ items: MovementRecord[]; total: number }> {
  const where = and(
    filter.unitCode
      ? or(eq(resourceMovements.fromCode, filter.unitCode), eq(resourceMovements.toCode, filter.unitCode))
      : undefined,
    filter.item
      ? sql`exists (select 1 from resource_movement_items i
          where i.movement_id = ${resourceMovements.id} and i.item = ${filter.item})`
      : undefined,
  );
  const rows = await db
    .select()
    .from(resourceMovements)
    .where(where)
    .orderBy(asc(resourceMovements.createdAt), asc(resourceMovements.id))
    .offset(filter.offset)
    .limit(filter.limit);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(resourceMovements)
    .where(where);
  return { items: rows.map(record), total: count?.n ?? 0 };
}

export async function findMovement(db: DbOrTx, id: string): Promise<MovementRecord | null> {
  const [row] = await db.select().from(resourceMovements).where(eq(resourceMovements.id, id));
  return row ? record(row) : null;
}

export async function movementItems(
  db: DbOrTx,
  id: string,
  page: { offset: number; limit: number },
): Promise<string[]> {
  const rows = await db
    .select({ item: resourceMovementItems.item })
    .from(resourceMovementItems)
    .where(eq(resourceMovementItems.movementId, id))
    .orderBy(asc(resourceMovementItems.item))
    .offset(page.offset)
    .limit(page.limit);
  return rows.map((r) => r.item);
}
