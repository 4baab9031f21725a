/** Whether a request may carry the reader's token: only when its URL is under one of the allowed base URLs (the chosen server, or this site's proxy), same origin and path prefix on a segment boundary, http(s) only. Never for other origins, never for the spec file. */
export function mayCarryToken(requestUrl: string, allowedBases: readonly string[], excludedUrls: readonly string[]): boolean {
  const request = parseHttpUrl(requestUrl);
  if (request === undefined) return false;
  // Credentials in a request URL are never ours to add to; "http://localhost:9081@evil.test/" also lands here.
  if (request.username !== '' || request.password !== '') return false;
  // An encoded slash or backslash can be decoded into a path separator by a server or proxy, escaping the prefix.
  if (/%2f|%5c/i.test(request.pathname)) return false;
  const requestKey = withoutQueryAndHash(request);
  if (excludedUrls.some((excluded) => isSameResource(requestKey, excluded))) return false;
  return allowedBases.some((base) => isUnderBase(request, base));
}

/** Whether a URL is at or below a base URL (same origin, path prefix on a segment boundary), http(s) only. */
export function isUrlUnderBase(url: string, base: string): boolean {
  const parsed = parseHttpUrl(url);
  return parsed !== undefined && isUnderBase(parsed, base);
}

/** Parses an absolute http(s) URL, or returns undefined for anything else (relative, garbage, other schemes). */
function parseHttpUrl(text: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
}

/** The URL's normalized form without query and fragment, for exact comparison. */
function withoutQueryAndHash(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

/** Whether an excluded URL names the same resource as the request. */
function isSameResource(requestKey: string, excluded: string): boolean {
  const url = parseHttpUrl(excluded);
  return url !== undefined && withoutQueryAndHash(url) === requestKey;
}

/** Whether the request has the base's origin and sits at or below its path, on a segment boundary. */
function isUnderBase(request: URL, baseText: string): boolean {
  const base = parseHttpUrl(baseText);
  if (base === undefined || base.origin !== request.origin) return false;
  const prefix = base.pathname.replace(/\/+$/, '');
  // Comparing with the trailing slash added keeps "/docs/api-proxy" from matching "/docs/api-proxy-evil".
  return request.pathname === prefix || request.pathname.startsWith(`${prefix}/`);
}
