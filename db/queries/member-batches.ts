import { and, asc, between, count, eq, exists, inArray, notExists, sql } from 'drizzle-orm';
import { uploadRejectionCodes, type ParsedBatchRow } from '../../domain/member-batch-csv';
import type { AttributeValues } from '../../domain/product-spec';
import type { DbOrTx, Tx } from '../client';
import { groupMemberEvents, groupMembers, memberBatches, memberBatchRows, subscribers } from '../schema';
import { batchPercent } from '../../domain/member-batch-csv';
import { claimOrderKey } from './order-keys';
import type { MemberBatchProgress } from '../../domain/member-batch-contract';

/**
 * REQ: GRP-6 — member batches and their rows. A chunk of rows is handled with one statement per kind of
 * outcome, never one per row, so ten thousand members take seconds.
 */

export type MemberBatchRow = typeof memberBatches.$inferSelect;
export type MemberBatchRowResult = 'pending' | 'accepted' | 'rejected';

/** REQ: GRP-6 — a batch's progress from its row: counters and percent done. */
export function progressOfBatch(batch: MemberBatchRow): MemberBatchProgress {
  return {
    batchId: batch.id,
    status: batch.status,
    totalRows: batch.totalRows,
    processedRows: batch.processedRows,
    acceptedRows: batch.acceptedRows,
    rejectedRows: batch.rejectedRows,
    percent: batchPercent(batch.processedRows, batch.totalRows),
  };
}

export interface NewMemberBatch {
  id: string;
  subscriptionId: string;
  groupCode: string;
  productCode: string;
  requestHash: string;
  operatorId: string;
  channelCode: string;
}

/** Rows per INSERT: well under PostgreSQL's 65,535 parameters (6 per row). */
const INSERT_CHUNK = 2_000;

/**
 * Stores the batch and every row of its file in one transaction, with the channel's key record (REQ: ORD-3,
 * `order_keys` under `recordedKey`): rows the upload already rejected count as processed. When a batch with
 * this ID exists already (the same Idempotency-Key at the same channel), nothing is written and that batch
 * is returned with `created: false`.
 */
export async function createMemberBatch(
  db: DbOrTx,
  batch: NewMemberBatch,
  rows: ParsedBatchRow[],
  recordedKey: string,
): Promise<{ created: boolean; batch: MemberBatchRow }> {
  return db.transaction(async (tx) => {
    await claimOrderKey(tx, {
      channelCode: batch.channelCode,
      idempotencyKey: recordedKey,
      orderId: batch.id,
      requestHash: batch.requestHash,
    });
    const rejected = rows.filter((r) => r.rejection).length;
    const [created] = await tx
      .insert(memberBatches)
      .values({
        ...batch,
        status: 'running',
        totalRows: rows.length,
        processedRows: rejected,
        rejectedRows: rejected,
      })
      .onConflictDoNothing()
      .returning();
    if (!created) {
      const existing = await findMemberBatch(tx, batch.id);
      if (!existing) throw new Error(`member batch ${batch.id} conflicted but cannot be read`);
      return { created: false, batch: existing };
    }
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      await tx.insert(memberBatchRows).values(
        rows.slice(i, i + INSERT_CHUNK).map((r) => ({
          batchId: batch.id,
          rowNo: r.rowNo,
          msisdn: r.msisdn,
          attributes: r.attributes,
          result: r.rejection ? ('rejected' as const) : ('pending' as const),
          reasonCode: r.rejection?.code ?? null,
          reason: r.rejection?.reason ?? null,
          processedAt: r.rejection ? sql`now()` : null,
        })),
      );
    }
    return { created: true, batch: created };
  });
}

export async function findMemberBatch(db: DbOrTx, id: string): Promise<MemberBatchRow | null> {
  const [row] = await db.select().from(memberBatches).where(eq(memberBatches.id, id));
  return row ?? null;
}

/** Rows the upload itself rejected (syntax, attribute rules, duplicates in the file). */
export async function countUploadRejections(db: DbOrTx, batchId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(memberBatchRows)
    .where(
      and(
        eq(memberBatchRows.batchId, batchId),
        inArray(memberBatchRows.reasonCode, [...uploadRejectionCodes]),
      ),
    );
  return row?.n ?? 0;
}

/** The rows of a batch in file order, optionally only those with one result. */
export async function listMemberBatchRows(
  db: DbOrTx,
  batchId: string,
  filter: { result?: MemberBatchRowResult; offset: number; limit: number },
) {
  const where = and(
    eq(memberBatchRows.batchId, batchId),
    filter.result ? eq(memberBatchRows.result, filter.result) : undefined,
  );
  const [total] = await db.select({ n: count() }).from(memberBatchRows).where(where);
  const items = await db
    .select({
      rowNo: memberBatchRows.rowNo,
      msisdn: memberBatchRows.msisdn,
      result: memberBatchRows.result,
      reasonCode: memberBatchRows.reasonCode,
      reason: memberBatchRows.reason,
    })
    .from(memberBatchRows)
    .where(where)
    .orderBy(asc(memberBatchRows.rowNo))
    .offset(filter.offset)
    .limit(filter.limit);
  return { total: total?.n ?? 0, items };
}

