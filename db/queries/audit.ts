import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { auditLog } from '../schema';

export type AuditRow = typeof auditLog.$inferInsert;
export type AuditOutcome = 'success' | 'refused' | 'error';

/**
 * Appends one row; the table refuses UPDATE and DELETE. PostgreSQL text cannot hold a NUL character, and a
 * request may claim one (an operator ID at sign-in, a path parameter): it is kept as U+FFFD so that the row
 * is still written.
 */
export async function appendAuditRow(db: DbOrTx, row: AuditRow): Promise<void> {
  const clean = Object.fromEntries(
    Object.entries(row).map(([k, v]) => [k, typeof v === 'string' ? v.replaceAll('\u0000', '\ufffd') : v]),
  ) as AuditRow;
  await db.insert(auditLog).values(clean);
}

export interface AuditFilter {
  operatorId?: string;
  outletCode?: string;
  route?: string;
  target?: string;
  outcome?: AuditOutcome;
  from?: Date;
  to?: Date;
  offset: number;
  limit: number;
}

/** Rows matching every given filter, newest first, and how many match in all. */
export async function listAuditRows(db: DbOrTx, f: AuditFilter) {
  const conditions: SQL[] = [];
  if (f.operatorId) conditions.push(eq(auditLog.operatorId, f.operatorId));
  if (f.outletCode) conditions.push(eq(auditLog.outletCode, f.outletCode));
  if (f.route) conditions.push(eq(auditLog.route, f.route));
  if (f.target) conditions.push(eq(auditLog.target, f.target));
  if (f.outcome) conditions.push(eq(auditLog.outcome, f.outcome));
  if (f.from) conditions.push(gte(auditLog.at, f.from));
  if (f.to) conditions.push(lt(auditLog.at, f.to));
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .offset(f.offset)
      .limit(f.limit),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}
