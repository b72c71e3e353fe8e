import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { adminDesk } from '../../domain/access';
import { msisdnSchema } from '../../domain/numbers';
import type { SimulatorsControl } from '../../simulators/control';
import { errorResponses, routeDoc } from '../schemas';

const doc = routeDoc(['administration']);
const messageSchema = z.object({
  eventKey: z.string().describe('The event the message is about (one message per event)'),
  text: z.string().describe('The text as the phone shows it, Chinese then English'),
  gatewayRef: z.string(),
  at: z.iso.datetime().describe('When the gateway delivered it'),
});

/**
 * REQ: NOTIF-1, MNP-5 — the demo's stand-in for the customer's phone: in the embedded set-up (`npm start`)
 * the API is given the simulators process's control, and an administrator can read what a number received
 * — e.g. a port-out authorization code, which is in none of the system's orders, logs or tables (only the
 * simulated phone's inbox holds it, as the customer's phone would). The route exists only when the
 * API is given the simulator; a deployment with a real gateway has no such thing.
 */
export function smsSimulatorRoutes(simulators: Pick<SimulatorsControl, 'sms'>) {
  return async (app: FastifyInstance): Promise<void> => {
    app.withTypeProvider<ZodTypeProvider>().get(
      '/sms-simulator/inbox/:msisdn',
      {
        config: { access: adminDesk },
        schema: {
          ...doc(
            'Messages a phone received from the simulated SMS gateway (demo only; 模拟短信收件箱)',
            'Only where the SMS gateway is simulated (the simulators process of the embedded `npm start`): ' +
              'the texts a number received, oldest first, as its phone would show them — including secrets ' +
              'sent by SMS such as a port-out authorization code. Administrators only; an empty list when ' +
              'nothing was sent. A deployment with a real SMS gateway has no such route.',
          ),
          params: z.object({ msisdn: msisdnSchema }),
          response: {
            200: z.object({ msisdn: z.string(), messages: z.array(messageSchema) }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        const { msisdn } = request.params;
        const messages = (await simulators.sms.inbox(msisdn)).map((m) => ({
          eventKey: m.eventKey,
          text: m.text,
          gatewayRef: m.gatewayRef,
          at: m.at,
        }));
        return { msisdn, messages };
      },
    );
  };
}
