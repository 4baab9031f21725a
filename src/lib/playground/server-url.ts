export type ServerUrlResult = { ok: true; url: string } | { ok: false; message: string };

import { DEFAULT_SERVER_URL } from '../meshplay/session.ts';

const EXAMPLE = DEFAULT_SERVER_URL;
const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;
// A host, optional port and path, with nothing that could read as markup: safe to quote back in a suggestion.
const HOST_LIKE = /^[A-Za-z0-9.-]+(?::\d{1,5})?(?:\/[A-Za-z0-9._~/-]*)?$|^\[[0-9A-Fa-f:.]+\](?::\d{1,5})?(?:\/[A-Za-z0-9._~/-]*)?$/;

/** Accepts a custom server URL for the playground: http or https only, no user name or password, no query or fragment; returns it without a trailing slash. */
export function validateServerUrl(input: string): ServerUrlResult {
  const text = input.trim();
  if (text === '') return refuse(`Enter the Meshplay server's URL, for example ${EXAMPLE}.`);
  // The URL parser silently drops tabs and line breaks, so a pasted URL with them would not be the one the reader sees.
  if (/[\s\p{Cc}\p{Cf}]/u.test(text))
    return refuse(`Remove the spaces, line breaks and invisible characters from the URL, for example ${EXAMPLE}.`);
  if (text.length > 2048) return refuse(`This URL is too long for a server address; use one like ${EXAMPLE}.`);

  const scheme = SCHEME.exec(text)?.[1]?.toLowerCase();
  const isWebScheme = scheme === 'http' || scheme === 'https';
  if (scheme === undefined || (!isWebScheme && isHostAndPort(text))) return refuse(missingSchemeMessage(text));
  if (!isWebScheme) {
    return refuse(`Use an http:// or https:// URL, not "${scheme}:", for example ${EXAMPLE}.`);
  }
  // The URL parser accepts "http:host" and "http:\\host"; asking for the usual form avoids guessing what was meant.
  if (!/^https?:\/\//i.test(text)) return refuse(`Write two slashes after "${scheme}:", for example ${EXAMPLE}.`);

  const authority = text.slice(scheme.length + 3).split(/[/?#\\]/, 1)[0] ?? '';
  if (authority.includes('@')) {
    return refuse(`Remove the user name and password from the URL (the playground sends your token instead), for example ${EXAMPLE}.`);
  }
  if (authority === '') return refuse(`Add the server's host name after "${scheme}://", for example ${EXAMPLE}.`);
  if (text.includes('?')) return refuse(`Remove the query (the part from "?") from the server URL, for example ${EXAMPLE}.`);
  if (text.includes('#')) return refuse(`Remove the fragment (the part from "#") from the server URL, for example ${EXAMPLE}.`);

  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return refuse(`This is not a valid URL; check the host name and port, for example ${EXAMPLE}.`);
  }
  return { ok: true, url: url.href.replace(/\/+$/, '') };
}

/** Builds a refusal. */
function refuse(message: string): ServerUrlResult {
  return { ok: false, message };
}

/** Whether the text is "host:port…" with no scheme, which the URL parser would otherwise read as scheme "host". */
function isHostAndPort(text: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:\d+(?:\/|$)/.test(text);
}

/** Asks for the scheme, suggesting the reader's own URL with http:// in front when it is plainly a host. */
function missingSchemeMessage(text: string): string {
  const host = text.replace(/^\/\//, '');
  const general = `Start the URL with http:// or https://, for example ${EXAMPLE}`;
  return HOST_LIKE.test(host) ? `${general}; did you mean http://${host}?` : `${general}.`;
}
