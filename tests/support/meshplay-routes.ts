/**
 * The Meshplay server's route inventory (tests/fixtures/meshplay-routes.json, from
 * server/router/server.go) and the routes of it that the spec documents: the one place
 * the number of documented operations comes from.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export interface InventoryRoute {
  method: string;
  path: string;
  session: boolean;
  prefix: boolean;
  stream: string | null;
  responses: number[];
}

/** The sign-in flow outside /api/ that the spec documents too. */
export const SIGN_IN_ROUTES: ReadonlySet<string> = new Set(['/provider', '/user/login', '/user/logout', '/auth/login']);

/** Every route the server registers, in the inventory's order. */
export const INVENTORY: readonly InventoryRoute[] = (
  JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/meshplay-routes.json'), 'utf8')) as { routes: InventoryRoute[] }
).routes;

/** The routes the spec documents: everything under /api/, and the sign-in flow. */
export const DOCUMENTED_ROUTES: readonly InventoryRoute[] = INVENTORY.filter(
  (route) => route.path.startsWith('/api/') || SIGN_IN_ROUTES.has(route.path),
);

/** How many operations the Meshplay spec has: one per documented route. */
export const MESHPLAY_OPERATION_COUNT = DOCUMENTED_ROUTES.length;
