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
  workOrderCommandUpdate,
  workOrderStateQuery,
  type WorkOrderInput,
} from '../../workflows/work-order-contracts';
import { hashRequest } from '../orders/order-service';
import { timelineEntry, viewFromRecord, viewFromState, type WorkOrderView } from './work-order-view';
import { startOncePerKey, startWorkflowOnce, workflowKnown } from '../../api/keyed-start';
import { updateRefusal } from '../../api/workflow-refusals';

/**
 * REQ: WO-1, ORD-3 — the work order (and workflow) ID: the client's idempotency key, scoped to the channel it
 * came through (`WorkOrder:<channelCode>:<key>`), makes a retry the same work order and lets two stores use
 * the same key. A customer's own work order (self-service) is scoped to the website channel it names.
 */
export const workOrderId = (channelCode: string, idempotencyKey: string): string =>
  `WorkOrder:${channelCode}:${idempotencyKey}`;

/**
 * REQ: Q-3 — a recharge-card ticket's work order, `WorkOrder:RechargeCard-<serial>-<n>`: one per card and
 * number whoever asks, so no channel in it (before numbering: `WorkOrder:RechargeCard-<serial>`).
 */
export const cardTicketWorkOrderId = (ticketKey: string): string => `WorkOrder:${ticketKey}`;

/** Whether an ID can be a work order's (any of the forms above). */
export const isWorkOrderId = (id: string): boolean => id.startsWith('WorkOrder:');

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
    startWorkflowOnce(client, 'workOrderWorkflow', {
      workflowId: id,
      taskQueue: deps.taskQueue,
      args: [{ ...input, id } satisfies WorkOrderInput],
      memo: { requestHash },
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
