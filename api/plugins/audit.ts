import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../../db/client';
import { appendAuditRow, type AuditOutcome } from '../../db/queries/audit';
import { API_PREFIX } from '../prefix';

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const LOGIN_ROUTE = `${API_PREFIX}/auth/login`;

/** What the answer told us: the ID it created, or the error code it refused with. */
interface AnswerFacts {
  createdId?: string;
  errorCode?: string;
}

/**
 * REQ: ORD-4 — every state-changing request under `/api/v1` (refused and public ones too: login,
 * callbacks) leaves one append-only row in `audit_log`: request ID, operator, channel, outlet, method, route pattern,
 * target, status, outcome, error code. No body is stored, so no password, token or other secret can get in;
 * only the operator ID a sign-in claims is kept. A failed audit write is logged and never changes the answer.
 */
export function registerAudit(app: FastifyInstance, { db }: { db: Db }): void {
  const facts = new WeakMap<FastifyRequest, AnswerFacts>();

  app.addHook('onSend', async (request, reply, payload) => {
    if (audited(request) && typeof payload === 'string') {
      facts.set(request, readAnswer(payload, reply.statusCode));
    }
    return payload;
  });

  app.addHook('onResponse', async (request, reply) => {
    if (!audited(request)) return;
    const answer = facts.get(request) ?? {};
    const route = request.routeOptions.url ?? request.url.split('?')[0] ?? request.url;
    const status = reply.statusCode;
    try {
      await appendAuditRow(db, {
        requestId: request.id,
        operatorId: request.principal?.operatorId ?? claimedOperator(request, route),
        channelCode: request.principal?.channelCode ?? null,
        outletCode: request.principal?.outletCode ?? null,
        method: request.method,
        route,
        target: targetOf(request) ?? answer.createdId ?? null,
        statusCode: status,
        outcome: outcomeOf(status),
        errorCode: status >= 400 ? (answer.errorCode ?? null) : null,
      });
    } catch (err) {
      request.log.error({ err, requestId: request.id, route }, 'audit row could not be written');
    }
  });
}

function audited(request: FastifyRequest): boolean {
  return stateChanging.has(request.method) && request.url.startsWith(`${API_PREFIX}/`);
}

function outcomeOf(status: number): AuditOutcome {
  if (status >= 500) return 'error';
  return status >= 400 ? 'refused' : 'success';
}

/** The first path parameter (`:id`, `:msisdn`…) names what the request acted on. */
function targetOf(request: FastifyRequest): string | null {
  const params = request.params as Record<string, unknown> | undefined;
  const first = params ? Object.values(params).find((v) => typeof v === 'string' && v !== '') : undefined;
  return typeof first === 'string' ? first.slice(0, 200) : null;
}

/** Who a sign-in claims to be (never the password); null elsewhere. */
function claimedOperator(request: FastifyRequest, route: string): string | null {
  if (route !== LOGIN_ROUTE) return null;
  const body = request.body as { operatorId?: unknown } | undefined;
  return typeof body?.operatorId === 'string' ? body.operatorId.slice(0, 64) : null;
}

function readAnswer(payload: string, status: number): AnswerFacts {
  if (!payload.startsWith('{') || payload.length > 65_536) return {};
  try {
    const body = JSON.parse(payload) as Record<string, unknown>;
    if (status >= 400) return typeof body.code === 'string' ? { errorCode: body.code } : {};
    const id = body.id ?? body.orderId ?? body.workOrderId;
    return typeof id === 'string' ? { createdId: id.slice(0, 200) } : {};
  } catch {
    return {};
  }
}