/** Marks the batch completed (the first time only: a repeated call keeps the first finish time). */
export async function completeMemberBatch(db: DbOrTx, batchId: string): Promise<MemberBatchRow | null> {
  const [row] = await db
    .update(memberBatches)
    .set({ status: 'completed', finishedAt: sql`coalesce(${memberBatches.finishedAt}, now())` })
    .where(eq(memberBatches.id, batchId))
    .returning();
  return row ?? null;
}

// ——— One chunk, inside the caller's transaction ———

/** Locks the batch row for update: one chunk at a time per batch, even when an attempt is retried early. */
export async function lockMemberBatch(tx: Tx, batchId: string): Promise<MemberBatchRow | null> {
  const [row] = await tx.select().from(memberBatches).where(eq(memberBatches.id, batchId)).for('update');
  return row ?? null;
}

/** A chunk: its first and last row. Every row still pending between them belongs to the chunk. */
export interface ChunkRange {
  batchId: string;
  first: number;
  last: number;
  size: number;
}

/** Locks the next `limit` pending rows in file order; null when none is left. */
export async function lockNextChunk(tx: Tx, batchId: string, limit: number): Promise<ChunkRange | null> {
  const rows = await tx
    .select({ rowNo: memberBatchRows.rowNo })
    .from(memberBatchRows)
    .where(and(eq(memberBatchRows.batchId, batchId), eq(memberBatchRows.result, 'pending')))
    .orderBy(asc(memberBatchRows.rowNo))
    .limit(limit)
    .for('update');
  const first = rows[0]?.rowNo;
  const last = rows.at(-1)?.rowNo;
  if (first === undefined || last === undefined) return null;
  return { batchId, first, last, size: rows.length };
}

const pendingIn = (chunk: ChunkRange) =>
  and(
    eq(memberBatchRows.batchId, chunk.batchId),
    eq(memberBatchRows.result, 'pending'),
    between(memberBatchRows.rowNo, chunk.first, chunk.last),
  );

const rejectedWith = (reasonCode: string, reason: string) => ({
  result: 'rejected' as const,
  reasonCode,
  reason,
  processedAt: sql`now()`,
});

/** Rejects every row of the chunk still pending (the group product stopped being active, GRP-9). */
export async function rejectPendingRows(
  tx: Tx,
  chunk: ChunkRange,
  reasonCode: string,
  reason: string,
): Promise<number> {
  const rows = await tx
    .update(memberBatchRows)
    .set(rejectedWith(reasonCode, reason))
    .where(pendingIn(chunk))
    .returning({ rowNo: memberBatchRows.rowNo });
  return rows.length;
}

/** Rejects the chunk's rows whose number is not one of our lines in service. */
export async function rejectRowsNotInService(tx: Tx, chunk: ChunkRange, reason: string): Promise<void> {
  await tx
    .update(memberBatchRows)
    .set(rejectedWith('MemberNotInService', reason))
    .where(
      and(
        pendingIn(chunk),
        notExists(
          tx
            .select({ one: sql`1` })
            .from(subscribers)
            .where(and(eq(subscribers.msisdn, memberBatchRows.msisdn), eq(subscribers.status, 'active'))),
        ),
      ),
    );
}

/**
 * REQ: CUST-2 — rejects the chunk's rows whose line's owner is blacklisted (CustomerBlacklisted), as a single
 * member add is refused: by a current category with effect `blacklist` on any customer record with the owner's
 * identity document, or a partner's blacklist naming it. `reasonPrefix` is followed by what blacklisted the
 * owner. One statement for the chunk.
 */
export async function rejectRowsBlacklisted(tx: Tx, chunk: ChunkRange, reasonPrefix: string): Promise<void> {
  await tx.execute(sql`
    with hit as (
      select distinct on (r.row_no) r.row_no, h.detail
        from member_batch_rows r
        join subscribers s on s.msisdn = r.msisdn
        join customers o on o.id = s.customer_id
        join lateral (
          select 1 as ord, 'category ' || cat.code || ' (' || cat.name_zh || ')' as detail
            from customer_category_assignments a
            join customer_categories cat on cat.code = a.category_code
            join customers c on c.id = a.customer_id
           where a.ended_at is null and cat.effect = 'blacklist'
             and (c.id = o.id or (c.id_type = o.id_type and c.id_number = o.id_number))
          union all
          select 2, 'the blacklist of partner ' || pb.partner
            from partner_blacklist pb
           where pb.id_type = o.id_type and pb.id_number = o.id_number
        ) h on true
       where r.batch_id = ${chunk.batchId} and r.result = 'pending'
         and r.row_no between ${chunk.first} and ${chunk.last}
       order by r.row_no, h.ord, h.detail
    )
    update member_batch_rows r
       set result = 'rejected', reason_code = 'CustomerBlacklisted',
           reason = ${reasonPrefix} || hit.detail, processed_at = now()
      from hit
     where r.batch_id = ${chunk.batchId} and r.row_no = hit.row_no`);
}

