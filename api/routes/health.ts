import type { Connection } from '@temporalio/client';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client';
import type { AppConfig } from '../../temporal.config';

const readySchema = z.object({
  status: z.enum(['ready', 'notReady']),
  checks: z.object({ database: z.enum(['up', 'down']), temporal: z.enum(['up', 'down']) }),
});

export function healthRoutes(deps: { db: Db; connection: Connection; config: AppConfig }) {
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/health',
      {
        config: { access: 'public' },
        schema: {
          tags: ['health'],
          summary: 'Liveness: the API process is up',
          response: { 200: z.object({ status: z.literal('ok') }) },
        },
      },
      () => ({ status: 'ok' as const }),
    );
    r.get(
      '/health/ready',
      {
        config: { access: 'public' },
        schema: {
          tags: ['health'],
          summary: 'Readiness: Temporal and the database answer',
          response: { 200: readySchema, 503: readySchema },
        },
      },
      async (_request, reply) => {
        const [database, temporal] = await Promise.all([
          deps.db.execute(sql`select 1`).then(
            () => 'up' as const,
            () => 'down' as const,
          ),
          deps.connection.workflowService.getSystemInfo({}).then(
            () => 'up' as const,
            () => 'down' as const,
          ),
        ]);
        const ready = database === 'up' && temporal === 'up';
        return reply
          .code(ready ? 200 : 503)
          .send({ status: ready ? 'ready' : 'notReady', checks: { database, temporal } });
      },
    );
  };
}
