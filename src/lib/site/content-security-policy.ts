import { createHash } from 'node:crypto';

/**
 * The site's Content-Security-Policy: everything from the site itself; inline scripts
 * only by hash (Starlight's theme script); style attributes allowed for highlighted code;
 * connections to any http(s) server, because the playground calls the Meshplay server
 * the reader chooses.
 */
export function buildPolicy(scriptHashes: Iterable<string>, options: { forHeader: boolean }): string {
  const hashes = [...new Set(scriptHashes)].sort().map((hash) => `'${hash}'`);
  // Search (Pagefind) compiles WebAssembly in a worker, and a worker obeys the policy of its own
  // response header, not the page's meta tag: the header allows WebAssembly (never JavaScript eval).
  const sources = [...(options.forHeader ? ["'wasm-unsafe-eval'"] : []), ...hashes];
  const directives = [
    "default-src 'self'",
    `script-src 'self'${sources.length > 0 ? ` ${sources.join(' ')}` : ''}`,
    "style-src 'self'",
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self' http: https:",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ];
  // Browsers ignore frame-ancestors in a meta tag; only a header can forbid framing.
  if (options.forHeader) directives.push("frame-ancestors 'none'");
  return directives.join('; ');
}

/** The CSP source of each inline <script> of a page: 'sha256-<base64>' of its exact text. */
export function hashInlineScripts(html: string): string[] {
  const hashes: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attributes = match[1] ?? '';
    if (/\bsrc\s*=/.test(attributes) || /type\s*=\s*"application\/(ld\+)?json"/i.test(attributes)) continue;
    hashes.push(
      `sha256-${createHash('sha256')
        .update(match[2] ?? '', 'utf8')
        .digest('base64')}`,
    );
  }
  return hashes;
}

/** Put the policy in a meta tag right after <meta charset>, before any script can run; replaces an older one. */
export function addPolicyMeta(html: string, policy: string): string {
  const meta = `<meta http-equiv="content-security-policy" content="${policy.replace(/"/g, '&quot;')}">`;
  const withoutOld = html.replace(/<meta http-equiv="content-security-policy"[^>]*>/i, '');
  const charset = /<meta charset="[^"]*"\s*\/?>/i.exec(withoutOld);
  if (charset) return withoutOld.replace(charset[0], `${charset[0]}${meta}`);
  return withoutOld.replace(/<head[^>]*>/i, (head) => `${head}${meta}`);
}
