import { describe, expect, it } from 'vitest';
import { MAX_TOKEN_LENGTH } from '../../src/lib/meshplay/session.ts';
import { normalizeToken, type NormalizedToken } from '../../src/lib/token/normalize-token.ts';

// Shaped like a real Meshplay token: base64 (standard alphabet, unpadded).
const TOKEN = 'eyJhY2Nlc3NfdG9rZW4iOiJhYmMuZGVmLmdoaSJ9+/x_y~z.w-v';

/** Normalise input that must be accepted and return what it gave. */
function accepted(input: string): NormalizedToken {
  const result = normalizeToken(input);
  if (!result.ok) throw new Error(`refused ${JSON.stringify(input)}: ${result.message}`);
  return result.value;
}

/** Normalise input that must be refused and return the message. */
function refused(input: string): string {
  const result = normalizeToken(input);
  if (result.ok) throw new Error(`accepted ${JSON.stringify(input)} as ${JSON.stringify(result.value)}`);
  return result.message;
}

describe('normalizeToken accepts what readers paste', () => {
  it('takes a raw token as it is', () => {
    expect(accepted(TOKEN)).toEqual({ token: TOKEN, provider: undefined, format: 'raw' });
  });

  it('keeps base64 padding at the end of a raw token', () => {
    expect(accepted('YWJj==')).toEqual({ token: 'YWJj==', provider: undefined, format: 'raw' });
  });

  it.each([
    ['double quotes', '"abc"'],
    ['single quotes', "'abc'"],
    ['backticks', '`abc`'],
    ['quotes inside surrounding whitespace', '  "abc"\n'],
    ['nested quotes', `'"abc"'`],
  ])('strips surrounding %s', (_name, input) => {
    expect(accepted(input)).toEqual({ token: 'abc', provider: undefined, format: 'raw' });
  });

  it.each([' Bearer abc ', 'bearer abc', 'BEARER\tabc', 'Authorization: Bearer abc'])(
    'reads the token after a case-insensitive "Bearer" in %j',
    (input) => {
      expect(accepted(input)).toEqual({ token: 'abc', provider: undefined, format: 'bearer' });
    },
  );

  it('reads the auth.json that Get Token downloads', () => {
    const json = JSON.stringify({ 'meshplay-provider': 'Meshplay', token: TOKEN });
    expect(accepted(json)).toEqual({ token: TOKEN, provider: 'Meshplay', format: 'auth.json' });
  });

  it('reads auth.json saved with a byte order mark and Windows line endings', () => {
    const json = `\uFEFF{\r\n  "meshplay-provider": "Meshplay",\r\n  "token": "${TOKEN}"\r\n}\r\n`;
    expect(accepted(json)).toEqual({ token: TOKEN, provider: 'Meshplay', format: 'auth.json' });
  });

  it('accepts the local provider auth.json, whose token is empty', () => {
    expect(accepted('{"meshplay-provider":"None","token":""}')).toEqual({
      token: '',
      provider: 'None',
      format: 'auth.json',
    });
  });

  it('reads the token and provider from a cookie string with or without "Cookie:" and with extra cookies', () => {
    const expected = { token: TOKEN, provider: 'Meshplay', format: 'cookie' };
    expect(accepted(`meshplay-provider=Meshplay; token=${TOKEN}`)).toEqual(expected);
    expect(accepted(`Cookie: meshplay-provider=Meshplay; token=${TOKEN}`)).toEqual(expected);
    expect(accepted(`cookie:meshplay-provider=Meshplay;token=${TOKEN};session_cookie=xyz; meshplay.khulnasoft.com_ref=/`)).toEqual(
      expected,
    );
  });

  it('reads a pasted "token=<value>" alone, with or without a trailing semicolon', () => {
    expect(accepted('token=abc')).toEqual({ token: 'abc', provider: undefined, format: 'cookie' });
    expect(accepted('token=abc;')).toEqual({ token: 'abc', provider: undefined, format: 'cookie' });
  });

  it('keeps padding inside a cookie value', () => {
    expect(accepted('token=YWJj==; meshplay-provider=Meshplay').token).toBe('YWJj==');
  });
});

