/**
 * The try-it proxy: `npm start` serves it beside the static site, and the bridge
 * (`meshplay-bridge.mjs`, src/bridge/) is this same proxy on loopback for docs hosted elsewhere.
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
import { checkSession, PROVIDER_HEADER, sessionCookie, SIGN_IN_PATHS, TOKEN_HEADER } from '../lib/meshplay/session.ts';
import { HEALTH_VERSION, PROXY_NAME } from '../lib/playground/try-it-interface.ts';
import { refuseCrossOrigin } from './proxy-access.ts';
import { corsHeaders, FORWARDED_METHODS, isPreflight, preflightHeaders, type CorsPolicy } from './proxy-cors.ts';
import {
  appendContentSecurityPolicy,
  isRelayableStatus,
  PROXIED_CONTENT_SECURITY_POLICY,
  PROXY_ANSWER_HEADERS,
  relayedHeaders,
  stripRequestHeaders,
} from './proxy-headers.ts';
import type { HostPolicy } from './proxy-hosts.ts';
import { refuse, sendJson, type Refusal } from './proxy-json.ts';
import { absoluteFormPath, checkForwardedPath, isProxyPath, PROXY_SEGMENT } from './proxy-paths.ts';

export { PROXY_SEGMENT } from './proxy-paths.ts';

/** `site`: the proxy of `npm start`, for pages of its own origin. `bridge`: the same proxy on loopback, for the docs origins it allows (CORS). */
export type ProxyKind = 'site' | 'bridge';

export interface TryItProxyOptions {
  target: string;
  base: string;
  timeoutMs?: number;
  /** The path segment it answers under, `api-proxy` unless set (the demo server's proxy is `demo-proxy`). */
  segment?: string;
  /** Which proxy this is; `site` unless given. */
  kind?: ProxyKind;
  /** The Host names answered besides loopback ones (DNS rebinding); by default any IP address for `site`, loopback only for `bridge`. */
  hosts?: HostPolicy;
  /** For `bridge`: the page origins allowed besides loopback pages. */
  cors?: CorsPolicy;
  /** More fields for the health answer (`npm start` may say more about itself); they never replace the standard ones. */
  healthExtras?: () => Record<string, unknown>;
}

/** The version of the health answer and of the URL shape (`/api-proxy/<path>`, `/api-proxy-health`) the playground relies on. */
export const PROXY_PROTOCOL_VERSION = HEALTH_VERSION;
/** What the health answer calls this service, so the playground recognises it. */
export { PROXY_NAME };

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

