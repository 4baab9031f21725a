import { checkSession, isTokenShaped, MAX_TOKEN_LENGTH, parseCookieHeader, PROVIDER_COOKIE, TOKEN_COOKIE } from '../meshplay/session.ts';

export type TokenFormat = 'raw' | 'bearer' | 'auth.json' | 'cookie';
export interface NormalizedToken {
  token: string;
  provider: string | undefined;
  format: TokenFormat;
}
export type NormalizeResult = { ok: true; value: NormalizedToken } | { ok: false; message: string };

// The token is at most MAX_TOKEN_LENGTH; the wrapper around it (auth.json, a cookie string) gets a little room more.
export const MAX_INPUT_LENGTH = MAX_TOKEN_LENGTH + 1024;
// The same alphabet as isTokenShaped, tested character by character to name the one that is wrong.
const TOKEN_CHARACTER = /^[A-Za-z0-9+/=._~-]$/;
// Tab and line breaks are legitimate inside a pasted auth.json; every other control or format character is not.
const INVISIBLE_CHARACTER = /[\p{Cc}\p{Cf}]/u;
const ALLOWED_CONTROL = new Set(['\t', '\n', '\r']);
const SURROUNDING_QUOTES = new Set(['"', "'", '`']);

/** Accepts what a reader pastes or loads: a raw token, "Bearer <token>", the auth.json that Get Token downloads ({"meshplay-provider": "...", "token": "..."}), a cookie string ("meshplay-provider=Meshplay; token=..." possibly prefixed "Cookie:"), with surrounding quotes (' " `) and whitespace; returns the token and the provider when the input says it. */
export function normalizeToken(input: string): NormalizeResult {
  // Length first, so that nothing below (scans, JSON.parse) ever runs on a huge paste.
  if (input.length > MAX_INPUT_LENGTH) return refuse(tooLongMessage());
  const withoutBom = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const hidden = findInvisibleCharacter(withoutBom);
  if (hidden !== undefined) return refuse(invisibleCharacterMessage(hidden));
  if (withoutBom.includes('<') || withoutBom.includes('>')) {
    return refuse('This looks like markup, not a token: paste only the token or the auth.json file from Get Token.');
  }
  const text = stripQuotes(withoutBom.trim());
  if (text === '') return refuse('Nothing was pasted: paste a token or load the auth.json file from Get Token.');
  if (text.startsWith('{')) return readAuthJson(text);

  const cookiePrefix = /^cookie\s*:/i.exec(text);
  if (cookiePrefix) return readCookieString(text.slice(cookiePrefix[0].length));
  // "Authorization: Bearer …" is what a copied curl -H line or a browser's request headers show.
  const withoutHeaderName = text.replace(/^authorization\s*:\s*/i, '');
  const bearer = /^bearer(?:\s+|$)/i.exec(withoutHeaderName);
  if (bearer) return readBearer(withoutHeaderName.slice(bearer[0].length));
  if (looksLikeCookieString(text)) return readCookieString(text);
  return accept(text, undefined, 'raw');
}

/** Builds a refusal. */
function refuse(message: string): NormalizeResult {
  return { ok: false, message };
}

/** Checks the token itself, then the pair as the proxy will (session.ts's checkSession), and builds the result or the refusal that says what is wrong. */
function accept(token: string, provider: string | undefined, format: TokenFormat): NormalizeResult {
  const problem = findTokenProblem(token);
  if (problem !== undefined) return refuse(problem);
  const session = checkSession(provider, token);
  if (!session.ok) return refuse(session.message);
  return { ok: true, value: { token, provider, format } };
}

/** Names what makes a string unusable as a token, or returns undefined when it is usable. */
function findTokenProblem(token: string): string | undefined {
  if (token === '') return 'The token is empty: paste the token itself or load the auth.json file from Get Token.';
  if (token.length > MAX_TOKEN_LENGTH) return tooLongMessage();
  if (/\s/u.test(token)) {
    return 'The token contains a space or line break: a token is one unbroken string, so copy it again in one piece.';
  }
  const hidden = findInvisibleCharacter(token);
  if (hidden !== undefined) return invisibleCharacterMessage(hidden);
  if (isTokenShaped(token)) return undefined;
  for (const character of token) {
    if (!TOKEN_CHARACTER.test(character)) {
      return `Remove the ${describeCharacter(character)}: a ${describeCharacter(character)} cannot be part of a token, which uses only letters, digits and + / = . _ ~ -.`;
    }
  }
  return undefined;
}

