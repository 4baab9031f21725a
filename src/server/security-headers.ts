/**
 * The site's security headers for `npm start`: the same policy a static host sends from
 * `dist/_headers` (written by src/integrations/content-security-policy.ts), read from that
 * file so that there is one source.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';

export type SecurityHeaders = readonly (readonly [name: string, value: string])[];

export type SecurityHeadersResult = { ok: true; headers: SecurityHeaders } | { ok: false; message: string };

/** Read the headers of the `/*` rule of a Netlify-style `_headers` file (a path line, then indented `Name: value` lines). */
export function parseHeadersFile(text: string): SecurityHeaders {
  const headers: [string, string][] = [];
  let inSiteRule = false;
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      inSiteRule = line.trim() === '/*';
      continue;
    }
    const colon = line.indexOf(':');
    if (!inSiteRule || colon < 0) continue;
    headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return headers;
}

/** The security headers of a built site, or what to do when the build did not write them. */
export function readSecurityHeaders(siteDir: string): SecurityHeadersResult {
  const file = join(siteDir, '_headers');
  if (!existsSync(file)) {
    return {
      ok: false,
      message: `No ${file}: the build writes it with the site's Content-Security-Policy. Run "npm run build" (or "npm start", which builds first) to serve with the site's security headers.`,
    };
  }
  const headers = parseHeadersFile(readFileSync(file, 'utf8'));
  if (!headers.some(([name]) => name.toLowerCase() === 'content-security-policy')) {
    return { ok: false, message: `${file} has no Content-Security-Policy for "/*". Run "npm run build" again to rewrite it.` };
  }
  return { ok: true, headers };
}

/** Set the site's security headers on a response before anything else writes it: static files, 404s, proxy answers and refusals alike. */
export function setSecurityHeaders(res: ServerResponse, headers: SecurityHeaders): void {
  for (const [name, value] of headers) res.setHeader(name, value);
}
