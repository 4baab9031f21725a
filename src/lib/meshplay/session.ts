/**
 * Meshplay's session protocol, in one place: how the server reads a session (two cookies),
 * the provider names, and how this site carries a reader's token to it (two headers that a
 * proxy or bridge turns into those cookies). The token panel, the proxy, the bridge, the curl
 * builder, the code samples, the playground and the test server all import it, so they cannot
 * disagree about what a session looks like or what is accepted.
 *
 * Facts: ../shared/reference/meshplay-server-facts.md ("Tokens", "What a failed
 * authentication looks like"); `TokenCookieName` in server/models/remote_auth.go.
 */

/** The cookie that names the provider a session belongs to; the server also reads a header and `?provider=` of this name. */
export const PROVIDER_COOKIE = 'meshplay-provider';
/** The cookie that carries the session token: the only way the server authenticates a request. */
export const TOKEN_COOKIE = 'token';

/** The request header in which the playground hands its token to a proxy or bridge. Meshplay itself never reads it. */
export const TOKEN_HEADER = 'meshplay-token';
/** The request header in which the playground names the provider (Meshplay reads this one too, after the cookie). */
export const PROVIDER_HEADER = 'meshplay-provider';

/** The default remote provider: it signs people in and issues tokens. */
export const REMOTE_PROVIDER = 'Meshplay';
/** The local provider: single-user mode, no token needed. */
export const LOCAL_PROVIDER = 'None';

/** Where a Meshplay server answers unless configured otherwise. */
export const DEFAULT_SERVER_URL = 'http://localhost:9081';
/** The environment variable every sample and guide reads the token from. */
export const TOKEN_VARIABLE = 'MESHPLAY_TOKEN';
/** The token as it stands in samples: the shell expands it. */
export const TOKEN_PLACEHOLDER = `$${TOKEN_VARIABLE}`;

/** Paths of Meshplay's sign-in flow: a redirect to one of them means "no valid session". */
export const SIGN_IN_PATHS: readonly string[] = ['/provider', '/auth/login', '/user/login'];

/** The longest token accepted: real tokens are 1 to 3 KB; the bound keeps a paste from filling storage or a header. */
export const MAX_TOKEN_LENGTH = 16 * 1024;
/** Characters a token may hold: base64 (standard and URL alphabets), padding, and the JWT dot. */
const TOKEN_ALPHABET = /^[A-Za-z0-9+/=._~-]*$/;
/** Provider names as Meshplay registers them; anything else could break the Cookie header it goes into. */
const PROVIDER_NAME = /^[A-Za-z0-9._-]{1,64}$/;

/** A session as the playground holds it: the provider, and the token (empty for the local provider). */
export interface Session {
  provider: string;
  token: string;
}

export type SessionCheck = { ok: true; session: Session } | { ok: false; message: string };

/** Whether a string can be a Meshplay token as it is: non-empty, not too long, only the characters tokens use. */
export function isTokenShaped(token: string): boolean {
  return token.length > 0 && token.length <= MAX_TOKEN_LENGTH && TOKEN_ALPHABET.test(token);
}

/** Whether a string is a provider name that can go into the `meshplay-provider` cookie. */
export function isProviderName(name: string): boolean {
  return PROVIDER_NAME.test(name);
}

/** The message for a provider name that is refused, the same in the token panel and the proxy. */
export function providerNameProblem(name: string): string {
  return `"${name.slice(0, 64)}" is not a provider name: it must be 1 to 64 characters of A-Z a-z 0-9 . _ -, such as ${REMOTE_PROVIDER} or ${LOCAL_PROVIDER}.`;
}

/** The message for a token that is refused by shape, the same in the token panel and the proxy. */
export function tokenShapeProblem(): string {
  return `This is not a Meshplay token: a token is 1 to ${MAX_TOKEN_LENGTH} characters of A-Z a-z 0-9 + / = . _ ~ -. Paste the "token" value of auth.json.`;
}

/**
 * Check a provider and token as they arrive (from auth.json, a paste, or the proxy's headers)
 * and return the session they make. A missing provider means the remote one; an empty token
 * is a session only with the local provider `None`, which needs none.
 */
