import type { FastifyInstance, FastifyRequest } from 'fastify';
import { maskText } from '../../domain/log-masking';
import { bindLogFields } from '../../infra/logging';
import { stockInWorkflowId } from '../../workflows/contracts/stock-in';
import { API_PREFIX } from '../prefix';

/**
 * The collections whose items are workflows, with the workflow ID of an item: an order, a work order and a
 * member batch are their workflow IDs; a stock-in batch runs as `StockIn:<batch>`.
 */
const workflowCollections: Record<string, (id: string) => string> = {
  orders: (id) => id,
  'work-orders': (id) => id,
  'self-service/work-orders': (id) => id,
  'member-batches': (id) => id,
  'stock-batches': stockInWorkflowId,
};

const collectionPattern = Object.keys(workflowCollections).join('|');
/** A route acting on one item: `/api/v1/orders/:id`, `/api/v1/work-orders/:id/steps`… */
const itemRoute = new RegExp(`^${API_PREFIX}/(${collectionPattern})/:id(?:/|$)`);
/** The `Location` of an item a submission created: `/api/v1/orders/OpenAccount%3A…`. */
const itemLocation = new RegExp(`^${API_PREFIX}/(${collectionPattern})/([^/?#]+)(?:[?#]|$)`);

/**
 * OPS: one JSON line per answered request, and the context that lets an operator follow an order through the
 * logs. Every line of a request carries `reqId` (a valid incoming `x-request-id`, else a new UUID; echoed in
 * the answer); once sign-in resolved the caller, `operatorId`, `channelCode` and `outletCode` (api/plugins/
 * auth.ts); and `orderId` (the workflow ID) when the route acts on an order, work order or batch — named in
 * its path, or created by it (the answer's `Location`). The closing line `request completed` adds the method,
 * the masked URL, the route, the status and the time taken.
 */
export function registerRequestLog(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    const orderId = workflowIdOfRoute(request);
    if (orderId) bindLogFields(request.log, { orderId });
    request.log.debug({ method: request.method, url: request.url }, 'request received');
  });
  app.addHook('onSend', async (request, reply) => {
    const location = reply.getHeader('location');
    if (reply.statusCode >= 300 || typeof location !== 'string') return;
    if (workflowIdOfRoute(request)) return;
    const orderId = workflowIdOfLocation(location);
    if (orderId) bindLogFields(request.log, { orderId });
  });
  app.addHook('onResponse', async (request, reply) => {
    reply.log.info(
      {
        method: request.method,
        url: request.url,
        route: request.routeOptions.url ?? null,
        status: reply.statusCode,
        responseTimeMs: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request completed',
    );
  });
}

/** The workflow ID a route with an `:id` of a workflow collection acts on. */
function workflowIdOfRoute(request: FastifyRequest): string | null {
  const match = itemRoute.exec(request.routeOptions.url ?? '');
  const id = (request.params as Record<string, unknown> | undefined)?.id;
  const toWorkflowId = match?.[1] ? workflowCollections[match[1]] : undefined;
  return toWorkflowId && typeof id === 'string' && id !== '' ? toWorkflowId(id) : null;
}

/** The workflow ID of the item a `Location` header points to. */
export function workflowIdOfLocation(location: string): string | null {
  const match = itemLocation.exec(location);
  const toWorkflowId = match?.[1] ? workflowCollections[match[1]] : undefined;
  if (!toWorkflowId || !match?.[2]) return null;
  try {
    return toWorkflowId(decodeURIComponent(match[2]));
  } catch {
    return null;
  }
}

/** Characters a request ID from a caller may use; anything else gets a fresh one. */
const requestIdShape = /^[A-Za-z0-9._:@-]{1,128}$/;

/**
 * The request ID: a caller's `x-request-id` when it is a plain token (and carries no number the logs would
 * have to mask, so that the logs and the caller quote the same ID), otherwise a new UUID.
 */
export function requestIdOf(header: string | string[] | undefined): string {
  if (typeof header === 'string' && requestIdShape.test(header) && maskText(header) === header) return header;
  return crypto.randomUUID();
}
