/**
 * `npm run serve` (and the second half of `npm start`): serves the built site from dist/
 * under SITE_BASE, on HOST:PORT (default 127.0.0.1:4321).
 */
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { createStaticSite } from '../src/server/static-site.ts';
import { normalizeBase } from '../src/lib/site/base.ts';

const base = normalizeBase(process.env.SITE_BASE);
const host = process.env.HOST?.trim() || '127.0.0.1';
const port = Number(process.env.PORT ?? '4321');
const dir = resolve(process.env.SITE_DIR?.trim() || 'dist');

const site = createStaticSite(dir, base);
const server = createServer((req, res) => site(req, res));
server.listen(port, host, () => {
  console.log(`Meshplay REST API reference: http://${host.includes(':') ? `[${host}]` : host}:${port}${base}`);
});