export function checkSession(provider: string | undefined, token: string | undefined): SessionCheck {
  const name = provider === undefined || provider.trim() === '' ? undefined : provider.trim();
  if (name !== undefined && !isProviderName(name)) return { ok: false, message: providerNameProblem(name) };
  const value = token ?? '';
  if (value === '') {
    if (name === LOCAL_PROVIDER) return { ok: true, session: { provider: LOCAL_PROVIDER, token: '' } };
    if (name === undefined) return { ok: false, message: 'There is no token: paste the token, or load the auth.json file from Get Token.' };
    return {
      ok: false,
      message: `The provider ${name} needs a token, and there is none: sign in with ${name} and use Get Token again, or choose the local provider ${LOCAL_PROVIDER}.`,
    };
  }
  if (!isTokenShaped(value)) return { ok: false, message: tokenShapeProblem() };
  return { ok: true, session: { provider: name ?? REMOTE_PROVIDER, token: value } };
}

/** The Cookie header value Meshplay reads for a session: `meshplay-provider=<name>; token=<token>`, or the provider alone without a token. */
export function sessionCookie(session: Session): string {
  const provider = `${PROVIDER_COOKIE}=${session.provider}`;
  return session.token === '' ? provider : `${provider}; ${TOKEN_COOKIE}=${session.token}`;
}

/** The Cookie value a sample sends, with the token left to the shell (`$MESHPLAY_TOKEN`) unless one is given. */
export function sampleSessionCookie(token: string = TOKEN_PLACEHOLDER, provider: string = REMOTE_PROVIDER): string {
  return sessionCookie({ provider, token });
}

/**
 * Request headers that carry credentials or name a session. They never travel as they came:
 * a proxy or bridge drops them (the docs site's own cookies must not reach Meshplay) and
 * rebuilds the Cookie from the token headers; a curl command shows the cookie instead.
 */
export const CREDENTIAL_HEADERS: readonly string[] = ['cookie', 'authorization', TOKEN_HEADER, PROVIDER_HEADER];

/** Hop-by-hop headers (RFC 9110 7.6.1, plus the legacy ones): they describe one connection and are never forwarded, either way. */
export const HOP_BY_HOP_HEADERS: readonly string[] = [
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
];

/** Request headers a proxy or bridge never forwards to Meshplay: credentials, hop-by-hop headers, and forwarding claims a client could forge. */
export const NEVER_FORWARDED_REQUEST_HEADERS: readonly string[] = [
  ...CREDENTIAL_HEADERS,
  ...HOP_BY_HOP_HEADERS,
  'expect',
  'forwarded',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-port',
  'x-forwarded-proto',
  'x-real-ip',
];

/**
 * Response headers a proxy or bridge never passes back to the docs origin: hop-by-hop headers,
 * Meshplay's cookies (they would land on the docs site), its CORS headers (the proxy decides
 * those), and headers that act on the page or the whole origin (refresh, preload links, wiping
 * the site's storage).
 */
export const NEVER_RETURNED_RESPONSE_HEADERS: readonly string[] = [
  ...HOP_BY_HOP_HEADERS,
  'set-cookie',
  'set-cookie2',
  'refresh',
  'link',
  'clear-site-data',
  'alt-svc',
  'strict-transport-security',
  'public-key-pins',
  'content-security-policy',
  'content-security-policy-report-only',
  'x-frame-options',
];

/** Whether a response header is one that a proxy or bridge keeps from the docs origin (also every `access-control-*`). */
export function isNeverReturnedResponseHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return NEVER_RETURNED_RESPONSE_HEADERS.includes(lower) || lower.startsWith('access-control-');
}

/** Parse a Cookie header into a map; the first cookie of a name wins, as with Go's `r.Cookie()`. */
export function parseCookieHeader(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    const name = part.slice(0, index).trim();
    if (name !== '' && !cookies.has(name)) cookies.set(name, part.slice(index + 1).trim());
  }
  return cookies;
}
