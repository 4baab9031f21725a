/**
 * The bridge's cross-origin rules: which pages may call it (the docs site's origin, the
 * origins it was started with, and pages on loopback), and the CORS headers it answers with.
 * Never `*` and never credentials: the token travels in a header the page sets, not in a cookie.
 */
import { PROVIDER_HEADER, TOKEN_HEADER } from '../lib/meshplay/session.ts';
import { PROXY_MARKER_HEADER } from './proxy-json.ts';

/** The methods forwarded to Meshplay: every method its spec uses, plus HEAD and PATCH; never TRACE or CONNECT. */
export const FORWARDED_METHODS: readonly string[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/** Request headers a page may send: what Swagger UI sends (accept, content-type) and the two session headers. */
export const ALLOWED_REQUEST_HEADERS: readonly string[] = ['accept', 'content-type', TOKEN_HEADER, PROVIDER_HEADER];

/** Response headers the playground (and Swagger UI's response view) may read besides the CORS-safelisted ones. */
export const EXPOSED_RESPONSE_HEADERS: readonly string[] = [
  PROXY_MARKER_HEADER,
  'content-disposition',
  'content-type',
  'content-length',
  'location',
  'etag',
  'last-modified',
  'date',
];

/** How long a browser may cache a preflight, in seconds (Chromium caps it at 2 hours). */
export const PREFLIGHT_MAX_AGE_SECONDS = 600;

/** The pages allowed to call the bridge, besides loopback ones: exact origins such as https://docs.example.com. */
export interface CorsPolicy {
  origins: readonly string[];
}

export type OriginCheck = { ok: true; origin: string } | { ok: false; message: string };

/** Whether an Origin is a page on this machine: http(s) on localhost, 127.0.0.1 or [::1], any port. */
export function isLoopbackOrigin(origin: string): boolean {
  return /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/.test(origin);
}

/** Whether a page's Origin header may use the bridge: exactly one of the allowed origins, or a loopback page. */
export function isAllowedOrigin(origin: string, policy: CorsPolicy): boolean {
  return isLoopbackOrigin(origin) || policy.origins.includes(origin);
}

/** Check an origin given on the command line (--allow-origin) or baked in from SITE_URL, and return it as browsers send it. */
export function normalizeOrigin(raw: string): OriginCheck {
  const text = raw.trim();
  const example = 'such as https://docs.example.com';
  if (text === '*')
    return { ok: false, message: `"*" would let every website use your token's session; name the docs origin instead, ${example}.` };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: `"${text}" is not an origin: give scheme, host and port only, ${example}.` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, message: `"${text}" must use http or https, ${example}.` };
  if (url.username !== '' || url.password !== '') return { ok: false, message: `An origin has no user name or password; ${example}.` };
  if ((url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '' || /[?#]/.test(text)) {
    return { ok: false, message: `"${text}" has a path, query or fragment; give the origin only (${url.origin}).` };
  }
  return { ok: true, origin: url.origin };
}

/** Whether a request is a CORS preflight: OPTIONS with Access-Control-Request-Method (a plain OPTIONS is forwarded like any method). */
export function isPreflight(method: string | undefined, requestMethod: string | string[] | undefined): boolean {
  return method === 'OPTIONS' && typeof requestMethod === 'string';
}

/** The headers of a preflight answer for an allowed origin, with Private Network Access when the browser asks for it. */
export function preflightHeaders(origin: string, privateNetwork: boolean): Record<string, string> {
  const headers: Record<string, string> = {
    ...corsHeaders(origin),
    'Access-Control-Allow-Methods': FORWARDED_METHODS.join(', '),
    'Access-Control-Allow-Headers': ALLOWED_REQUEST_HEADERS.join(', '),
    'Access-Control-Max-Age': String(PREFLIGHT_MAX_AGE_SECONDS),
    Vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers, Access-Control-Request-Private-Network',
  };
  if (privateNetwork) headers['Access-Control-Allow-Private-Network'] = 'true';
  return headers;
}

/** The CORS headers of an actual answer to an allowed origin: that exact origin, and what the page may read. */
export function corsHeaders(origin: string): Record<string, string> {
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Expose-Headers': EXPOSED_RESPONSE_HEADERS.join(', '),
    Vary: 'Origin',
  };
}
