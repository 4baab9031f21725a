/** Which request paths belong to the try-it proxy, and which forwarded paths it refuses. */
import { PROXY_SEGMENT } from '../lib/playground/try-it-interface.ts';
import type { Refusal } from './proxy-json.ts';

/** The path segment under the site's base (or the bridge's root) where the proxy answers: the interface the playground shares. */
export { PROXY_SEGMENT };

/** The path of an absolute-form request target, or undefined when it is not a URL. */
export function absoluteFormPath(url: string): string | undefined {
  try {
    return new URL(url).pathname;
  } catch {
    return undefined;
  }
}

/** Whether a request path belongs to the proxy: its prefix, anything below it, or the health URL. */
export function isProxyPath(path: string, proxyPrefix: string, healthPath: string): boolean {
  return path === healthPath || path === proxyPrefix || path.startsWith(`${proxyPrefix}/`);
}

/** Refuse dot-segments, empty segments, encoded slashes or backslashes, NUL and bad escapes: they could change what the target serves. */
export function checkForwardedPath(rest: string): Refusal | undefined {
  const refusal = (why: string): Refusal => ({
    status: 400,
    error: 'bad-path',
    message: `The try-it proxy refuses this path: ${why}. Send the plain API path, for example ${PROXY_SEGMENT}/api/system/version.`,
  });
  if (rest.includes('\\')) return refusal('it contains a backslash');
  const segments = rest.slice(1).split('/');
  for (const [index, segment] of segments.entries()) {
    if (segment === '' && index < segments.length - 1) return refusal('it contains an empty segment (//)');
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return refusal('it contains a malformed percent escape');
    }
    if (decoded === '.' || decoded === '..') return refusal('it contains a "." or ".." segment');
    if (decoded.includes('/') || decoded.includes('\\')) return refusal('it contains an encoded slash or backslash');
    if (decoded.includes('\0')) return refusal('it contains a NUL character');
  }
  return undefined;
}
