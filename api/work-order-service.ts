import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, type Client } from '@temporalio/client';
import { WorkflowIdConflictPolicy, WorkflowIdReusePolicy } from '@temporalio/common';
import type { Db } from '../db/client';
import { findWorkOrderWithTimeline, workOrderTimeline } from '../db/queries/work-order-detail';
import { AppError } from '../domain/errors';
import type { ResolvedStep } from '../domain/work-order-machine';
import {
  workOrderStatusLabels,
  type WorkOrderActor,
  type WorkOrderCommand,
  type WorkOrderState,
} from '../domain/work-orders';
import {
  workOrderCommandUpdate,
  workOrderStateQuery,
  type WorkOrderInput,
} from '../workflows/work-order-contracts';
import { hashRequest } from './order-service';
import { timelineEntry, viewFromRecord, viewFromState, type WorkOrderView } from './work-order-view';
import { updateRefusal } from './workflow-refusals';

/** REQ: WO-1 — the work order (and workflow) ID: the client's idempotency key makes a retry the same order. */
export const workOrderId = (idempotencyKey: string): string => `WorkOrder:${idempotencyKey}`;

const isWorkOrderId = (id: string): boolean => id.startsWith('WorkOrder:');

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

/**
 * Reads work orders and takes steps on them (REQ: WO-1…WO-5): the API's door to the work-order workflows
 * after they have started.
 */
export function createWorkOrderService(deps: { client: Client; db: Db }) {
  const { client, db } = deps;

  /** The read model first; while the workflow has not written it yet, the workflow's live state. */
  async function get(id: string): Promise<WorkOrderView | null> {
    const found = await findWorkOrderWithTimeline(db, id);
    if (found) return viewFromRecord(found.record, found.timeline);
    if (!isWorkOrderId(id)) return null;
    try {
      return viewFromState(await client.workflow.getHandle(id).query(workOrderStateQuery), []);
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) return null;
      throw err;
    }
  }

  /**
   * REQ: WO-2…WO-5 — one step by `actor`, answered with the work order as that step left it (its timeline up
   * to the step). The state machine's refusal keeps its code (IllegalWorkOrderStep, NotAssignee,
   * AlreadyGrabbed…); a work order that does not exist or has ended is told apart here.
   */
  async function command(
    id: string,
    actor: WorkOrderActor,
    step: WorkOrderCommand,
    resolved?: ResolvedStep,
  ): Promise<WorkOrderView> {
    if (!isWorkOrderId(id)) throw new AppError('WorkOrderNotFound', `Work order ${id} does not exist`);
    const handle = client.workflow.getHandle(id);
    let state: WorkOrderState;
    try {
      state = await handle.executeUpdate(workOrderCommandUpdate, {
        args: [{ command: step, actor, ...(resolved ? { resolved } : {}) }],
      });
    } catch (err) {
      const refusal = updateRefusal(err);
      if (refusal) throw refusal;
      const description = await handle.describe().catch(() => null);
      if (!description) throw new AppError('WorkOrderNotFound', `Work order ${id} does not exist`);
      if (description.status.name !== 'RUNNING') {
        const status = (await get(id))?.status;
        throw new AppError(
          'IllegalWorkOrderStep',
          `${step.action}: work order ${id} has ended` +
            (status ? ` ${status} (${workOrderStatusLabels[status].zh})` : '') +
            '; it takes no more steps',
        );
      }
      throw err;
    }
    // The step's event is written before the update answers; later events are not this step's.
    const timeline = (await workOrderTimeline(db, id)).filter((e) => e.seq < state.events);
    return viewFromState(state, timeline.map(timelineEntry));
  }

  return { get, command };
}

export type WorkOrderService = ReturnType<typeof createWorkOrderService>;
