/**
 * The try-it proxy that `npm start` serves beside the static site.
 *
 * A page cannot call Meshplay directly: the server sends no CORS headers and reads the
 * session only from the `meshplay-provider` and `token` cookies, which page scripts can
 * never set. So the playground sends its token as `meshplay-token` / `meshplay-provider`
 * headers to `${base}api-proxy/<path>`, and this proxy forwards the request to the one
 * configured Meshplay server with those headers turned into the cookies.
 */
import { Agent as HttpAgent, type ClientRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { pipeline } from 'node:stream';
import { createProxyServer } from 'http-proxy-3';
import {
  checkSession,
  isNeverReturnedResponseHeader,
  NEVER_FORWARDED_REQUEST_HEADERS,
  PROVIDER_HEADER,
  sessionCookie,
  SIGN_IN_PATHS,
  TOKEN_HEADER,
} from '../lib/meshplay/session.ts';
import { PROXY_NAME, PROXY_SEGMENT } from '../lib/playground/try-it-interface.ts';

export interface TryItProxyOptions {
  target: string;
  base: string;
  timeoutMs?: number;
  /** The path segment it answers under, `api-proxy` unless set (the demo server's proxy is `demo-proxy`). */
  segment?: string;
  /** More fields for the health answer (`npm start`: whether Meshplay answers, the demo server's state); they never replace the standard ones. */
  healthExtras?: () => Record<string, unknown>;
}

export { PROXY_SEGMENT };

const DEFAULT_TIMEOUT_MS = 30_000;
/** `maxHeaderSize` for the server the proxy runs in: Node's default (16 KB for all headers) would refuse a token at the proxy's own limit with a bare 431. */
export const PROXY_MAX_HEADER_SIZE = 64 * 1024;
/** Per-request bookkeeping, so that a timeout, an error and a response never answer twice. */
interface Exchange {
  settled: boolean;
  timer: NodeJS.Timeout | undefined;
  upstream: ClientRequest | undefined;
  /** The path forwarded to the target (without the target's own path), for resolving relative redirects. */
  forwardedPath: string;
}

type Refusal = { status: number; error: string; message: string };

/** Validate MESHPLAY_SERVER-style input and return it as origin + path without a trailing slash; throws with the reason otherwise. */
export function normalizeTarget(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new Error('it is not an absolute URL; use one such as http://localhost:9081');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`it must use http or https, not ${url.protocol}`);
  // Said without echoing the value, which would print the password.
  if (url.username !== '' || url.password !== '') throw new Error('it must not contain a user name or password');
  if (url.search !== '' || raw.includes('?')) throw new Error('it must not contain a query (?...)');
  if (url.hash !== '' || raw.includes('#')) throw new Error('it must not contain a fragment (#...)');
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** Returns a request handler: true when it handled the request (it is under `${base}api-proxy` or is the health URL), false otherwise so the caller serves static files. */
export function createTryItProxy(options: TryItProxyOptions): {
  handle(req: IncomingMessage, res: ServerResponse): boolean;
  close(): void;
  target: string;
} {
  const target = normalizeTarget(options.target);
  const targetUrl = new URL(`${target}/`);
  const base = `/${options.base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  const segment = options.segment ?? PROXY_SEGMENT;
  const proxyPrefix = `${base}${segment}`;
  const healthPath = `${base}${segment}-health`;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const exchanges = new WeakMap<IncomingMessage, Exchange>();
  const open = new Set<ClientRequest>();

  // Without an agent http-proxy-3 sends "Connection: close" and opens a new connection (and a
  // new TLS handshake) per request; reusing connections keeps the proxy's cost per call small.
  const agent = targetUrl.protocol === 'https:' ? new HttpsAgent({ keepAlive: true }) : new HttpAgent({ keepAlive: true });
  const proxy = createProxyServer({
    target,
    agent,
    changeOrigin: true,
    selfHandleResponse: true,
    xfwd: false,
    ws: false,
    followRedirects: false,
  });

  proxy.on('proxyReq', (upstream, req) => {
    const exchange = exchanges.get(req);
    if (!exchange) return;
    exchange.upstream = upstream;
    open.add(upstream);
    upstream.on('close', () => open.delete(upstream));
    // A timeout that fired before the socket was assigned still has to stop this request.
    if (exchange.settled) upstream.destroy();
  });

  proxy.on('proxyRes', (upstreamRes, req, res) => {
    const exchange = exchanges.get(req);
    if (!exchange || exchange.settled) {
      upstreamRes.resume();
      return;
    }
    settle(exchange);
    relayResponse(upstreamRes, res, exchange);
  });

  /** Mark an exchange answered and stop its header timer. */
  function settle(exchange: Exchange): void {
    exchange.settled = true;
    if (exchange.timer) clearTimeout(exchange.timer);
    exchange.timer = undefined;
  }

  /** Pass an upstream answer on: auth redirects become 401 JSON, other redirects stay under the proxy, bodies stream unbuffered. */
  function relayResponse(upstreamRes: IncomingMessage, res: ServerResponse, exchange: Exchange): void {
    const status = upstreamRes.statusCode ?? 502;
    const location = upstreamRes.headers.location;
    let rewrittenLocation: string | undefined;
    if (status >= 300 && status < 400 && typeof location === 'string') {
      const resolved = resolveLocation(location, exchange.forwardedPath);
      if (!resolved || isAuthRedirect(resolved)) {
        upstreamRes.resume();
        sendAuthRedirect(res, status, location, resolved);
        return;
      }
      rewrittenLocation = locationUnderProxy(resolved);
    }
    res.writeHead(status, upstreamRes.statusMessage ?? '', responseHeaders(upstreamRes.rawHeaders, rewrittenLocation));
    // Send the head now, so an event stream's client sees it open before the first event.
    res.flushHeaders();
    pipeline(upstreamRes, res, () => {
      // Either side closing early ends the other; there is nobody left to tell.
    });
  }

  /** Resolve an upstream Location against the URL the proxy requested; undefined when it is not a URL. */
  function resolveLocation(location: string, forwardedPath: string): URL | undefined {
    try {
      return new URL(location, new URL(`.${forwardedPath}`, targetUrl));
    } catch {
      return undefined;
    }
  }

  /** A redirect to Meshplay's sign-in or provider pages, or to another host (a remote provider's sign-in page). */
  function isAuthRedirect(location: URL): boolean {
    if (location.origin !== targetUrl.origin) return true;
    const path = location.pathname.replace(/\/+$/, '') || '/';
    const targetPath = targetUrl.pathname.replace(/\/+$/, '');
    const withinTarget = targetPath !== '' && path.startsWith(`${targetPath}/`) ? path.slice(targetPath.length) : path;
    return SIGN_IN_PATHS.includes(path) || SIGN_IN_PATHS.includes(withinTarget);
  }

  /** Map a redirect on the target back under the proxy path, so a following fetch comes back through the proxy. */
  function locationUnderProxy(location: URL): string {
    const targetPath = targetUrl.pathname; // ends with "/"
    if (!location.pathname.startsWith(targetPath) && `${location.pathname}/` !== targetPath) {
      // Outside the configured server's path: the proxy cannot reach it, so say where it pointed.
      return location.href;
    }
    const rest = location.pathname.slice(targetPath.length);
    return `${proxyPrefix}/${rest}${location.search}${location.hash}`;
  }

  /** Build the response head from the upstream raw headers, without hop-by-hop, cookie and CORS headers. */
  function responseHeaders(rawHeaders: string[], location: string | undefined): string[] {
    const headers: string[] = [];
    for (let index = 0; index + 1 < rawHeaders.length; index += 2) {
      const name = rawHeaders[index] ?? '';
      const value = rawHeaders[index + 1] ?? '';
      if (isNeverReturnedResponseHeader(name)) continue;
      headers.push(name, location !== undefined && name.toLowerCase() === 'location' ? location : value);
    }
    return headers;
  }

  /** Answer an upstream auth redirect with 401 JSON instead of a redirect a fetch would follow into an HTML page. */
  function sendAuthRedirect(res: ServerResponse, status: number, location: string, resolved: URL | undefined): void {
    const where = !resolved
      ? location
      : resolved.origin === targetUrl.origin
        ? resolved.pathname
        : `${resolved.origin}${resolved.pathname}`;
    sendJson(
      res,
      401,
      {
        error: 'auth-redirect',
        status,
        location,
        message:
          `Meshplay redirected to ${where}: the token is missing, invalid or expired. ` +
          'Get a new token (Get Token in the Meshplay UI, or meshplayctl system login) and try again.',
      },
      'auth-redirect',
    );
  }

  /** Answer 502 when the target cannot be reached, or cut the stream when it fails after the head was sent. */
  function handleUpstreamError(error: Error, req: IncomingMessage, res: ServerResponse): void {
    const exchange = exchanges.get(req);
    if (exchange?.settled) return;
    if (exchange) settle(exchange);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const code = (error as NodeJS.ErrnoException).code ?? error.message;
    sendJson(
      res,
      502,
      {
        error: 'unreachable',
        target,
        code,
        message: `Could not reach Meshplay at ${target} (${code}). Is it running? Start it, or set MESHPLAY_SERVER to its address and restart npm start.`,
      },
      'unreachable',
    );
  }

  /** Answer 504 and abort the upstream request when no response head arrived in time. */
  function handleTimeout(exchange: Exchange, res: ServerResponse): void {
    if (exchange.settled) return;
    settle(exchange);
    exchange.upstream?.destroy();
    sendJson(
      res,
      504,
      {
        error: 'timeout',
        target,
        timeoutMs,
        message: `Meshplay at ${target} did not answer within ${formatSeconds(timeoutMs)} s.`,
      },
      'timeout',
    );
  }

  /** Forward one validated request to the target with the session cookies. */
  function forward(req: IncomingMessage, res: ServerResponse, forwardedPath: string, query: string, cookie: string | undefined): void {
    for (const name of NEVER_FORWARDED_REQUEST_HEADERS) delete req.headers[name];
    if (cookie !== undefined) req.headers.cookie = cookie;
    // http-proxy-3 joins the target's path and this one; the path was checked, so nothing here can change the host.
    req.url = `${forwardedPath}${query}`;
    const exchange: Exchange = { settled: false, timer: undefined, upstream: undefined, forwardedPath };
    exchanges.set(req, exchange);
    // Only the wait for the response head is timed, so long event streams are not cut.
    exchange.timer = setTimeout(() => handleTimeout(exchange, res), timeoutMs);
    res.on('close', () => {
      if (exchange.timer) clearTimeout(exchange.timer);
    });
    proxy.web(req, res, {}, (error) => handleUpstreamError(error, req, res));
  }

  /** Serve the health URL: what this proxy is and where it forwards. */
  function serveHealth(req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      sendJson(res, 405, { error: 'method-not-allowed', message: `Use GET for ${healthPath}.` });
      return;
    }
    sendJson(res, 200, { ...options.healthExtras?.(), proxy: PROXY_NAME, target });
  }

  return {
    target,
    handle(req, res) {
      const url = req.url ?? '/';
      const queryIndex = url.indexOf('?');
      const path = queryIndex < 0 ? url : url.slice(0, queryIndex);
      const query = queryIndex < 0 ? '' : url.slice(queryIndex);

      if (!path.startsWith('/')) {
        // Absolute-form ("GET http://host/x HTTP/1.1") or "*": never lets a request pick a host.
        const requested = absoluteFormPath(url);
        if (requested === undefined || !isProxyPath(requested, proxyPrefix, healthPath)) return false;
        refuse(res, {
          status: 400,
          error: 'absolute-form',
          message: 'The try-it proxy only accepts request paths (origin-form), not absolute URLs.',
        });
        return true;
      }
      if (!isProxyPath(path, proxyPrefix, healthPath)) return false;

      const crossSite = refuseCrossSite(req);
      if (crossSite) {
        refuse(res, crossSite);
        return true;
      }
      if (path === healthPath) {
        serveHealth(req, res);
        return true;
      }
      const rest = path.slice(proxyPrefix.length) || '/';
      const badPath = checkForwardedPath(rest);
      if (badPath) {
        refuse(res, badPath);
        return true;
      }
      const session = cookieFromHeaders(req);
      if ('status' in session) {
        refuse(res, session);
        return true;
      }
      forward(req, res, rest, query, session.cookie);
      return true;
    },
    close() {
      for (const upstream of open) upstream.destroy();
      open.clear();
      proxy.close();
      agent.destroy();
    },
  };
}

/** The path of an absolute-form request target, or undefined when it is not a URL. */
function absoluteFormPath(url: string): string | undefined {
  try {
    return new URL(url).pathname;
  } catch {
    return undefined;
  }
}

/** Whether a request path belongs to the proxy: its prefix, anything below it, or the health URL. */
function isProxyPath(path: string, proxyPrefix: string, healthPath: string): boolean {
  return path === healthPath || path === proxyPrefix || path.startsWith(`${proxyPrefix}/`);
}

/** Refuse cross-site use, so another website (or a DNS-rebound name) cannot drive a local Meshplay through the proxy. */
function refuseCrossSite(req: IncomingMessage): Refusal | undefined {
  const fetchSite = req.headers['sec-fetch-site'];
  // "same-site" is refused too: on localhost every other port is the same site, and the playground is same-origin.
  if (fetchSite === 'cross-site' || fetchSite === 'same-site') {
    return {
      status: 403,
      error: 'cross-site',
      message: `The try-it proxy only answers pages of this site (Sec-Fetch-Site: ${fetchSite}).`,
    };
  }
  const host = (req.headers.host ?? '').toLowerCase();
  const origin = req.headers.origin;
  if (origin !== undefined && origin.toLowerCase() !== `http://${host}` && origin.toLowerCase() !== `https://${host}`) {
    return { status: 403, error: 'cross-site', message: `The try-it proxy only answers pages of this site, not ${origin}.` };
  }
  if (isLoopback(req.socket.localAddress) && !isLocalHostName(host)) {
    return {
      status: 403,
      error: 'host-not-allowed',
      message: `The try-it proxy listens on loopback and answers only localhost or IP addresses, not the host name "${host}" (which could be DNS rebinding). Open the site at http://localhost or http://127.0.0.1.`,
    };
  }
  return undefined;
}

