/**
 * `npm run nginx-config -- --root <dist> --docs-origin <origin> --meshplay <url> [--prefix /meshplay/]
 *  [--listen 80] [--server-name <name>] [--variant docs|same-origin] [--out <file>]`:
 * fill in deploy/nginx/meshplay-docs.conf (or the same-origin variant) with checked values and
 * the Content-Security-Policy of <dist>/_headers, and print it (or write it to --out).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { renderNginxConfig } from '../src/lib/deploy/nginx-config.ts';
import { DEFAULT_SERVER_URL } from '../src/lib/meshplay/session.ts';
import { readSecurityHeaders } from '../src/server/security-headers.ts';

const TEMPLATES = { docs: 'deploy/nginx/meshplay-docs.conf', 'same-origin': 'deploy/nginx/meshplay-same-origin.conf' } as const;

/** Say what is wrong and stop. */
function fail(message: string): never {
  console.error(`nginx-config: ${message}`);
  process.exit(2);
}

/** Read the command line, failing with a sentence on unknown options. */
function readOptions(): Record<string, string | undefined> {
  try {
    const { values } = parseArgs({
      options: {
        root: { type: 'string', default: 'dist' },
        'docs-origin': { type: 'string' },
        meshplay: { type: 'string', default: DEFAULT_SERVER_URL },
        prefix: { type: 'string', default: '/meshplay/' },
        listen: { type: 'string', default: '80' },
        'server-name': { type: 'string' },
        variant: { type: 'string', default: 'docs' },
        out: { type: 'string' },
      },
      strict: true,
    });
    return values;
  } catch (error) {
    return fail(
      `${(error as Error).message}. The options are --root, --docs-origin, --meshplay, --prefix, --listen, --server-name, --variant, --out.`,
    );
  }
}

/** The host name of the docs origin, the default server name; undefined when it is not a URL (the renderer then says what is wrong). */
function hostNameOf(origin: string | undefined): string | undefined {
  try {
    return origin === undefined ? undefined : new URL(origin).hostname;
  } catch {
    return undefined;
  }
}

const options = readOptions();
const variant = options['variant'] ?? 'docs';
if (variant !== 'docs' && variant !== 'same-origin') fail(`--variant must be docs or same-origin, not "${variant}".`);
const root = resolve(options['root'] ?? 'dist');
const security = readSecurityHeaders(root);
if (!security.ok) fail(security.message);
const policy = security.headers.find(([name]) => name.toLowerCase() === 'content-security-policy')?.[1];
const docsOrigin = options['docs-origin'];
const serverName = options['server-name'] ?? hostNameOf(docsOrigin);
const result = renderNginxConfig(readFileSync(TEMPLATES[variant], 'utf8'), {
  LISTEN: options['listen'],
  SERVER_NAME: serverName,
  DOCS_ROOT: root,
  DOCS_ORIGIN: docsOrigin,
  MESHPLAY_UPSTREAM: options['meshplay'],
  API_PREFIX: options['prefix'],
  CONTENT_SECURITY_POLICY: policy,
});
if (!result.ok) fail(result.problems.join('\n  '));
if (options['out']) writeFileSync(options['out'], result.config);
else process.stdout.write(result.config);
