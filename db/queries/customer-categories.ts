import { and, asc, count, eq, isNull, sql } from 'drizzle-orm';
import type { CategoryChange, Identity, NewCategory, PartnerListing } from '../../domain/customer-categories';
import type { DbOrTx } from '../client';
import {
  customerCategories,
  customerCategoryAssignments,
  customers,
  groupCustomers,
  partnerBlacklist,
} from '../schema';

/** REQ: CUST-1 — customer categories and their assignments; nothing here ever deletes a row. */

export interface Category {
  code: string;
  nameZh: string;
  nameEn: string;
  note: string | null;
  effect: string;
  updatedBy: string;
  updatedAt: string;
}

export interface Assignment {
  customerId: string;
  categoryCode: string;
  categoryName: string;
  effect: string;
  note: string | null;
  assignedBy: string;
  assignedAt: string;
  endedAt: string | null;
  endedBy: string | null;
}

export async function listCategories(db: DbOrTx): Promise<Category[]> {
  const rows = await db.select().from(customerCategories).orderBy(asc(customerCategories.code));
  return rows.map(toCategory);
}

export async function findCategory(db: DbOrTx, code: string): Promise<Category | null> {
  const [row] = await db.select().from(customerCategories).where(eq(customerCategories.code, code));
  return row ? toCategory(row) : null;
}

/** Adds the category; null when its code is taken. */
export async function createCategory(
  db: DbOrTx,
  category: NewCategory,
  updatedBy: string,
): Promise<Category | null> {
  const [row] = await db
    .insert(customerCategories)
    .values({ ...category, note: category.note ?? null, updatedBy })
    .onConflictDoNothing()
    .returning();
  return row ? toCategory(row) : null;
}

/** Changes name, note or effect; null when there is no such category. */
export async function changeCategory(
  db: DbOrTx,
  code: string,
  change: CategoryChange,
  updatedBy: string,
): Promise<Category | null> {
  const [row] = await db
    .update(customerCategories)
    .set({ ...change, updatedBy, updatedAt: new Date() })
    .where(eq(customerCategories.code, code))
    .returning();
  return row ? toCategory(row) : null;
}

/**
 * Whether categories may be given to `customerId`: a customer record, or a group customer (集团客户) by its
 * group code — a group's categories screen its group business (REQ: CUST-2).
 */
export async function customerExists(db: DbOrTx, customerId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: customers.id })
    .from(customers)
    .where(eq(customers.id, customerId))
    .unionAll(
      db
        .select({ id: groupCustomers.groupCode })
        .from(groupCustomers)
        .where(eq(groupCustomers.groupCode, customerId)),
    );
  return row !== undefined;
}

/** The customer's categories, current and ended, oldest first. */
export async function listAssignments(db: DbOrTx, customerId: string): Promise<Assignment[]> {
  const rows = await db
    .select({ a: customerCategoryAssignments, c: customerCategories })
    .from(customerCategoryAssignments)
    .innerJoin(customerCategories, eq(customerCategories.code, customerCategoryAssignments.categoryCode))
    .where(eq(customerCategoryAssignments.customerId, customerId))
    .orderBy(asc(customerCategoryAssignments.assignedAt), asc(customerCategoryAssignments.categoryCode));
  return rows.map((r) => toAssignment(r.a, r.c));
}

/**
 * Assigns the category. A current assignment stays as it is (`created: false`); an ended one is taken up
 * again, since the table keeps one row per customer and category (the audit log keeps the earlier spell).
 */
