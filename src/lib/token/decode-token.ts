import { MAX_TOKEN_LENGTH } from '../meshplay/session.ts';
import { tryParseJson } from '../json/parse-json.ts';

export interface TokenDetails {
  shape: 'meshplay' | 'jwt' | 'opaque';
  subject?: string;
  issuer?: string;
  expiresAt?: Date;
  issuedAt?: Date;
}

type Claims = Omit<TokenDetails, 'shape'>;

const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
const BASE64_SHAPE = /^[A-Za-z0-9+/_-]+={0,2}$/;

/** Reads what a Meshplay token says about itself, without verifying anything: base64 (standard, unpadded) of an OAuth2 token JSON whose access_token is a JWT; or a bare JWT; else opaque. */
export function decodeToken(token: string): TokenDetails {
  // Anything longer was refused on input; decoding it here would only be wasted work.
  if (token.length === 0 || token.length > MAX_TOKEN_LENGTH) return { shape: 'opaque' };
  if (JWT_SHAPE.test(token)) {
    const claims = readJwtClaims(token);
    if (claims !== undefined) return { shape: 'jwt', ...claims };
  }
  const oauthToken = tryParseJson(decodeBase64(token));
  if (isRecord(oauthToken) && typeof oauthToken['access_token'] === 'string') {
    // The OAuth2 "expiry" field is ignored on purpose: only the JWT's exp says when the server stops accepting it.
    return { shape: 'meshplay', ...(readJwtClaims(oauthToken['access_token']) ?? {}) };
  }
  return { shape: 'opaque' };
}

/** Reads the registered claims of a JWT's payload, or undefined when it is not a decodable JWT. */
function readJwtClaims(jwt: string): Claims | undefined {
  if (!JWT_SHAPE.test(jwt)) return undefined;
  const payload = tryParseJson(decodeBase64(jwt.split('.')[1] ?? ''));
  if (!isRecord(payload)) return undefined;
  const claims: Claims = {};
  const { sub, iss, exp, iat } = payload;
  if (typeof sub === 'string') claims.subject = sub;
  if (typeof iss === 'string') claims.issuer = iss;
  const expiresAt = secondsToDate(exp);
  if (expiresAt !== undefined) claims.expiresAt = expiresAt;
  const issuedAt = secondsToDate(iat);
  if (issuedAt !== undefined) claims.issuedAt = issuedAt;
  return claims;
}

/** Turns a JWT NumericDate (seconds since the epoch) into a Date, or undefined when it is not one. */
function secondsToDate(value: unknown): Date | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  const date = new Date(value * 1000);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** Decodes base64 or base64url, padded or not, as UTF-8 text; undefined when it is neither. */
function decodeBase64(encoded: string): string | undefined {
  if (!BASE64_SHAPE.test(encoded)) return undefined;
  const standard = encoded.replace(/=+$/, '').replaceAll('-', '+').replaceAll('_', '/');
  if (standard.length % 4 === 1) return undefined;
  try {
    const binary = atob(standard.padEnd(Math.ceil(standard.length / 4) * 4, '='));
    const bytes = Uint8Array.from(binary, (character) => character.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Narrows a parsed JSON value to a plain object. */
function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
