import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client';
import {
  claimSuccessfulLogin,
  createSession,
  findChannel,
  findOperator,
  operatorMayUseChannel,
  outletsOfOperator,
  recordFailedLogin,
  revokeSession,
} from '../../db/queries/access';
import { permissionsOf, roleSchema } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { assertWithinBusinessHours, bearerTokenOf, hashToken, newToken } from '../plugins/auth';
import { passwordMatches } from '../../services/access/password-compare';
import { bearerSecurity, errorResponses } from '../schemas';
import { bindLogFields } from '../../infra/logging';

export const loginBody = z.object({
  operatorId: z.string().min(1).max(64).describe('Operator ID (工号)'),
  password: z.string().min(1).max(128),
  channelCode: z.string().min(1).max(64).describe('Channel interface code (接口编码), e.g. STORE-BJ-001'),
  outletCode: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .describe(
      'The outlet (网点) to work at, one the operator is bound to; may be left out when it is bound to one or none',
    ),
});

const loginResponse = z.object({
  token: z.string(),
  expiresAt: z.string(),
  operator: z.object({ id: z.string(), name: z.string(), roles: z.array(roleSchema) }),
  channel: z.object({ code: z.string(), type: z.string(), name: z.string() }),
  outletCode: z.string().nullable().describe('The outlet signed in at; recorded on every audit row'),
  permissions: z
    .array(z.string())
    .describe(
      "The permissions (access rules) the operator holds through this channel, e.g. `orders`, `admin`: the console's menu shows only these (UI-1)",
    ),
});

export interface AuthRouteDeps {
  db: Db;
  sessionTtlMinutes: number;
  lockout: { maxFailures: number; lockoutMinutes: number };
  loginRateLimitPerMinute: number;
  /** REQ: CH-4 — business time, in which channels' and operators' business hours are read. */
  utcOffsetHours: number;
}

