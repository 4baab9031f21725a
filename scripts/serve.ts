/**
 * `npm run serve` (and the second half of `npm start`): serves the built site from dist/
 * under SITE_BASE, on HOST:PORT (default 127.0.0.1:4321), with the try-it proxy beside it
 * at `${SITE_BASE}api-proxy/`, which forwards to MESHPLAY_SERVER (default http://localhost:9081).
 * Every response carries the site's security headers from dist/_headers.
 */
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { createStaticSite } from '../src/server/static-site.ts';
import { readSecurityHeaders, setSecurityHeaders } from '../src/server/security-headers.ts';
import { sitePolicyFromEnv } from '../src/server/proxy-hosts.ts';
import { createTryItProxy, normalizeTarget, PROXY_MAX_HEADER_SIZE, PROXY_SEGMENT } from '../src/server/try-it-proxy.ts';
import { normalizeBase } from '../src/lib/site/base.ts';
import { DEFAULT_SERVER_URL } from '../src/lib/meshplay/session.ts';

/** Print a configuration error naming the variable, and stop. */
function exitWithConfigError(message: string): never {
  console.error(message);
  process.exit(1);
}

/** Read MESHPLAY_SERVER: an http(s) URL without credentials, query or fragment. */
function readMeshplayServer(): string {
  const raw = process.env.MESHPLAY_SERVER?.trim() || DEFAULT_SERVER_URL;
  try {
    return normalizeTarget(raw);
  } catch (error) {
    return exitWithConfigError(`MESHPLAY_SERVER is not usable: ${(error as Error).message}.`);
  }
}

/** Read MESHPLAY_PROXY_TIMEOUT_MS: a positive number of milliseconds, or undefined for the proxy's default. */
function readProxyTimeout(): number | undefined {
  const raw = process.env.MESHPLAY_PROXY_TIMEOUT_MS?.trim();
  if (!raw) return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    return exitWithConfigError(`MESHPLAY_PROXY_TIMEOUT_MS must be a positive number of milliseconds, such as 30000, not "${raw}".`);
  }
  return value;
}

const base = normalizeBase(process.env.SITE_BASE);
const host = process.env.HOST?.trim() || '127.0.0.1';
const port = Number(process.env.PORT ?? '4321');
const dir = resolve(process.env.SITE_DIR?.trim() || 'dist');
const target = readMeshplayServer();
const timeoutMs = readProxyTimeout();

const site = createStaticSite(dir, base);
const security = readSecurityHeaders(dir);
// Serving without them is still useful (a folder that was not built by astro, such as the benchmark's plain page), so only warn.
if (!security.ok) console.warn(`Warning: serving without the site's security headers. ${security.message}`);
const securityHeaders = security.ok ? security.headers : [];
const hostPolicy = sitePolicyFromEnv(host, process.env.ALLOWED_HOSTS);
const hosts = hostPolicy.ok ? hostPolicy.policy : exitWithConfigError(hostPolicy.message);
const proxy = createTryItProxy(timeoutMs === undefined ? { target, base, hosts } : { target, base, hosts, timeoutMs });
const server = createServer({ maxHeaderSize: PROXY_MAX_HEADER_SIZE }, (req, res) => {
  setSecurityHeaders(res, securityHeaders);
  if (!proxy.handle(req, res)) site(req, res);
});
server.listen(port, host, () => {
  const siteUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}${base}`;
  console.log(`Meshplay REST API reference: ${siteUrl}  Try-it proxy: ${base}${PROXY_SEGMENT}/ -> ${proxy.target}`);
});