/** The one message for input too long to be a token. */
function tooLongMessage(): string {
  return `This is too long to be a token (over ${MAX_TOKEN_LENGTH / 1024} KB): paste only the token or the auth.json file from Get Token.`;
}

/** The message for a control or invisible character, named by code point because it cannot be seen. */
function invisibleCharacterMessage(character: string): string {
  const kind = /\p{Cc}/u.test(character) ? 'control character' : 'invisible character';
  return `Remove the ${kind} ${codePointOf(character)}: it cannot be part of a token, so copy the token again from its source.`;
}

/** Finds the first control or format character other than tab and line breaks. */
function findInvisibleCharacter(text: string): string | undefined {
  if (!INVISIBLE_CHARACTER.test(text)) return undefined;
  for (const character of text) {
    if (INVISIBLE_CHARACTER.test(character) && !ALLOWED_CONTROL.has(character)) return character;
  }
  return undefined;
}

/** Quotes a visible ASCII character, and adds the code point to anything else so that homoglyphs give themselves away. */
function describeCharacter(character: string): string {
  if (/^[\x21-\x7e]$/.test(character)) return `"${character}"`;
  if (INVISIBLE_CHARACTER.test(character) || /\s/u.test(character)) return codePointOf(character);
  return `"${character}" (${codePointOf(character)})`;
}

/** Formats a character as U+XXXX. */
function codePointOf(character: string): string {
  const codePoint = character.codePointAt(0) ?? 0;
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Removes matching quotes around the whole input, as left by shells, JSON strings and Markdown code spans. */
function stripQuotes(text: string): string {
  let current = text;
  // A few layers at most ('"abc"'); the bound keeps the loop trivially finite.
  for (let layer = 0; layer < 3; layer += 1) {
    const first = current[0];
    if (current.length < 2 || first === undefined || !SURROUNDING_QUOTES.has(first) || !current.endsWith(first)) break;
    current = current.slice(1, -1).trim();
  }
  return current;
}

/** Reads the token after "Bearer". */
function readBearer(rest: string): NormalizeResult {
  const token = rest.trim();
  if (token === '') return refuse('There is nothing after "Bearer": paste the token that follows it.');
  return accept(token, undefined, 'bearer');
}

/** Tells a cookie string from a token: a base64 token has "=" only as trailing padding, a cookie has name=value. */
function looksLikeCookieString(text: string): boolean {
  // A stray ";" alone does not make a cookie string; the reader is better told that ";" cannot be in a token.
  return /(?:^|;)\s*token=/.test(text) || /=[^=;\s]/.test(text);
}

/** Reads the token (and provider) cookies from a Cookie header value. */
function readCookieString(text: string): NormalizeResult {
  const cookies = parseCookieHeader(text);
  const quoted = cookies.get(TOKEN_COOKIE);
  const token = quoted === undefined ? undefined : stripQuotes(quoted);
  if (token === undefined) {
    return refuse('This cookie string has no "token=": copy the whole Cookie header, or paste only the token.');
  }
  if (token === '') return refuse('The "token" cookie is empty: sign in again and copy the cookie, or use Get Token.');
  const provider = cookies.get(PROVIDER_COOKIE);
  return accept(token, nonEmpty(provider === undefined ? undefined : stripQuotes(provider)), 'cookie');
}

/** Reads the auth.json that Get Token downloads. */
function readAuthJson(text: string): NormalizeResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return refuse('This looks like auth.json but is not valid JSON: load the file from Get Token again without editing it.');
  }
  if (!isRecord(parsed) || typeof parsed['token'] !== 'string') {
    return refuse('This JSON has no "token" string: load the auth.json file that Get Token downloads.');
  }
  const providerValue = parsed[PROVIDER_COOKIE];
  if (providerValue !== undefined && providerValue !== null && typeof providerValue !== 'string') {
    return refuse(
      `"${PROVIDER_COOKIE}" in this JSON is not a string: load the auth.json file that Get Token downloads, without editing it.`,
    );
  }
  const provider = nonEmpty(typeof providerValue === 'string' ? providerValue.trim() : undefined);
  const token = parsed['token'].trim();
  if (token === '') {
    // The local provider has no sign-in, so its auth.json legitimately carries an empty token; any other provider needs one.
    if (provider === undefined) return refuse('auth.json has no token: sign in with a remote provider and use Get Token again.');
    const session = checkSession(provider, '');
    if (!session.ok) return refuse(session.message);
    return { ok: true, value: { token: '', provider: session.session.provider, format: 'auth.json' } };
  }
  return accept(token, provider, 'auth.json');
}

/** Treats an empty string as absent. */
function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

/** Narrows a parsed JSON value to a plain object. */
function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
