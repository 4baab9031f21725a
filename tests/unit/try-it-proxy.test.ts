import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTryItProxy } from '../../src/server/try-it-proxy.ts';
import { closeServer } from '../support/close-server.ts';
import { freePort, sendRaw, startProxy, type RunningProxy } from '../support/proxy-harness.ts';
import { startTestServer, type RecordedRequest } from '../support/meshplay-test-server.ts';
import { mintToken } from '../support/tokens.ts';

/** The requests a test server saw on a path. */
function requestsTo(requests: RecordedRequest[], path: string): RecordedRequest[] {
  return requests.filter((request) => request.path === path);
}

describe('try-it proxy', () => {
  let meshplay: Awaited<ReturnType<typeof startTestServer>>;
  let otherHost: Awaited<ReturnType<typeof startTestServer>>;
  let proxy: RunningProxy;
  const token = mintToken({ expiresIn: 3600 });

  beforeAll(async () => {
    meshplay = await startTestServer({ maxHeaderSize: 1024 * 1024 });
    otherHost = await startTestServer();
    proxy = await startProxy({ target: meshplay.url, base: '/' });
  });

  afterAll(async () => {
    await proxy.close();
    await closeServer(meshplay.server);
    await closeServer(otherHost.server);
  });

  it('turns the token header into the cookies Meshplay reads, so GET /api/user answers 200', async () => {
    const response = await fetch(`${proxy.url}/api-proxy/api/user`, {
      headers: { 'meshplay-token': token, 'meshplay-provider': 'Meshplay' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ provider: 'Meshplay', first_name: 'Meshplay' });
    const seen = requestsTo(meshplay.requests, '/api/user').at(-1);
    expect(seen?.cookie).toBe(`meshplay-provider=Meshplay; token=${token}`);
    expect(seen?.meshplayTokenHeader).toBeUndefined();
  });

  it('defaults the provider to Meshplay when only a token is given, and keeps the query', async () => {
    const response = await fetch(`${proxy.url}/api-proxy/api/user?page=2&search=a%20b`, { headers: { 'meshplay-token': token } });
    expect(response.status).toBe(200);
    const seen = requestsTo(meshplay.requests, '/api/user?page=2&search=a%20b').at(-1);
    expect(seen?.cookie).toBe(`meshplay-provider=Meshplay; token=${token}`);
  });

  it('sends only meshplay-provider=None for the local provider without a token', async () => {
    const response = await fetch(`${proxy.url}/api-proxy/api/user`, { headers: { 'meshplay-provider': 'None' } });
    expect(response.status).toBe(200);
    expect(requestsTo(meshplay.requests, '/api/user').at(-1)?.cookie).toBe('meshplay-provider=None');
  });

  it('forwards the method and body of a POST', async () => {
    const response = await fetch(`${proxy.url}/api-proxy/api/system/graphql/query`, {
      method: 'POST',
      headers: { 'meshplay-token': token, 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: '{ getAvailableNamespaces { namespace } }' }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      data: { getAvailableNamespaces: [{ namespace: 'default' }, { namespace: 'meshplay' }] },
    });
  });

  it("never passes the page's own Cookie header to Meshplay", async () => {
    const response = await fetch(`${proxy.url}/api-proxy/api/user`, {
      headers: { cookie: 'docs-session=secret; token=from-the-docs-site', 'meshplay-token': token },
    });
    expect(response.status).toBe(200);
    const seen = requestsTo(meshplay.requests, '/api/user').at(-1);
    expect(seen?.cookie).toBe(`meshplay-provider=Meshplay; token=${token}`);
    expect(seen?.cookie).not.toContain('docs-session');

    await fetch(`${proxy.url}/api-proxy/api/system/version`, { headers: { cookie: 'docs-session=secret' } });
    expect(requestsTo(meshplay.requests, '/api/system/version').at(-1)?.cookie).toBeUndefined();
  });

  it("answers 401 auth-redirect JSON instead of Meshplay's 302 to /provider when no token is given", async () => {
    const response = await fetch(`${proxy.url}/api-proxy/api/user`, { redirect: 'manual' });
    expect(response.status).toBe(401);
    expect(response.headers.get('x-try-it-proxy')).toBe('auth-redirect');
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ error: 'auth-redirect', status: 302 });
    expect(body['location']).toMatch(/^\/provider\?ref=/);
    expect(body['message']).toMatch(/^Meshplay redirected to \/provider: the token is missing, invalid or expired\./);
  });

  it("answers 401 auth-redirect for an expired or forged token (Meshplay's 302 to /auth/login)", async () => {
    for (const bad of [mintToken({ expiresIn: -60 }), mintToken({ expiresIn: 3600, key: 'another-key' })]) {
      const response = await fetch(`${proxy.url}/api-proxy/api/user`, { headers: { 'meshplay-token': bad }, redirect: 'manual' });
      expect(response.status).toBe(401);
      expect(response.headers.get('set-cookie')).toBeNull();
      const body = (await response.json()) as Record<string, unknown>;
      expect(body).toMatchObject({ error: 'auth-redirect', status: 302 });
      expect(body['message']).toMatch(/^Meshplay redirected to \/auth\/login:/);
    }
  });

  it('treats a redirect to /user/login or to another host as an auth redirect', async () => {
    for (const location of ['/user/login?ref=x', `${meshplay.url}/auth/login`, 'https://meshplay.example.test/login?ref=x']) {
      const response = await fetch(`${proxy.url}/api-proxy/__test__/redirect?location=${encodeURIComponent(location)}`, {
        redirect: 'manual',
      });
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: 'auth-redirect', status: 302, location });
    }
  });

  it('keeps other relative redirects under the proxy path, without Meshplay cookies', async () => {
    const response = await fetch(
      `${proxy.url}/api-proxy/__test__/redirect?status=307&location=${encodeURIComponent('/api/system/version?x=1')}`,
      {
        redirect: 'manual',
      },
    );
    expect(response.status).toBe(307);
    expect(response.headers.get('location')).toBe('/api-proxy/api/system/version?x=1');
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('reuses its connections to Meshplay across requests instead of opening one per call', async () => {
    let connections = 0;
    const upstream = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"ok":true}');
    });
    upstream.on('connection', () => {
      connections += 1;
    });
    await new Promise<void>((done) => upstream.listen(0, '127.0.0.1', done));
    const reusing = await startProxy({ target: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`, base: '/' });
    try {
      for (let call = 0; call < 5; call += 1) {
        const response = await fetch(`${reusing.url}/api-proxy/api/system/version`);
        expect(response.status).toBe(200);
        await response.text();
      }
      expect(connections).toBe(1);
    } finally {
      await reusing.close();
      await closeServer(upstream);
    }
  });

  it('answers 502 unreachable JSON when nothing listens at the target', async () => {
    const port = await freePort();
    const dead = await startProxy({ target: `http://127.0.0.1:${port}`, base: '/' });
    try {
      const response = await fetch(`${dead.url}/api-proxy/api/system/version`);
      expect(response.status).toBe(502);
      expect(response.headers.get('x-try-it-proxy')).toBe('unreachable');
      expect(response.headers.get('cache-control')).toBe('no-store');
      const body = (await response.json()) as Record<string, unknown>;
      expect(body).toMatchObject({ error: 'unreachable', target: `http://127.0.0.1:${port}` });
      expect(body['message']).toBe(
        `Could not reach Meshplay at http://127.0.0.1:${port} (ECONNREFUSED). Is it running? Start it, or set MESHPLAY_SERVER to its address and restart npm start.`,
      );
    } finally {
      await dead.close();
    }
  });

  it('answers 504 timeout JSON when the target sends no response head in time', async () => {
    const slow = await startTestServer();
    const slowProxy = await startProxy({ target: slow.url, base: '/', timeoutMs: 300 });
    try {
      await fetch(`${slow.url}/__test__/delay?ms=3000`);
      const started = Date.now();
      const response = await fetch(`${slowProxy.url}/api-proxy/api/system/version`);
      const elapsed = Date.now() - started;
      expect(response.status).toBe(504);
      expect(response.headers.get('x-try-it-proxy')).toBe('timeout');
      expect(await response.json()).toMatchObject({ error: 'timeout', message: `Meshplay at ${slow.url} did not answer within 0.3 s.` });
      expect(elapsed).toBeGreaterThanOrEqual(250);
      expect(elapsed).toBeLessThan(1500);
    } finally {
      await slowProxy.close();
      await closeServer(slow.server);
    }
  });

  it('streams GET /api/events in pieces as they come, beyond the header timeout', async () => {
    // A timeout shorter than the stream: only the wait for the head is timed.
    const streaming = await startProxy({ target: meshplay.url, base: '/', timeoutMs: 500 });
    try {
      const arrivals = await new Promise<{ at: number; text: string }[]>((resolve, reject) => {
        const started = Date.now();
        const seen: { at: number; text: string }[] = [];
        get(`${streaming.url}/api-proxy/api/events`, { headers: { 'meshplay-token': token } }, (res) => {
          expect(res.statusCode).toBe(200);
          expect(res.headers['content-type']).toBe('text/event-stream');
          res.setEncoding('utf8');
          res.on('data', (text: string) => seen.push({ at: Date.now() - started, text }));
          res.on('end', () => resolve(seen));
          res.on('error', reject);
        }).on('error', reject);
      });
      const first = arrivals[0];
      const last = arrivals.at(-1);
      expect(arrivals.length).toBeGreaterThanOrEqual(3);
      expect(
        arrivals
          .map((arrival) => arrival.text)
          .join('')
          .match(/^data: /gm),
      ).toHaveLength(5);
      expect(first && last && last.at - first.at).toBeGreaterThan(800);
    } finally {
      await streaming.close();
    }
  });

  describe('never lets a request choose another host', () => {
    const tricks = (other: string): string[] => [
      `/api-proxy//${other}/api/user`,
      `/api-proxy/%2F%2F${other}/api/user`,
      `/api-proxy/%2f%2f${other}/api/user`,
      `/api-proxy/api/../api/user`,
      `/api-proxy/api/%2e%2e/api/user`,
      `/api-proxy/api/%2E%2E/api/user`,
      `/api-proxy/api/.%2E/api/user`,
      `/api-proxy/%2E%2E/`,
      `/api-proxy/./api/user`,
      `/api-proxy/api%5Cuser`,
      `/api-proxy/api%5cuser`,
      `/api-proxy/\\\\${other}/api/user`,
      `/api-proxy/api\\user`,
      `/api-proxy/api/user%00`,
      `/api-proxy/api/%zz`,
    ];

    it('refuses dot-segments, empty segments, encoded slashes, backslashes and NUL with 400 JSON', async () => {
      const other = otherHost.url.replace('http://', '');
      const before = meshplay.requests.length;
      for (const path of tricks(other)) {
        const response = await sendRaw(proxy.port, `GET ${path} HTTP/1.1`, { 'meshplay-token': token });
        expect(response.status, path).toBe(400);
        expect(response.head, path).toMatch(/content-type: application\/json; charset=utf-8/i);
        expect(JSON.parse(response.body), path).toMatchObject({ error: 'bad-path' });
      }
      expect(meshplay.requests.length).toBe(before);
      expect(otherHost.requests).toEqual([]);
    });

    it('never follows an absolute-form request URL, a network-path URL or a Host header', async () => {
      const other = otherHost.url.replace('http://', '');
      const absoluteToOther = await sendRaw(proxy.port, `GET http://${other}/api/user HTTP/1.1`, { 'meshplay-token': token });
      expect(absoluteToOther.status).toBe(404); // not a proxy path: left to the static site
      const absoluteProxyPath = await sendRaw(proxy.port, `GET http://${other}/api-proxy/api/user HTTP/1.1`, { 'meshplay-token': token });
      expect(absoluteProxyPath.status).toBe(400);
      expect(JSON.parse(absoluteProxyPath.body)).toMatchObject({ error: 'absolute-form' });
      const networkPath = await sendRaw(proxy.port, `GET //${other}/api/user HTTP/1.1`, { 'meshplay-token': token });
      expect(networkPath.status).toBe(404);

      // A Host header naming the other server does not route there: the target is fixed.
      const viaHost = await sendRaw(proxy.port, 'GET /api-proxy/api/user HTTP/1.1', { Host: other, 'meshplay-token': token });
      expect(viaHost.status).toBe(200);
      expect(requestsTo(meshplay.requests, '/api/user').length).toBeGreaterThan(0);
      expect(otherHost.requests).toEqual([]);
    });
  });

  it('refuses cross-site requests with 403', async () => {
    const before = meshplay.requests.length;
    const cases: Record<string, string>[] = [
      { 'Sec-Fetch-Site': 'cross-site' },
      { 'Sec-Fetch-Site': 'same-site' },
      { Origin: 'https://evil.example' },
      { Origin: 'http://127.0.0.1:1' },
      { Origin: 'null' },
    ];
    for (const headers of cases) {
      const response = await fetch(`${proxy.url}/api-proxy/api/user`, { headers: { ...headers, 'meshplay-token': token } });
      expect(response.status, JSON.stringify(headers)).toBe(403);
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(await response.json()).toMatchObject({ error: 'cross-site' });
    }
    expect(meshplay.requests.length).toBe(before);

    const sameOrigin = await fetch(`${proxy.url}/api-proxy/api/user`, {
      headers: { Origin: proxy.url, 'Sec-Fetch-Site': 'same-origin', 'meshplay-token': token },
    });
    expect(sameOrigin.status).toBe(200);
  });

  it('refuses a host name that only DNS rebinding would send to a loopback proxy', async () => {
    const before = meshplay.requests.length;
    const response = await sendRaw(proxy.port, 'GET /api-proxy/api/user HTTP/1.1', {
      Host: 'attacker.example:4321',
      'meshplay-token': token,
    });
    expect(response.status).toBe(403);
    expect(meshplay.requests.length).toBe(before);
    expect(JSON.parse(response.body)).toMatchObject({ error: 'host-not-allowed' });
    for (const host of ['localhost:4321', 'docs.localhost', '127.0.0.1', '[::1]:4321']) {
      expect((await sendRaw(proxy.port, 'GET /api-proxy-health HTTP/1.1', { Host: host })).status, host).toBe(200);
    }
  });

  it('answers the health URL with the target and no credentials', async () => {
    const response = await fetch(`${proxy.url}/api-proxy-health`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await response.json()).toEqual({ proxy: 'meshplay-try-it', kind: 'site', target: meshplay.url, version: 1 });
  });

  it('refuses a malformed token or provider header with 400 JSON', async () => {
    const before = meshplay.requests.length;
    for (const headers of [
      { 'meshplay-token': 'not a token!' },
      { 'meshplay-token': 'a'.repeat(16 * 1024 + 1) },
      { 'meshplay-token': token, 'meshplay-provider': 'Mesh play' },
      { 'meshplay-provider': 'x'.repeat(65) },
    ]) {
      const response = await fetch(`${proxy.url}/api-proxy/api/user`, { headers });
      expect(response.status).toBe(400);
      const body = (await response.json()) as Record<string, unknown>;
      expect(body['error']).toBe('bad-header');
      expect(JSON.stringify(body)).not.toContain(token);
    }
    expect(meshplay.requests.length).toBe(before);

    // A token of exactly the limit is passed on (Meshplay then judges it).
    const atLimit = await fetch(`${proxy.url}/api-proxy/api/user`, {
      headers: { 'meshplay-token': 'a'.repeat(16 * 1024) },
      redirect: 'manual',
    });
    expect(atLimit.status).toBe(401);
    expect(await atLimit.json()).toMatchObject({ error: 'auth-redirect' });
  });

  it('leaves paths outside the proxy to the static site', async () => {
    expect((await fetch(`${proxy.url}/api-proxyx/api/user`)).status).toBe(404);
    expect((await fetch(`${proxy.url}/api/user`)).status).toBe(404);
  });

  it('works under the base /docs/', async () => {
    const docs = await startProxy({ target: meshplay.url, base: '/docs/' });
    try {
      const response = await fetch(`${docs.url}/docs/api-proxy/api/user`, { headers: { 'meshplay-token': token } });
      expect(response.status).toBe(200);
      expect(await (await fetch(`${docs.url}/docs/api-proxy-health`)).json()).toMatchObject({
        proxy: 'meshplay-try-it',
        target: meshplay.url,
      });
      const redirect = await fetch(`${docs.url}/docs/api-proxy/__test__/redirect?location=${encodeURIComponent('/api/system/version')}`, {
        redirect: 'manual',
      });
      expect(redirect.headers.get('location')).toBe('/docs/api-proxy/api/system/version');
      expect((await fetch(`${docs.url}/api-proxy/api/user`)).status).toBe(404);
    } finally {
      await docs.close();
    }
  });

  it('refuses a target with credentials, a query or another scheme', () => {
    expect(() => createTryItProxy({ target: 'http://user:pass@localhost:9081', base: '/' })).toThrow(/user name or password/);
    expect(() => createTryItProxy({ target: 'http://localhost:9081/?x=1', base: '/' })).toThrow(/query/);
    expect(() => createTryItProxy({ target: 'ftp://localhost', base: '/' })).toThrow(/http or https/);
    expect(createTryItProxy({ target: 'http://localhost:9081/', base: '/' }).target).toBe('http://localhost:9081');
  });
});
