import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { WorkflowIdConflictPolicy, WorkflowIdReusePolicy } from '@temporalio/common';
import { AppError } from '../domain/errors';
import type { WorkOrderState } from '../domain/work-orders';
import type { WorkOrderInput } from '../workflows/work-order-contracts';
import { hashRequest } from './order-service';

/** REQ: WO-1 — the work order (and workflow) ID: the client's idempotency key makes a retry the same order. */
export const workOrderId = (idempotencyKey: string): string => `WorkOrder:${idempotencyKey}`;

/**
 * Starts work-order workflows (REQ: WO-1, GC-1): one per work order, ID `WorkOrder:<Idempotency-Key>`,
 * duplicate-rejecting; the same key with the same request is the same work order (`replayed`), with another
 * request 409 IdempotencyKeyReused.
 */
export function createWorkOrderStarter(deps: { client: Client; taskQueue: string }) {
  return async (
    idempotencyKey: string,
    input: Omit<WorkOrderInput, 'id'>,
  ): Promise<{ id: string; replayed: boolean }> => {
    const id = workOrderId(idempotencyKey);
    // What the client asked for decides sameness, not the settings or when it was resolved.
    const requestHash = hashRequest({
      source: input.source,
      request: input.request,
      createdBy: input.createdBy,
    });
    try {
      await deps.client.workflow.start<(input: WorkOrderInput) => Promise<WorkOrderState>>(
        'workOrderWorkflow',
        {
          workflowId: id,
          taskQueue: deps.taskQueue,
          args: [{ ...input, id }],
          memo: { requestHash },
          workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
          workflowIdConflictPolicy: WorkflowIdConflictPolicy.FAIL,
        },
      );
      return { id, replayed: false };
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
      const existing = await deps.client.workflow.getHandle(id).describe();
      if (existing.memo?.requestHash !== requestHash) {
        throw new AppError(
          'IdempotencyKeyReused',
          `headers.idempotency-key: ${idempotencyKey} was already used for a work order with a different body`,
        );
      }
      return { id, replayed: true };
    }
  };
}

export type WorkOrderStarter = ReturnType<typeof createWorkOrderStarter>;
