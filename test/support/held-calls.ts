import type { FastifyInstance } from 'fastify';

/**
 * A call a test holds back until `release()`, so a step can outlast a pre-emption without a sleep; `waiting`
 * turns true once a call is held.
 */
export function releasable() {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  const gate = {
    waiting: false,
    release: () => release(),
    wait: async () => {
      gate.waiting = true;
      await released;
    },
  };
  return gate;
}

/** Whether the number is offered to new orders: free, or its hold has run out (REQ: OPEN-2). */
export async function isNumberOffered(app: FastifyInstance, token: string, msisdn: string): Promise<boolean> {
  const res = await app.inject({
    method: 'GET',
    url: `/api/v1/numbers/available?pattern=${msisdn}`,
    headers: { authorization: `Bearer ${token}` },
  });
  return res.json<{ items: { msisdn: string }[] }>().items.some((i) => i.msisdn === msisdn);
}
