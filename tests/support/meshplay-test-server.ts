/**
 * A stand-in for the Meshplay server, true to ../shared/reference/meshplay-server-facts.md and
 * to the server's source for what it serves:
 * - sessions as Meshplay's middleware handles them (meshplay-test-server/session-middleware.ts):
 *   only the `token` and `meshplay-provider` cookies count; redirects (302), never 401; a write
 *   without a token gets 404 with an empty body; the local provider `None` needs no token;
 * - the routes tests depend on, written as the handlers behave (meshplay-test-server/routes.ts):
 *   JSON that Go labels text/plain, plain-text errors, a blank MeshKit error, one write;
 * - the uploads (meshplay-test-server/upload-routes.ts), reading each file where the handler
 *   reads it and recording it on the request's log entry (`received`);
 * - every other safe GET of the spec, answered from the spec's own examples
 *   (meshplay-test-server/spec-routes.ts);
 * - no CORS headers (but on the event stream).
 *
 * With `corsProxy`, it plays a Meshplay behind a CORS-enabled reverse proxy instead: the proxy
 * answers preflights, allows the page's origin and turns the `meshplay-token` and
 * `meshplay-provider` headers into the cookies the server reads. With `drift`, it plays a
 * Meshplay that no longer matches its spec on five routes (see routes.ts).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { OpenAPIV3_1 } from 'openapi-types';
import {
  parseCookieHeader,
  PROVIDER_COOKIE,
  PROVIDER_HEADER,
  REMOTE_PROVIDER,
  sessionCookie,
  TOKEN_HEADER,
} from '../../src/lib/meshplay/session.ts';
import { DEFAULT_SPEC_PATH, loadSpec } from '../../src/lib/openapi/load-spec.ts';
import { sendEmpty, sendEncodedJson, sendHttpError } from './meshplay-test-server/go-responses.ts';
import { createRouteTable, type RouteTable } from './meshplay-test-server/route-table.ts';
import { HAND_WRITTEN_ROUTES, type ReceivedFile, type ServerState } from './meshplay-test-server/routes.ts';
import { authenticate, type TestSession } from './meshplay-test-server/session-middleware.ts';
import { specRoutes } from './meshplay-test-server/spec-routes.ts';
import { uploadRoutes } from './meshplay-test-server/upload-routes.ts';

export type { ReceivedFile } from './meshplay-test-server/routes.ts';

export interface RecordedRequest {
  method: string;
  path: string;
  cookie: string | undefined;
  meshplayTokenHeader: string | undefined;
  origin: string | undefined;
  /** Tells the tests' own clients apart (curl, the browser) when several tests share the server. */
  userAgent: string | undefined;
  status: number;
  /** The files an upload route received, each where its handler read it. */
  received?: ReceivedFile[];
}

export interface TestServerOptions {
  port?: number;
  host?: string;
  corsProxy?: boolean;
  /** Largest request head accepted; Go's net/http allows 1 MB (Node's default is 16 KB). */
  maxHeaderSize?: number;
  /** Play a Meshplay that drifted from its spec: five routes answer against their contract. */
  drift?: boolean;
  /** The spec whose safe GET operations are answered from their examples (default openapi/meshplay.yaml). */
  specPath?: string;
}

export interface RunningTestServer {
  server: Server;
  url: string;
  requests: RecordedRequest[];
  /** The route that answers a request (`POST /api/pattern/{sourcetype}`), undefined when none does: which operations the server serves. */
  routeFor: (method: string, pathname: string) => string | undefined;
}

const PROJECT_ROOT = resolve(import.meta.dirname, '../..');
const loadedSpecs = new Map<string, Promise<OpenAPIV3_1.Document>>();

/** The bundled spec, loaded once per path however many servers start. */
function loadDocument(specPath: string): Promise<OpenAPIV3_1.Document> {
  let loading = loadedSpecs.get(specPath);
  if (!loading) {
    // The loader returns Redocly's type for the same bundled OpenAPI 3.1 object.
    loading = loadSpec({ root: PROJECT_ROOT, specPath }).then((spec) => spec.document as unknown as OpenAPIV3_1.Document);
    loadedSpecs.set(specPath, loading);
  }
  return loading;
}

/** Headers a CORS-enabled reverse proxy in front of Meshplay adds. */
function corsHeaders(origin: string | undefined): Record<string, string> {
  return {
    'Access-Control-Allow-Origin': origin ?? '*',
    'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE, OPTIONS',
    'Access-Control-Allow-Headers': `content-type, ${TOKEN_HEADER}, ${PROVIDER_HEADER}`,
    Vary: 'Origin',
  };
}

