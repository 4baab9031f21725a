/**
 * A stand-in for the Meshplay server, true to ../shared/reference/meshplay-server-facts.md
 * for the routes it serves: it authenticates only by the `token` and `meshplay-provider`
 * cookies, redirects (302) instead of answering 401, sends no CORS headers (but on the
 * event stream), and writes errors as plain text.
 *
 * With `corsProxy`, it plays a Meshplay behind a CORS-enabled reverse proxy instead:
 * the proxy answers preflights, allows the page's origin and turns the `meshplay-token`
 * and `meshplay-provider` headers into the cookies the server reads.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkToken } from './tokens.ts';

export interface RecordedRequest {
  method: string;
  path: string;
  cookie: string | undefined;
  meshplayTokenHeader: string | undefined;
  origin: string | undefined;
  /** Tells the tests' own clients apart (curl, the browser) when several tests share the server. */
  userAgent: string | undefined;
  status: number;
}

export interface TestServerOptions {
  port?: number;
  host?: string;
  corsProxy?: boolean;
  /** Largest request head accepted; Go's net/http allows 1 MB (Node's default is 16 KB). */
  maxHeaderSize?: number;
}

interface Session {
  provider: string;
  subject: string;
  token: string;
}

type Handler = (req: IncomingMessage, res: ServerResponse, url: URL, session: Session | undefined) => void | Promise<void>;

interface Route {
  method: string;
  path: string;
  /** Session routes sit behind the provider's auth middleware. */
  session: boolean;
  handle: Handler;
}

const PROVIDERS = ['None', 'Meshplay'] as const;

/** Parse a Cookie header into a map (first value wins, as Go's r.Cookie does). */
export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    const name = part.slice(0, index).trim();
    if (name !== '' && !cookies.has(name)) cookies.set(name, part.slice(index + 1).trim());
  }
  return cookies;
}

function sendJson(res: ServerResponse, status: number, body: unknown, contentType = 'application/json'): void {
  res.writeHead(status, { 'Content-Type': contentType });
  res.end(`${JSON.stringify(body)}\n`);
}

/** Go's http.Error: plain text, nosniff, message plus newline. */
function sendPlainError(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
  res.end(`${message}\n`);
}

