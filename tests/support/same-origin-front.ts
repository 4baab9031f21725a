/**
 * Docs and Meshplay behind one host, as a team would put them: a front server that serves
 * the site built with SITE_BASE=/docs/ under /docs/ and forwards everything else, as it is
 * (cookies included), to the Meshplay test server. Listens on a free loopback port.
 */
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createStaticSite } from '../../src/server/static-site.ts';
import { closeServer } from './close-server.ts';
import type { RunningServer } from './static-only-site.ts';

/** Serve `siteDir` under `/docs/` and pass the rest to `meshplay`. */
export async function startSameOriginFront(siteDir: string, meshplay: string): Promise<RunningServer> {
  const site = createStaticSite(siteDir, '/docs/');
  const upstream = new URL(meshplay);
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    if (path === '/docs' || path.startsWith('/docs/')) {
      site(req, res);
      return;
    }
    const forwarded = request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path, headers: { ...req.headers, host: upstream.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forwarded.on('error', () => {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end('Meshplay is not running\n');
    });
    req.pipe(forwarded);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => closeServer(server) };
}