/** What to tell the reader to do when the target is wrong, per kind of proxy. */
const RETARGET_HINT: Record<ProxyKind, string> = {
  site: 'set MESHPLAY_SERVER to its address and restart npm start',
  bridge: 'restart the bridge with --server <its address>',
};

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
  const kind = options.kind ?? 'site';
  const hosts = options.hosts ?? { names: [], anyIpAddress: kind === 'site' };
  const cors = options.cors ?? { origins: [] };
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

  /** Pass an upstream answer on: auth redirects become 401 JSON, other redirects stay under the proxy, bodies stream unbuffered, a broken head becomes 502. */
  function relayResponse(upstreamRes: IncomingMessage, res: ServerResponse, exchange: Exchange): void {
    const status = upstreamRes.statusCode;
    if (!isRelayableStatus(status, upstreamRes.statusMessage)) {
      upstreamRes.destroy();
      sendBadUpstream(res, `its status line (status ${String(status ?? 'none')}) is not valid HTTP`);
      return;
    }
    const location = upstreamRes.headers.location;
    let rewrittenLocation: string | undefined;
    if (status !== undefined && status >= 300 && status < 400 && typeof location === 'string') {
      const resolved = resolveLocation(location, exchange.forwardedPath);
      if (!resolved || isAuthRedirect(resolved)) {
        upstreamRes.resume();
        sendAuthRedirect(res, status, location, resolved);
        return;
      }
      rewrittenLocation = locationUnderProxy(resolved);
    }
    const before = res.getHeaders();
    const relayed = relayedHeaders(upstreamRes.rawHeaders, res, rewrittenLocation);
    if (!relayed.ok) {
      upstreamRes.destroy();
      restoreHeaders(res, before);
      sendBadUpstream(res, relayed.problem);
      return;
    }
    appendContentSecurityPolicy(res, PROXIED_CONTENT_SECURITY_POLICY);
    try {
      res.writeHead(status ?? 502, upstreamRes.statusMessage ?? '', relayed.headers);
    } catch (error) {
      // Whatever Node still refuses must cost one answer, not the whole server (and the docs with it).
      upstreamRes.destroy();
      restoreHeaders(res, before);
      sendBadUpstream(res, (error as Error).message);
      return;
    }
    // Send the head now, so an event stream's client sees it open before the first event.
    res.flushHeaders();
    pipeline(upstreamRes, res, () => {
      // Either side closing early ends the other; there is nobody left to tell.
    });
  }

  /** Answer 502 when Meshplay's answer cannot be passed on as it is. */
  function sendBadUpstream(res: ServerResponse, problem: string): void {
    sendJson(
      res,
      502,
      {
        error: 'bad-response',
        target,
        message: `Meshplay at ${target} sent an answer that cannot be passed on: ${problem}. Is ${target} really a Meshplay server?`,
      },
      'bad-response',
    );
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
        message: `Could not reach Meshplay at ${target} (${code}). Is it running? Start it, or ${RETARGET_HINT[kind]}.`,
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
    stripRequestHeaders(req.headers);
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
      refuse(res, {
        status: 405,
        error: 'method-not-allowed',
        message: `Use GET for ${healthPath}.`,
        headers: { Allow: 'GET, HEAD' },
      });
      return;
    }
    sendJson(res, 200, { ...options.healthExtras?.(), proxy: PROXY_NAME, kind, target, version: PROXY_PROTOCOL_VERSION });
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

      for (const [name, value] of Object.entries(PROXY_ANSWER_HEADERS)) res.setHeader(name, value);
      const access = refuseCrossOrigin(req, { kind, hosts, cors });
      if (access.refusal) {
        refuse(res, access.refusal);
        return true;
      }
      if (access.corsOrigin !== undefined) {
        if (isPreflight(req.method, req.headers['access-control-request-method'])) {
          const privateNetwork = req.headers['access-control-request-private-network'] === 'true';
          res.writeHead(204, { ...preflightHeaders(access.corsOrigin, privateNetwork), 'Cache-Control': 'no-store' });
          res.end();
          return true;
        }
        for (const [name, value] of Object.entries(corsHeaders(access.corsOrigin))) res.setHeader(name, value);
      }
      if (path === healthPath) {
        serveHealth(req, res);
        return true;
      }
      const refusal = refuseRequest(req, path.slice(proxyPrefix.length) || '/');
      if (refusal) {
        refuse(res, refusal);
        return true;
      }
      const session = cookieFromHeaders(req);
      if ('status' in session) {
        refuse(res, session);
        return true;
      }
      forward(req, res, path.slice(proxyPrefix.length) || '/', query, session.cookie);
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

/** Refuse a method Meshplay's API does not use (TRACE would echo the headers back) and a path that could change what the target serves. */
function refuseRequest(req: IncomingMessage, rest: string): Refusal | undefined {
  const method = req.method ?? 'GET';
  if (!FORWARDED_METHODS.includes(method)) {
    return {
      status: 405,
      error: 'method-not-allowed',
      message: `The try-it proxy does not forward ${method.slice(0, 32)} requests; Meshplay's API uses ${FORWARDED_METHODS.join(', ')}.`,
      headers: { Allow: FORWARDED_METHODS.join(', ') },
    };
  }
  return checkForwardedPath(rest);
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

/** Put a response's headers back as they were before a relay attempt that failed half way. */
function restoreHeaders(res: ServerResponse, before: ReturnType<ServerResponse['getHeaders']>): void {
  for (const name of res.getHeaderNames()) res.removeHeader(name);
  for (const [name, value] of Object.entries(before)) if (value !== undefined) res.setHeader(name, value);
}

/** Seconds for a message: 30000 -> "30", 250 -> "0.25". */
function formatSeconds(ms: number): string {
  return String(Math.round(ms) / 1000);
}
