import { and, asc, count, eq, like, type SQL } from 'drizzle-orm';
import type { ChannelType } from '../../domain/access';
import { channelCodeStem, nextChannelCode, type ChannelChange, type NewChannel } from '../../domain/channels';
import type { DbOrTx } from '../client';
import { channels } from '../schema';

/** REQ: CH-1 — channel interfaces as administrators see them. Channels are never deleted, only disabled. */
export interface ChannelView {
  code: string;
  type: string;
  location: string;
  name: string;
  capabilities: string[];
  businessHours: string | null;
  active: boolean;
  createdAt: string;
}

export interface ChannelFilter {
  type?: ChannelType;
  location?: string;
  active?: boolean;
}

const MAX_CODE_ATTEMPTS = 10;

/**
 * Creates the channel under the next free code of its type and location. The code is the primary key, so two
 * concurrent creations cannot both take one: the loser inserts nothing and tries the next number.
 */
export async function createChannel(db: DbOrTx, channel: NewChannel): Promise<ChannelView> {
  const stem = channelCodeStem(channel.type, channel.location);
  for (let attempt = 0; attempt < MAX_CODE_ATTEMPTS; attempt += 1) {
    const taken = await db
      .select({ code: channels.code })
      .from(channels)
      .where(like(channels.code, `${stem}%`));
    const code = nextChannelCode(
      channel.type,
      channel.location,
      taken.map((r) => r.code),
    );
    const [row] = await db
      .insert(channels)
      .values({
        code,
        type: channel.type,
        location: channel.location,
        name: channel.name,
        capabilities: channel.capabilities ?? [],
        businessHours: channel.businessHours ?? null,
      })
      .onConflictDoNothing()
      .returning();
    if (row) return toView(row);
  }
  throw new Error(`no free channel code for ${stem} after ${MAX_CODE_ATTEMPTS} attempts`);
}

/** Channels by code, one page at a time, with the count of all that match. */
export async function pageOfChannels(
  db: DbOrTx,
  filter: ChannelFilter,
  page: { offset: number; limit: number },
): Promise<{ total: number; items: ChannelView[] }> {
  const conditions: SQL[] = [];
  if (filter.type !== undefined) conditions.push(eq(channels.type, filter.type));
  if (filter.location !== undefined) conditions.push(eq(channels.location, filter.location));
  if (filter.active !== undefined) conditions.push(eq(channels.active, filter.active));
  const where = and(...conditions);
  const [totalRow, rows] = await Promise.all([
    db.select({ n: count() }).from(channels).where(where),
    db.select().from(channels).where(where).orderBy(asc(channels.code)).offset(page.offset).limit(page.limit),
  ]);
  return { total: totalRow[0]?.n ?? 0, items: rows.map(toView) };
}

export async function findChannelView(db: DbOrTx, code: string): Promise<ChannelView | null> {
  const [row] = await db.select().from(channels).where(eq(channels.code, code));
  return row ? toView(row) : null;
}

/** Applies the change; null when there is no such channel. `businessHours: null` lifts the limit. */
export async function changeChannel(
  db: DbOrTx,
  code: string,
  change: ChannelChange,
): Promise<ChannelView | null> {
  if (Object.keys(change).length === 0) return findChannelView(db, code);
  const [row] = await db.update(channels).set(change).where(eq(channels.code, code)).returning();
  return row ? toView(row) : null;
}

function toView(row: typeof channels.$inferSelect): ChannelView {
  return {
    code: row.code,
    type: row.type,
    location: row.location,
    name: row.name,
    capabilities: row.capabilities,
    businessHours: row.businessHours,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
  };
}
