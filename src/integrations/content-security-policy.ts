import type { AstroIntegration } from 'astro';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addPolicyMeta, buildPolicy, hashInlineScripts } from '../lib/site/content-security-policy.ts';

/** Every HTML file under a folder. */
function listHtmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The `_headers` file (Netlify, Cloudflare Pages) for a policy; `npm start` reads the same file (src/server/security-headers.ts). */
export function headersFile(policy: string): string {
  return `/*\n  Content-Security-Policy: ${policy}\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: no-referrer\n`;
}

/**
 * After the build, give every page a Content-Security-Policy meta tag with the hashes of
 * its own inline scripts, and write `_headers` (Netlify, Cloudflare Pages) with one policy
 * for the whole site, for hosts that can send it as a header.
 */
export function contentSecurityPolicy(): AstroIntegration {
  return {
    name: 'meshplay-content-security-policy',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const allHashes = new Set<string>();
        const files = listHtmlFiles(outDir);
        for (const file of files) {
          const html = readFileSync(file, 'utf8');
          const hashes = hashInlineScripts(html);
          for (const hash of hashes) allHashes.add(hash);
          writeFileSync(file, addPolicyMeta(html, buildPolicy(hashes, { forHeader: false })));
        }
        const header = buildPolicy(allHashes, { forHeader: true });
        writeFileSync(join(outDir, '_headers'), headersFile(header));
        logger.info(`Content-Security-Policy on ${files.length} pages (${allHashes.size} inline script hashes); _headers written.`);
      },
    },
  };
}
