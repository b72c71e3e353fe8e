import { createConnection, createServer } from 'node:net';

/**
 * `count` different TCP ports on loopback that are free right now. All are held open until every one is
 * chosen: ports asked for one after another may come back the same, once the first is closed again (it
 * happened — PostgreSQL and the Temporal dev server of a benchmark were given one port).
 */
export async function freePorts(count: number): Promise<number[]> {
  const servers = Array.from({ length: count }, () => createServer());
  try {
    return await Promise.all(
      servers.map(
        (server) =>
          new Promise<number>((resolve, reject) => {
            server.once('error', reject);
            server.listen(0, '127.0.0.1', () => {
              const address = server.address();
              resolve(typeof address === 'object' && address ? address.port : 0);
            });
          }),
      ),
    );
  } finally {
    await Promise.all(
      servers.map(
        (server) =>
          new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve())),
      ),
    );
  }
}

/** Whether something accepts connections on the port. */
export function canConnect(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * `count` TCP ports on loopback, free right now, from `[from, to]` (tried from a random point of the range
 * on, so two callers seldom race for the same): for a server that cannot take the ephemeral range — Temporal
 * stores a service's membership port as a SQL smallint, at most 32767.
 */
export async function freePortsIn(count: number, from: number, to: number): Promise<number[]> {
  const found: number[] = [];
  const size = to - from + 1;
  const start = Math.floor(Math.random() * size);
  for (let i = 0; i < size && found.length < count; i++) {
    const port = from + ((start + i) % size);
    if (await canListen(port)) found.push(port);
  }
  if (found.length < count) throw new Error(`only ${found.length} of ${count} ports free in ${from}-${to}`);
  return found;
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
