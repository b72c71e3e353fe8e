import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { uploadRejectionCodes, type ParsedBatchRow } from '../../domain/member-batch-csv';
import type { AttributeValues } from '../../domain/product-spec';
import type { DbOrTx, Tx } from '../client';
import { groupMembers, memberBatches, memberBatchRows } from '../schema';
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

/** Rows per INSERT: one JSON parameter of about a megabyte. */
const INSERT_CHUNK = 10_000;

/** A row the upload itself rejected: the one rule for both its stored result and the batch's counters. */
const rejectedOnUpload = (r: ParsedBatchRow): boolean => r.rejection !== null;

/**
 * Stores rows of the file as one JSON parameter: building an INSERT of thousands of rows value by value takes
 * longer than PostgreSQL takes to write them. Rows the upload rejected are processed now, the others pending.
 */
async function insertBatchRows(tx: Tx, batchId: string, rows: ParsedBatchRow[]): Promise<void> {
  const json = JSON.stringify(
    rows.map((r) => ({
      rowNo: r.rowNo,
      msisdn: r.msisdn,
      attributes: r.attributes,
      rejected: rejectedOnUpload(r),
      reasonCode: r.rejection?.code ?? null,
      reason: r.rejection?.reason ?? null,
    })),
  );
  await tx.execute(sql`
    insert into member_batch_rows
      (batch_id, row_no, msisdn, attributes, result, reason_code, reason, processed_at)
    select ${batchId}, r."rowNo", r.msisdn, r.attributes,
           case when r.rejected then 'rejected' else 'pending' end,
           r."reasonCode", r.reason,
           case when r.rejected then now() end
      from jsonb_to_recordset(${json}::jsonb)
        as r("rowNo" int, msisdn text, attributes jsonb, rejected boolean, "reasonCode" text, reason text)`);
}

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
    const rejected = rows.filter(rejectedOnUpload).length;
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
      await insertBatchRows(tx, batch.id, rows.slice(i, i + INSERT_CHUNK));
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

/**
 * Marks the batch completed (the first time only: a repeated call keeps the first finish time). A batch with a
 * row still pending is left as it is and null comes back: a chunk may still be working on that row, and a batch
 * shown completed must not change afterwards.
 */
export async function completeMemberBatch(db: DbOrTx, batchId: string): Promise<MemberBatchRow | null> {
  const [row] = await db
    .update(memberBatches)
    .set({ status: 'completed', finishedAt: sql`coalesce(${memberBatches.finishedAt}, now())` })
    .where(
      and(
        eq(memberBatches.id, batchId),
        sql`not exists (select 1 from member_batch_rows r where r.batch_id = ${batchId} and r.result = 'pending')`,
      ),
    )
    .returning();
  return row ?? null;
}

/** Whether any row of the batch is still pending, held by a chunk's open transaction or not. */
export async function hasPendingRows(db: DbOrTx, batchId: string): Promise<boolean> {
  const [row] = await db
    .select({ rowNo: memberBatchRows.rowNo })
    .from(memberBatchRows)
    .where(and(eq(memberBatchRows.batchId, batchId), eq(memberBatchRows.result, 'pending')))
    .limit(1);
  return row !== undefined;
}

// ——— One chunk, inside the caller's transaction ———

/**
 * A chunk: the rows it claimed, and only those. A claim may jump over rows another chunk holds, so the rows
 * between its first and last are not all its own.
 */
export interface ClaimedChunk {
  batchId: string;
  /** Row numbers in file order; never empty. */
  rowNos: number[];
  first: number;
}

/**
 * Claims the next `limit` pending rows in file order that no other transaction holds; null when none is free
 * (none pending, or all held: the caller tells which). The rows stay locked until the chunk commits, so chunks
 * of one batch run side by side without ever sharing a row, and a chunk retried early (its first attempt still
 * running) takes other rows or none.
 */
export async function claimNextChunk(tx: Tx, batchId: string, limit: number): Promise<ClaimedChunk | null> {
  const rows = await tx
    .select({ rowNo: memberBatchRows.rowNo })
    .from(memberBatchRows)
    .where(and(eq(memberBatchRows.batchId, batchId), eq(memberBatchRows.result, 'pending')))
    .orderBy(asc(memberBatchRows.rowNo))
    .limit(limit)
    .for('update', { skipLocked: true });
  const first = rows[0]?.rowNo;
  if (first === undefined) return null;
  return { batchId, rowNos: rows.map((r) => r.rowNo), first };
}

/** The chunk's row numbers as one `int[]` parameter, whatever the chunk size. */
const claimedRowNos = (chunk: ClaimedChunk) => {
  if (!chunk.rowNos.every(Number.isInteger)) {
    throw new Error(`member batch ${chunk.batchId}: a claimed row number is not an integer`);
  }
  return sql`${`{${chunk.rowNos.join(',')}}`}::int[]`;
};

