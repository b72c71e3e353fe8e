import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { adminDesk } from '../../domain/access';
import type { SimulatorsControl } from '../../simulators/control';
import { errorResponses, routeDoc } from '../schemas';

/** Bounded so that no request waiting on a simulated call outlasts a client's patience (30 s). */
const MAX_LATENCY_MS = 10_000;

const doc = routeDoc(['administration']);
const latencySchema = z.object({
  latencyMs: z
    .number()
    .int()
    .min(0)
    .max(MAX_LATENCY_MS)
    .describe('How long each call to the simulated system takes, in milliseconds (0: at once)'),
});

const systems = {
  hlr: {
    summary: "Set the simulated HLR's latency (demo only; 模拟 HLR 时延)",
    calls: 'switching a line on or off, barring, updating its services',
  },
  bank: {
    summary: "Set the simulated bank's latency (demo only; 模拟银行时延)",
    calls:
      'verifying a card or corporate account, charging, refunding — an opening paid by card waits on it ' +
      'before its point of no return, so a cancel then still undoes the order',
  },
} as const;

/**
 * REQ: UI-1, ORD-6 — the simulated HLR's and bank's latency, changed while the system runs: with an order
 * slowed, a demo or a browser test can watch it run and cancel it in time. The routes exist only when the API
 * is given the simulators' control (the embedded `npm start`, the tests), and set the behaviour every
 * simulators process on the database reads.
 */
export function simulatorLatencyRoutes(simulators: Pick<SimulatorsControl, 'setBehaviour'>) {
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    for (const system of ['hlr', 'bank'] as const) {
      r.put(
        `/simulators/${system}`,
        {
          config: { access: adminDesk },
          schema: {
            ...doc(
              systems[system].summary,
              `Only where the simulated ${system === 'hlr' ? 'HLR' : 'bank'} is simulated ` +
                '(the simulators process of the embedded `npm start`, the tests): every call to it after this takes `latencyMs` ' +
                `(${systems[system].calls}; ORD-6). Answers the setting now in force. Administrators ` +
                'only; a deployment with the real system has no such route.',
            ),
            body: latencySchema,
            response: { 200: latencySchema, ...errorResponses },
          },
        },
        async (request) => {
          const now = await simulators.setBehaviour(system, { latencyMs: request.body.latencyMs });
          return { latencyMs: now.latencyMs };
        },
      );
    }
  };
}
