import type { FastifyInstance, HTTPMethods, RouteOptions } from 'fastify';
import type { RouteAccess } from '../../domain/access';

/** A route that must declare who may call it: everything under `/api/`. */
export const needsAccessDeclaration = (url: string): boolean => url.startsWith('/api/');

export type { RouteAccess };

/** One declared route: method, URL pattern and who may call it. */
export interface DeclaredRoute {
  method: HTTPMethods;
  url: string;
  access: RouteAccess;
}

const declared = new WeakMap<FastifyInstance, DeclaredRoute[]>();

/**
 * The authorization matrix (REQ: CH-2, CH-3): every route under `/api/` declares `config.access` ('public',
 * 'authenticated' or an access rule); one that forgets throws while the app is being built, so it cannot even
 * start. Register before the routes.
 */
export function registerRouteAccessCheck(app: FastifyInstance): void {
  const table: DeclaredRoute[] = [];
  declared.set(app, table);
  app.addHook('onRoute', (route: RouteOptions) => {
    if (!needsAccessDeclaration(route.url)) return;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const access = route.config?.access;
    if (access === undefined) {
      throw new Error(
        `Route ${methods.join(',')} ${route.url} declares no config.access ('public', 'authenticated' or an access rule)`,
      );
    }
    for (const method of methods) table.push({ method, url: route.url, access });
  });
}

/** The `/api/` routes of an app built with the check, and what each declares (the authorization matrix). */
export function declaredRoutes(app: FastifyInstance): readonly DeclaredRoute[] {
  return declared.get(app) ?? [];
}
