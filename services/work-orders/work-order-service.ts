import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { Db } from '../../db/client';
import { findWorkOrderWithTimeline, workOrderTimeline } from '../../db/queries/work-order-detail';
import { AppError } from '../../domain/errors';
import type { ResolvedStep } from '../../domain/work-order-machine';
import {
  workOrderStatusLabels,
  type WorkOrderActor,
  type WorkOrderCommand,
  type WorkOrderState,
} from '../../domain/work-orders';
import {
  isWorkOrderId,
  workOrderCommandUpdate,
  workOrderId,
  workOrderStateQuery,
  type WorkOrderInput,
} from '../../workflows/contracts/work-order';
import { workOrderSearchAttributes } from '../../workflows/contracts/search-attributes';
import { hashRequest } from '../orders/order-service';
import { timelineEntry, viewFromRecord, viewFromState, type WorkOrderView } from './work-order-view';
import { startOncePerKey, startWorkflowOnce, workflowKnown } from '../temporal/start-idempotently';
import { updateOrExplain } from '../temporal/update-or-explain';
import { workflowCall } from '../temporal/workflow-registry';

/**
 * What makes a work order one: a client's idempotency key at its channel (kept in `order_keys`), or an ID
 * another record already stands for — a Q-3 recharge-card ticket (`WorkOrder:RechargeCard-<serial>-<n>`),
 * numbered per card in `recharge_card_tickets` whoever asks.
 */
export type WorkOrderKey = { channelCode: string; idempotencyKey: string } | { workOrderId: string };

/**
 * Starts work-order workflows (REQ: WO-1, GC-1, ORD-3): one per work order, duplicate-rejecting. A channel's
 * key is recorded in PostgreSQL (`order_keys`, as `workOrder/<key>`) with the request's hash before the
 * workflow starts: the same key with the same request is the same work order (`replayed`) — also after
 * Temporal has forgotten its workflow, starting nothing —, with another request 409 IdempotencyKeyReused.
 */
export function createWorkOrderStarter(deps: { client: Client; db: Db; taskQueue: string }) {
  const { client, db } = deps;

  /** The work order is known: in the read model, or (not written yet) as a workflow. */
  async function exists(id: string): Promise<boolean> {
    return (await findWorkOrderWithTimeline(db, id)) !== null || workflowKnown(client, id);
  }

  /** Starts the workflow; one already started under this ID is the same work order. */
  const start = (id: string, input: Omit<WorkOrderInput, 'id'>, requestHash: string) =>
    startWorkflowOnce(client, workflowCall('workOrderWorkflow', { ...input, id }), {
      workflowId: id,
      taskQueue: deps.taskQueue,
      memo: { requestHash },
      typedSearchAttributes: workOrderSearchAttributes(input),
    });

  return async (
    key: WorkOrderKey,
    input: Omit<WorkOrderInput, 'id'>,
  ): Promise<{ id: string; replayed: boolean }> => {
    // What the client asked for decides sameness, not the settings or when it was resolved.
    const requestHash = hashRequest({
      source: input.source,
      request: input.request,
      createdBy: input.createdBy,
    });
    if ('workOrderId' in key) return start(key.workOrderId, input, requestHash);

    const { channelCode, idempotencyKey } = key;
    const id = workOrderId(channelCode, idempotencyKey);
    return startOncePerKey(
      db,
      { scope: 'workOrder', channelCode, idempotencyKey, requestHash, id, what: 'a work order' },
      { exists, start: () => start(id, input, requestHash) },
    );
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
    const state: WorkOrderState = await updateOrExplain(
      client.workflow.getHandle(id),
      (handle) =>
        handle.executeUpdate(workOrderCommandUpdate, {
          args: [{ command: step, actor, ...(resolved ? { resolved } : {}) }],
        }),
      {
        notFound: () => new AppError('WorkOrderNotFound', `Work order ${id} does not exist`),
        closed: async () => {
          const status = (await get(id))?.status;
          return new AppError(
            'IllegalWorkOrderStep',
            `${step.action}: work order ${id} has ended` +
              (status ? ` ${status} (${workOrderStatusLabels[status].zh})` : '') +
              '; it takes no more steps',
          );
        },
      },
    );
    // The step's event is written before the update answers; later events are not this step's.
    const timeline = (await workOrderTimeline(db, id)).filter((e) => e.seq < state.events);
    return viewFromState(state, timeline.map(timelineEntry));
  }

  return { get, command };
}

export type WorkOrderService = ReturnType<typeof createWorkOrderService>;
