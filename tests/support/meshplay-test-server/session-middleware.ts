/**
 * Meshplay's session middleware (`AuthMiddleware` with `ProviderAuth`,
 * server/handlers/middlewares.go:66-115), as the test server plays it:
 * - no provider, or one the server does not know: 302 to `/provider?<query>&ref=<GetRefURL>`;
 * - the local provider `None`: no token needed;
 * - a remote provider with a `token` that is present but bad: the cookie cleared and 302 to
 *   `/auth/login?<raw query>` when the provider came from the cookie, to `/provider` otherwise
 *   (`HandleUnAuthenticated`, server/models/remote_provider.go:659-668);
 * - a remote provider without a token (`LoginHandler`, server/handlers/common_handlers.go:25-31):
 *   GET starts sign-in, a 302 to the remote provider's absolute login URL with a `<host>_ref`
 *   cookie (`InitiateLogin`, remote_provider.go:277-320); every other method gets 404 with an
 *   empty body.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LOCAL_PROVIDER, PROVIDER_COOKIE, PROVIDER_HEADER, REMOTE_PROVIDER, TOKEN_COOKIE } from '../../../src/lib/meshplay/session.ts';
import { checkToken } from '../tokens.ts';
import { clearedCookie, encodeGoQuery, sendEmpty, sendRedirect } from './go-responses.ts';

/** Where the test server's remote provider lives: never contacted, only named in its sign-in redirect. */
export const REMOTE_PROVIDER_URL = 'https://cloud.meshplay.invalid';
/** The remote provider's ref cookie, `<provider host>_ref` (server/cmd/main.go:304). */
export const REMOTE_REF_COOKIE = `${new URL(REMOTE_PROVIDER_URL).host}_ref`;
/** What the test server reports as Meshplay's build and the provider's package version. */
export const SERVER_BUILD = 'v0.7.0';
export const PROVIDER_VERSION = 'v0.3.14';

/** The providers the test server knows: the local one and one remote one. */
const PROVIDER_TYPES: ReadonlyMap<string, 'local' | 'remote'> = new Map([
  [LOCAL_PROVIDER, 'local'],
  [REMOTE_PROVIDER, 'remote'],
]);

/** A session that passed the middleware. */
export interface TestSession {
  provider: string;
  subject: string;
  token: string;
}

/** The provider a request named, and where (ProviderMiddleware, middlewares.go:24-42: cookie, else header, else `?provider=`). */
export interface ChosenProvider {
  name: string;
  from: 'cookie' | 'header' | 'query';
}

/** Read the provider as ProviderMiddleware does: a present cookie wins even when empty. */
export function chooseProvider(req: IncomingMessage, url: URL, cookies: ReadonlyMap<string, string>): ChosenProvider | undefined {
  const cookie = cookies.get(PROVIDER_COOKIE);
  if (cookie !== undefined) return cookie === '' ? undefined : { name: cookie, from: 'cookie' };
  const header = req.headers[PROVIDER_HEADER];
  if (typeof header === 'string' && header !== '') return { name: header, from: 'header' };
  const query = url.searchParams.get('provider');
  return query ? { name: query, from: 'query' } : undefined;
}

/** GetRefURL (server/handlers/common_handlers.go:157-166): base64url, unpadded, of the path, `?` and the raw query; empty for `/`. */
export function refOf(url: URL): string {
  const refUrl = `${url.pathname}?${url.search.slice(1)}`;
  return refUrl === '?' || refUrl === '/?' ? '' : Buffer.from(refUrl).toString('base64url');
}

/** Run the middleware: a session, or undefined when it has answered the request itself. */
export function authenticate(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  cookies: ReadonlyMap<string, string>,
): TestSession | undefined {
  const provider = chooseProvider(req, url, cookies);
  const type = provider === undefined ? undefined : PROVIDER_TYPES.get(provider.name);
  if (provider === undefined || type === undefined) {
    redirectToProviderPage(req, res, url);
    return undefined;
  }
  if (type === 'local') return { provider: provider.name, subject: 'meshplay', token: '' };

  const token = cookies.get(TOKEN_COOKIE);
  if (token === undefined || token === '') {
    startSignIn(req, res, url, token !== undefined);
    return undefined;
  }
  const check = checkToken(token);
  if (!check.valid) {
    // HandleUnAuthenticated looks only at whether the provider cookie is there.
    const location = cookies.has(PROVIDER_COOKIE) ? `/auth/login?${url.search.slice(1)}` : '/provider';
    sendRedirect(req, res, location, cookies.has(PROVIDER_COOKIE) ? [clearedCookie(TOKEN_COOKIE)] : []);
    return undefined;
  }
  return { provider: provider.name, subject: check.subject ?? 'unknown', token };
}

/** No usable provider: `/provider?` with the request's own query and `ref` (middlewares.go:82-91). */
function redirectToProviderPage(req: IncomingMessage, res: ServerResponse, url: URL): void {
  const ref = refOf(url);
  const values: [string, string][] = [...url.searchParams.entries()].filter(([key]) => ref === '' || key !== 'ref');
  if (ref !== '') values.push(['ref', ref]);
  sendRedirect(req, res, `/provider?${encodeGoQuery(values)}`);
}

/**
 * No token with a remote provider (LoginHandler then InitiateLogin): a write gets 404 and no body;
 * a GET without the cookie goes to the remote login page, one with an empty cookie to `/`.
 */
function startSignIn(req: IncomingMessage, res: ServerResponse, url: URL, hasEmptyTokenCookie: boolean): void {
  if (req.method !== 'GET') {
    sendEmpty(res, 404);
    return;
  }
  if (hasEmptyTokenCookie) {
    sendRedirect(req, res, '/');
    return;
  }
  const callback = `http://${req.headers.host ?? 'localhost'}/api/user/token`;
  const ref = url.searchParams.get('ref') ?? Buffer.from(`${url.pathname}${url.search}`).toString('base64url');
  const query = encodeGoQuery([
    ['source', Buffer.from(callback).toString('base64url')],
    ['provider_version', PROVIDER_VERSION],
    ['meshplay_version', SERVER_BUILD],
    ['ref', ref],
  ]);
  const expires = new Date(Date.now() + 3600_000).toUTCString();
  sendRedirect(req, res, `${REMOTE_PROVIDER_URL}/login?${query}`, [`${REMOTE_REF_COOKIE}=/; Path=/; Expires=${expires}; HttpOnly`]);
}
