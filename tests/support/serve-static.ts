/**
 * The built site as a docs host serves it: plain files with the headers of dist/_headers, and
 * no try-it proxy (Playwright's webServer, for the tests of the bridge and of nginx).
 */
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { readSecurityHeaders, setSecurityHeaders } from '../../src/server/security-headers.ts';
import { createStaticSite } from '../../src/server/static-site.ts';

const dir = resolve(process.env.SITE_DIR ?? 'dist');
const port = Number(process.env.PORT);
const site = createStaticSite(dir, '/');
const security = readSecurityHeaders(dir);
if (!security.ok) throw new Error(security.message);
const headers = security.headers;
createServer((req, res) => {
  setSecurityHeaders(res, headers);
  site(req, res);
}).listen(port, '127.0.0.1', () => console.log(`Static docs (no proxy) at http://127.0.0.1:${port}/`));