/** REQ: CH-2 — sign-in needs interface code + operator ID + password together; logout revokes the token. */
export function authRoutes(deps: AuthRouteDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    const routes = app.withTypeProvider<ZodTypeProvider>();
    routes.post(
      '/auth/login',
      {
        config: {
          access: 'public',
          rateLimit: {
            max: deps.loginRateLimitPerMinute,
            timeWindow: 60_000,
            hook: 'preHandler',
            keyGenerator: loginAttemptKey,
          },
        },
        schema: {
          tags: ['access'],
          summary: 'Sign in through a channel and get a bearer token',
          description:
            'The token is bound to the operator and the channel; every order made with it records both (ORD-4). ' +
            'A wrong code, ID or password answers 401 InvalidCredentials; an operator not allowed on the channel ' +
            'answers 403 ChannelNotAllowed, at an outlet it is not bound to 403 OutletNotAllowed; an operator bound to ' +
            'several outlets that names none answers 422 BusinessRuleViolated (both list its outlets in ' +
            "details.outlets). Signing in outside the channel's or the operator's business hours answers 403 " +
            'OutsideBusinessHours (details.opensAt). ' +
            `After ${deps.lockout.maxFailures} wrong passwords in a row the operator is locked out for ` +
            `${deps.lockout.lockoutMinutes} minutes (403 AccountLocked, details.lockedUntil). At most ` +
            `${deps.loginRateLimitPerMinute} attempts per minute per IP address and operator ID (429 RateLimited).`,
          body: loginBody,
          response: { 200: loginResponse, ...errorResponses },
        },
      },
      async (request) => {
        const { operatorId, password, channelCode, outletCode: askedOutlet } = request.body;
        // OPS: the sign-in's own lines name who signs in where (the password never: it is not a field).
        bindLogFields(request.log, { operatorId, channelCode });
        const [operator, channel] = await Promise.all([
          findOperator(deps.db, operatorId),
          findChannel(deps.db, channelCode),
        ]);
        if (operator?.lockedUntil && operator.lockedUntil > new Date()) throw locked(operator.lockedUntil);
        // An unknown operator ID costs the same time as a wrong password: the answer does not tell which.
        const passwordOk = await passwordMatches(password, operator?.passwordHash);
        if (operator && !passwordOk) await recordFailedLogin(deps.db, operator.id, deps.lockout);
        if (!operator || !operator.active || !channel || !channel.active || !passwordOk) {
          throw new AppError('InvalidCredentials', 'operatorId, password or channelCode is wrong');
        }
        if (!(await operatorMayUseChannel(deps.db, operatorId, channelCode))) {
          throw new AppError(
            'ChannelNotAllowed',
            `Operator ${operatorId} is not allowed to work through channel ${channelCode}`,
          );
        }
        const outletCode = chooseOutlet(
          operatorId,
          askedOutlet,
          await outletsOfOperator(deps.db, operatorId),
        );
        assertWithinBusinessHours(
          { channel: channel.businessHours, operator: operator.businessHours },
          deps.utcOffsetHours,
        );
        const { lockedUntil } = await claimSuccessfulLogin(deps.db, operator.id);
        if (lockedUntil) throw locked(lockedUntil);
        const token = newToken();
        const expiresAt = new Date(Date.now() + deps.sessionTtlMinutes * 60_000);
        bindLogFields(request.log, { outletCode });
        await createSession(deps.db, {
          tokenHash: hashToken(token),
          operatorId,
          channelCode,
          outletCode,
          expiresAt,
        });
        return {
          token,
          expiresAt: expiresAt.toISOString(),
          operator: {
            id: operator.id,
            name: operator.name,
            roles: operator.roles,
          },
          channel: { code: channel.code, type: channel.type, name: channel.name },
          outletCode,
          permissions: permissionsOf({
            roles: operator.roles,
            channelType: channel.type,
            channelCapabilities: channel.capabilities,
          }),
        };
      },
    );

    routes.post(
      '/auth/logout',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['access'],
          summary: 'Sign out: the bearer token stops working',
          description: 'Revokes the session of the token used; any later request with it answers 401.',
          security: bearerSecurity,
          response: { 200: z.object({ revokedAt: z.string() }), ...errorResponses },
        },
      },
      async (request) => {
        const token = bearerTokenOf(request);
        const revokedAt = token ? await revokeSession(deps.db, hashToken(token)) : null;
        if (!revokedAt) throw new AppError('Unauthenticated', 'headers.authorization: already signed out');
        return { revokedAt: revokedAt.toISOString() };
      },
    );
  };
}

/**
 * REQ: CH-2 — an operator works only at the outlets it is bound to: a named outlet must be one of them
 * (403 OutletNotAllowed); left out, the only one is taken, and one of several must be named (422). Both
 * refusals list the outlets it may work at in `details.outlets`, so the sign-in page offers them (UI-1).
 */
function chooseOutlet(operatorId: string, asked: string | undefined, bound: string[]): string | null {
  if (asked !== undefined) {
    if (bound.includes(asked)) return asked;
    throw new AppError(
      'OutletNotAllowed',
      `body.outletCode: operator ${operatorId} is not bound to outlet ${asked}` +
        (bound.length > 0 ? `; it may work at ${bound.join(', ')}` : '; it is bound to no outlet'),
      { outlets: bound },
    );
  }
  if (bound.length <= 1) return bound[0] ?? null;
  throw new AppError(
    'BusinessRuleViolated',
    `body.outletCode: operator ${operatorId} works at several outlets (${bound.join(', ')}); name one`,
    { outlets: bound },
  );
}

function locked(until: Date): AppError {
  return new AppError(
    'AccountLocked',
    `Too many wrong passwords: the operator is locked until ${until.toISOString()}`,
    { lockedUntil: until.toISOString() },
  );
}

/** One budget per IP address and operator ID, so one caller cannot lock others out of their own budget. */
function loginAttemptKey(request: FastifyRequest): string {
  const body = request.body as { operatorId?: unknown } | undefined;
  const operatorId = typeof body?.operatorId === 'string' ? body.operatorId : '';
  return `login|${request.ip}|${operatorId}`;
}
