import { and, eq, gt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { channels, operatorChannels, operators, sessions } from '../schema';

export async function findOperator(db: DbOrTx, id: string) {
  const [row] = await db.select().from(operators).where(eq(operators.id, id));
  return row ?? null;
}

export async function findChannel(db: DbOrTx, code: string) {
  const [row] = await db.select().from(channels).where(eq(channels.code, code));
  return row ?? null;
}

export async function operatorMayUseChannel(
  db: DbOrTx,
  operatorId: string,
  channelCode: string,
): Promise<boolean> {
  const rows = await db
    .select({ one: sql<number>`1` })
    .from(operatorChannels)
    .where(and(eq(operatorChannels.operatorId, operatorId), eq(operatorChannels.channelCode, channelCode)));
  return rows.length > 0;
}

export async function createSession(
  db: DbOrTx,
  s: { tokenHash: string; operatorId: string; channelCode: string; expiresAt: Date },
): Promise<void> {
  await db.insert(sessions).values(s);
}

/** The live session behind a token hash, with its operator and channel; null when unknown or expired. */
export async function findLiveSession(db: DbOrTx, tokenHash: string) {
  const [row] = await db
    .select({
      operatorId: operators.id,
      operatorName: operators.name,
      roles: operators.roles,
      operatorActive: operators.active,
      channelCode: channels.code,
      channelType: channels.type,
      channelCapabilities: channels.capabilities,
      channelActive: channels.active,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(operators, eq(operators.id, sessions.operatorId))
    .innerJoin(channels, eq(channels.code, sessions.channelCode))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, sql`now()`)));
  return row ?? null;
}
