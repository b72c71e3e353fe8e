import { createHash } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { Db } from '../../db/client';
import { hasProductPermission } from '../../db/queries/group-catalogue';
import { findLiveSubscription } from '../../db/queries/group-subscriptions';
import { findOrderKey, scopedIdempotencyKey } from '../../db/queries/order-keys';
import {
  countUploadRejections,
  createMemberBatch,
  findMemberBatch,
  listMemberBatchRows,
  progressOfBatch,
  type MemberBatchRow,
  type MemberBatchRowResult,
} from '../../db/queries/member-batches';
import type { Principal } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { parseMemberBatchCsv } from '../../domain/member-batch-csv';
import type { SettingsOf } from '../../domain/workflow-settings';
import { assertSameRequest, startWorkflowOnce } from '../temporal/start-idempotently';
import { workflowCall } from '../temporal/workflow-registry';
import { memberBatchId } from '../../workflows/contracts/member-batch';
import { memberBatchSearchAttributes } from '../../workflows/contracts/search-attributes';
import { screenSubjects } from '../orders/customer-screening';
import { requireProductAccess } from './group-order-checks';

export interface MemberBatchUpload {
  batch: MemberBatchRow;
  rejectedAtUpload: number;
  replayed: boolean;
}

/**
 * REQ: GRP-6 — member batches: an upload is checked like a member order (group, product, GRP-1 permission)
 * and more (an active group product, the file), stored with all its rows, and handed to its workflow; reads
 * come from PostgreSQL.
 */
export function createMemberBatchService(deps: {
  db: Db;
  client: Client;
  taskQueue: string;
  settings: SettingsOf<'memberBatch'>;
  maxRows: number;
}) {
  const { db, client } = deps;

  /** Starts the batch's workflow; one already started (or finished) under this ID is the same batch. */
  async function startWorkflow(batch: MemberBatchRow): Promise<void> {
    if (batch.status !== 'running') return;
    const call = workflowCall('memberBatchWorkflow', {
      batchId: batch.id,
      settings: deps.settings,
      chunksDone: 0,
    });
    await startWorkflowOnce(client, call, {
      workflowId: batch.id,
      taskQueue: deps.taskQueue,
      typedSearchAttributes: memberBatchSearchAttributes(batch),
    });
  }

  /** The batch stored under this key already: the same file again is a replay, another file a conflict. */
  async function replay(batch: MemberBatchRow, requestHash: string, key: string): Promise<MemberBatchUpload> {
    assertSameRequest({
      idempotencyKey: key,
      recordedHash: batch.requestHash,
      requestHash,
      usedFor: 'for a member batch with a different file',
    });
    // The upload that stored it may have stopped before starting the workflow.
    await startWorkflow(batch);
    return { batch, rejectedAtUpload: await countUploadRejections(db, batch.id), replayed: true };
  }

  /** REQ: GRP-1 — the operator must hold the product permission to see or use the product. */
  async function requirePermission(principal: Principal, productCode: string): Promise<void> {
    if (!(await hasProductPermission(db, principal.operatorId, productCode))) {
      throw new AppError(
        'ProductPermissionRequired',
        `Operator ${principal.operatorId} has no permission for product ${productCode}; ask an administrator to grant it`,
      );
    }
  }

  return {
    async upload(
      principal: Principal,
      idempotencyKey: string,
      target: { groupCode: string; productCode: string },
      csv: string,
    ): Promise<MemberBatchUpload> {
      const { groupCode, productCode } = target;
      const { product } = await requireProductAccess(db, principal, groupCode, productCode);
      const { channelCode } = principal;
      const id = memberBatchId(channelCode, idempotencyKey);
      const recordedKey = scopedIdempotencyKey('memberBatch', idempotencyKey);
      const requestHash = createHash('sha256').update(`${groupCode}\n${productCode}\n${csv}`).digest('hex');
      const known = await findOrderKey(db, channelCode, recordedKey);
      const existing = known && (await findMemberBatch(db, known.orderId));
      if (existing) return replay(existing, requestHash, idempotencyKey);

      // REQ: CUST-2 — new members are new business for the group: a blacklisted group's batch is refused whole.
      await screenSubjects(db, [{ groupCode }]);
      const subscription = await findLiveSubscription(db, groupCode, productCode);
      if (subscription?.status !== 'active') {
        throw new AppError(
          'GroupProductNotActive',
          `Group ${groupCode} has no active ${productCode} product` +
            (subscription ? ` (it is ${subscription.status})` : ''),
        );
      }
      const parsed = parseMemberBatchCsv(csv, product.memberSpec, { maxRows: deps.maxRows });
      if (!parsed.ok) throw new AppError(parsed.code, parsed.message);

      const { created, batch } = await createMemberBatch(
        db,
        {
          id,
          subscriptionId: subscription.id,
          groupCode,
          productCode,
          requestHash,
          operatorId: principal.operatorId,
          channelCode,
        },
        parsed.rows,
        recordedKey,
      );
      // Another upload with this key stored its batch first.
      if (!created) return replay(batch, requestHash, idempotencyKey);
      await startWorkflow(batch);
      const rejectedAtUpload = parsed.rows.filter((r) => r.rejection).length;
      return { batch, rejectedAtUpload, replayed: false };
    },

    /** The batch with its progress, for an operator who may see its product. */
    async get(principal: Principal, id: string) {
      const batch = await findMemberBatch(db, id);
      if (!batch) throw new AppError('BatchNotFound', `Member batch ${id} does not exist`);
      await requirePermission(principal, batch.productCode);
      return {
        id: batch.id,
        groupCode: batch.groupCode,
        productCode: batch.productCode,
        ...progressOfBatch(batch),
        createdAt: batch.createdAt.toISOString(),
        finishedAt: batch.finishedAt?.toISOString() ?? null,
      };
    },

    /** Per-row results in file order, optionally only one result. */
    async rows(
      principal: Principal,
      id: string,
      filter: { result?: MemberBatchRowResult; offset: number; limit: number },
    ) {
      const batch = await findMemberBatch(db, id);
      if (!batch) throw new AppError('BatchNotFound', `Member batch ${id} does not exist`);
      await requirePermission(principal, batch.productCode);
      const { total, items } = await listMemberBatchRows(db, id, filter);
      return { total, items };
    },
  };
}

export type MemberBatchService = ReturnType<typeof createMemberBatchService>;
