import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import FindMyWay, { type HTTPMethod } from 'find-my-way';
import { body } from './errors';

/**
 * A URL no route serves answers 404 in the API's error body; a path some route serves, asked with a method
 * none of its routes declares, answers 405 Method Not Allowed with an `Allow` header naming the methods that
 * are (RFC 9110 §15.5.6). Every route is also entered in a router of its own, looked up for the other methods
 * of the concrete URL. The answer comes before anything else reads the request (sign-in, body parsing), as
 * the document at /docs/json tells the same to anyone. Register before the routes and the other hooks.
 */
export function registerNotFound(
  app: FastifyInstance,
  options: {
    /** Answers a page address the console serves (its index.html), else null: see plugins/console.ts. */
    fallback?: () => ((request: FastifyRequest, reply: FastifyReply) => FastifyReply | null) | null;
  } = {},
): void {
  const known = FindMyWay<FindMyWay.HTTPVersion.V1>();
  const methods = new Set<HTTPMethod>();
  app.addHook('onRoute', (route: RouteOptions) => {
    for (const method of [route.method].flat().map((m) => m.toUpperCase() as HTTPMethod)) {
      methods.add(method);
      known.on(method, route.url, () => undefined, { pattern: route.url });
    }
  });

  const answer = (request: FastifyRequest, reply: FastifyReply) => {
    const page = options.fallback?.()?.(request, reply);
    if (page) return page;
    const path = request.url.split('?')[0] ?? '';
    const allowed = allowedMethods(path);
    if (allowed.length === 0) {
      return reply.code(404).send(body('NotFound', `No route ${request.method} ${path}`));
    }
    const list = allowed.join(', ');
    return reply
      .code(405)
      .header('allow', list)
      .send(
        body(
          'MethodNotAllowed',
          `method: ${request.method} ${path} is not served; this path answers ${list}`,
        ),
      );
  };

  /**
   * The methods of the route pattern the path belongs to: where a static and a parametric pattern both match
   * (`/dispatch-rules/order` and `/dispatch-rules/:id`), the static one, as the document lists them.
   */
  const allowedMethods = (path: string): HTTPMethod[] => {
    const matches = [...methods].flatMap((method) => {
      const found = known.find(method, path);
      const pattern = (found?.store as { pattern?: string } | undefined)?.pattern;
      return pattern === undefined
        ? []
        : [{ method, pattern, params: Object.keys(found?.params ?? {}).length }];
    });
    const fewest = Math.min(...matches.map((m) => m.params));
    const best = matches.find((m) => m.params === fewest)?.pattern;
    return matches
      .filter((m) => m.pattern === best)
      .map((m) => m.method)
      .sort();
  };

  app.addHook('onRequest', async (request, reply) => {
    if (request.is404) return answer(request, reply);
  });
  app.setNotFoundHandler(answer);
}