export async function assignCategory(
  db: DbOrTx,
  assignment: { customerId: string; category: Category; note?: string; assignedBy: string },
): Promise<{ assignment: Assignment; created: boolean }> {
  const { customerId, category, assignedBy } = assignment;
  const note = assignment.note ?? null;
  const [row] = await db
    .insert(customerCategoryAssignments)
    .values({ customerId, categoryCode: category.code, note, assignedBy })
    .onConflictDoUpdate({
      target: [customerCategoryAssignments.customerId, customerCategoryAssignments.categoryCode],
      set: { note, assignedBy, assignedAt: new Date(), endedAt: null, endedBy: null },
      setWhere: sql`${customerCategoryAssignments.endedAt} is not null`,
    })
    .returning();
  if (row) return { assignment: toAssignmentOf(row, category), created: true };
  const [current] = await db
    .select()
    .from(customerCategoryAssignments)
    .where(assignmentKey(customerId, category.code));
  if (!current) throw new Error('the assignment vanished while it was being made');
  return { assignment: toAssignmentOf(current, category), created: false };
}

/** Ends a current assignment; null when the customer holds no current assignment of the category. */
export async function endAssignment(
  db: DbOrTx,
  customerId: string,
  category: Category,
  endedBy: string,
): Promise<Assignment | null> {
  const [row] = await db
    .update(customerCategoryAssignments)
    .set({ endedAt: new Date(), endedBy })
    .where(and(assignmentKey(customerId, category.code), isNull(customerCategoryAssignments.endedAt)))
    .returning();
  return row ? toAssignmentOf(row, category) : null;
}

/** A partner's listing of an identity as stored (the id type may be any the partner used). */
export interface PartnerListingRow {
  idType: string;
  idNumber: string;
  partner: string;
  reason: string;
  listedAt: string;
}

/** The shared blacklist, oldest listing first, one page at a time, with the count of all listings. */
export async function pageOfPartnerBlacklist(
  db: DbOrTx,
  page: { offset: number; limit: number },
): Promise<{ total: number; items: PartnerListingRow[] }> {
  const [totalRow, rows] = await Promise.all([
    db.select({ n: count() }).from(partnerBlacklist),
    db
      .select()
      .from(partnerBlacklist)
      .orderBy(
        asc(partnerBlacklist.listedAt),
        asc(partnerBlacklist.idType),
        asc(partnerBlacklist.idNumber),
        asc(partnerBlacklist.partner),
      )
      .offset(page.offset)
      .limit(page.limit),
  ]);
  return { total: totalRow[0]?.n ?? 0, items: rows.map(toListing) };
}

/** Lists the identity under the partner; `created: false` when that partner already lists it. */
export async function addPartnerListing(
  db: DbOrTx,
  listing: PartnerListing,
): Promise<{ listing: PartnerListingRow; created: boolean }> {
  const [row] = await db.insert(partnerBlacklist).values(listing).onConflictDoNothing().returning();
  if (row) return { listing: toListing(row), created: true };
  const [existing] = await db
    .select()
    .from(partnerBlacklist)
    .where(
      and(
        eq(partnerBlacklist.idType, listing.idType),
        eq(partnerBlacklist.idNumber, listing.idNumber),
        eq(partnerBlacklist.partner, listing.partner),
      ),
    );
  if (!existing) throw new Error('the listing vanished while it was being made');
  return { listing: toListing(existing), created: false };
}

/** REQ: CUST-2 — why a customer is refused new business: a blacklist category, or a partner's listing. */
export type Blacklisting =
  { source: 'category'; code: string; name: string } | { source: 'partner'; partner: string; reason: string };

/** REQ: CUST-2 — whom a screening asks about: our line's owner, a person by document, or a group customer. */
export type ScreeningSubject = { msisdn: string } | { identity: Identity } | { groupCode: string };

/**
 * REQ: CUST-2 — the first reason the subject is blacklisted, or null. The person is the owner of our line
 * `msisdn`, or whoever shows `identity`; every customer record with the same identity document counts (each
 * account opening makes its own record). A group customer is known by its group code only (the group record
 * keeps no identity document), so a category assigned to the group code counts. One query.
 */
