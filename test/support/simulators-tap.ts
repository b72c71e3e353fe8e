import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startSignedInHarness, type Harness, type HarnessOptions } from './harness';

/** What an outside system answers one call: HTTP status and JSON body. */
export interface TapReply {
  status: number;
  body: unknown;
}

/** One call a worker made to an outside system, as it went over the wire. */
export interface TappedCall {
  /** The system's route, e.g. `/hlr/provision`, `/bank/charge`, `/bboss/orders/query`. */
  path: string;
  body: unknown;
}

type Handler = (body: unknown, forward: () => Promise<TapReply>) => Promise<TapReply>;

/**
 * A wiretap on the link between the workers and the simulators process: the workers are pointed at it
 * (`SIMULATORS_URL`), and it passes every call on to `target()`, recording it. A test may hold a call back,
 * answer it itself, or fail it, as a slow, confused or broken outside system would — the simulators' state
 * stays what the calls that went through made it.
 */
export async function startSimulatorsTap(target: () => string): Promise<{
  url: string;
  /** Every call the workers made, oldest first. */
  calls: TappedCall[];
  /** The request bodies of the calls to `path`. */
  bodiesOf: <Req>(path: string) => Req[];
  /**
   * Calls to `path` go to `handle` instead: it may `forward()` the call (and change or hold back the
   * answer) or answer itself. Returns the undo.
   */
  intercept: <Req>(
    path: string,
    handle: (req: Req, forward: () => Promise<TapReply>) => Promise<TapReply>,
  ) => () => void;
  close: () => Promise<void>;
}> {
  const calls: TappedCall[] = [];
  const handlers = new Map<string, Handler>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const path = req.url ?? '/';
      const method = req.method ?? 'GET';
      const forward = async (): Promise<TapReply> => {
        const answer = await fetch(`${target().replace(/\/$/, '')}${path}`, {
          method,
          ...(raw ? { headers: { 'content-type': 'application/json' }, body: raw } : {}),
        });
        const text = await answer.text();
        return { status: answer.status, body: text ? (JSON.parse(text) as unknown) : {} };
      };
      let body: unknown;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        res.writeHead(400, { 'content-type': 'application/json' }).end('{"code":"BadRequest"}');
        return;
      }
      if (method === 'POST') calls.push({ path, body });
      const handler = handlers.get(path);
      (handler ? handler(body, forward) : forward()).then(
        (reply) =>
          res.writeHead(reply.status, { 'content-type': 'application/json' }).end(JSON.stringify(reply.body)),
        (err: unknown) =>
          res
            .writeHead(500, { 'content-type': 'application/json' })
            .end(JSON.stringify({ code: 'InternalError', message: String(err) })),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    bodiesOf: <Req>(path: string) => calls.filter((c) => c.path === path).map((c) => c.body as Req),
    intercept: <Req>(
      path: string,
      handle: (req: Req, forward: () => Promise<TapReply>) => Promise<TapReply>,
    ) => {
      const handler: Handler = (body, forward) => handle(body as Req, forward);
      handlers.set(path, handler);
      return () => {
        if (handlers.get(path) === handler) handlers.delete(path);
      };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type SimulatorsTap = Awaited<ReturnType<typeof startSimulatorsTap>>;

/**
 * A harness whose worker reaches the simulators through a wiretap (`tap`), so a test can see, hold back or
 * answer what the worker asks of an outside system; `h.sim` still reads the simulators themselves.
 */
export async function startTappedHarness(options: HarnessOptions = {}): Promise<{
  h: Harness;
  token: string;
  tap: SimulatorsTap;
}> {
  let target = '';
  const tap = await startSimulatorsTap(() => target);
  try {
    const { h, token } = await startSignedInHarness({
      ...options,
      config: { ...options.config, SIMULATORS_URL: tap.url },
    });
    target = h.simulatorsUrl;
    return { h, token, tap };
  } catch (err) {
    await tap.close();
    throw err;
  }
}
