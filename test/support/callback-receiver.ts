import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One callback a simulated system POSTed: the route, its signature header and the JSON body. */
export interface ReceivedCallback {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** The body as sent, for checking its signature. */
  raw: string;
  body: Record<string, unknown>;
}

/**
 * A stand-in for the API's callback routes (`/api/v1/callbacks/{mnp,bboss,telephony}`): records every POST
 * and answers 202, as the API does when it took a callback. A simulators test points the simulators'
 * callback URL here to see exactly what the outside system sent, and when.
 */
export async function startCallbackReceiver(): Promise<{
  url: string;
  received: ReceivedCallback[];
  /** The bodies POSTed to `/api/v1/callbacks/<target>`, oldest first. */
  bodies: (target: 'mnp' | 'bboss' | 'telephony') => Record<string, unknown>[];
  /** The next `count` POSTs are answered `status` and not recorded, as an API that cannot take them now. */
  refuseNext: (count: number, status: number) => void;
  close: () => Promise<void>;
}> {
  const received: ReceivedCallback[] = [];
  let refusals: { left: number; status: number } = { left: 0, status: 503 };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (refusals.left > 0) {
        refusals.left -= 1;
        res.writeHead(refusals.status, { 'content-type': 'application/json' }).end('{"code":"Unavailable"}');
        return;
      }
      try {
        const raw = Buffer.concat(chunks).toString('utf8');
        received.push({
          path: req.url ?? '',
          headers: req.headers,
          raw,
          body: JSON.parse(raw) as Record<string, unknown>,
        });
        res.writeHead(202, { 'content-type': 'application/json' }).end('{"accepted":true}');
      } catch {
        res.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    bodies: (target) => received.filter((r) => r.path === `/api/v1/callbacks/${target}`).map((r) => r.body),
    refuseNext: (count, status) => {
      refusals = { left: count, status };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