describe('normalizeToken refuses what cannot be a token', () => {
  it('refuses empty and blank input', () => {
    expect(refused('')).toMatch(/Nothing was pasted/);
    expect(refused('   \n\t ')).toMatch(/Nothing was pasted/);
    expect(refused('""')).toMatch(/Nothing was pasted/);
  });

  it('refuses "Bearer" with nothing after it', () => {
    expect(refused('Bearer ')).toMatch(/nothing after "Bearer"/);
  });

  it('refuses a token with inner whitespace', () => {
    expect(refused('abc def')).toMatch(/space or line break/);
    expect(refused('abc\ndef')).toMatch(/space or line break/);
    expect(refused('Bearer abc def')).toMatch(/space or line break/);
  });

  it('refuses control characters and names them by code point', () => {
    expect(refused('abc\u0000')).toMatch(/control character U\+0000/);
    expect(refused('ab\u0007c')).toMatch(/control character U\+0007/);
  });

  it('refuses invisible formatting characters such as a right-to-left override', () => {
    expect(refused('abc\u202e')).toMatch(/invisible character U\+202E/);
    expect(refused('ab\u200bc')).toMatch(/invisible character U\+200B/);
  });

  it('refuses input longer than the limit before parsing it', () => {
    expect(refused('a'.repeat(17 * 1024))).toMatch(/too long/);
    expect(refused('a'.repeat(MAX_TOKEN_LENGTH + 1))).toMatch(/too long/);
    expect(refused(`{"token":"${'a'.repeat(100 * 1024)}"`)).toMatch(/too long/);
    expect(accepted('a'.repeat(MAX_TOKEN_LENGTH)).token).toHaveLength(MAX_TOKEN_LENGTH);
  });

  it('refuses markup', () => {
    expect(refused('<script>alert(1)</script>')).toMatch(/markup/);
    expect(refused('abc<img src=x onerror=alert(1)>')).toMatch(/markup/);
  });

  it('names the character that cannot be part of a token', () => {
    expect(refused('abc;def')).toMatch(/a ";" cannot be part of a token/);
    expect(refused('javascript:alert(1)')).toMatch(/a ":" cannot be part of a token/);
    expect(refused('abc%2B')).toMatch(/a "%" cannot be part of a token/);
  });

  it('gives a homoglyph away by its code point', () => {
    // The first letter is CYRILLIC SMALL LETTER A, not a Latin "a".
    expect(refused('\u0430bc')).toMatch(/a "\u0430" \(U\+0430\) cannot be part of a token/);
  });

  it('refuses JSON that is not valid', () => {
    expect(refused('{not json')).toMatch(/not valid JSON/);
  });

  it('refuses JSON without a string token', () => {
    expect(refused('{"token": 5}')).toMatch(/no "token" string/);
    expect(refused('{"meshplay-provider": "Meshplay"}')).toMatch(/no "token" string/);
    expect(refused('{"token": null}')).toMatch(/no "token" string/);
  });

  it('refuses an empty token from a remote provider', () => {
    expect(refused('{"meshplay-provider":"Meshplay","token":""}')).toBe(
      'The provider Meshplay needs a token, and there is none: sign in with Meshplay and use Get Token again, or choose the local provider None.',
    );
    expect(refused('{"token":""}')).toMatch(/auth\.json has no token/);
  });

  it('checks the token inside auth.json like any other token', () => {
    expect(refused('{"meshplay-provider":"Meshplay","token":"abc\\u0007"}')).toMatch(/U\+0007/);
    expect(refused('{"meshplay-provider":"Meshplay","token":"a;b"}')).toMatch(/a ";" cannot be part of a token/);
  });

  it('refuses a cookie string without a token cookie', () => {
    expect(refused('meshplay-provider=Meshplay; session_cookie=abc')).toMatch(/no "token="/);
    expect(refused('Cookie: meshplay-provider=Meshplay')).toMatch(/no "token="/);
    expect(refused('token=; meshplay-provider=Meshplay')).toMatch(/cookie is empty/);
  });

  it('never repeats the input or its markup in a refusal', () => {
    const secret = 'c2VjcmV0LXRva2VuLXZhbHVl';
    const hostile = [
      '<script>alert(1)</script>',
      `<b>${secret}</b>`,
      `${secret};`,
      `${secret} ${secret}`,
      `${secret}\u0000`,
      `{"token": "${secret}<"}`,
      `Cookie: token=${secret}<svg onload=alert(1)>`,
      `Bearer ${secret}"`,
      'javascript:alert(1)',
    ];
    for (const input of hostile) {
      const message = refused(input);
      expect(message).not.toContain(secret);
      expect(message).not.toMatch(/<script|<b>|<svg|onload|alert\(/);
      // Messages are one sentence that says what is wrong and what to do.
      expect(message).toMatch(/^[A-Za-z"].*[.]$/);
    }
  });
});
