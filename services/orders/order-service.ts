import { createHash, createHmac } from 'node:crypto';
import { WorkflowNotFoundError, type Client, type WorkflowHandle } from '@temporalio/client';
import type { Db } from '../../db/client';
import { getOrder, listOrders, type OrderSearch } from '../../db/queries/orders';
import type { Principal } from '../../domain/access';
import { AppError } from '../../domain/errors';
import type { OrderAccessFacts, OrderCaller } from '../../domain/order-access';
import type { FormalCancellationRequest, PreCancellationIdentity } from '../../domain/pre-cancellation';
import type { AnyOrderRequest, AnyWorkflowRequest } from '../../domain/order-requests';
import type { WorkflowSettingsSource } from '../../domain/workflow-settings';
import { decideApprovalUpdate, parseGroupProductOrderId } from '../../workflows/contracts/group-product';
import { orderId, parseOrderId } from '../../workflows/contracts/orders';
import {
  cancelOrderUpdate,
  orderStateQuery,
  type OrderInput,
  type OrderState,
} from '../../workflows/contracts/orders-common';
import {
  formalCancellationUpdate,
  parsePreCancellationOrderId,
} from '../../workflows/contracts/pre-cancellation';
import { createOrderAccess, factsFromRecord, factsFromState } from './order-access';
import { createOrderSecrets } from './order-secrets';
import { viewFromRecord, viewFromState } from './order-views';
import type { OrderView } from './order-view-schema';
import { startOncePerKey, startWorkflowOnce, workflowKnown } from '../temporal/start-idempotently';
import { updateOrExplain } from '../temporal/update-or-explain';
import { orderWorkflowCall } from '../temporal/workflow-registry';
import { orderSearchAttributes } from '../../workflows/contracts/search-attributes';

export type OrderRequest = AnyOrderRequest;

