interface ServerObject {
  url: string;
  variables?: Record<string, { default: string }>;
}

/** The spec's first server with every variable at its default ("{scheme}://{host}:{port}" -> "http://localhost:9081"). */
export function getDefaultServerUrl(document: { servers?: ServerObject[] }, pageUrl: string): string {
  const server = document.servers?.[0];
  if (!server) return new URL('/', pageUrl).origin;
  const filled = server.url.replace(/\{([^}]+)\}/g, (_, name: string) => server.variables?.[name]?.default ?? name);
  // Relative server URLs are relative to the document, which here is the page.
  return new URL(filled, pageUrl).href.replace(/\/+$/, '');
}

/** A copy of the spec whose only server is the one the reader chose, so Swagger UI sends every request there. */
export function withServer<T extends { servers?: ServerObject[] }>(document: T, url: string, description: string): T {
  return { ...document, servers: [{ url, description }] };
}
