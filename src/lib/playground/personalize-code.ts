/** What to put into the guide's examples instead of the placeholders. */
export interface Personalization {
  token: string | undefined;
  serverUrl: string | undefined;
}

/** The placeholders every guide example uses: one token variable, one server address. */
export const TOKEN_PLACEHOLDER = '$MESHPLAY_TOKEN';
export const SERVER_PLACEHOLDER = 'http://localhost:9081';

/** Replace the placeholders in an example; a token goes in as it is (tokens have no shell-special characters). */
export function personalizeCode(code: string, with_: Personalization): string {
  let result = code;
  if (with_.token) result = result.replaceAll(TOKEN_PLACEHOLDER, with_.token);
  if (with_.serverUrl) result = result.replaceAll(SERVER_PLACEHOLDER, with_.serverUrl.replace(/\/+$/, ''));
  return result;
}
