import bcrypt from 'bcryptjs';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { createSession, findChannel, findOperator, operatorMayUseChannel } from '../../db/queries/access';
import { roleSchema } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { hashToken, newToken } from '../plugins/auth';
import { errorResponses } from '../schemas';

const loginBody = z.object({
  operatorId: z.string().min(1).max(64).describe('Operator ID (工号)'),
  password: z.string().min(1).max(128),
  channelCode: z.string().min(1).max(64).describe('Channel interface code (接口编码), e.g. STORE-BJ-001'),
});

const loginResponse = z.object({
  token: z.string(),
  expiresAt: z.string(),
  operator: z.object({ id: z.string(), name: z.string(), roles: z.array(roleSchema) }),
  channel: z.object({ code: z.string(), type: z.string(), name: z.string() }),
});

/** REQ: CH-2 — sign-in needs interface code + operator ID + password together. */
export function authRoutes(deps: { db: Db; sessionTtlMinutes: number }) {
  return async (app: FastifyInstance): Promise<void> => {
    app.withTypeProvider<ZodTypeProvider>().post(
      '/api/v1/auth/login',
      {
        config: { access: 'public' },
        schema: {
          tags: ['access'],
          summary: 'Sign in through a channel and get a bearer token',
          description:
            'The token is bound to the operator and the channel; every order made with it records both (ORD-4). ' +
            'A wrong code, ID or password answers 401; an operator not allowed on the channel answers 403.',
          body: loginBody,
          response: { 200: loginResponse, ...errorResponses },
        },
      },
      async (request) => {
        const { operatorId, password, channelCode } = request.body;
        const [operator, channel] = await Promise.all([
          findOperator(deps.db, operatorId),
          findChannel(deps.db, channelCode),
        ]);
        const passwordOk = operator ? await bcrypt.compare(password, operator.passwordHash) : false;
        if (!operator || !operator.active || !channel || !channel.active || !passwordOk) {
          throw new AppError('InvalidCredentials', 'operatorId, password or channelCode is wrong');
        }
        if (!(await operatorMayUseChannel(deps.db, operatorId, channelCode))) {
          throw new AppError(
            'ChannelNotAllowed',
            `Operator ${operatorId} is not allowed to work through channel ${channelCode}`,
          );
        }
        const token = newToken();
        const expiresAt = new Date(Date.now() + deps.sessionTtlMinutes * 60_000);
        await createSession(deps.db, { tokenHash: hashToken(token), operatorId, channelCode, expiresAt });
        return {
          token,
          expiresAt: expiresAt.toISOString(),
          operator: {
            id: operator.id,
            name: operator.name,
            roles: operator.roles as z.infer<typeof roleSchema>[],
          },
          channel: { code: channel.code, type: channel.type, name: channel.name },
        };
      },
    );
  };
}
