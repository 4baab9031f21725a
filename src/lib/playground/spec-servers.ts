import { firstServer, resolveServerUrl, type ServerHolder } from '../openapi/model/servers.ts';

interface ServerObject {
  url: string;
  description?: string;
}

/**
 * The server the playground calls "the server in the spec": the same rule as the code samples
 * (model/servers.ts), for the document's servers, with a relative URL resolved against the page,
 * where the browser knows the spec is served.
 */
export function getDefaultServerUrl(document: ServerHolder, pageUrl: string): string {
  return resolveServerUrl(firstServer(document)?.url, pageUrl);
}

/** A copy of the spec whose only server is the one the reader chose, so Swagger UI sends every request there. */
export function withServer<T extends { servers?: ServerObject[] }>(document: T, url: string, description: string): T {
  return { ...document, servers: [{ url, description }] };
}
