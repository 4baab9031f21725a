import { isObject, objectField, stringField, type JsonObject } from './object-guards.ts';

import { PROVIDER_COOKIE, TOKEN_COOKIE, TOKEN_VARIABLE } from '../meshplay/session.ts';

/** The environment variable the samples read a credential from, for specs of other APIs. */
export const GENERIC_TOKEN_VARIABLE = 'API_TOKEN';

/**
 * Whether a spec authenticates the way the Meshplay server does: an API key in the `token`
 * cookie and the provider in the `meshplay-provider` cookie. Such specs get Meshplay's own
 * wording (a 302 to /provider or /auth/login, never a 401) and cookie-based samples.
 */
export function usesMeshplayAuth(document: unknown): boolean {
  const schemes = isObject(document) ? objectField(objectField(document, 'components') ?? {}, 'securitySchemes') : undefined;
  const cookieNames = Object.values(schemes ?? {})
    .filter((scheme): scheme is JsonObject => isObject(scheme) && scheme['type'] === 'apiKey' && scheme['in'] === 'cookie')
    .map((scheme) => stringField(scheme, 'name'));
  return cookieNames.includes(TOKEN_COOKIE) && cookieNames.includes(PROVIDER_COOKIE);
}

/** The environment variable samples read the credential from. */
export function tokenVariableFor(document: unknown): string {
  return usesMeshplayAuth(document) ? TOKEN_VARIABLE : GENERIC_TOKEN_VARIABLE;
}
