import { defineQuery } from '@temporalio/workflow';
import type { MemberBatchProgress } from '../../domain/member-batch-contract';
import { mainTaskQueue } from './task-queue';

/**
 * The contract of member batches (成员批量导入, REQ: GRP-6): `memberBatchWorkflow` works through an uploaded
 * file's rows (kept in PostgreSQL) and answers with its progress; the batch ID is its workflow ID,
 * `MemberBatch:<channelCode>:<key>`.
 */
export type { MemberBatchInput, MemberBatchProgress } from '../../domain/member-batch-contract';

/** REQ: GRP-6 — the batch's progress as its workflow knows it. */
export const memberBatchProgressQuery = defineQuery<MemberBatchProgress>('memberBatchProgress');

const prefix = 'MemberBatch:';

/**
 * REQ: GRP-6, ORD-3 — the workflow (and batch) ID of an upload: the Idempotency-Key, scoped to the channel
 * that uploads (`MemberBatch:<channelCode>:<key>`), makes a retried upload the same batch and lets two stores
 * use the same key. The key is also recorded in `order_keys` (as `memberBatch/<key>`) with the batch.
 */
export const memberBatchId = (channelCode: string, idempotencyKey: string): string =>
  `${prefix}${channelCode}:${idempotencyKey}`;

/** The channel and key of a member batch's ID, or null when it is not one. */
export function parseMemberBatchId(id: string): { channelCode: string; key: string } | null {
  if (!id.startsWith(prefix)) return null;
  const [channelCode, key, ...rest] = id.slice(prefix.length).split(':');
  if (!channelCode || !key || rest.length > 0) return null;
  return { channelCode, key };
}

export const memberBatchTaskQueue = mainTaskQueue;
