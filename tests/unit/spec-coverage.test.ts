import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OpenApiDocument } from '../../src/lib/openapi/types.ts';
import { meshplaySpec, PROJECT_ROOT as root } from '../support/meshplay-spec.ts';
import { DOCUMENTED_ROUTES as wanted, INVENTORY as inventory, SIGN_IN_ROUTES, type InventoryRoute } from '../support/meshplay-routes.ts';

const sharedPath = resolve(root, '../shared/reference/meshplay-endpoints.json');
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** "/api/pattern/{id}" and "/api/pattern/{sourcetype}" are one route to the router: compare templates without names. */
function shapeOf(path: string): string {
  return path.replace(/\{[^}]+\}/g, '{}');
}

/**
 * The method and path shape an inventory route must have in the spec: the API's prefix
 * routes (extension pass-throughs) take one trailing parameter; the /provider page is documented as itself.
 */
function expectedKey(route: InventoryRoute): string {
  const path = route.prefix && route.path.startsWith('/api/') ? `${route.path.replace(/\/$/, '')}/{}` : route.path;
  return `${route.method} ${shapeOf(path)}`;
}

/** Every operation of the spec as "METHOD /shape". */
function specKeys(document: OpenApiDocument): Set<string> {
  const keys = new Set<string>();
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of METHODS)
      if ((item as Record<string, unknown> | undefined)?.[method]) keys.add(`${method.toUpperCase()} ${shapeOf(path)}`);
  }
  return keys;
}

describe('spec coverage against the server route inventory', () => {
  let document: OpenApiDocument;
  beforeAll(async () => {
    document = (await meshplaySpec()).document;
  });

  it('documents every /api route and the whole sign-in flow of the inventory, one operation each', () => {
    const inventoried = new Set(inventory.map((route) => route.path));
    expect([...SIGN_IN_ROUTES].filter((path) => !inventoried.has(path))).toEqual([]);
    expect(specKeys(document).size).toBe(wanted.length);
  });

  it('misses no route: each is named by method and path', () => {
    const keys = specKeys(document);
    const missing = wanted.filter((route) => !keys.has(expectedKey(route))).map((route) => `${route.method} ${route.path}`);
    expect(missing).toEqual([]);
  });

  it('lists no stale route that the server does not register', () => {
    const known = new Set(wanted.map(expectedKey));
    const stale = [...specKeys(document)].filter((key) => !known.has(key));
    expect(stale).toEqual([]);
  });

  it('asks for a session exactly where the server does', () => {
    const wrong: string[] = [];
    for (const route of wanted) {
      const path = Object.keys(document.paths ?? {}).find((candidate) => shapeOf(candidate) === expectedKey(route).split(' ')[1]);
      const item = path ? (document.paths?.[path] as Record<string, { security?: unknown[] } | undefined> | undefined) : undefined;
      const operation = item?.[route.method.toLowerCase()];
      const secured = (operation?.security ?? document.security ?? []).length > 0;
      if (secured !== route.session) wrong.push(`${route.method} ${route.path}: spec says ${secured ? 'session' : 'public'}`);
    }
    expect(wrong).toEqual([]);
  });

  it.runIf(existsSync(sharedPath))('uses the same inventory as ../shared/reference', () => {
    const shared = JSON.parse(readFileSync(sharedPath, 'utf8')) as Array<{ method: string; path: string }>;
    expect(shared.map((route) => `${route.method} ${route.path}`)).toEqual(inventory.map((route) => `${route.method} ${route.path}`));
  });
});
