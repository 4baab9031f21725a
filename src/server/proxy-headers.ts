/** The headers the proxy passes on, each way: what Meshplay never sees, and what the docs origin never gets back. */
import { validateHeaderName, validateHeaderValue, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import { isNeverReturnedResponseHeader, NEVER_FORWARDED_REQUEST_HEADERS } from '../lib/meshplay/session.ts';

/** What every answer of the proxy carries, whoever wrote it: no MIME sniffing, and no script or plugin if it is opened as a page. */
export const PROXY_ANSWER_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
};
/** The policy added to every proxied answer: Meshplay's HTML or SVG opened in a tab must not run as the docs site (and read the saved token). */
export const PROXIED_CONTENT_SECURITY_POLICY = 'sandbox';

/** The header names a Connection header lists: they are hop-by-hop for this connection only (RFC 9110 7.6.1). */
export function namedByConnection(connection: string | string[] | undefined): string[] {
  const values = Array.isArray(connection) ? connection : connection === undefined ? [] : [connection];
  return values
    .flatMap((value) => value.split(','))
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');
}

/** Remove from a request what never reaches Meshplay: credentials, hop-by-hop headers, those the Connection header names, forwarding claims. */
export function stripRequestHeaders(headers: IncomingHttpHeaders): void {
  const named = namedByConnection(headers.connection);
  for (const name of [...NEVER_FORWARDED_REQUEST_HEADERS, ...named]) delete headers[name];
}

/** Whether a status line can be relayed: a final status a browser accepts (200-599) and a reason phrase without control characters. */
export function isRelayableStatus(status: number | undefined, reason: string | undefined): boolean {
  return status !== undefined && status >= 200 && status <= 599 && /^[\t\x20-\x7e\x80-\xff]*$/.test(reason ?? '');
}

/** Whether a header name and value could be written as they are (Node throws on invalid characters, which would crash the server). */
function isWritableHeader(name: string, value: string): boolean {
  try {
    validateHeaderName(name);
    validateHeaderValue(name, value);
    return true;
  } catch {
    return false;
  }
}

export type RelayedHeaders = { ok: true; headers: string[] } | { ok: false; problem: string };

/**
 * Build the answer's head from Meshplay's raw headers: without hop-by-hop headers (and those its
 * Connection names), cookies, CORS and headers that act on the docs origin; headers the server
 * already set on the response (security headers, CORS) win over Meshplay's, except Vary, which is merged.
 */
export function relayedHeaders(rawHeaders: readonly string[], res: ServerResponse, location: string | undefined): RelayedHeaders {
  const pairs: [string, string][] = [];
  for (let index = 0; index + 1 < rawHeaders.length; index += 2) pairs.push([rawHeaders[index] ?? '', rawHeaders[index + 1] ?? '']);
  const named = namedByConnection(pairs.filter(([name]) => name.toLowerCase() === 'connection').map(([, value]) => value));
  const headers: string[] = [];
  for (const [name, value] of pairs) {
    const lower = name.toLowerCase();
    if (isNeverReturnedResponseHeader(lower) || named.includes(lower)) continue;
    if (!isWritableHeader(name, value))
      return { ok: false, problem: `the header "${name.slice(0, 64)}" has characters HTTP does not allow` };
    if (lower === 'vary' && res.hasHeader('vary')) {
      res.setHeader('Vary', `${String(res.getHeader('vary'))}, ${value}`);
      continue;
    }
    if (res.hasHeader(lower)) continue;
    headers.push(name, location !== undefined && lower === 'location' ? location : value);
  }
  return { ok: true, headers };
}

/** Add a Content-Security-Policy to a response beside any the server already set: browsers enforce each of them. */
export function appendContentSecurityPolicy(res: ServerResponse, policy: string): void {
  const existing = res.getHeader('content-security-policy');
  const values = existing === undefined ? [] : Array.isArray(existing) ? existing : [String(existing)];
  res.setHeader('Content-Security-Policy', [...values, policy]);
}
