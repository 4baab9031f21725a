import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { markersOf, renderNginxConfig, type NginxValues } from '../../src/lib/deploy/nginx-config.ts';
import { startTestServer } from '../support/meshplay-test-server.ts';
import { NGINX_MISSING, startNginx, type RunningNginx } from '../support/nginx.ts';
import { closeServer } from '../support/close-server.ts';
import { freePort } from '../support/proxy-harness.ts';
import { mintToken } from '../support/tokens.ts';

const DOCS_TEMPLATE = 'deploy/nginx/meshplay-docs.conf';
const SAME_ORIGIN_TEMPLATE = 'deploy/nginx/meshplay-same-origin.conf';
const POLICY = "default-src 'self'; script-src 'self' 'sha256-abc+/='; frame-ancestors 'none'";
const VALUES: NginxValues = {
  LISTEN: '8080',
  SERVER_NAME: 'docs.example.com',
  DOCS_ROOT: '/srv/meshplay docs/dist/',
  DOCS_ORIGIN: 'https://docs.example.com/',
  MESHPLAY_UPSTREAM: 'http://meshplay.internal:9081/',
  API_PREFIX: 'meshplay',
  CONTENT_SECURITY_POLICY: POLICY,
};

describe('the nginx templates', () => {
  it('mark the values a deployment sets, and nothing else', () => {
    expect(markersOf(readFileSync(DOCS_TEMPLATE, 'utf8')).sort()).toEqual(
      ['API_PREFIX', 'CONTENT_SECURITY_POLICY', 'DOCS_ORIGIN', 'DOCS_ROOT', 'LISTEN', 'MESHPLAY_UPSTREAM', 'SERVER_NAME'].sort(),
    );
    expect(markersOf(readFileSync(SAME_ORIGIN_TEMPLATE, 'utf8')).sort()).toEqual(
      ['CONTENT_SECURITY_POLICY', 'DOCS_ROOT', 'LISTEN', 'MESHPLAY_UPSTREAM', 'SERVER_NAME'].sort(),
    );
  });

  it('are filled in with every value in its checked form', () => {
    const result = renderNginxConfig(readFileSync(DOCS_TEMPLATE, 'utf8'), VALUES);
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.config).not.toMatch(/\{\{/);
    expect(result.config).toContain('listen 8080;');
    expect(result.config).toContain('root "/srv/meshplay docs/dist";');
    expect(result.config).toContain('"https://docs.example.com" $http_origin;');
    expect(result.config).toContain('location /meshplay/ {');
    expect(result.config).toContain('proxy_pass http://meshplay.internal:9081/;');
    expect(result.config).toContain(`add_header Content-Security-Policy "${POLICY}" always;`);
  });

  it('refuse values that could break out of a directive or a quoted string, and name every missing one', () => {
    const template = readFileSync(DOCS_TEMPLATE, 'utf8');
    const result = renderNginxConfig(template, {
      ...VALUES,
      DOCS_ROOT: '/srv/dist"; include /etc/passwd; "',
      DOCS_ORIGIN: 'https://docs.example.com"; evil',
      MESHPLAY_UPSTREAM: 'http://admin:pw@meshplay:9081',
      API_PREFIX: '/',
      CONTENT_SECURITY_POLICY: `${POLICY}" always; add_header X-Evil "1`,
      LISTEN: '80; include /x',
      SERVER_NAME: undefined,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(7);
    expect(result.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^LISTEN: "80; include \/x" is not a port/),
        'SERVER_NAME is missing: the template needs it.',
        expect.stringMatching(/^DOCS_ROOT: the path must not contain quotes/),
        expect.stringMatching(/^DOCS_ORIGIN: /),
        'MESHPLAY_UPSTREAM: it must not contain a user name or password.',
        expect.stringMatching(/^API_PREFIX: "\/" is not a path prefix/),
        expect.stringMatching(/^CONTENT_SECURITY_POLICY: /),
      ]),
    );
    expect(result.problems.join('\n')).not.toContain('pw@');
  });
});

