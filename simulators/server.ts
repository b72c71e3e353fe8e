import Fastify, { type FastifyInstance } from 'fastify';
import { ZodError } from 'zod';
import { PaymentDeclinedError } from '../activities/adapters/bank';
import { SubscriberExistsError } from '../activities/adapters/hlr';
import { TransientOutsideError } from '../activities/adapters/simulation';
import { controlRoutes } from './control-routes';
import { CallbackRefused } from './outbox';
import type { Systems } from './systems';

/**
 * The simulators' HTTP face: each system's own protocol (what the workers' HTTP adapters call, JSON in and
 * out) and the control routes behind `SimulatorsControl` under `/control`. Refusals keep their meaning on the
 * wire: 409 `SubscriberExists`, 402 `PaymentDeclined`, 503 `Transient` (a flaky link: retry).
 */
export function buildSimulatorsServer(
  systems: Systems,
  warn: (message: string) => void = console.error,
): FastifyInstance {
  const app = Fastify({ logger: false, bodyLimit: 10 * 1024 * 1024 });
  app.setErrorHandler(async (err, _request, reply) => {
    if (err instanceof SubscriberExistsError)
      return reply.code(409).send({ code: 'SubscriberExists', msisdn: err.msisdn, message: err.message });
    if (err instanceof PaymentDeclinedError)
      return reply.code(402).send({ code: 'PaymentDeclined', message: err.message });
    if (err instanceof TransientOutsideError)
      return reply
        .code(503)
        .send({ code: 'Transient', system: err.system, operation: err.operation, message: err.message });
    if (err instanceof CallbackRefused)
      return reply.code(502).send({ code: 'CallbackRefused', message: err.message });
    const { statusCode, message } = err as { statusCode?: number; message?: string };
    const bad = err instanceof ZodError || (statusCode !== undefined && statusCode < 500);
    if (bad)
      return reply.code(statusCode ?? 400).send({ code: 'BadRequest', message: message ?? String(err) });
    // The cause stays here: a failed query's text carries its parameters (an SMS text, a card number), and
    // what this answers ends up in the caller's activity failure, i.e. in the workflow history.
    warn(`simulators: ${String(message ?? err)}`);
    return reply.code(500).send({ code: 'InternalError', message: 'the simulated system failed; try again' });
  });

  const { hlr, bank, sms, clearing, bboss } = systems;
  const post = <B, R>(path: string, handle: (body: B) => Promise<R>) =>
    app.post(path, async (request) => (await handle(request.body as B)) ?? {});

  app.get('/health', async () => ({ ok: true }));

  post('/hlr/provision', (b: Parameters<typeof hlr.provision>[0]) => hlr.provision(b));
  post('/hlr/deprovision', (b: Parameters<typeof hlr.deprovision>[0]) => hlr.deprovision(b));
  post('/hlr/barring', (b: Parameters<typeof hlr.setBarring>[0]) => hlr.setBarring(b));
  post('/hlr/update', (b: Parameters<typeof hlr.updateSubscriber>[0]) => hlr.updateSubscriber(b));

  post('/bank/charge', (b: Parameters<typeof bank.charge>[0]) => bank.charge(b));
  post('/bank/refund', (b: Parameters<typeof bank.refund>[0]) => bank.refund(b));
  post('/bank/verify', (b: Parameters<typeof bank.verifyAccount>[0]) => bank.verifyAccount(b));

  post('/sms/send', (b: Parameters<typeof sms.send>[0]) => sms.send(b));

  post('/clearing/port-ins', (b: Parameters<typeof clearing.submitPortIn>[0]) => clearing.submitPortIn(b));
  post('/clearing/port-out-answers', (b: Parameters<typeof clearing.answerPortOut>[0]) =>
    clearing.answerPortOut(b),
  );
  post('/clearing/cancellations', (b: Parameters<typeof clearing.cancelPortIn>[0]) =>
    clearing.cancelPortIn(b),
  );

  post('/bboss/orders', (b: Parameters<typeof bboss.submitOrder>[0]) => bboss.submitOrder(b));
  post('/bboss/orders/query', (b: Parameters<typeof bboss.queryOrder>[0]) => bboss.queryOrder(b));
  post('/bboss/member-syncs', (b: Parameters<typeof bboss.syncMembers>[0]) => bboss.syncMembers(b));

  void app.register(controlRoutes(systems), { prefix: '/control' });
  return app;
}
