import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { SimulatedBankAccount } from '../activities/adapters/bank';
import { simulatedSystems } from './behaviour';
import type { SimulatedSystem } from './control';
import type { Systems } from './systems';

const systemParams = z.object({
  system: z.enum(simulatedSystems as [SimulatedSystem, ...SimulatedSystem[]]),
});
/** A behaviour patch: known settings only, each a non-negative number (rates 0..1 are the caller's care). */
const behaviourPatch = z.record(z.string(), z.number().nonnegative());

type Query = Record<string, string | undefined>;
type Params = Record<string, string>;

/**
 * The routes behind `SimulatorsControl` (simulators/control.ts), under `/control`: read and change each
 * system's behaviour, inspect what each system holds, and play the systems' own initiatives (another operator
 * asks for a port-out; a customer calls the hotline).
 */
export function controlRoutes(s: Systems) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get('/behaviour/:system', async (request) => {
      const { system } = systemParams.parse(request.params);
      return s.behaviours.get(system);
    });
    app.patch('/behaviour/:system', async (request, reply) => {
      const { system } = systemParams.parse(request.params);
      const patch = behaviourPatch.safeParse(request.body);
      if (!patch.success) return reply.code(400).send({ code: 'BadRequest', message: patch.error.message });
      const known = await s.behaviours.get(system);
      const unknown = Object.keys(patch.data).filter((k) => !(k in known));
      if (unknown.length > 0)
        return reply
          .code(400)
          .send({ code: 'BadRequest', message: `unknown settings: ${unknown.join(', ')}` });
      return s.behaviours.set(system, patch.data);
    });

    app.get('/hlr/subscribers/:msisdn', async (request) => ({
      subscriber: await s.hlr.subscriber((request.params as Params).msisdn ?? ''),
    }));

    app.put('/bank/accounts/:accountNo', async (request) => {
      await s.bank.openAccount(
        (request.params as Params).accountNo ?? '',
        request.body as SimulatedBankAccount,
      );
      return {};
    });
    app.put('/bank/declined/:accountNo', async (request) => {
      await s.bank.decline((request.params as Params).accountNo ?? '');
      return {};
    });
    app.get('/bank/charges', async (request) => {
      const { account } = request.query as Query;
      return s.bank.charges(account === undefined ? {} : { account });
    });
    app.get('/bank/refunds', async (request) => {
      const { chargeRef } = request.query as Query;
      return s.bank.refunds(chargeRef === undefined ? {} : { chargeRef });
    });

    app.get('/sms/inbox/:msisdn', async (request) => s.sms.inbox((request.params as Params).msisdn ?? ''));

    app.get('/clearing/port-ins', async (request) => {
      const { orderId } = request.query as Query;
      return s.clearing.portIns(orderId === undefined ? {} : { orderId });
    });
    app.get('/clearing/cancellations', async () => s.clearing.cancellations());
    app.post('/clearing/port-out-requests', async (request) =>
      s.clearing.requestPortOut(
        request.body as { msisdn: string; authorizationCode: string; recipientOperator: string },
      ),
    );
    app.get('/clearing/port-out-requests', async (request) => {
      const { msisdn } = request.query as Query;
      return s.clearing.portOutRequests(msisdn === undefined ? {} : { msisdn });
    });
    app.get('/clearing/port-out-answers', async () => s.clearing.portOutAnswers());

    app.get('/bboss/orders', async () => s.bboss.orders());
    app.get('/bboss/member-changes', async (request) => {
      const { groupCode } = request.query as Query;
      return s.bboss.appliedMemberChanges(groupCode === undefined ? {} : { groupCode });
    });

    app.post('/telephony/calls', async (request) =>
      s.telephony.placeCall(request.body as { callerMsisdn: string; agent: string }),
    );
    app.post('/telephony/calls/:callId/hang-up', async (request) => {
      await s.telephony.hangUp((request.params as Params).callId ?? '');
      return {};
    });
  };
}
