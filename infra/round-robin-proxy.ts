import { createConnection, createServer, type Socket } from 'node:net';

export interface RoundRobinProxy {
  url: string;
  port: number;
  close: () => Promise<void>;
}

/**
 * A TCP load balancer for the API replicas on one machine: each new connection goes to the next backend in
 * turn; a backend that refuses the connection (down, restarting) is skipped for the next one, so clients see a
 * replica's absence only when every backend is down. Connections are spliced byte for byte (HTTP keep-alive
 * stays on its replica, as behind a real L4 balancer).
 */
export async function startRoundRobinProxy(options: {
  host: string;
  port: number;
  backends: readonly { host: string; port: number }[];
}): Promise<RoundRobinProxy> {
  const { backends } = options;
  let next = 0;
  const open = new Set<Socket>();
  const connect = (client: Socket, tried: number) => {
    if (tried >= backends.length) {
      client.destroy();
      return;
    }
    const index = next;
    next = (next + 1) % backends.length;
    const backend = backends[index];
    if (!backend) return;
    const upstream = createConnection(backend);
    upstream.once('connect', () => {
      if (client.destroyed) {
        upstream.destroy();
        return;
      }
      open.add(upstream);
      upstream.once('close', () => open.delete(upstream));
      client.pipe(upstream);
      upstream.pipe(client);
      client.resume();
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
      client.once('close', () => upstream.destroy());
      upstream.once('close', () => client.destroy());
    });
    upstream.once('error', (err: NodeJS.ErrnoException) => {
      if (open.has(upstream)) return; // after the connection: the 'error' handler above ends both
      if (err.code === 'ECONNREFUSED' && !client.destroyed) connect(client, tried + 1);
      else client.destroy();
    });
  };
  const server = createServer({ pauseOnConnect: true }, (client) => {
    open.add(client);
    client.once('close', () => open.delete(client));
    client.on('error', () => undefined);
    connect(client, 0);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  server.on('error', () => undefined);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://${options.host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