export async function findBlacklisting(db: DbOrTx, subject: ScreeningSubject): Promise<Blacklisting | null> {
  const owner =
    'msisdn' in subject
      ? sql`select c.id, c.id_type, c.id_number from subscribers s
              join customers c on c.id = s.customer_id where s.msisdn = ${subject.msisdn}`
      : 'groupCode' in subject
        ? sql`select ${subject.groupCode}::text as id, null::text as id_type, null::text as id_number`
        : sql`select null::text as id, ${subject.identity.idType}::text as id_type,
              ${subject.identity.idNumber}::text as id_number`;
  const rows = await db.execute<{ source: string; code: string; name: string; reason: string | null }>(sql`
    with owner as (${owner}),
    person as (
      select c.id from customers c join owner o on c.id_type = o.id_type and c.id_number = o.id_number
      union select id from owner where id is not null
    )
    select * from (
      select 'category' as source, cat.code, cat.name_zh as name, null as reason
        from customer_category_assignments a
        join customer_categories cat on cat.code = a.category_code
       where a.ended_at is null and cat.effect = 'blacklist' and a.customer_id in (select id from person)
      union all
      select 'partner', pb.partner, pb.partner, pb.reason
        from partner_blacklist pb join owner o on pb.id_type = o.id_type and pb.id_number = o.id_number
    ) hit
    order by source, code
    limit 1`);
  const [hit] = rows;
  if (!hit) return null;
  return hit.source === 'category'
    ? { source: 'category', code: hit.code, name: hit.name }
    : { source: 'partner', partner: hit.code, reason: hit.reason ?? '' };
}

/**
 * REQ: CUST-1 — whether the owner of our line `msisdn` holds a current category with `effect` (e.g. `vip`);
 * every customer record with the owner's identity document counts, as for the blacklist. One query.
 */
export async function ownerHasCategoryEffect(db: DbOrTx, msisdn: string, effect: string): Promise<boolean> {
  const rows = await db.execute<{ found: number }>(sql`
    with owner as (
      select c.id, c.id_type, c.id_number from subscribers s
        join customers c on c.id = s.customer_id where s.msisdn = ${msisdn}
    ),
    person as (
      select c.id from customers c join owner o on c.id_type = o.id_type and c.id_number = o.id_number
      union select id from owner
    )
    select 1 as found
      from customer_category_assignments a
      join customer_categories cat on cat.code = a.category_code
     where a.ended_at is null and cat.effect = ${effect} and a.customer_id in (select id from person)
     limit 1`);
  return rows.length > 0;
}

const assignmentKey = (customerId: string, categoryCode: string) =>
  and(
    eq(customerCategoryAssignments.customerId, customerId),
    eq(customerCategoryAssignments.categoryCode, categoryCode),
  );

function toCategory(row: typeof customerCategories.$inferSelect): Category {
  return {
    code: row.code,
    nameZh: row.nameZh,
    nameEn: row.nameEn,
    note: row.note,
    effect: row.effect,
    updatedBy: row.updatedBy,
    updatedAt: row.updatedAt.toISOString(),
  };
}

function toAssignment(
  row: typeof customerCategoryAssignments.$inferSelect,
  category: typeof customerCategories.$inferSelect,
): Assignment {
  return toAssignmentOf(row, toCategory(category));
}

function toAssignmentOf(
  row: typeof customerCategoryAssignments.$inferSelect,
  category: Category,
): Assignment {
  return {
    customerId: row.customerId,
    categoryCode: row.categoryCode,
    categoryName: category.nameZh,
    effect: category.effect,
    note: row.note,
    assignedBy: row.assignedBy,
    assignedAt: row.assignedAt.toISOString(),
    endedAt: row.endedAt?.toISOString() ?? null,
    endedBy: row.endedBy,
  };
}

function toListing(row: typeof partnerBlacklist.$inferSelect): PartnerListingRow {
  return {
    idType: row.idType,
    idNumber: row.idNumber,
    partner: row.partner,
    reason: row.reason,
    listedAt: row.listedAt.toISOString(),
  };
}
