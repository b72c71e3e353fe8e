import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Role } from '../../domain/access';
import type { StaffProfile } from '../../domain/service-staff';
import type { DbOrTx } from '../client';
import { channels, operatorChannels, operatorOutlets, operators, outlets } from '../schema';
import { staffProfilesOf } from './staff-profiles';

/** REQ: CH-2 — operators (工号) as administrators see them: never the password hash. */
export interface OperatorView {
  id: string;
  name: string;
  roles: string[];
  channels: string[];
  outlets: string[];
  businessHours: string | null;
  active: boolean;
  failedLogins: number;
  lockedUntil: string | null;
  createdAt: string;
  /** REQ: WO-4 — its service-staff profile (服务人员资料), null when it has none. */
  staff: StaffProfile | null;
}

export interface OperatorFilter {
  role?: Role;
  channel?: string;
  active?: boolean;
}

export interface NewOperatorRow {
  id: string;
  name: string;
  passwordHash: string;
  roles: Role[];
  businessHours: string | null;
}

/** The operator's own columns that may change; bindings are replaced by `replaceBindings`. */
export interface OperatorColumns {
  name?: string;
  passwordHash?: string;
  roles?: Role[];
  businessHours?: string | null;
  active?: boolean;
  failedLogins?: number;
  lockedUntil?: Date | null;
}

/** Inserts the operator; false when the ID is taken. */
export async function insertOperator(db: DbOrTx, row: NewOperatorRow): Promise<boolean> {
  const inserted = await db
    .insert(operators)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: operators.id });
  return inserted.length > 0;
}

/** The operator row locked for the rest of the transaction; null when there is none. */
export async function lockOperator(db: DbOrTx, id: string) {
  const [row] = await db.select().from(operators).where(eq(operators.id, id)).for('update');
  return row ?? null;
}

export async function updateOperatorColumns(db: DbOrTx, id: string, columns: OperatorColumns): Promise<void> {
  if (Object.keys(columns).length === 0) return;
  await db.update(operators).set(columns).where(eq(operators.id, id));
}

/** Replaces the channels and/or outlets the operator is bound to (REQ: CH-2); repeats count once. */
export async function replaceBindings(
  db: DbOrTx,
  id: string,
  bindings: { channels?: readonly string[]; outlets?: readonly string[] },
): Promise<void> {
  if (bindings.channels) {
    await db.delete(operatorChannels).where(eq(operatorChannels.operatorId, id));
    await db
      .insert(operatorChannels)
      .values([...new Set(bindings.channels)].map((channelCode) => ({ operatorId: id, channelCode })));
  }
  if (bindings.outlets) {
    await db.delete(operatorOutlets).where(eq(operatorOutlets.operatorId, id));
    if (bindings.outlets.length > 0) {
      await db
        .insert(operatorOutlets)
        .values([...new Set(bindings.outlets)].map((outletCode) => ({ operatorId: id, outletCode })));
    }
  }
}

/** The given channel codes that name no channel. */
export async function unknownChannels(db: DbOrTx, codes: readonly string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const found = await db
    .select({ code: channels.code })
    .from(channels)
    .where(inArray(channels.code, [...codes]));
  const known = new Set(found.map((r) => r.code));
  return codes.filter((c) => !known.has(c));
}

/** The given outlet codes that name no outlet. */
export async function unknownOutlets(db: DbOrTx, codes: readonly string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const found = await db
    .select({ code: outlets.code })
    .from(outlets)
    .where(inArray(outlets.code, [...codes]));
  const known = new Set(found.map((r) => r.code));
  return codes.filter((c) => !known.has(c));
}

export async function findOperatorView(db: DbOrTx, id: string): Promise<OperatorView | null> {
  const [view] = await listOperators(db, {}, id);
  return view ?? null;
}

/** One page of the operators matching the filter, by ID, and how many match in all (UI-1: server-side paging). */
export async function pageOfOperators(
  db: DbOrTx,
  filter: OperatorFilter,
  page: { offset: number; limit: number },
): Promise<{ total: number; items: OperatorView[] }> {
  const [counted] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(operators)
    .where(and(...operatorConditions(db, filter)));
  return { total: counted?.total ?? 0, items: await listOperators(db, filter, undefined, page) };
}

function operatorConditions(db: DbOrTx, filter: OperatorFilter): SQL[] {
  const conditions: SQL[] = [];
  if (filter.role !== undefined) conditions.push(sql`${filter.role} = any(${operators.roles})`);
  if (filter.active !== undefined) conditions.push(eq(operators.active, filter.active));
  if (filter.channel !== undefined) {
    conditions.push(
      inArray(
        operators.id,
        db
          .select({ id: operatorChannels.operatorId })
          .from(operatorChannels)
          .where(eq(operatorChannels.channelCode, filter.channel)),
      ),
    );
  }
  return conditions;
}

/** Operators matching the filter, by ID, each with its channels and outlets (a page of them when given). */
export async function listOperators(
  db: DbOrTx,
  filter: OperatorFilter,
  id?: string,
  page?: { offset: number; limit: number },
): Promise<OperatorView[]> {
  const conditions = operatorConditions(db, filter);
  if (id !== undefined) conditions.push(eq(operators.id, id));
  const query = db
    .select()
    .from(operators)
    .where(and(...conditions))
    .orderBy(asc(operators.id));
  const rows = page ? await query.offset(page.offset).limit(page.limit) : await query;
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [channelRows, outletRows, profiles] = await Promise.all([
    db
      .select()
      .from(operatorChannels)
      .where(inArray(operatorChannels.operatorId, ids))
      .orderBy(asc(operatorChannels.channelCode)),
    db
      .select()
      .from(operatorOutlets)
      .where(inArray(operatorOutlets.operatorId, ids))
      .orderBy(asc(operatorOutlets.outletCode)),
    staffProfilesOf(db, ids),
  ]);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    roles: row.roles,
    channels: channelRows.filter((c) => c.operatorId === row.id).map((c) => c.channelCode),
    outlets: outletRows.filter((o) => o.operatorId === row.id).map((o) => o.outletCode),
    businessHours: row.businessHours,
    active: row.active,
    failedLogins: row.failedLogins,
    lockedUntil: row.lockedUntil?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    staff: profiles.get(row.id) ?? null,
  }));
}
