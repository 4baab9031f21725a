/**
 * The Meshplay bridge: `node meshplay-bridge.mjs [--server <url>] [--port <port>] [--allow-origin <origin>]...`.
 *
 * The try-it proxy of `npm start` (src/server/try-it-proxy.ts), run on 127.0.0.1 for docs
 * hosted elsewhere: the hosted playground calls `http://127.0.0.1:<port>/api-proxy/<api path>`
 * with the token in a header, and the bridge forwards to the one Meshplay server with it
 * turned into the cookies. The build bundles this file into `<outDir>/meshplay-bridge.mjs`
 * (src/integrations/bridge.ts), with the docs site's origin baked in.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { normalizeOrigin } from '../server/proxy-cors.ts';
import { sendJson } from '../server/proxy-json.ts';
import { createTryItProxy, PROXY_MAX_HEADER_SIZE, PROXY_SEGMENT } from '../server/try-it-proxy.ts';
import { parseBridgeArgs, USAGE, type BridgeOptions } from './options.ts';

/** The docs site's origin, replaced at build time from SITE_URL; absent when run from source. */
declare const __BRIDGE_DOCS_ORIGIN__: string | undefined;

/** Where the bridge listens: loopback only, so that nothing on the network can use it. */
const LISTEN_ADDRESS = '127.0.0.1';
/** Exit code for bad options and a port that cannot be used, as command-line tools do for usage errors. */
const USAGE_ERROR = 2;
/** What every answer of the bridge carries: its JSON is data, never a page to frame or run. */
const BRIDGE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'Referrer-Policy': 'no-referrer',
};

/** The docs origin the bridge was built for (baked in), or SITE_URL's when run from source. */
function builtInDocsOrigin(): string | undefined {
  const raw = typeof __BRIDGE_DOCS_ORIGIN__ === 'string' ? __BRIDGE_DOCS_ORIGIN__ : process.env.SITE_URL;
  if (raw === undefined || raw.trim() === '') return undefined;
  let origin: string;
  try {
    origin = new URL(raw.trim()).origin;
  } catch {
    return exitWithUsageError(`SITE_URL must be the docs' address, such as https://docs.example.com, not "${raw.slice(0, 100)}".`);
  }
  const checked = normalizeOrigin(origin);
  return checked.ok ? checked.origin : exitWithUsageError(`SITE_URL: ${checked.message}`);
}

/** Print what is wrong and stop with the usage exit code: never a stack trace. */
function exitWithUsageError(message: string): never {
  console.error(`meshplay-bridge: ${message}`);
  process.exit(USAGE_ERROR);
}

/** The one line the reader needs once the bridge listens. */
function readyLine(docsOrigins: readonly string[], server: string, port: number): string {
  const docs = [...docsOrigins, 'pages on this machine (localhost, 127.0.0.1)'].join(', ');
  return `Bridge ready: docs at ${docs} can now reach ${server} through http://${LISTEN_ADDRESS}:${port}/${PROXY_SEGMENT}`;
}

/** Answer a path outside the proxy with where to send requests instead. */
function sendNotFound(res: ServerResponse): void {
  sendJson(
    res,
    404,
    {
      error: 'not-found',
      message: `This is the Meshplay bridge: send API requests to /${PROXY_SEGMENT}/<api path>, such as /${PROXY_SEGMENT}/api/system/version; /${PROXY_SEGMENT}-health says where it forwards.`,
    },
    'not-found',
  );
}

/** Start the bridge with checked options; resolves once it listens, exits with a sentence when the port cannot be used. */
function startBridge(options: BridgeOptions): void {
  const builtIn = builtInDocsOrigin();
  const docsOrigins = [...new Set([...(builtIn === undefined ? [] : [builtIn]), ...options.allowOrigins])];
  const proxy = createTryItProxy({
    kind: 'bridge',
    target: options.server,
    base: '/',
    hosts: { names: [], anyIpAddress: false },
    cors: { origins: docsOrigins },
  });
  const server = createServer({ maxHeaderSize: PROXY_MAX_HEADER_SIZE }, (req: IncomingMessage, res: ServerResponse) => {
    for (const [name, value] of Object.entries(BRIDGE_HEADERS)) res.setHeader(name, value);
    if (!proxy.handle(req, res)) sendNotFound(res);
  });
  server.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE') {
      exitWithUsageError(
        `port ${options.port} on ${LISTEN_ADDRESS} is already in use (another bridge, or another program). Stop it, or choose another port with --port ${options.port === 65535 ? 9181 : options.port + 1} and use that port in the playground.`,
      );
    }
    if (error.code === 'EACCES')
      exitWithUsageError(`port ${options.port} is reserved on this system; choose one above 1023, such as --port 9180.`);
    console.error(`meshplay-bridge: could not listen on ${LISTEN_ADDRESS}:${options.port} (${error.code ?? error.message}).`);
    process.exit(1);
  });
  server.listen(options.port, LISTEN_ADDRESS, () => {
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : options.port;
    console.log(readyLine(docsOrigins, proxy.target, port));
  });
  const stop = () => {
    proxy.close();
    server.closeAllConnections();
    server.close(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** Read the command line and run, print help, or explain what is wrong. */
function main(argv: readonly string[]): void {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 18) exitWithUsageError(`it needs Node.js 18 or newer; this is ${process.version}.`);
  const parsed = parseBridgeArgs(argv);
  if (parsed.kind === 'help') {
    console.log(USAGE);
    return;
  }
  if (parsed.kind === 'error') exitWithUsageError(`${parsed.message}`);
  startBridge(parsed.options);
}

main(process.argv.slice(2));