/** Rejects the chunk's rows whose number is a member of the subscription already. */
export async function rejectRowsAlreadyMembers(
  tx: Tx,
  chunk: ChunkRange,
  subscriptionId: string,
  reason: string,
): Promise<void> {
  await tx
    .update(memberBatchRows)
    .set(rejectedWith('AlreadyGroupMember', reason))
    .where(and(pendingIn(chunk), exists(memberOf(tx, subscriptionId))));
}

const memberOf = (tx: Tx, subscriptionId: string, addedBy?: string) =>
  tx
    .select({ one: sql`1` })
    .from(groupMembers)
    .where(
      and(
        eq(groupMembers.subscriptionId, subscriptionId),
        eq(groupMembers.msisdn, memberBatchRows.msisdn),
        addedBy === undefined ? undefined : eq(groupMembers.addedBy, addedBy),
      ),
    );

/**
 * Adds the chunk's pending rows as members; returns those added. A number that became a member meanwhile
 * (another order) is not returned: its row stays pending and is rejected as already a member.
 */
export async function insertMembersFromChunk(
  tx: Tx,
  chunk: ChunkRange,
  subscriptionId: string,
): Promise<{ msisdn: string; attributes: AttributeValues }[]> {
  const rows = await tx
    .insert(groupMembers)
    .select(
      tx
        .select({
          subscriptionId: sql<string>`${subscriptionId}`.as('subscription_id'),
          msisdn: memberBatchRows.msisdn,
          attributes: memberBatchRows.attributes,
          addedBy: memberBatchRows.batchId,
          addedAt: sql<Date>`now()`.as('added_at'),
          updatedAt: sql<Date>`now()`.as('updated_at'),
        })
        .from(memberBatchRows)
        .where(pendingIn(chunk)),
    )
    .onConflictDoNothing()
    .returning({ msisdn: groupMembers.msisdn, attributes: groupMembers.attributes });
  return rows.map((r) => ({ msisdn: r.msisdn, attributes: r.attributes }));
}

/** Takes back members BBOSS refused and rejects their rows with BBOSS's reason. */
export async function rejectRefusedMembers(
  tx: Tx,
  chunk: ChunkRange,
  subscriptionId: string,
  msisdns: string[],
  reason: string,
): Promise<void> {
  if (msisdns.length === 0) return;
  await tx
    .delete(groupMembers)
    .where(
      and(
        eq(groupMembers.subscriptionId, subscriptionId),
        inArray(groupMembers.msisdn, msisdns),
        eq(groupMembers.addedBy, chunk.batchId),
      ),
    );
  await tx
    .update(memberBatchRows)
    .set(rejectedWith('MemberRefusedByBboss', reason))
    .where(and(pendingIn(chunk), inArray(memberBatchRows.msisdn, msisdns)));
}

/**
 * Accepts the chunk's rows whose member this batch added and records one `add` event for each; returns how
 * many were accepted.
 */
export async function acceptAddedMembers(
  tx: Tx,
  chunk: ChunkRange,
  subscriptionId: string,
  actor: string,
): Promise<number> {
  const accepted = await tx
    .update(memberBatchRows)
    .set({ result: 'accepted', processedAt: sql`now()` })
    .where(and(pendingIn(chunk), exists(memberOf(tx, subscriptionId, chunk.batchId))))
    .returning({ rowNo: memberBatchRows.rowNo });
  if (accepted.length === 0) return 0;
  await tx
    .insert(groupMemberEvents)
    .select(
      tx
        .select({
          source: memberBatchRows.batchId,
          msisdn: memberBatchRows.msisdn,
          action: sql<string>`'add'`.as('action'),
          subscriptionId: sql<string>`${subscriptionId}`.as('subscription_id'),
          attributes: memberBatchRows.attributes,
          actor: sql<string>`${actor}`.as('actor'),
          at: sql<Date>`now()`.as('at'),
        })
        .from(memberBatchRows)
        .where(
          and(
            eq(memberBatchRows.batchId, chunk.batchId),
            eq(memberBatchRows.result, 'accepted'),
            between(memberBatchRows.rowNo, chunk.first, chunk.last),
          ),
        ),
    )
    .onConflictDoNothing();
  return accepted.length;
}

/** Adds the chunk's outcome to the batch's counters; returns the batch as it now stands. */
export async function countChunk(
  tx: Tx,
  batchId: string,
  outcome: { processed: number; accepted: number },
): Promise<MemberBatchRow> {
  const [row] = await tx
    .update(memberBatches)
    .set({
      processedRows: sql`${memberBatches.processedRows} + ${outcome.processed}`,
      acceptedRows: sql`${memberBatches.acceptedRows} + ${outcome.accepted}`,
      rejectedRows: sql`${memberBatches.rejectedRows} + ${outcome.processed - outcome.accepted}`,
    })
    .where(eq(memberBatches.id, batchId))
    .returning();
  if (!row) throw new Error(`member batch ${batchId} vanished while locked`);
  return row;
}
