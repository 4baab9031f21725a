/**
 * The site's base path for pages and components: `import.meta.env.BASE_URL` (SITE_BASE) read
 * here, once. Node code (the config, the server) uses base.ts's withBase(base, path) instead.
 */
import { routePath, type Route } from '../openapi/model/routes.ts';
import { withBase as joinBase } from './base.ts';

/** The base path the site is built for ("/" or "/docs/"). */
export const BASE_URL: string = import.meta.env.BASE_URL;

/** A path inside the site as a link under the base path ("/reference/" → "/docs/reference/"). */
export function withBase(path: string): string {
  return joinBase(BASE_URL, path);
}

/** The link to a page of the reference, under the base path. */
export function hrefTo(route: Route): string {
  return withBase(routePath(route));
}
