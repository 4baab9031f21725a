/**
 * A stand-in for the bridge (`node meshplay-bridge.mjs --server <url> --port <port>`) until its
 * entry, src/bridge/cli.ts, is on this branch: the try-it proxy on 127.0.0.1 with the bridge's
 * health answer and CORS for loopback pages, which is all the playground's tests rely on.
 * tests/support/bridge-process.ts runs the real entry as soon as it exists.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { PROVIDER_HEADER, TOKEN_HEADER } from '../../src/lib/meshplay/session.ts';
import { isLoopbackOrigin } from '../../src/lib/playground/bridge.ts';
import { HEALTH_SEGMENT, HEALTH_VERSION, PROXY_ERROR_HEADER, PROXY_NAME } from '../../src/lib/playground/try-it-interface.ts';
import { createTryItProxy, PROXY_MAX_HEADER_SIZE } from '../../src/server/try-it-proxy.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const index = args.indexOf(name);
  return index >= 0 ? (args[index + 1] ?? fallback) : fallback;
};
const target = option('--server', 'http://localhost:9081');
const port = Number(option('--port', '9180'));
const proxy = createTryItProxy({ target, base: '/' });

/** CORS for a loopback page, as the bridge answers it. */
function allowPage(res: ServerResponse, origin: string): void {
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Access-Control-Expose-Headers', `${PROXY_ERROR_HEADER}, content-type, content-disposition`);
  res.setHeader('Vary', 'Origin');
}

const server = createServer({ maxHeaderSize: PROXY_MAX_HEADER_SIZE }, (req: IncomingMessage, res: ServerResponse) => {
  const origin = req.headers.origin;
  if (origin !== undefined && !isLoopbackOrigin(origin)) {
    res.writeHead(403, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: 'origin-not-allowed', message: `The bridge does not answer pages of ${origin}.` }));
    return;
  }
  if (origin !== undefined) allowPage(res, origin);
  if (req.method === 'OPTIONS' && origin !== undefined) {
    res.writeHead(204, {
      'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE',
      'Access-Control-Allow-Headers': `content-type, accept, ${TOKEN_HEADER}, ${PROVIDER_HEADER}`,
      'Access-Control-Max-Age': '600',
    });
    res.end();
    return;
  }
  if (req.url === `/${HEALTH_SEGMENT}`) {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ proxy: PROXY_NAME, kind: 'bridge', target: proxy.target, version: HEALTH_VERSION }));
    return;
  }
  // The page is allowed: the proxy inside checks what it checks for a same-origin page.
  delete req.headers.origin;
  delete req.headers['sec-fetch-site'];
  if (!proxy.handle(req, res)) {
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end('{"error":"not-found","message":"not a bridge path"}');
  }
});
server.listen(port, '127.0.0.1', () => console.log(`Bridge stand-in ready on 127.0.0.1:${port} for ${proxy.target}`));
process.once('SIGTERM', () => {
  proxy.close();
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