/** Whether the socket's local address is a loopback one. */
function isLoopback(address: string | undefined): boolean {
  return address !== undefined && (address === '::1' || /^(::ffff:)?127\./.test(address));
}

/** Whether a Host header names localhost or an IP address: names a DNS-rebinding page cannot have. */
function isLocalHostName(host: string): boolean {
  if (host.startsWith('[')) return /^\[[0-9a-f:.]+\](:\d+)?$/.test(host);
  const name = host.replace(/:\d+$/, '');
  return name === 'localhost' || name.endsWith('.localhost') || /^\d{1,3}(\.\d{1,3}){3}$/.test(name);
}

/** Refuse dot-segments, empty segments, encoded slashes or backslashes, NUL and bad escapes: they could change what the target serves. */
function checkForwardedPath(rest: string): Refusal | undefined {
  const refusal = (why: string): Refusal => ({
    status: 400,
    error: 'bad-path',
    message: `The try-it proxy refuses this path: ${why}. Send the plain API path, for example ${PROXY_SEGMENT}/api/system/version.`,
  });
  if (rest.includes('\\')) return refusal('it contains a backslash');
  const segments = rest.slice(1).split('/');
  for (const [index, segment] of segments.entries()) {
    if (segment === '' && index < segments.length - 1) return refusal('it contains an empty segment (//)');
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return refusal('it contains a malformed percent escape');
    }
    if (decoded === '.' || decoded === '..') return refusal('it contains a "." or ".." segment');
    if (decoded.includes('/') || decoded.includes('\\')) return refusal('it contains an encoded slash or backslash');
    if (decoded.includes('\0')) return refusal('it contains a NUL character');
  }
  return undefined;
}