/** Start a test server; resolves once it listens. */
export async function startTestServer(options: TestServerOptions = {}): Promise<RunningTestServer> {
  const document = await loadDocument(options.specPath ?? DEFAULT_SPEC_PATH);
  const byHand = [...HAND_WRITTEN_ROUTES, ...uploadRoutes(document)];
  const handWritten = new Set(byHand.map((route) => `${route.method} ${route.path}`));
  const routes: RouteTable = createRouteTable([...byHand, ...specRoutes(document, handWritten)]);
  const requests: RecordedRequest[] = [];
  const state: ServerState = { preferences: new Map() };
  let delayMs = 0;

  const server = createServer(options.maxHeaderSize === undefined ? {} : { maxHeaderSize: options.maxHeaderSize }, (req, res) => {
    void serve(req, res);
  });

  /** Test controls, outside the API: true when the request was one. */
  function serveTestControl(url: URL, req: IncomingMessage, res: ServerResponse): boolean {
    // Answer with a chosen redirect (status and Location; it also sets a cookie, as Meshplay's redirects do).
    if (url.pathname === '/__test__/redirect') {
      res.writeHead(Number(url.searchParams.get('status') ?? '302'), {
        Location: url.searchParams.get('location') ?? '/',
        'Set-Cookie': `${PROVIDER_COOKIE}=${REMOTE_PROVIDER}; Path=/; HttpOnly`,
      });
      res.end();
      return true;
    }
    if (!url.pathname.startsWith('/__test__/')) return false;
    // Read or clear the request log, slow the server down.
    if (url.pathname === '/__test__/requests' && req.method === 'DELETE') requests.length = 0;
    if (url.pathname === '/__test__/delay') delayMs = Number(url.searchParams.get('ms') ?? '0');
    sendEncodedJson(res, 200, { requests, delayMs }, 'application/json');
    return true;
  }

  /** Answer one request as Meshplay would (or a test control). */
  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://test.invalid');
    const origin = typeof req.headers.origin === 'string' ? req.headers.origin : undefined;
    if (serveTestControl(url, req, res)) return;

    if (options.corsProxy) {
      for (const [name, value] of Object.entries(corsHeaders(origin))) res.setHeader(name, value);
      if (req.method === 'OPTIONS') {
        sendEmpty(res, 204);
        return;
      }
      // The reverse proxy turns the headers a page can send into the cookies Meshplay reads.
      const token = req.headers[TOKEN_HEADER];
      const provider = req.headers[PROVIDER_HEADER];
      if (typeof token === 'string' && token !== '') {
        req.headers.cookie = sessionCookie({ provider: typeof provider === 'string' ? provider : REMOTE_PROVIDER, token });
      }
    }

    const entry: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname + url.search,
      cookie: req.headers.cookie,
      meshplayTokenHeader: typeof req.headers[TOKEN_HEADER] === 'string' ? req.headers[TOKEN_HEADER] : undefined,
      origin,
      userAgent: req.headers['user-agent'],
      status: 0,
    };
    requests.push(entry);
    res.on('finish', () => {
      entry.status = res.statusCode;
    });
    if (delayMs > 0) await new Promise((done) => setTimeout(done, delayMs));

    const match = routes.match(req.method ?? 'GET', url.pathname);
    if (match.kind === 'none') {
      // Go's mux: unknown paths get its plain-text 404.
      sendHttpError(res, 404, '404 page not found');
      return;
    }
    if (match.kind === 'wrong-method') {
      sendHttpError(res, 405, 'Method Not Allowed');
      return;
    }
    let session: TestSession | undefined;
    if (match.route.session) {
      session = authenticate(req, res, url, parseCookieHeader(req.headers.cookie));
      if (!session) return;
    }
    const receive = (file: ReceivedFile) => (entry.received ??= []).push(file);
    await match.route.handle({ req, res, url, session, state, drift: options.drift ?? false, receive });
  }

  /** The route for a request, as `METHOD /template`. */
  function routeFor(method: string, pathname: string): string | undefined {
    const match = routes.match(method, pathname);
    return match.kind === 'route' ? `${match.route.method} ${match.route.path}` : undefined;
  }

  await new Promise<void>((done) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', done));
  const address = server.address() as AddressInfo;
  return { server, url: `http://${address.address}:${address.port}`, requests, routeFor };
}
