import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { createStaticSite } from '../../src/server/static-site.ts';
import { closeServer } from '../support/close-server.ts';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** GET a path with the given headers and read the raw (still encoded) body. */
function fetchRaw(port: number, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** A page big enough to be worth compressing. */
const bigPage = `<!doctype html><title>Home</title>${'<p>Meshplay REST API reference.</p>'.repeat(200)}`;

describe('the static site server', () => {
  let dir: string;
  const servers: Server[] = [];
  let rootPort = 0;
  let docsPort = 0;

  /** Serve `dir` under `base` on a free port. */
  async function serve(base: string): Promise<number> {
    const site = createStaticSite(dir, base);
    const server = createServer((req, res) => site(req, res));
    servers.push(server);
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    return (server.address() as AddressInfo).port;
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'static-site-'));
    writeFileSync(join(dir, 'index.html'), bigPage);
    writeFileSync(join(dir, '404.html'), '<!doctype html><title>Not found</title><h1>Page not found</h1>');
    writeFileSync(join(dir, 'tiny.txt'), 'ok');
    mkdirSync(join(dir, 'guide'));
    writeFileSync(join(dir, 'guide', 'index.html'), bigPage);
    writeFileSync(join(dir, 'guide', 'index.md'), `# Guide\n\n${'Text → more text. '.repeat(100)}\n`);
    writeFileSync(join(dir, 'llms.txt'), '# Site\n\n> What it is for…\n');
    rootPort = await serve('/');
    docsPort = await serve('/docs/');
  });

  afterAll(async () => {
    for (const server of servers) {
      await closeServer(server);
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('gzips pages for browsers that accept it, as static hosts do', async () => {
    const answer = await fetchRaw(rootPort, '/', { 'Accept-Encoding': 'gzip' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('gzip');
    expect(answer.headers['vary']).toMatch(/accept-encoding/i);
    expect(gunzipSync(answer.body).toString()).toBe(bigPage);
    expect(answer.body.length).toBeLessThan(bigPage.length / 5);
  });

  it('sends pages as they are to clients that ask for no encoding', async () => {
    const answer = await fetchRaw(rootPort, '/guide/');
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(answer.body.toString()).toBe(bigPage);
  });

  it('leaves tiny files uncompressed', async () => {
    const answer = await fetchRaw(rootPort, '/tiny.txt', { 'Accept-Encoding': 'gzip' });
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(answer.body.toString()).toBe('ok');
  });

  it('sends Markdown twins and llms.txt as UTF-8 text, compressed like pages', async () => {
    const twin = await fetchRaw(docsPort, '/docs/guide/index.md', { 'Accept-Encoding': 'gzip' });
    expect(twin.status).toBe(200);
    expect(twin.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(twin.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(twin.body).toString()).toMatch(/^# Guide\n\nText → more text\./);
    const llms = await fetchRaw(rootPort, '/llms.txt');
    expect(llms.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(llms.body.toString()).toBe('# Site\n\n> What it is for…\n');
  });

  it("answers unknown paths with the site's 404 page", async () => {
    const answer = await fetchRaw(rootPort, '/no/such/page/');
    expect(answer.status).toBe(404);
    expect(answer.body.toString()).toContain('Page not found');
  });

  it('serves under a sub-path, redirects the bare prefix, and 404s outside it', async () => {
    expect((await fetchRaw(docsPort, '/docs/guide/', { 'Accept-Encoding': 'gzip' })).headers['content-encoding']).toBe('gzip');
    const bare = await fetchRaw(docsPort, '/docs');
    expect(bare.status).toBe(301);
    expect(bare.headers['location']).toBe('/docs/');
    expect((await fetchRaw(docsPort, '/guide/')).status).toBe(404);
  });

  it('refuses to start without a built site and says how to build one', () => {
    const empty = mkdtempSync(join(tmpdir(), 'static-site-empty-'));
    try {
      expect(() => createStaticSite(empty, '/')).toThrow(/npm run build/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
