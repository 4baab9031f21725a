import { describe, expect, it } from 'vitest';
import { decodeToken } from '../../src/lib/token/decode-token.ts';

/** Encode text as UTF-8 base64, standard alphabet, without padding (as Meshplay does). */
function toBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  return btoa(String.fromCharCode(...bytes)).replace(/=+$/, '');
}

/** Encode text as base64url, as JWT segments are. */
function toBase64Url(text: string): string {
  return toBase64(text).replaceAll('+', '-').replaceAll('/', '_');
}

/** Assemble an unsigned-looking JWT with the given claims (the signature is never checked). */
function makeJwt(claims: Record<string, unknown>): string {
  return [toBase64Url('{"alg":"RS256","typ":"JWT"}'), toBase64Url(JSON.stringify(claims)), 'c2lnbmF0dXJl'].join('.');
}

/** Build a Meshplay token: base64 of the OAuth2 token JSON around an access_token. */
function makeMeshplayToken(accessToken: string): string {
  return toBase64(
    JSON.stringify({
      access_token: accessToken,
      token_type: 'bearer',
      refresh_token: 'refresh',
      expiry: '2030-01-01T00:00:00Z',
    }),
  );
}

describe('decodeToken', () => {
  it('reads the claims of a Meshplay token', () => {
    const token = makeMeshplayToken(makeJwt({ sub: 'user-1', iss: 'https://meshplay.example', exp: 1_900_000_000, iat: 1_899_913_600 }));
    expect(token).toMatch(/^[A-Za-z0-9+/]+$/);
    expect(decodeToken(token)).toEqual({
      shape: 'meshplay',
      subject: 'user-1',
      issuer: 'https://meshplay.example',
      expiresAt: new Date(1_900_000_000 * 1000),
      issuedAt: new Date(1_899_913_600 * 1000),
    });
  });

  it('reads an expired Meshplay token without judging it', () => {
    const details = decodeToken(makeMeshplayToken(makeJwt({ sub: 'user-1', exp: 1_000_000_000 })));
    expect(details.shape).toBe('meshplay');
    expect(details.expiresAt).toEqual(new Date(1_000_000_000_000));
  });

  it('gives no expiry for a Meshplay token without exp, even when the OAuth2 expiry is set', () => {
    const details = decodeToken(makeMeshplayToken(makeJwt({ sub: 'user-1', iat: 1_700_000_000 })));
    expect(details).toEqual({ shape: 'meshplay', subject: 'user-1', issuedAt: new Date(1_700_000_000_000) });
    expect(details).not.toHaveProperty('expiresAt');
  });

  it('reads claims with non-ASCII text and base64url characters in the payload', () => {
    const details = decodeToken(makeMeshplayToken(makeJwt({ sub: 'zoë ~~~ ???', exp: 1_900_000_000 })));
    expect(details.subject).toBe('zoë ~~~ ???');
  });

  it('calls a Meshplay token whose access token is not a JWT a Meshplay token without claims', () => {
    expect(decodeToken(makeMeshplayToken('opaque-access-token'))).toEqual({ shape: 'meshplay' });
  });

  it('reads a bare JWT', () => {
    const jwt = makeJwt({ sub: 'svc', iss: 'issuer', exp: 1_900_000_000 });
    expect(decodeToken(jwt)).toEqual({
      shape: 'jwt',
      subject: 'svc',
      issuer: 'issuer',
      expiresAt: new Date(1_900_000_000_000),
    });
  });

  it('ignores claims of the wrong type', () => {
    expect(decodeToken(makeJwt({ sub: 5, iss: null, exp: '1900000000', iat: 1e300 }))).toEqual({ shape: 'jwt' });
  });

  it.each([
    ['an empty string', ''],
    ['garbage', 'not a token at all'],
    ['a random base64 string', toBase64('just some bytes')],
    ['base64 of JSON without access_token', toBase64('{"token_type":"bearer"}')],
    ['base64 of a JSON array', toBase64('[1,2,3]')],
    ['invalid UTF-8 in base64', btoa('\xff\xfe\xfd')],
    ['a JWT-shaped string whose payload is not JSON', 'abc.def.ghi'],
    ['a base64 string of impossible length', 'abcde'],
    ['an enormous string', 'a'.repeat(1024 * 1024)],
  ])('calls %s opaque, without throwing', (_name, token) => {
    expect(decodeToken(token)).toEqual({ shape: 'opaque' });
  });
});