const pendingIn = (chunk: ClaimedChunk) =>
  and(
    eq(memberBatchRows.batchId, chunk.batchId),
    eq(memberBatchRows.result, 'pending'),
    sql`${memberBatchRows.rowNo} = any(${claimedRowNos(chunk)})`,
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
  chunk: ClaimedChunk,
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

/** The reasons of the chunk's checks, as staff read them (see `rejectRowsFailingChecks`). */
export interface ChunkCheckReasons {
  notInService: string;
  alreadyMember: string;
  /** Followed by what blacklisted the owner. */
  blacklistedPrefix: string;
}

/**
 * Rejects, in one statement, the chunk's rows that may not join, each with its first failing check: the number
 * is not one of our lines in service (MemberNotInService); it is a member of the subscription already
 * (AlreadyGroupMember); REQ: CUST-2 — its line's owner is blacklisted (CustomerBlacklisted), as a single member
 * add is refused: by a current category with effect `blacklist` on any customer record with the owner's
 * identity document, or a partner's blacklist naming it.
 */
export async function rejectRowsFailingChecks(
  tx: Tx,
  chunk: ClaimedChunk,
  subscriptionId: string,
  reasons: ChunkCheckReasons,
): Promise<void> {
  await tx.execute(sql`
    with pending as (
      select r.row_no, r.msisdn
        from member_batch_rows r
       where r.batch_id = ${chunk.batchId} and r.result = 'pending'
         and r.row_no = any(${claimedRowNos(chunk)})
    ), verdict as (
      select p.row_no,
        case
          when not exists (select 1 from subscribers s where s.msisdn = p.msisdn and s.status = 'active')
            then 'MemberNotInService'
          when exists (
            select 1 from group_members g where g.subscription_id = ${subscriptionId} and g.msisdn = p.msisdn
          ) then 'AlreadyGroupMember'
          when blacklist.detail is not null then 'CustomerBlacklisted'
        end as code,
        blacklist.detail
        from pending p
        left join lateral (
          select h.detail
            from subscribers s
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
           where s.msisdn = p.msisdn
           order by h.ord, h.detail
           limit 1
        ) blacklist on true
    )
    update member_batch_rows r
       set result = 'rejected', reason_code = v.code, processed_at = now(),
           reason = case v.code
             when 'MemberNotInService' then ${reasons.notInService}
             when 'AlreadyGroupMember' then ${reasons.alreadyMember}
             else ${reasons.blacklistedPrefix} || v.detail
           end
      from verdict v
     where r.batch_id = ${chunk.batchId} and r.row_no = v.row_no and v.code is not null`);
}

/**
 * Adds the chunk's pending rows as members; returns those added. A number that became a member meanwhile
 * (another order) is not returned: its row stays pending and is rejected as already a member.
 */
export async function insertMembersFromChunk(
  tx: Tx,
  chunk: ClaimedChunk,
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
  chunk: ClaimedChunk,
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
 * Settles the chunk in one statement: its rows still pending whose member this batch added are accepted with
 * one `add` event each; the others still pending are rejected with `meanwhile` (the number became a member
 * through another order between the checks and now); the chunk's outcome is added to the batch's counters,
 * which come back as they now stand (the batch row is locked only here, at the end of the chunk), with
 * `rowsRemain`: whether rows other than the chunk's are still pending, whoever holds them.
 */
export async function settleChunk(
  tx: Tx,
  chunk: ClaimedChunk,
  subscriptionId: string,
  actor: string,
  meanwhile: { reasonCode: string; reason: string },
): Promise<BatchCounters & { rowsRemain: boolean }> {
  const [row] = await tx.execute<BatchCounters & { rowsRemain: boolean }>(sql`
    with settled as (
      update member_batch_rows r
         set result = case when g.msisdn is null then 'rejected' else 'accepted' end,
             reason_code = case when g.msisdn is null then ${meanwhile.reasonCode} end,
             reason = case when g.msisdn is null then ${meanwhile.reason} end,
             processed_at = now()
        from member_batch_rows p
        left join group_members g
          on g.subscription_id = ${subscriptionId} and g.msisdn = p.msisdn and g.added_by = p.batch_id
       where p.batch_id = ${chunk.batchId} and p.result = 'pending'
         and p.row_no = any(${claimedRowNos(chunk)})
         and r.batch_id = p.batch_id and r.row_no = p.row_no
      returning r.batch_id, r.msisdn, r.attributes, r.result
    ), events as (
      insert into group_member_events (source, msisdn, action, subscription_id, attributes, actor, at)
      select batch_id, msisdn, 'add', ${subscriptionId}, attributes, ${actor}, now()
        from settled where result = 'accepted'
      on conflict do nothing
    )
    update member_batches b
       set processed_rows = b.processed_rows + ${chunk.rowNos.length},
           accepted_rows = b.accepted_rows + (select count(*) from settled where result = 'accepted'),
           rejected_rows = b.rejected_rows + ${chunk.rowNos.length}
             - (select count(*) from settled where result = 'accepted')
     where b.id = ${chunk.batchId}
    returning b.processed_rows as "processedRows", b.accepted_rows as "acceptedRows",
              b.rejected_rows as "rejectedRows",
              -- The statement sees the rows as they were before it: the chunk's own are left out by number.
              exists (
                select 1 from member_batch_rows o
                 where o.batch_id = ${chunk.batchId} and o.result = 'pending'
                   and not (o.row_no = any(${claimedRowNos(chunk)}))
              ) as "rowsRemain"`);
  if (!row) throw new Error(`member batch ${chunk.batchId} vanished while its rows were locked`);
  return row;
}

/** A batch's counters as a chunk leaves them. */
export type BatchCounters = Pick<MemberBatchRow, 'processedRows' | 'acceptedRows' | 'rejectedRows'>;
