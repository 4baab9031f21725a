import { withBase } from '../site/base.ts';

/** Where the reference pages live in the site, without the base path. */
export const REFERENCE_ROOT = '/reference/rest-apis/';

/** The route of a tag's page, without the base path. */
export function tagRoute(tagSlug: string): string {
  return `${REFERENCE_ROOT}${tagSlug}/`;
}

/** The route of an operation's page, without the base path. */
export function operationRoute(tagSlug: string, operationSlug: string): string {
  return `${REFERENCE_ROOT}${tagSlug}/${operationSlug}/`;
}

/** The route of a schema component's page, without the base path. */
export function schemaRoute(name: string): string {
  return `${REFERENCE_ROOT}schemas/${encodeURIComponent(name)}/`;
}

/** The route of the list of schema components, without the base path. */
export function schemasIndexRoute(): string {
  return `${REFERENCE_ROOT}schemas/`;
}

/** The playground's address for one operation: it opens the operation from the fragment "#/<tag>/<operationId>". */
export function playgroundRoute(tagName: string, operationId: string): string {
  return `${REFERENCE_ROOT}playground/#/${encodeURIComponent(tagName)}/${encodeURIComponent(operationId)}`;
}

/** A route as a link in the built site, under SITE_BASE (import.meta.env.BASE_URL in pages). */
export function hrefOf(base: string, route: string): string {
  return withBase(base, route);
}
