import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../../db/client';
import { findLiveSession } from '../../db/queries/access';
import { accessDenial, type AccessRule, type Principal, type RouteAccess } from '../../domain/access';
import { businessHoursDenial } from '../../domain/business-hours';
import { AppError } from '../../domain/errors';
import { bindLogFields } from '../../infra/logging';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    /**
     * Who may call the route: `public`, any signed-in operator, a role-and-channel rule, or a rule keyed by a
     * body field (checked again once the body is valid).
     */
    access?: RouteAccess;
  }
}

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
export const newToken = (): string => randomBytes(32).toString('base64url');

/**
 * Every `/api/v1` route needs a bearer token bound to an operator and the channel it signed in through
 * (REQ: CH-2, CH-3), used inside both their business hours (CH-4); routes may also demand roles and channel
 * types. Other routes (health, docs) are public. Runs in onRequest, before validation, so a 400 never hides a
 * 401 or 403.
 */
export function registerAuth(
  app: FastifyInstance,
  { db, utcOffsetHours }: { db: Db; utcOffsetHours: number },
): void {
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request) => {
    const access =
      request.routeOptions.config.access ?? (request.url.startsWith('/api/') ? 'authenticated' : 'public');
    if (access === 'public') return;
    request.principal = await authenticate(db, request, utcOffsetHours);
    if (access === 'authenticated') return;
    const rule = 'byValue' in access ? access.rule : access;
    const denial = accessDenial(request.principal, rule);
    if (denial === 'RoleNotAllowed') {
      throw new AppError(
        denial,
        `Operator ${request.principal.operatorId} lacks the permission ${rule.permission} (${rule.zh}), held by the roles: ${rule.roles.join(', ')}`,
        { permission: rule.permission },
      );
    }
    if (denial === 'ChannelNotAllowed') {
      throw new AppError(
        denial,
        `Channel ${request.principal.channelCode} (${request.principal.channelType}) may not be used for the permission ${rule.permission} (${rule.zh}); allowed channel types: ${rule.channelTypes.join(', ')}` +
          (rule.channelCapability ? `, at an outlet designated for ${rule.channelCapability}` : ''),
        { permission: rule.permission },
      );
    }
  });
  // A rule keyed by a body field (e.g. PC-1: a pre-cancellation order) is checked once the body is valid.
  app.addHook('preHandler', async (request) => {
    const access = request.routeOptions.config.access;
    if (typeof access !== 'object' || !('byValue' in access) || !request.principal) return;
    const value = (request.body as Record<string, unknown> | undefined)?.[access.bodyField];
    if (typeof value !== 'string') return;
    const rule = access.byValue[value];
    if (rule) assertBodyRule(request.principal, rule, `A ${value} ${access.noun}`);
  });
}

/** Refuses (403) a caller the rule of the body's value excludes, naming what was asked for. */
function assertBodyRule(principal: Principal, rule: AccessRule, what: string): void {
  const denial = accessDenial(principal, rule);
  if (!denial) return;
  throw new AppError(
    denial,
    denial === 'RoleNotAllowed'
      ? `${what} needs one of the roles: ${rule.roles.join(', ')}`
      : `${what} cannot be taken through channel ${principal.channelCode}` +
          (rule.channelCapability ? ` (it must be an outlet designated for ${rule.channelCapability})` : ''),
  );
}

/** The bearer token the request carries, if any. */
export function bearerTokenOf(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  const token = header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : '';
  return token === '' ? null : token;
}

async function authenticate(db: Db, request: FastifyRequest, utcOffsetHours: number): Promise<Principal> {
  const token = bearerTokenOf(request);
  if (!token)
    throw new AppError(
      'Unauthenticated',
      'headers.authorization: a Bearer token from POST /api/v1/auth/login is required',
    );
  const session = await findLiveSession(db, hashToken(token));
  if (!session || !session.operatorActive || !session.channelActive) {
    throw new AppError(
      'Unauthenticated',
      'headers.authorization: the token is unknown, has expired or was signed out; sign in again',
    );
  }
  assertWithinBusinessHours(
    { channel: session.channelBusinessHours, operator: session.operatorBusinessHours },
    utcOffsetHours,
  );
  // OPS: every later line of this request (request.log is reply.log) names the caller.
  bindLogFields(request.log, {
    operatorId: session.operatorId,
    channelCode: session.channelCode,
    outletCode: session.outletCode,
  });
  request.log.debug('authenticated');
  return {
    operatorId: session.operatorId,
    operatorName: session.operatorName,
    roles: session.roles,
    channelCode: session.channelCode,
    channelType: session.channelType,
    channelCapabilities: session.channelCapabilities,
    outletCode: session.outletCode,
  };
}

/** The signed-in caller; only called on routes that require authentication. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('Unauthenticated', 'headers.authorization: sign in first');
  return request.principal;
}

/**
 * REQ: CH-4 — refuses (403 OutsideBusinessHours) when the channel's or the operator's business-hour window
 * excludes now, naming the window and when it opens next.
 */
export function assertWithinBusinessHours(
  windows: { channel: string | null; operator: string | null },
  utcOffsetHours: number,
  now: Date = new Date(),
): void {
  const denial = businessHoursDenial(windows, now, utcOffsetHours);
  if (!denial) return;
  const opens = denial.opensAt
    ? `; it opens next at ${denial.opensAt.toISOString()}`
    : '; the window is malformed, ask an administrator to correct it';
  throw new AppError(
    'OutsideBusinessHours',
    `The ${denial.limitedBy}'s business hours ${denial.window} (UTC${utcOffsetHours >= 0 ? '+' : ''}${utcOffsetHours}) exclude now${opens}`,
    {
      limitedBy: denial.limitedBy,
      window: denial.window,
      utcOffsetHours,
      opensAt: denial.opensAt?.toISOString() ?? null,
    },
  );
}
