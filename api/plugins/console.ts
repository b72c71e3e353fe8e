import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const noCache = { cacheControl: false };

/** Paths the console never answers: the API, its documents and the health checks keep their own 404. */
const notConsole = /^\/(api|docs|health)(\/|$)/;

/**
 * REQ: UI-1 — the staff console (web/dist, built by scripts/web-build.ts) at `/`: its files as they are, and
 * for any other page address (`/orders/…`, a bookmark, a reload) its index.html, so the browser's router shows
 * the page. Returns the fallback the not-found handler calls, or null when no build is there.
 */
export async function registerConsole(
  app: FastifyInstance,
  dir: string,
): Promise<((request: FastifyRequest, reply: FastifyReply) => FastifyReply | null) | null> {
  if (!existsSync(join(dir, 'index.html'))) {
    app.log.warn({ dir }, 'no console build: GET / will answer 404 (run npm run web:build)');
    return null;
  }
  // Hashed asset names never change content: cached for a year; index.html is always asked again.
  await app.register(fastifyStatic, {
    root: dir,
    wildcard: false,
    index: false,
    maxAge: '365d',
    immutable: true,
  });
  app.get('/', { schema: { hide: true } }, (_request, reply) =>
    reply.header('cache-control', 'no-cache').sendFile('index.html', noCache),
  );
  return (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if ((request.method !== 'GET' && request.method !== 'HEAD') || notConsole.test(path)) return null;
    if (!(request.headers.accept ?? '').includes('text/html')) return null;
    return reply.header('cache-control', 'no-cache').type('text/html').sendFile('index.html', noCache);
  };
}
