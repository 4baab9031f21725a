import { arrayField, isObject, objectField, stringField, type JsonObject } from './object-guards.ts';

// The spec's default when it names no server is "/": samples then need some host to be runnable.
const FALLBACK_ORIGIN = 'http://localhost';

/** The URL requests go to: the operation's first server, else its path item's, else the document's, variables at their defaults. */
export function defaultServerUrl(document: unknown, pathItem: JsonObject, operation: JsonObject): string {
  const server = [operation, pathItem, isObject(document) ? document : {}]
    .map((holder) => arrayField(holder, 'servers')?.find(isObject))
    .find((found) => found !== undefined);
  if (!server) return FALLBACK_ORIGIN;
  const url = substituteVariables(stringField(server, 'url') ?? '', objectField(server, 'variables') ?? {});
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return url.replace(/\/+$/, '');
  // A relative server URL is relative to where the spec is served; assume a local server.
  return `${FALLBACK_ORIGIN}/${url.replace(/^\/+/, '')}`.replace(/\/+$/, '');
}

/** Replace {name} in a server URL by each variable's default. */
function substituteVariables(url: string, variables: JsonObject): string {
  return url.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const variable = variables[name];
    const fallback = isObject(variable) ? variable['default'] : undefined;
    return typeof fallback === 'string' || typeof fallback === 'number' ? String(fallback) : whole;
  });
}
