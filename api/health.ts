import type { Connection } from '@temporalio/client';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../db/client';
import type { AppConfig } from '../temporal.config';

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
        // Each check is bounded by the API's own deadlines, so a server that does not answer is `down` promptly.
        const { TEMPORAL_RPC_DEADLINE_MS, DATABASE_CONNECT_TIMEOUT_SECONDS } = deps.config;
        const [database, temporal] = await Promise.all([
          upWithin(DATABASE_CONNECT_TIMEOUT_SECONDS * 1000, () => deps.db.execute(sql`select 1`)),
          upWithin(TEMPORAL_RPC_DEADLINE_MS, () =>
            deps.connection.withDeadline(Date.now() + TEMPORAL_RPC_DEADLINE_MS, () =>
              deps.connection.workflowService.getSystemInfo({}),
            ),
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

/** `up` when `check` succeeds within `ms`, else `down` (failed, or still waiting). */
async function upWithin(ms: number, check: () => Promise<unknown>): Promise<'up' | 'down'> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'down'>((resolve) => {
    timer = setTimeout(() => resolve('down'), ms);
  });
  try {
    return await Promise.race([
      check().then(
        () => 'up' as const,
        () => 'down' as const,
      ),
      late,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
