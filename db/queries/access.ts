import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { failureLockout } from './failure-lockout';
import {
  channels,
  operatorChannels,
  operatorOutlets,
  operatorProductPermissions,
  operators,
  sessions,
} from '../schema';

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

/** The outlets (网点) an operator may sign in at, in code order; empty when it is bound to none. */
export async function outletsOfOperator(db: DbOrTx, operatorId: string): Promise<string[]> {
  const rows = await db
    .select({ outletCode: operatorOutlets.outletCode })
    .from(operatorOutlets)
    .where(eq(operatorOutlets.operatorId, operatorId))
    .orderBy(operatorOutlets.outletCode);
  return rows.map((r) => r.outletCode);
}

export async function createSession(
  db: DbOrTx,
  s: {
    tokenHash: string;
    operatorId: string;
    channelCode: string;
    outletCode: string | null;
    expiresAt: Date;
  },
): Promise<void> {
  await db.insert(sessions).values(s);
}

/** The live session behind a token hash, with its operator and channel; null when unknown, expired or revoked. */
export async function findLiveSession(db: DbOrTx, tokenHash: string) {
  const [row] = await db
    .select({
      operatorId: operators.id,
      operatorName: operators.name,
      roles: operators.roles,
      operatorActive: operators.active,
      channelCode: channels.code,
      outletCode: sessions.outletCode,
      channelType: channels.type,
      channelCapabilities: channels.capabilities,
      channelActive: channels.active,
      channelBusinessHours: channels.businessHours,
      operatorBusinessHours: operators.businessHours,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(operators, eq(operators.id, sessions.operatorId))
    .innerJoin(channels, eq(channels.code, sessions.channelCode))
    .where(
      and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, sql`now()`), isNull(sessions.revokedAt)),
    );
  return row ?? null;
}

/**
 * Ends every live session of an operator (a password reset, or channels or outlets taken away): its tokens
 * answer 401 from the next request on. Returns how many were ended.
 */
export async function revokeOperatorSessions(db: DbOrTx, operatorId: string): Promise<number> {
  const rows = await db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(sessions.operatorId, operatorId), isNull(sessions.revokedAt)))
    .returning({ tokenHash: sessions.tokenHash });
  return rows.length;
}

/** Logout: the token stops working. Returns when, or null when the session was already revoked. */
export async function revokeSession(db: DbOrTx, tokenHash: string): Promise<Date | null> {
  const [row] = await db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt)))
    .returning({ revokedAt: sessions.revokedAt });
  return row?.revokedAt ?? null;
}

const signInLockout = failureLockout({
  failures: operators.failedLogins,
  lockedUntil: operators.lockedUntil,
});
const { notLocked } = signInLockout;

/**
 * Counts one failed sign-in in one conditional UPDATE, so concurrent failures each count (the row lock
 * serialises them); the attempt that reaches `maxFailures` locks the operator for `lockoutMinutes` and starts
 * the count afresh. Nothing changes while the operator is locked. Returns when the lock ends, if locked now.
 */
export async function recordFailedLogin(
  db: DbOrTx,
  operatorId: string,
  policy: { maxFailures: number; lockoutMinutes: number },
): Promise<Date | null> {
  const counted = signInLockout.countFailure({
    maxFailures: policy.maxFailures,
    lockMinutes: policy.lockoutMinutes,
  });
  const [row] = await db
    .update(operators)
    .set({ failedLogins: counted.failures, lockedUntil: counted.lockedUntil })
    .where(and(eq(operators.id, operatorId), notLocked))
    .returning({ lockedUntil: operators.lockedUntil });
  return row?.lockedUntil ?? null;
}

/**
 * A successful sign-in resets the failure count, unless the operator is locked (perhaps by a concurrent
 * failure): then it returns when the lock ends and the caller refuses the sign-in.
 */
export async function claimSuccessfulLogin(
  db: DbOrTx,
  operatorId: string,
): Promise<{ lockedUntil: Date | null }> {
  const updated = await db
    .update(operators)
    .set({ failedLogins: 0, lockedUntil: null })
    .where(and(eq(operators.id, operatorId), notLocked))
    .returning({ id: operators.id });
  if (updated.length > 0) return { lockedUntil: null };
  const operator = await findOperator(db, operatorId);
  return { lockedUntil: operator?.lockedUntil ?? null };
}

/**
 * What an order's access rules need of an operator, in one round trip: the group products it holds a
 * permission for (REQ: GRP-1) and the outlets it is bound to (REQ: PC-1), each in code order.
 */
export async function orderGrantsOf(
  db: DbOrTx,
  operatorId: string,
): Promise<{ productCodes: string[]; outletCodes: string[] }> {
  const rows = await db
    .select({
      productCodes: sql<string[]>`array(
        select ${operatorProductPermissions.productCode} from ${operatorProductPermissions}
        where ${operatorProductPermissions.operatorId} = ${operatorId}
        order by ${operatorProductPermissions.productCode})`,
      outletCodes: sql<string[]>`array(
        select ${operatorOutlets.outletCode} from ${operatorOutlets}
        where ${operatorOutlets.operatorId} = ${operatorId}
        order by ${operatorOutlets.outletCode})`,
    })
    .from(sql`(select 1) as one`);
  return rows[0] ?? { productCodes: [], outletCodes: [] };
}
