// Every guide example uses the same two placeholders: one token variable, one server address.
import { DEFAULT_SERVER_URL as SERVER_PLACEHOLDER, TOKEN_PLACEHOLDER } from '../meshplay/session.ts';

/** What to put into the guide's examples instead of the placeholders. */
export interface Personalization {
  token: string | undefined;
  serverUrl: string | undefined;
}

/** Replace the placeholders in an example; a token goes in as it is (tokens have no shell-special characters). */
export function personalizeCode(code: string, with_: Personalization): string {
  let result = code;
  if (with_.token) result = result.replaceAll(TOKEN_PLACEHOLDER, with_.token);
  if (with_.serverUrl) result = result.replaceAll(SERVER_PLACEHOLDER, with_.serverUrl.replace(/\/+$/, ''));
  return result;
}
