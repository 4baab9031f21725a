/** Where the reference pages live in the site, without the base path. */
const REFERENCE_ROOT = '/reference/rest-apis/';

/**
 * Every page of the reference the model links to, as one union: a page links to a route and
 * routePath turns it into a path, so the URL scheme lives in this file only.
 */
export type Route =
  | { kind: 'overview'; fragment?: string | undefined }
  | { kind: 'tag'; tagSlug: string }
  | { kind: 'operation'; tagSlug: string; operationSlug: string }
  | { kind: 'schemas' }
  | { kind: 'schema'; name: string }
  | { kind: 'playground'; tag?: string | undefined; operationId?: string | undefined };

/** The path of a route inside the site, without the base path ("/reference/rest-apis/system/"). */
export function routePath(route: Route): string {
  switch (route.kind) {
    case 'overview':
      return route.fragment === undefined ? REFERENCE_ROOT : `${REFERENCE_ROOT}#${route.fragment}`;
    case 'tag':
      return `${REFERENCE_ROOT}${route.tagSlug}/`;
    case 'operation':
      return `${REFERENCE_ROOT}${route.tagSlug}/${route.operationSlug}/`;
    case 'schemas':
      return `${REFERENCE_ROOT}schemas/`;
    case 'schema':
      return `${REFERENCE_ROOT}schemas/${encodeURIComponent(route.name)}/`;
    case 'playground':
      // The playground opens an operation from the fragment "#/<tag>/<operationId>".
      return route.tag === undefined || route.operationId === undefined
        ? `${REFERENCE_ROOT}playground/`
        : `${REFERENCE_ROOT}playground/#/${encodeURIComponent(route.tag)}/${encodeURIComponent(route.operationId)}`;
  }
}

/** The one-operation slice of the spec beside an operation's page, which its try-it panel loads ("<page>/try.json"). */
export function operationSlicePath(route: Extract<Route, { kind: 'operation' }>): string {
  return `${routePath(route)}try.json`;
}
