/**
 * `npm run serve` (and the second half of `npm start`): serves the built site from dist/
 * under SITE_BASE, on HOST:PORT (default 127.0.0.1:4321), with the try-it proxy beside it
 * at `${SITE_BASE}api-proxy/`, which forwards to MESHPLAY_SERVER (default http://localhost:9081),
 * and the demo server (Prism over the built spec's examples) at `${SITE_BASE}demo-proxy/`.
 * Every response carries the site's security headers from dist/_headers.
 */
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { createStaticSite } from '../src/server/static-site.ts';
import { readSecurityHeaders, setSecurityHeaders } from '../src/server/security-headers.ts';
import { sitePolicyFromEnv } from '../src/server/proxy-hosts.ts';
import { createTryItProxy, normalizeTarget, PROXY_MAX_HEADER_SIZE, PROXY_SEGMENT } from '../src/server/try-it-proxy.ts';
import { createDemoProxy, type DemoProxy } from '../src/server/demo-proxy.ts';
import { startDemoServer, type DemoServer } from '../src/server/demo-server.ts';
import { createReachabilityCache } from '../src/server/meshplay-reachability.ts';
import { normalizeBase } from '../src/lib/site/base.ts';
import { DEFAULT_SERVER_URL } from '../src/lib/meshplay/session.ts';
import { DEMO_SEGMENT } from '../src/lib/playground/try-it-interface.ts';

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

/** Read DEMO_SERVER and DEMO_PORT: the demo is on unless DEMO_SERVER is "off"; port 0 (the default) means any free port. */
function readDemoSettings(): { enabled: boolean; port: number } {
  const raw = process.env.DEMO_SERVER?.trim().toLowerCase() ?? '';
  if (raw !== '' && raw !== 'on' && raw !== 'off') exitWithConfigError(`DEMO_SERVER must be "on" or "off", not "${raw}".`);
  const portText = process.env.DEMO_PORT?.trim() ?? '';
  const port = portText === '' ? 0 : Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    exitWithConfigError(`DEMO_PORT must be a port number from 1 to 65535 (or 0 for any free port), not "${portText}".`);
  }
  return { enabled: raw !== 'off', port };
}

const base = normalizeBase(process.env.SITE_BASE);
const host = process.env.HOST?.trim() || '127.0.0.1';
const port = Number(process.env.PORT ?? '4321');
const dir = resolve(process.env.SITE_DIR?.trim() || 'dist');
const target = readMeshplayServer();
const timeoutMs = readProxyTimeout();
const demoSettings = readDemoSettings();

const site = createStaticSite(dir, base);
const security = readSecurityHeaders(dir);
// Serving without them is still useful (a folder that was not built by astro, such as the benchmark's plain page), so only warn.
if (!security.ok) console.warn(`Warning: serving without the site's security headers. ${security.message}`);
const securityHeaders = security.ok ? security.headers : [];
const hostPolicy = sitePolicyFromEnv(host, process.env.ALLOWED_HOSTS);
const hosts = hostPolicy.ok ? hostPolicy.policy : exitWithConfigError(hostPolicy.message);
const meshplayReachable = createReachabilityCache(target);
// Ask now, so that the first page load already knows whether Meshplay answers.
meshplayReachable.latest();
let demo: DemoServer | undefined;
let demoProxy: DemoProxy | undefined;
let demoCouldNotStart = false;
// The demo server's proxy answers under the same rules (host names, timeout) as the site's.
const proxyOptions = { hosts, ...(timeoutMs === undefined ? {} : { timeoutMs }) };
const proxy = createTryItProxy({
  target,
  base,
  ...proxyOptions,
  // The playground chooses the demo server when Meshplay does not answer, and says how far the demo has got.
  healthExtras: () => ({
    meshplayReachable: meshplayReachable.latest(),
    ...(demoSettings.enabled ? { demo: demo?.status() ?? (demoCouldNotStart ? 'failed' : 'starting') } : {}),
  }),
});
const server = createServer({ maxHeaderSize: PROXY_MAX_HEADER_SIZE }, (req, res) => {
  setSecurityHeaders(res, securityHeaders);
  if (proxy.handle(req, res)) return;
  if (demoProxy?.handle(req, res)) return;
  site(req, res);
});
server.listen(port, host, () => {
  const siteUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}${base}`;
  console.log(`Meshplay REST API reference: ${siteUrl}  Try-it proxy: ${base}${PROXY_SEGMENT}/ -> ${proxy.target}`);
  // The site serves first; the demo joins when Prism has read the spec (a few seconds).
  if (demoSettings.enabled) void startDemo();
});

/** Start the demo server and its proxy; say so in one line, or say what failed. */
async function startDemo(): Promise<void> {
  try {
    demo = await startDemoServer({
      specPath: join(dir, 'openapi', 'meshplay.json'),
      port: demoSettings.port,
      onReady: (_url, elapsedMs) =>
        console.log(`Demo server ready: ${base}${DEMO_SEGMENT}/ answers from the spec's examples (${(elapsedMs / 1000).toFixed(1)} s).`),
      onFailure: (message) => console.error(`Demo server unavailable: ${message}`),
    });
    demoProxy = createDemoProxy({ base, demo, proxyOptions });
  } catch (error) {
    demoCouldNotStart = true;
    console.error(`Demo server unavailable: ${(error as Error).message}`);
  }
}

/** Stop everything this process started, then exit: Prism must not outlive the site. */
async function shutdown(code: number): Promise<void> {
  server.close();
  server.closeAllConnections();
  proxy.close();
  demoProxy?.close();
  await demo?.stop();
  process.exit(code);
}

process.once('SIGINT', () => void shutdown(130));
process.once('SIGTERM', () => void shutdown(143));
process.once('SIGHUP', () => void shutdown(129));
// Whatever ends this process (an error included), Prism goes with it.
process.once('exit', () => demo?.killNow());