/** Starts, reads and cancels order workflows; the API's only door to Temporal for orders. */
export function createOrderService(deps: {
  client: Client;
  db: Db;
  taskQueue: string;
  /** Each business's workflow settings, from the API's configuration (each order gets its business's only). */
  settings: WorkflowSettingsSource;
  /** Keys the request hash and seals parked secrets (config `SECRETS_KEY`). */
  secretsKey: string;
}) {
  const { client, db } = deps;
  const secrets = createOrderSecrets({ db, secretsKey: deps.secretsKey });
  const access = createOrderAccess(db);

  /** Whether the order was started: in the read model, or (not written there yet) known to Temporal. */
  async function orderExists(id: string): Promise<boolean> {
    return (await getOrder(db, id)) !== null || workflowKnown(client, id);
  }

  /**
   * The order and the facts its access rules need (REQ: ORD-6): the read model first; while the workflow has
   * not written it yet, the workflow's live state.
   */
  async function findOrder(id: string): Promise<{ view: OrderView; facts: OrderAccessFacts } | null> {
    const record = await getOrder(db, id);
    if (record) return { view: viewFromRecord(record), facts: factsFromRecord(record) };
    if (!parseOrderId(id)) return null;
    try {
      const state = await client.workflow.getHandle(id).query(orderStateQuery);
      return { view: viewFromState(state), facts: factsFromState(state) };
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) return null;
      throw err;
    }
  }

  /**
   * The order, if the caller may read it (REQ: CH-1, GRP-1): an agent is told another channel's order does
   * not exist (404), a group order needs the product permission (403). Every route that shows or acts on one
   * order passes here first, so none answers with an order its caller may not read.
   */
  async function readableOrder(
    principal: Principal,
    id: string,
  ): Promise<{ view: OrderView; facts: OrderAccessFacts; caller: OrderCaller }> {
    const found = await findOrder(id);
    if (!found) throw new AppError('OrderNotFound', `Order ${id} does not exist`);
    const caller = await access.callerOf(principal);
    access.assertReadable(caller, id, found.facts);
    return { ...found, caller };
  }

  /** The order as it stands, whoever asks (for answers about an order the caller has just touched). */
  async function getView(id: string): Promise<OrderView | null> {
    return (await findOrder(id))?.view ?? null;
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
    const state = await updateOrExplain(client.workflow.getHandle(id), update, {
      notFound: () => new AppError('OrderNotFound', `Order ${id} does not exist`),
      closed: async () => {
        const view = await getView(id);
        return new AppError(
          'OrderAlreadyClosed',
          `The order is already ${view?.status ?? 'closed'} and cannot be ${closedVerb}`,
        );
      },
    });
    return viewFromState(state);
  }

  return {
    /**
     * REQ: ORD-3 — a channel's idempotency key is one order whenever it comes back: the key → order record is
     * kept in PostgreSQL (`order_keys`), so a replay finds its order even after Temporal has forgotten the
     * workflow; the same key with another body is refused. `check` (what an order must pass before it starts)
     * runs only for an order not started yet: a replay answers with the order it already is.
     */
    async submit(
      principal: Principal,
      idempotencyKey: string,
      request: OrderRequest,
      check: () => Promise<void> = async () => undefined,
    ): Promise<{ id: string; replayed: boolean }> {
      const { channelCode } = principal;
      const id = orderId(request.type, channelCode, idempotencyKey);
      const requestHash = keyedRequestHash(deps.secretsKey, request);
      return startOncePerKey(
        db,
        { scope: 'order', channelCode, idempotencyKey, requestHash, id, what: 'an order' },
        {
          exists: orderExists,
          beforeStart: check,
          start: async () => {
            const order: Omit<OrderInput<AnyWorkflowRequest>, 'settings'> = {
              orderId: id,
              origin: { operatorId: principal.operatorId, channelCode, outletCode: principal.outletCode },
              requestHash,
              // REQ: OPEN-6, Q-1 — secrets are parked; the workflow gets only their references.
              request: await secrets.park(id, request),
            };
            return startWorkflowOnce(client, orderWorkflowCall(order, deps.settings), {
              workflowId: id,
              taskQueue: deps.taskQueue,
              memo: { requestHash },
              typedSearchAttributes: orderSearchAttributes(order),
            });
          },
        },
      );
    },

    get: getView,

    /**
     * An order as the caller may see it (REQ: CH-1, GRP-1): an agent is told another channel's order does
     * not exist (404), a group order needs the product permission (403).
     */
    async read(principal: Principal, id: string): Promise<OrderView> {
      return (await readableOrder(principal, id)).view;
    },

    /** The orders the caller may read, filtered in the database so the total counts only those (CH-1, GRP-1). */
    async list(principal: Principal, filter: OrderSearch & { offset: number; limit: number }) {
      const scope = access.listScope(await access.callerOf(principal));
      const { total, items } = await listOrders(db, filter, scope);
      return { total, items: items.map(viewFromRecord) };
    },

    /**
     * REQ: ORD-6 — cancel before the point of no return; refused with the reason after it. Only by whom the
     * order's rules allow (its outlet or channel, that outlet's duty manager, an administrator); a
     * pre-cancellation's cancel is its revocation (PC-6), at a designated outlet with the holder's document.
     */
    async cancel(
      id: string,
      principal: Principal,
      request: { reason: string; identity?: PreCancellationIdentity | undefined },
    ): Promise<OrderView> {
      const found = await readableOrder(principal, id);
      access.assertCancellable(found.caller, id, found.facts);
      if (found.view.type === 'preCancellation') {
        await access.assertHolder(found.view.summary.msisdn, request.identity);
      }
      // The update answers once the workflow has reached `cancelled`: its state is the truth to show.
      return runUpdate(id, 'cancelled', (handle) =>
        handle.executeUpdate(cancelOrderUpdate, {
          args: [{ actor: principal.operatorId, reason: request.reason }],
        }),
      );
    },

    /**
     * REQ: GRP-3 — an approver's decision on a group order's tariff (资费审核); answers with the order as it
     * stands after the decision. Refused unless the order waits for one (409 NotAwaitingApproval), and to an
     * approver who may not read it (GRP-1: 403 ProductPermissionRequired; CH-1: 404).
     */
    async decideApproval(
      id: string,
      principal: Principal,
      decision: { approve: boolean; comment: string },
    ): Promise<OrderView> {
      const parsed = parseOrderId(id);
      if (parsed && !parseGroupProductOrderId(id)) {
        throw new AppError(
          'NotAwaitingApproval',
          `Order ${id} is a ${parsed.type} order: it takes no approval`,
        );
      }
      await readableOrder(principal, id);
      return runUpdate(id, 'decided on', (handle) =>
        handle.executeUpdate(decideApprovalUpdate, {
          args: [{ approverId: principal.operatorId, ...decision }],
        }),
      );
    },

    /**
     * REQ: PC-5 — the customer at the counter for the formal cancellation (销号) after a pre-cancellation's
     * grace; answers with the completed order. Refused (409 NotAwaitingCustomerVisit) unless the order waits
     * for that visit; a refused identity or payment leaves it waiting. Only by a caller who may read the
     * order (CH-1: another agent channel's is 404).
     */
    async formallyCancel(
      id: string,
      principal: Principal,
      visit: FormalCancellationRequest,
    ): Promise<OrderView> {
      const parsed = parseOrderId(id);
      if (parsed && !parsePreCancellationOrderId(id)) {
        throw new AppError(
          'NotAwaitingCustomerVisit',
          `Order ${id} is a ${parsed.type} order: only a pre-cancellation is cancelled formally`,
        );
      }
      await readableOrder(principal, id);
      return runUpdate(id, 'cancelled formally', (handle) =>
        handle.executeUpdate(formalCancellationUpdate, { args: [{ ...visit, actor: principal.operatorId }] }),
      );
    },
  };
}

export type OrderService = ReturnType<typeof createOrderService>;

/**
 * A hash of a request that does not depend on key order. Plain SHA-256: only for requests with no secret in
 * them (a work order's request, its service password taken out); orders use `keyedRequestHash`.
 */
export function hashRequest(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

/**
 * REQ: ORD-3, Q-1 — the hash an order's request is known by (`order_keys`, the workflow memo, the read
 * model): an HMAC-SHA256 keyed by the secrets key, so it still tells "same key, different body" apart while
 * a secret in the body (a 6-digit service password) cannot be brute-forced from it.
 */
export function keyedRequestHash(secretsKey: string, value: unknown): string {
  return createHmac('sha256', secretsKey).update(canonicalJson(value)).digest('hex');
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