describe.skipIf(NGINX_MISSING !== undefined)('real nginx in front of Meshplay (deploy/nginx/meshplay-docs.conf)', () => {
  const docsOrigin = 'http://127.0.0.1:1'; // the page origin allowed by CORS (only its Origin header matters here)
  let meshplay: Awaited<ReturnType<typeof startTestServer>>;
  let nginx: RunningNginx;
  let url: string;
  let docsRoot: string;
  const token = mintToken({ expiresIn: 3600, subject: 'nginx-unit' });

  beforeAll(async () => {
    meshplay = await startTestServer();
    docsRoot = mkdtempSync(join(tmpdir(), 'nginx-docs-'));
    writeFileSync(join(docsRoot, 'index.html'), '<!doctype html><title>Docs</title>');
    writeFileSync(join(docsRoot, '404.html'), '<!doctype html><title>Not found</title>');
    writeFileSync(join(docsRoot, 'llms.txt'), '# Meshplay REST API — für alle\n');
    mkdirSync(join(docsRoot, 'guide'));
    writeFileSync(join(docsRoot, 'guide', 'index.md'), '# Guide — café\n');
    const port = await freePort();
    nginx = await startNginx(DOCS_TEMPLATE, port, {
      SERVER_NAME: '_',
      DOCS_ROOT: docsRoot,
      DOCS_ORIGIN: docsOrigin,
      MESHPLAY_UPSTREAM: meshplay.url,
      API_PREFIX: '/meshplay/',
      CONTENT_SECURITY_POLICY: POLICY,
    });
    url = `http://127.0.0.1:${port}`;
  });

  afterAll(async () => {
    await nginx.stop();
    await closeServer(meshplay.server);
    rmSync(docsRoot, { recursive: true, force: true });
  });

  it('serves the docs with the security headers of _headers, 404s included', async () => {
    for (const path of ['/', '/no-such-page/']) {
      const response = await fetch(`${url}${path}`);
      expect(response.headers.get('content-security-policy'), path).toBe(POLICY);
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), path).toBe('no-referrer');
    }
  });

  it('shows the Markdown twins and llms.txt as UTF-8 text, with the security headers', async () => {
    const twin = await fetch(`${url}/guide/index.md`);
    expect(twin.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(await twin.text()).toBe('# Guide — café\n');
    expect(twin.headers.get('content-security-policy')).toBe(POLICY);
    expect(twin.headers.get('x-content-type-options')).toBe('nosniff');
    const llms = await fetch(`${url}/llms.txt`);
    expect(llms.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(llms.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('turns the token headers into the cookies, dropping the browser’s own', async () => {
    const response = await fetch(`${url}/meshplay/api/user`, {
      headers: { Origin: docsOrigin, 'meshplay-token': token, 'meshplay-provider': 'Meshplay', Cookie: 'docs-session=secret' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(docsOrigin);
    expect(response.headers.get('content-security-policy')).toBe('sandbox');
    const seen = meshplay.requests.filter((request) => request.cookie?.includes(token)).at(-1);
    expect(seen?.cookie).toBe(`meshplay-provider=Meshplay; token=${token}`);
    expect(seen?.meshplayTokenHeader).toBeUndefined();
    // A token alone is the remote provider's; the local provider needs none.
    await fetch(`${url}/meshplay/api/user`, { headers: { 'meshplay-token': token } });
    expect(meshplay.requests.at(-1)?.cookie).toBe(`meshplay-provider=Meshplay; token=${token}`);
    await fetch(`${url}/meshplay/api/user`, { headers: { 'meshplay-provider': 'None', Cookie: 'token=stolen' } });
    expect(meshplay.requests.at(-1)?.cookie).toBe('meshplay-provider=None');
  });

  it('answers the docs origin’s preflight, and refuses other origins with 403 JSON', async () => {
    const preflight = await fetch(`${url}/meshplay/api/user`, {
      method: 'OPTIONS',
      headers: { Origin: docsOrigin, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'meshplay-token' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(docsOrigin);
    expect(preflight.headers.get('access-control-allow-headers')).toBe('accept, content-type, meshplay-token, meshplay-provider');
    const before = meshplay.requests.length;
    const foreign = await fetch(`${url}/meshplay/api/user`, { headers: { Origin: 'https://evil.example', 'meshplay-token': token } });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    expect(await foreign.json()).toMatchObject({ error: 'origin-not-allowed' });
    expect(meshplay.requests.length).toBe(before);
  });

  it('explains a sign-in redirect as 401 JSON, refuses a smuggled cookie, and passes other 404s on unchanged', async () => {
    const signIn = await fetch(`${url}/meshplay/api/user`, { headers: { Origin: docsOrigin }, redirect: 'manual' });
    expect(signIn.status).toBe(401);
    expect(signIn.headers.get('x-try-it-proxy')).toBe('auth-redirect');
    expect(await signIn.json()).toMatchObject({ error: 'auth-redirect', status: 302 });

    const before = meshplay.requests.length;
    const smuggled = await fetch(`${url}/meshplay/api/user`, { headers: { Origin: docsOrigin, 'meshplay-token': `${token}; provider=x` } });
    expect(smuggled.status).toBe(400);
    expect(await smuggled.json()).toMatchObject({ error: 'bad-header' });
    expect(meshplay.requests.length).toBe(before);

    const missing = await fetch(`${url}/meshplay/api/no-such-route`, { headers: { Origin: docsOrigin } });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('x-try-it-proxy')).toBeNull();
    expect(await missing.text()).toBe('404 page not found\n');
  });
});

describe.skipIf(NGINX_MISSING !== undefined)('real nginx, same-origin variant (deploy/nginx/meshplay-same-origin.conf)', () => {
  it('serves the docs under /docs/ and passes everything else to Meshplay with the browser’s own cookies', async () => {
    const meshplay = await startTestServer();
    const docsRoot = mkdtempSync(join(tmpdir(), 'nginx-docs-'));
    writeFileSync(join(docsRoot, 'index.html'), '<!doctype html><title>Docs</title>');
    writeFileSync(join(docsRoot, 'index.md'), '# Docs\n');
    const port = await freePort();
    const nginx = await startNginx(SAME_ORIGIN_TEMPLATE, port, {
      SERVER_NAME: '_',
      DOCS_ROOT: docsRoot,
      MESHPLAY_UPSTREAM: meshplay.url,
      CONTENT_SECURITY_POLICY: POLICY,
    });
    try {
      const docs = await fetch(`http://127.0.0.1:${port}/docs/`);
      expect(await docs.text()).toContain('<title>Docs</title>');
      expect(docs.headers.get('content-security-policy')).toBe(POLICY);
      const twin = await fetch(`http://127.0.0.1:${port}/docs/index.md`);
      expect(twin.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
      expect(twin.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await twin.text()).toBe('# Docs\n');
      const token = mintToken({ expiresIn: 3600, subject: 'same-origin' });
      const user = await fetch(`http://127.0.0.1:${port}/api/user`, { headers: { Cookie: `meshplay-provider=Meshplay; token=${token}` } });
      expect(user.status).toBe(200);
      expect(meshplay.requests.at(-1)?.cookie).toBe(`meshplay-provider=Meshplay; token=${token}`);
    } finally {
      await nginx.stop();
      await closeServer(meshplay.server);
      rmSync(docsRoot, { recursive: true, force: true });
    }
  });
});
