import { PROVIDER_COOKIE, TOKEN_COOKIE, TOKEN_VARIABLE } from '../../meshplay/session.ts';
import { isObject, objectField } from './guards.ts';
import { describeScheme } from './security.ts';
import type { AuthProfile } from './types.ts';

/** The environment variable the samples read a credential from, for specs of other APIs. */
const GENERIC_TOKEN_VARIABLE = 'API_TOKEN';

/**
 * How a spec authenticates. Meshplay's way is an API key in the `token` cookie and the provider
 * in the `meshplay-provider` cookie: such specs get Meshplay's own wording (a 302 to /provider
 * or /auth/login, never a 401) and cookie-based samples. Other schemes (a header the server does
 * not read, say) play no part in that decision.
 */
export function buildAuthProfile(document: unknown): AuthProfile {
  const declared = isObject(document) ? objectField(objectField(document, 'components') ?? {}, 'securitySchemes') : undefined;
  const schemes = Object.keys(declared ?? {}).map((key) => describeScheme(key, [], document));
  const cookieNames = schemes.filter((scheme) => scheme.type === 'apiKey' && scheme.location === 'cookie').map((scheme) => scheme.parameterName);
  const meshplay = cookieNames.includes(TOKEN_COOKIE) && cookieNames.includes(PROVIDER_COOKIE);
  return { meshplay, tokenVariable: meshplay ? TOKEN_VARIABLE : GENERIC_TOKEN_VARIABLE, schemes };
}