/** The Cookie header Meshplay reads, built from the page's token and provider headers with the same check as the token panel, or a refusal. */
function cookieFromHeaders(req: IncomingMessage): { cookie: string | undefined } | Refusal {
  const token = headerValue(req, TOKEN_HEADER);
  const provider = headerValue(req, PROVIDER_HEADER);
  // No session at all is a request Meshplay answers as it would answer anyone (a redirect to /provider).
  if (token === undefined && provider === undefined) return { cookie: undefined };
  const checked = checkSession(provider, token);
  if (!checked.ok)
    return {
      status: 400,
      error: 'bad-header',
      message: `The ${TOKEN_HEADER} and ${PROVIDER_HEADER} headers do not make a session. ${checked.message}`,
    };
  return { cookie: sessionCookie(checked.session) };
}

/** A request header's value, undefined when absent or empty (auth.json of the local provider has an empty token). */
function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  const text = Array.isArray(value) ? value.join(', ') : value;
  return text === undefined || text === '' ? undefined : text;
}

/** Send a refusal as proxy JSON. */
function refuse(res: ServerResponse, refusal: Refusal): void {
  sendJson(res, refusal.status, { error: refusal.error, message: refusal.message });
}

/** Send proxy-generated JSON, never cached, with an `x-try-it-proxy` marker when given. */
function sendJson(res: ServerResponse, status: number, body: Record<string, unknown>, marker?: string): void {
  const text = `${JSON.stringify(body)}\n`;
  const headers: Record<string, string | number> = {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(text),
  };
  if (marker !== undefined) headers['x-try-it-proxy'] = marker;
  res.writeHead(status, headers);
  res.end(text);
}

/** Seconds for a message: 30000 -> "30", 250 -> "0.25". */
function formatSeconds(ms: number): string {
  return String(Math.round(ms) / 1000);
}
