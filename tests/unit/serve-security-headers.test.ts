import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { headersFile } from '../../src/integrations/content-security-policy.ts';
import { parseHeadersFile, readSecurityHeaders } from '../../src/server/security-headers.ts';
import { closeServer } from '../support/close-server.ts';
import { freePort } from '../support/proxy-harness.ts';
import { startTestServer } from '../support/meshplay-test-server.ts';
import { spawnNode, waitForOutput, type Spawned } from '../support/spawned.ts';

const POLICY = "default-src 'self'; script-src 'self'; frame-ancestors 'none'";

/** A built site in miniature: a page, the 404 page and, unless told otherwise, the _headers the build writes. */
function makeSite(withHeaders: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'serve-headers-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Home</title><h1>Home</h1>');
  writeFileSync(join(dir, '404.html'), '<!doctype html><title>Not found</title>');
  if (withHeaders) writeFileSync(join(dir, '_headers'), headersFile(POLICY));
  return dir;
}

/** Start scripts/serve.ts on a free port over a folder; resolves when it listens. */
async function serve(dir: string, meshplay: string): Promise<{ url: string; process: Spawned }> {
  const port = await freePort();
  const spawned = spawnNode(['scripts/serve.ts'], {
    PORT: String(port),
    SITE_DIR: dir,
    SITE_BASE: '/',
    MESHPLAY_SERVER: meshplay,
    HOST: '127.0.0.1',
  });
  await waitForOutput(spawned, /Meshplay REST API reference: /);
  return { url: `http://127.0.0.1:${port}`, process: spawned };
}

describe("npm start sends the site's security headers", () => {
  let meshplay: Awaited<ReturnType<typeof startTestServer>>;
  let site: Awaited<ReturnType<typeof serve>>;
  let dir: string;

  beforeAll(async () => {
    meshplay = await startTestServer();
    dir = makeSite(true);
    site = await serve(dir, meshplay.url);
  });

  afterAll(async () => {
    await site.process.stop();
    await closeServer(meshplay.server);
    rmSync(dir, { recursive: true, force: true });
  });

  it('on static files, 404s, the health URL, proxied answers and refusals alike', async () => {
    const answers = {
      page: await fetch(`${site.url}/`),
      notFound: await fetch(`${site.url}/no-such-page/`),
      health: await fetch(`${site.url}/api-proxy-health`),
      proxied: await fetch(`${site.url}/api-proxy/api/system/version`),
      refused: await fetch(`${site.url}/api-proxy/api/user`, { headers: { Origin: 'https://evil.example' } }),
    };
    expect(answers.notFound.status).toBe(404);
    expect(answers.proxied.status).toBe(200);
    expect(answers.refused.status).toBe(403);
    for (const [name, response] of Object.entries(answers)) {
      expect(response.headers.get('content-security-policy'), name).toContain(POLICY);
      expect(response.headers.get('x-content-type-options'), name).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), name).toBe('no-referrer');
    }
    // A proxied answer keeps the site's policy and adds the sandbox (fetch joins the two headers).
    expect(answers.proxied.headers.get('content-security-policy')).toBe(`${POLICY}, sandbox`);
  });

  it('warns, saying what to run, when the folder has no _headers', async () => {
    const bare = makeSite(false);
    const unprotected = await serve(bare, meshplay.url);
    try {
      expect(unprotected.process.output()).toContain("Warning: serving without the site's security headers.");
      expect(unprotected.process.output()).toContain('Run "npm run build"');
      expect((await fetch(`${unprotected.url}/`)).headers.get('content-security-policy')).toBeNull();
    } finally {
      await unprotected.process.stop();
      rmSync(bare, { recursive: true, force: true });
    }
  });
});

describe('reading _headers', () => {
  it('takes the headers of the /* rule only', () => {
    const text = `# comment\n/*\n  Content-Security-Policy: ${POLICY}\n  X-Content-Type-Options: nosniff\n/docs/*\n  X-Other: no\n`;
    expect(parseHeadersFile(text)).toEqual([
      ['Content-Security-Policy', POLICY],
      ['X-Content-Type-Options', 'nosniff'],
    ]);
  });

  it('explains a file without a policy', () => {
    const dir = mkdtempSync(join(tmpdir(), 'serve-headers-'));
    writeFileSync(join(dir, '_headers'), '/*\n  X-Content-Type-Options: nosniff\n');
    const result = readSecurityHeaders(dir);
    expect(result).toEqual({
      ok: false,
      message: `${join(dir, '_headers')} has no Content-Security-Policy for "/*". Run "npm run build" again to rewrite it.`,
    });
    rmSync(dir, { recursive: true, force: true });
  });
});
