import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { callSessions, operators } from '../schema';

export type CallSession = typeof callSessions.$inferSelect;

/**
 * REQ: Q-2 — records a call the telephony side reported started. A repeated event is harmless; returns the
 * call as stored (the first report counts), so the caller can tell a repeat from a different call.
 */
export async function recordCallStart(
  db: DbOrTx,
  call: { callId: string; callerMsisdn: string; agentId: string; startedAt: Date },
): Promise<CallSession> {
  const [inserted] = await db.insert(callSessions).values(call).onConflictDoNothing().returning();
  if (inserted) return inserted;
  const existing = await findCall(db, call.callId);
  if (!existing) throw new Error(`call ${call.callId} neither inserted nor found`);
  return existing;
}

/** REQ: Q-2 — the call ended (the first end reported counts); false when no such call was started. */
export async function recordCallEnd(db: DbOrTx, callId: string, endedAt: Date): Promise<boolean> {
  await db
    .update(callSessions)
    .set({ endedAt })
    .where(and(eq(callSessions.callId, callId), isNull(callSessions.endedAt)));
  return (await findCall(db, callId)) !== null;
}

export async function findCall(db: DbOrTx, callId: string): Promise<CallSession | null> {
  const [row] = await db.select().from(callSessions).where(eq(callSessions.callId, callId));
  return row ?? null;
}

/** Whether an operator with this ID exists (the agent a call was put through to). */
export async function operatorExists(db: DbOrTx, operatorId: string): Promise<boolean> {
  const [row] = await db.select({ id: operators.id }).from(operators).where(eq(operators.id, operatorId));
  return row !== undefined;
}
