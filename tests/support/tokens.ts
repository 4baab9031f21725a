import { createHmac } from 'node:crypto';

/** The key the test server signs and checks tokens with; a real Meshplay provider signs with RS256. */
export const TEST_SIGNING_KEY = 'meshplay-test-server-signing-key';

export interface MintOptions {
  subject?: string;
  /** Seconds from now; negative for an expired token; undefined for no `exp` claim (never expires). */
  expiresIn?: number | undefined;
  issuer?: string;
  /** Sign with another key, to make a token the server rejects. */
  key?: string;
}

/** Base64url without padding, as JWTs use it. */
function base64url(value: string | Buffer): string {
  return Buffer.from(value).toString('base64url');
}

/** Make a token shaped like a Meshplay token: base64 (no padding) of an OAuth2 token JSON whose access_token is a JWT. */
export function mintToken(options: MintOptions = {}): string {
  const now = Math.floor(Date.now() / 1000);
  const claims: Record<string, unknown> = {
    sub: options.subject ?? 'a1b2c3d4-0000-4000-8000-000000000001',
    iss: options.issuer ?? 'https://meshplay.example.test',
    iat: now,
  };
  if (options.expiresIn !== undefined) claims['exp'] = now + options.expiresIn;
  const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }));
  const payload = base64url(JSON.stringify(claims));
  const signature = createHmac('sha256', options.key ?? TEST_SIGNING_KEY)
    .update(`${header}.${payload}`)
    .digest('base64url');
  const oauth = {
    access_token: `${header}.${payload}.${signature}`,
    token_type: 'bearer',
    refresh_token: 'test-refresh-token',
    expiry: options.expiresIn === undefined ? '0001-01-01T00:00:00Z' : new Date((now + options.expiresIn) * 1000).toISOString(),
  };
  return Buffer.from(JSON.stringify(oauth)).toString('base64').replace(/=+$/, '');
}

export interface TokenCheck {
  valid: boolean;
  reason?: 'malformed' | 'bad-signature' | 'expired';
  subject?: string;
}

/** Check a token the way the test server does: decodes, verifies the test signature, and honours `exp`. */
export function checkToken(token: string): TokenCheck {
  let accessToken: string;
  try {
    const oauth = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as { access_token?: unknown };
    if (typeof oauth.access_token !== 'string') return { valid: false, reason: 'malformed' };
    accessToken = oauth.access_token;
  } catch {
    return { valid: false, reason: 'malformed' };
  }
  const [header, payload, signature] = accessToken.split('.');
  if (!header || !payload || !signature) return { valid: false, reason: 'malformed' };
  const expected = createHmac('sha256', TEST_SIGNING_KEY).update(`${header}.${payload}`).digest('base64url');
  if (expected !== signature) return { valid: false, reason: 'bad-signature' };
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: number; sub?: string };
  if (typeof claims.exp === 'number' && claims.exp * 1000 < Date.now()) return { valid: false, reason: 'expired' };
  return claims.sub === undefined ? { valid: true } : { valid: true, subject: claims.sub };
}
