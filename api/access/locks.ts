import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { nonBlankText } from '../../domain/text-fields';
import type { Db } from '../../db/client';
import { lockHolder, pageOfHeldLocks, releaseLock } from '../../db/queries/locks';
import { adminDesk } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { errorResponses, queryInteger, routeDoc } from '../schemas';

const doc = routeDoc(['administration']);
const kindSchema = z.enum(['line', 'groupProduct']);
const lockSchema = z.object({
  kind: kindSchema,
  key: z.string().describe('The line number, or <groupCode>/<productCode>'),
  holder: z.string().describe('The order (workflow ID) holding it'),
  holderStatus: z
    .string()
    .describe(
      'The holding workflow: RUNNING, COMPLETED, FAILED, CANCELLED, TERMINATED, TIMED_OUT or NOT_FOUND',
    ),
});

/**
 * An order holds a line or a group's product while it works on it and lets go when it ends — also when it
 * fails, by its undo. A workflow terminated by hand (or lost with its history) never lets go, and the line or
 * product answers "busy" for ever. Administrators see every lock with the state of the order holding it, and
 * release one whose order is no longer running; a running order's lock is never taken away from it.
 */
export function lockRoutes(deps: { db: Db; client: Client }) {
  const { db, client } = deps;

  async function statusOf(workflowId: string): Promise<string> {
    try {
      return (await client.workflow.getHandle(workflowId).describe()).status.name;
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) return 'NOT_FOUND';
      throw err;
    }
  }

  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/locks',
      {
        config: { access: adminDesk },
        schema: {
          ...doc(
            'Lines and group products held by an order (占用)',
            'Every lock held now, with the holding order and the state of its workflow; a lock whose holder is ' +
              'not RUNNING was left behind (e.g. by a workflow terminated by hand) and may be released. Lines ' +
              'first, each by key; one page at a time (`offset`, `limit`, default 50); the count of all is ' +
              '`total` and the X-Total-Count header.',
          ),
          querystring: z.object({
            offset: queryInteger(0).default(0),
            limit: queryInteger(1, 200).default(50),
          }),
          response: {
            200: z.object({
              items: z.array(lockSchema),
              total: z.number().int().describe('How many locks are held (also X-Total-Count)'),
            }),
            ...errorResponses,
          },
        },
      },
      async (request, reply) => {
        const { total, items: locks } = await pageOfHeldLocks(db, request.query);
        const items = await Promise.all(
          locks.map(async (l) => ({ ...l, holderStatus: await statusOf(l.holder) })),
        );
        void reply.header('x-total-count', String(total));
        return { items, total };
      },
    );

    r.post(
      '/locks/release',
      {
        config: { access: adminDesk },
        schema: {
          ...doc(
            'Release a lock left behind (释放占用)',
            'Clears the lock on a line or a group product when the order holding it is no longer running ' +
              '(409 LockHolderRunning otherwise; 404 LockNotHeld when nothing holds it). Only the lock is ' +
              'cleared: a state the order left half-way (e.g. a product `cancelling`) stays for staff to put ' +
              'right. The reason is required and the request is audited.',
          ),
          body: z.object({
            kind: kindSchema,
            key: nonBlankText(80),
            reason: nonBlankText(200, 2),
          }),
          response: { 200: lockSchema.extend({ released: z.literal(true) }), ...errorResponses },
        },
      },
      async (request) => {
        const { kind, key } = request.body;
        const holder = await lockHolder(db, kind, key);
        if (!holder) throw new AppError('LockNotHeld', `body.key: no order holds the ${kind} ${key}`);
        const holderStatus = await statusOf(holder);
        if (holderStatus === 'RUNNING') {
          throw new AppError(
            'LockHolderRunning',
            `body.key: order ${holder} holding the ${kind} ${key} is still running; it lets go when it ends`,
            { holder, holderStatus },
          );
        }
        if (!(await releaseLock(db, kind, key, holder))) {
          throw new AppError(
            'LockNotHeld',
            `body.key: order ${holder} let go of the ${kind} ${key} just now`,
          );
        }
        request.log.info({ kind, key, holder, holderStatus, reason: request.body.reason }, 'lock released');
        return { kind, key, holder, holderStatus, released: true as const };
      },
    );
  };
}