function sendHtml(res: ServerResponse, title: string): void {
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end(`<!doctype html><html lang="en"><head><title>${title}</title></head><body><h1>${title}</h1></body></html>`);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** JSON that Go writes with json.NewEncoder and no Content-Type: Go sniffs it as text/plain. */
const SNIFFED_JSON = 'text/plain; charset=utf-8';

const ROUTES: Route[] = [
  {
    method: 'GET',
    path: '/api/system/version',
    session: false,
    handle: (_req, res) =>
      sendJson(res, 200, { build: 'v0.7.0', latest: 'v0.7.1', outdated: true, commitsha: '6f28af8a', release_channel: 'stable' }),
  },
  {
    method: 'GET',
    path: '/api/providers',
    session: false,
    handle: (_req, res) =>
      sendJson(
        res,
        200,
        {
          None: { provider_type: 'local', provider_name: 'None', package_version: 'v0.7.0' },
          Meshplay: { provider_type: 'remote', provider_name: 'Meshplay', package_version: 'v0.7.0' },
        },
        SNIFFED_JSON,
      ),
  },
  {
    method: 'GET',
    path: '/api/user',
    session: true,
    handle: (_req, res, _url, session) => {
      const local = session?.provider === 'None';
      sendJson(
        res,
        200,
        {
          id: local ? 'meshplay' : session?.subject,
          user_id: local ? 'meshplay' : session?.subject,
          first_name: 'Meshplay',
          last_name: local ? '' : 'User',
          provider: session?.provider,
          email: local ? '' : 'user@example.test',
        },
        SNIFFED_JSON,
      );
    },
  },
  {
    method: 'GET',
    path: '/api/token',
    session: true,
    handle: (_req, res, _url, session) =>
      sendJson(res, 200, { 'meshplay-provider': session?.provider ?? 'None', token: session?.token ?? '' }, SNIFFED_JSON),
  },
  {
    method: 'POST',
    path: '/api/system/graphql/query',
    session: true,
    handle: async (req, res) => {
      const body = await readBody(req);
      let query: unknown;
      try {
        query = (JSON.parse(body) as { query?: unknown }).query;
      } catch {
        sendPlainError(res, 400, 'json body could not be decoded');
        return;
      }
      if (typeof query !== 'string') {
        sendJson(res, 200, { errors: [{ message: 'no operation provided' }], data: null });
        return;
      }
      sendJson(res, 200, { data: { getAvailableNamespaces: [{ namespace: 'default' }, { namespace: 'meshplay' }] } });
    },
  },
  {
    method: 'GET',
    path: '/api/events',
    session: true,
    handle: (_req, res) => {
      // One of the two routes that do send a CORS header.
      res.writeHead(200, {
        'Content-Type': 'text/event-stream',
        'Cache-Control': 'no-cache',
        Connection: 'keep-alive',
        'Access-Control-Allow-Origin': '*',
      });
      let sent = 0;
      const timer = setInterval(() => {
        sent += 1;
        res.write(`data: ${JSON.stringify({ event_type: 1, summary: `event ${sent}`, details: 'from the test server' })}\n\n`);
        if (sent === 5) {
          clearInterval(timer);
          res.end();
        }
      }, 300);
      res.on('close', () => clearInterval(timer));
    },
  },
  { method: 'GET', path: '/provider', session: false, handle: (_req, res) => sendHtml(res, 'Choose a provider') },
  { method: 'GET', path: '/auth/login', session: false, handle: (_req, res) => sendHtml(res, 'Sign in to Meshplay') },
];

/** The provider the request chose: cookie, then header, then query parameter, as the server reads it. */
function chosenProvider(req: IncomingMessage, url: URL, cookies: Map<string, string>): string | undefined {
  const header = req.headers['meshplay-provider'];
  return (
    cookies.get('meshplay-provider') ?? (typeof header === 'string' ? header : undefined) ?? url.searchParams.get('provider') ?? undefined
  );
}

/** Meshplay's auth middleware: a Session, or a 302 to /provider or /auth/login (never a 401). */
function authenticate(req: IncomingMessage, res: ServerResponse, url: URL, cookies: Map<string, string>): Session | undefined {
  const ref = Buffer.from(url.pathname + url.search).toString('base64url');
  const provider = chosenProvider(req, url, cookies);
  if (!provider || !PROVIDERS.includes(provider as (typeof PROVIDERS)[number])) {
    res.writeHead(302, { Location: `/provider?ref=${ref}` });
    res.end();
    return undefined;
  }
  if (provider === 'None') return { provider, subject: 'meshplay', token: '' };
  const token = cookies.get('token') ?? '';
  const check = token === '' ? { valid: false } : checkToken(token);
  if (!check.valid) {
    res.writeHead(302, {
      Location: `/auth/login?ref=${ref}`,
      'Set-Cookie': 'token=; Path=/; Max-Age=0; HttpOnly',
    });
    res.end();
    return undefined;
  }
  return { provider, subject: check.subject ?? 'unknown', token };
}

/** Headers a CORS-enabled reverse proxy in front of Meshplay adds. */
function corsHeaders(origin: string | undefined): Record<string, string> {
  return {
    'Access-Control-Allow-Origin': origin ?? '*',
    'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE, OPTIONS',
    'Access-Control-Allow-Headers': 'content-type, meshplay-token, meshplay-provider',
    Vary: 'Origin',
  };
}

/** Start a test server; resolves once it listens. */
export async function startTestServer(
  options: TestServerOptions = {},
): Promise<{ server: Server; url: string; requests: RecordedRequest[] }> {
  const requests: RecordedRequest[] = [];
  let delayMs = 0;

  const server = createServer(options.maxHeaderSize === undefined ? {} : { maxHeaderSize: options.maxHeaderSize }, (req, res) => {
    void serve(req, res);
  });

  /** Answer one request as Meshplay would (or a test control). */
  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://test.invalid');
    const origin = typeof req.headers.origin === 'string' ? req.headers.origin : undefined;

    // Test controls, outside the API: read or clear the request log, slow the server down,
    // answer with a chosen redirect (status and Location; it also sets a cookie, as Meshplay's redirects do).
    if (url.pathname === '/__test__/redirect') {
      res.writeHead(Number(url.searchParams.get('status') ?? '302'), {
        Location: url.searchParams.get('location') ?? '/',
        'Set-Cookie': 'meshplay-provider=Meshplay; Path=/; HttpOnly',
      });
      res.end();
      return;
    }
    if (url.pathname.startsWith('/__test__/')) {
      if (url.pathname === '/__test__/requests' && req.method === 'DELETE') requests.length = 0;
      if (url.pathname === '/__test__/delay') delayMs = Number(url.searchParams.get('ms') ?? '0');
      sendJson(res, 200, { requests, delayMs });
      return;
    }

    if (options.corsProxy) {
      for (const [name, value] of Object.entries(corsHeaders(origin))) res.setHeader(name, value);
      if (req.method === 'OPTIONS') {
        res.writeHead(204);
        res.end();
        return;
      }
      // The reverse proxy turns the headers a page can send into the cookies Meshplay reads.
      const token = req.headers['meshplay-token'];
      const provider = req.headers['meshplay-provider'];
      if (typeof token === 'string' && token !== '') {
        req.headers.cookie = `meshplay-provider=${typeof provider === 'string' ? provider : 'Meshplay'}; token=${token}`;
      }
    }

    const entry: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname + url.search,
      cookie: req.headers.cookie,
      meshplayTokenHeader: typeof req.headers['meshplay-token'] === 'string' ? req.headers['meshplay-token'] : undefined,
      origin,
      userAgent: req.headers['user-agent'],
      status: 0,
    };
    requests.push(entry);
    res.on('finish', () => {
      entry.status = res.statusCode;
    });
    if (delayMs > 0) await new Promise((done) => setTimeout(done, delayMs));

    const route = ROUTES.find((candidate) => candidate.path === url.pathname && candidate.method === req.method);
    if (!route) {
      // Go's mux: unknown paths get its plain-text 404.
      sendPlainError(
        res,
        ROUTES.some((candidate) => candidate.path === url.pathname) ? 405 : 404,
        ROUTES.some((candidate) => candidate.path === url.pathname) ? 'Method Not Allowed' : '404 page not found',
      );
      return;
    }
    let session: Session | undefined;
    if (route.session) {
      session = authenticate(req, res, url, parseCookies(req.headers.cookie));
      if (!session) return;
    }
    await route.handle(req, res, url, session);
  }

  await new Promise<void>((done) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', done));
  const address = server.address() as AddressInfo;
  return { server, url: `http://${address.address}:${address.port}`, requests };
}
