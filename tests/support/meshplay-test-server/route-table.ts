/** Finding the route for a request: exact paths and spec templates (`/api/pattern/{id}`), the most literal first, as Meshplay's router would. */
import type { Route } from './routes.ts';

interface CompiledRoute {
  route: Route;
  pattern: RegExp;
  /** Path parameters: fewer means more specific (`/api/pattern/types` before `/api/pattern/{id}`). */
  parameters: number;
}

/** What the table found for a request. */
export type RouteMatch = { kind: 'route'; route: Route } | { kind: 'wrong-method' } | { kind: 'none' };

/** A lookup over routes. */
export interface RouteTable {
  match(method: string, pathname: string): RouteMatch;
}

/** Build the table; routes listed first win over later ones of the same specificity. */
export function createRouteTable(routes: readonly Route[]): RouteTable {
  const compiled: CompiledRoute[] = routes
    .map((route) => ({ route, pattern: templatePattern(route.path), parameters: (route.path.match(/\{[^}]+\}/g) ?? []).length }))
    .sort((left, right) => left.parameters - right.parameters);
  return {
    match(method, pathname) {
      const onPath = compiled.filter((candidate) => candidate.pattern.test(pathname));
      const route = onPath.find((candidate) => candidate.route.method === method)?.route;
      if (route) return { kind: 'route', route };
      return onPath.length > 0 ? { kind: 'wrong-method' } : { kind: 'none' };
    },
  };
}

/** A path template as a regular expression: each `{name}` matches one non-empty segment (or part of one). */
function templatePattern(template: string): RegExp {
  const parts = template.split(/\{[^}]+\}/).map((literal) => literal.replace(/[.*+?^$()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('[^/]+')}$`);
}
