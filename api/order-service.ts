import { createHash } from 'node:crypto';
import {
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  type Client,
  type WorkflowHandle,
} from '@temporalio/client';
import { WorkflowIdConflictPolicy, WorkflowIdReusePolicy } from '@temporalio/common';
import type { Db } from '../db/client';
import { getOrder, listOrders } from '../db/queries/orders';
import type { Principal } from '../domain/access';
import { AppError } from '../domain/errors';
import type { FormalCancellationRequest } from '../domain/pre-cancellation';
import { orderId, orderTypeRegistry, parseOrderId, type OrderStatus, type OrderType } from '../domain/orders';
import {
  cancelOrderUpdate,
  decideApprovalUpdate,
  formalCancellationUpdate,
  orderStateQuery,
  type AnyOrderRequest,
  type OrderInput,
  type OrderState,
  type WorkflowSettings,
} from '../workflows/contracts';
import { viewFromRecord, viewFromState } from './order-views';
import type { OrderView } from './schemas';
import { updateRefusal } from './workflow-refusals';

export type OrderRequest = AnyOrderRequest;

/** Starts, reads and cancels order workflows; the API's only door to Temporal for orders. */
export function createOrderService(deps: {
  client: Client;
  db: Db;
  taskQueue: string;
  settings: WorkflowSettings;
}) {
  const { client, db } = deps;

  async function liveView(id: string): Promise<OrderView | null> {
    try {
      return viewFromState(await client.workflow.getHandle(id).query(orderStateQuery));
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) return null;
      throw err;
    }
  }

  /** The read model first; while the workflow has not written it yet, the workflow's live state. */
  async function getView(id: string): Promise<OrderView | null> {
    const record = await getOrder(db, id);
    if (record) return viewFromRecord(record);
    return parseOrderId(id) ? liveView(id) : null;
  }

  /**
   * Runs an update on an order's workflow and shows the order it answers with. The workflow's refusal keeps
   * its code (e.g. PastPointOfNoReturn); an order that does not exist or has ended is told apart here.
   */
  async function runUpdate(
    id: string,
    closedVerb: string,
    update: (handle: WorkflowHandle) => Promise<OrderState>,
  ): Promise<OrderView> {
    if (!parseOrderId(id)) throw new AppError('OrderNotFound', `Order ${id} does not exist`);
    const handle = client.workflow.getHandle(id);
    try {
      return viewFromState(await update(handle));
    } catch (err) {
      const refusal = updateRefusal(err);
      if (refusal) throw refusal;
      const description = await handle.describe().catch(() => null);
      if (!description) throw new AppError('OrderNotFound', `Order ${id} does not exist`);
      if (description.status.name !== 'RUNNING') {
        const view = await getView(id);
        throw new AppError(
          'OrderAlreadyClosed',
          `The order is already ${view?.status ?? 'closed'} and cannot be ${closedVerb}`,
        );
      }
      throw err;
    }
  }

  return {
    /** REQ: ORD-3 — the same idempotency key gives the same order; with another body it is refused. */
    async submit(
      principal: Principal,
      idempotencyKey: string,
      request: OrderRequest,
    ): Promise<{ id: string; replayed: boolean }> {
      const id = orderId(request.type, idempotencyKey);
      const requestHash = hashRequest(request);
      const input: OrderInput<OrderRequest> = {
        orderId: id,
        origin: {
          operatorId: principal.operatorId,
          channelCode: principal.channelCode,
          outletCode: principal.outletCode,
        },
        requestHash,
        settings: deps.settings,
        request,
      };
      try {
        await client.workflow.start<(input: OrderInput<OrderRequest>) => Promise<OrderState>>(
          orderTypeRegistry[request.type].workflowType,
          {
            workflowId: id,
            taskQueue: deps.taskQueue,
            args: [input],
            memo: { requestHash },
            workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
            workflowIdConflictPolicy: WorkflowIdConflictPolicy.FAIL,
          },
        );
        return { id, replayed: false };
      } catch (err) {
        if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
        const existing = await client.workflow.getHandle(id).describe();
        if (existing.memo?.requestHash !== requestHash) {
          throw new AppError(
            'IdempotencyKeyReused',
            `headers.idempotency-key: ${idempotencyKey} was already used for an order with a different body`,
          );
        }
        return { id, replayed: true };
      }
    },

    get: getView,

    async list(filter: { status?: OrderStatus; type?: OrderType; offset: number; limit: number }) {
      const { total, items } = await listOrders(db, filter);
      return { total, items: items.map(viewFromRecord) };
    },

    /** REQ: ORD-6 — cancel before the point of no return; refused with the reason after it. */
    async cancel(id: string, principal: Principal, reason: string): Promise<OrderView> {
      // The update answers once the workflow has reached `cancelled`: its state is the truth to show.
      return runUpdate(id, 'cancelled', (handle) =>
        handle.executeUpdate(cancelOrderUpdate, { args: [{ actor: principal.operatorId, reason }] }),
      );
    },

    /**
     * REQ: GRP-3 — an approver's decision on a group order's tariff (资费审核); answers with the order as it
     * stands after the decision. Refused unless the order waits for one (409 NotAwaitingApproval).
     */
    async decideApproval(
      id: string,
      principal: Principal,
      decision: { approve: boolean; comment: string },
    ): Promise<OrderView> {
      const parsed = parseOrderId(id);
      if (parsed && orderTypeRegistry[parsed.type].workflowType !== 'groupProductOrderWorkflow') {
        throw new AppError(
          'NotAwaitingApproval',
          `Order ${id} is a ${parsed.type} order: it takes no approval`,
        );
      }
      return runUpdate(id, 'decided on', (handle) =>
        handle.executeUpdate(decideApprovalUpdate, {
          args: [{ approverId: principal.operatorId, ...decision }],
        }),
      );
    },

    /**
     * REQ: PC-5 — the customer at the counter for the formal cancellation (销号) after a pre-cancellation's
     * grace; answers with the completed order. Refused (409 NotAwaitingCustomerVisit) unless the order waits
     * for that visit; a refused identity or payment leaves it waiting.
     */
    async formallyCancel(
      id: string,
      principal: Principal,
      visit: FormalCancellationRequest,
    ): Promise<OrderView> {
      const parsed = parseOrderId(id);
      if (parsed && parsed.type !== 'preCancellation') {
        throw new AppError(
          'NotAwaitingCustomerVisit',
          `Order ${id} is a ${parsed.type} order: only a pre-cancellation is cancelled formally`,
        );
      }
      return runUpdate(id, 'cancelled formally', (handle) =>
        handle.executeUpdate(formalCancellationUpdate, { args: [{ ...visit, actor: principal.operatorId }] }),
      );
    },
  };
}

export type OrderService = ReturnType<typeof createOrderService>;

/** A hash of the request that does not depend on key order. */
export function hashRequest(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
