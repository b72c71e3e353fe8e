import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, type Client } from '@temporalio/client';
import {
  WorkflowIdConflictPolicy,
  WorkflowIdReusePolicy,
  type SearchAttributePair,
} from '@temporalio/common';
import type { Db } from '../../db/client';
import {
  claimOrderKey,
  findOrderKey,
  scopedIdempotencyKey,
  type KeyScope,
} from '../../db/queries/order-keys';
import { AppError } from '../../domain/errors';
import { startWorkflow, type WorkflowCallOf, type WorkflowName } from './workflow-registry';

/**
 * Starts a workflow once under its business ID (REQ: ORD-3): duplicate-rejecting, and a start that finds the
 * ID already taken is the same order, work order or batch (`replayed`), not an error. `call` names the
 * workflow through the registry, so its arguments are checked against the workflow function. The
 * `typedSearchAttributes` (`workflows/contracts/search-attributes.ts`) go with the start, onto its started event.
 */
export async function startWorkflowOnce<N extends WorkflowName>(
  client: Client,
  call: WorkflowCallOf<N>,
  options: {
    workflowId: string;
    taskQueue: string;
    memo?: Record<string, unknown>;
    typedSearchAttributes?: SearchAttributePair[];
  },
): Promise<{ id: string; replayed: boolean }> {
  try {
    await startWorkflow(client, call, {
      ...options,
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      workflowIdConflictPolicy: WorkflowIdConflictPolicy.FAIL,
    });
    return { id: options.workflowId, replayed: false };
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError)
      return { id: options.workflowId, replayed: true };
    throw err;
  }
}

/** Whether Temporal knows a workflow by this ID (running or closed and still retained). */
export async function workflowKnown(client: Client, id: string): Promise<boolean> {
  try {
    await client.workflow.getHandle(id).describe();
    return true;
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) return false;
    throw err;
  }
}

/**
 * REQ: ORD-3 — a channel's idempotency key is one order (or work order) whenever it comes back. The key →
 * ID row in PostgreSQL (`order_keys`) is looked up first: the same request is answered with the order it
 * already is (`replayed`, even after Temporal has forgotten the workflow: `exists` reads the read model too),
 * another request is 409 IdempotencyKeyReused. A new key runs `beforeStart` (checks an order must pass; a
 * replay is not checked again), is claimed, then `start`ed.
 */
export async function startOncePerKey(
  db: Db,
  key: {
    scope: KeyScope;
    channelCode: string;
    idempotencyKey: string;
    requestHash: string;
    /** The ID a new order gets. */
    id: string;
    /** What the key is for, in the refusal: `an order`, `a work order`. */
    what: string;
  },
  steps: {
    exists: (id: string) => Promise<boolean>;
    beforeStart?: () => Promise<void>;
    start: () => Promise<{ id: string; replayed: boolean }>;
  },
): Promise<{ id: string; replayed: boolean }> {
  const { channelCode, idempotencyKey, requestHash } = key;
  const recordedKey = scopedIdempotencyKey(key.scope, idempotencyKey);
  const sameRequest = (recordedHash: string) =>
    assertSameRequest({
      idempotencyKey,
      recordedHash,
      requestHash,
      usedFor: `at channel ${channelCode} for ${key.what} with a different body`,
    });
  const known = await findOrderKey(db, channelCode, recordedKey);
  if (known) {
    sameRequest(known.requestHash);
    if (await steps.exists(known.orderId)) return { id: known.orderId, replayed: true };
    // The key was recorded but its workflow never started (the API stopped in between, or Temporal could not be
    // reached and the clerk was answered 503): this is the clerk's retry of the same request, so start it now.
  }
  await steps.beforeStart?.();
  const row = await claimOrderKey(db, {
    channelCode,
    idempotencyKey: recordedKey,
    orderId: key.id,
    requestHash,
  });
  sameRequest(row.requestHash);
  return steps.start();
}

/**
 * REQ: ORD-3 — a key stands for one request: it may come back with the same request (a retry), never with
 * another; that is refused, 409 IdempotencyKeyReused, saying what the key was used for (`usedFor`).
 */
export function assertSameRequest(key: {
  idempotencyKey: string;
  recordedHash: string;
  requestHash: string;
  usedFor: string;
}): void {
  if (key.recordedHash === key.requestHash) return;
  throw new AppError(
    'IdempotencyKeyReused',
    `headers.idempotency-key: ${key.idempotencyKey} was already used ${key.usedFor}`,
  );
}
