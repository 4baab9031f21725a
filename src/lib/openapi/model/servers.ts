/**
 * The one rule for "the spec's server", shared by the code samples (at build time) and the
 * playground (in the browser): the operation's first server, else its path item's, else the
 * document's, with every {variable} at its default. A relative server URL ("/api", or none at
 * all, which OpenAPI reads as "/") is relative to where the spec is served, which only the
 * reader's browser knows: resolveServerUrl resolves it against a base that the caller names.
 * The samples use SAMPLE_BASE (a local server); the playground uses the page's own URL.
 *
 * Pure and free of Node imports: the playground bundles it.
 */

/** A server object as specs write it (the fields this rule reads). */
export interface ServerObject {
  url?: unknown;
  description?: unknown;
  variables?: unknown;
}

/** Something that may declare servers: an operation, a path item, the document. */
export interface ServerHolder {
  servers?: unknown;
}

/** The base relative server URLs resolve against in code samples: the spec does not say where it is served. */
export const SAMPLE_BASE = 'http://localhost';

/** The first server the holders declare, in order (operation, path item, document), variables filled in; undefined when none does. */
export function firstServer(...holders: ServerHolder[]): { url: string; description: string | undefined } | undefined {
  for (const holder of holders) {
    const servers = Array.isArray(holder.servers) ? (holder.servers as unknown[]) : [];
    const server = servers.find((candidate): candidate is ServerObject => typeof candidate === 'object' && candidate !== null);
    if (server) return { url: fillVariables(server), description: typeof server.description === 'string' ? server.description : undefined };
  }
  return undefined;
}

/** Every server a holder declares, variables filled in. */
export function listServers(holder: ServerHolder): Array<{ url: string; description: string | undefined }> {
  const servers = Array.isArray(holder.servers) ? (holder.servers as unknown[]) : [];
  return servers
    .filter((server): server is ServerObject => typeof server === 'object' && server !== null)
    .map((server) => ({ url: fillVariables(server), description: typeof server.description === 'string' ? server.description : undefined }));
}

/**
 * The absolute URL requests go to, without a trailing slash: an absolute server URL as it is, a
 * relative one resolved against `base`, and no server at all as `base`'s origin.
 */
export function resolveServerUrl(serverUrl: string | undefined, base: string): string {
  if (serverUrl === undefined) return new URL('/', base).origin;
  // An absolute URL stays as the spec writes it (a {variable} without default included).
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(serverUrl)) return serverUrl.replace(/\/+$/, '');
  try {
    return new URL(serverUrl, base).href.replace(/\/+$/, '');
  } catch {
    return `${base.replace(/\/+$/, '')}/${serverUrl.replace(/^\/+/, '')}`.replace(/\/+$/, '');
  }
}

/** A server's URL with each {name} replaced by its variable's default (left as is without one). */
function fillVariables(server: ServerObject): string {
  const url = typeof server.url === 'string' ? server.url : '';
  const variables = typeof server.variables === 'object' && server.variables !== null ? (server.variables as Record<string, unknown>) : {};
  return url.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const variable = variables[name];
    const fallback = typeof variable === 'object' && variable !== null ? (variable as Record<string, unknown>)['default'] : undefined;
    return typeof fallback === 'string' || typeof fallback === 'number' ? String(fallback) : whole;
  });
}
