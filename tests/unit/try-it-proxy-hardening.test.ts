import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { createServer as createNetServer, type AddressInfo, type Server as NetServer } from 'node:net';
import { networkInterfaces } from 'node:os';
import { closeServer } from '../support/close-server.ts';
import { sendRaw, startProxy, type RunningProxy } from '../support/proxy-harness.ts';
import { mintToken } from '../support/tokens.ts';

/** A raw TCP "Meshplay" that answers every request with the given bytes, to send what Node's own server never would. */
async function startRawUpstream(answer: string): Promise<{ url: string; server: NetServer }> {
  const server = createNetServer((socket) => {
    socket.once('data', () => socket.end(answer));
    socket.on('error', () => {});
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** An upstream that records the headers it receives and answers with the given headers and body. */
async function startRecordingUpstream(answerHeaders: string[], body = '{"ok":true}') {
  const seen: IncomingHttpHeaders[] = [];
  const methods: string[] = [];
  const server = createServer((req, res) => {
    seen.push(req.headers);
    methods.push(req.method ?? '');
    res.writeHead(200, answerHeaders);
    res.end(body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, seen, methods };
}

describe('the try-it proxy survives a broken upstream', () => {
  const running: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    for (const item of running.splice(0)) await item.close();
  });

  for (const [label, statusLine] of [
    ['a control byte in the reason phrase', 'HTTP/1.1 200 O\x01K'],
    ['status 000', 'HTTP/1.1 000 Zero'],
    ['status 099', 'HTTP/1.1 099 Too Low'],
  ] as const) {
    it(`answers 502 JSON for ${label}, and keeps serving`, async () => {
      const upstream = await startRawUpstream(`${statusLine}\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok`);
      const proxy = await startProxy({ target: upstream.url, base: '/' });
      running.push(proxy, { close: () => new Promise<void>((done) => upstream.server.close(() => done())) });

      const response = await fetch(`${proxy.url}/api-proxy/api/system/version`);
      expect(response.status).toBe(502);
      expect(response.headers.get('x-try-it-proxy')).toBe('bad-response');
      const body = (await response.json()) as Record<string, unknown>;
      expect(body).toMatchObject({ error: 'bad-response', target: upstream.url });
      expect(body['message']).toMatch(/^Meshplay at http:\/\/127\.0\.0\.1:\d+ sent an answer that cannot be passed on: its status line/);
      // Still alive: the next request is answered (by the health URL, which needs no upstream).
      expect((await fetch(`${proxy.url}/api-proxy-health`)).status).toBe(200);
    });
  }
});

describe("Meshplay's answer to a write without a token", () => {
  it('passes a 404 with an empty body through unchanged: the proxy cannot tell it from a real 404', async () => {
    const upstream = await startRecordingUpstream([], '');
    const server = upstream.server;
    server.removeAllListeners('request');
    server.on('request', (_req, res) => {
      res.writeHead(404);
      res.end();
    });
    const proxy = await startProxy({ target: upstream.url, base: '/' });
    try {
      const response = await fetch(`${proxy.url}/api-proxy/api/pattern`, { method: 'POST', body: '{}' });
      expect(response.status).toBe(404);
      expect(response.headers.get('x-try-it-proxy')).toBeNull();
      expect(await response.text()).toBe('');
    } finally {
      await proxy.close();
      await closeServer(server);
    }
  });
});

describe('what the proxy passes each way', () => {
  let upstream: Awaited<ReturnType<typeof startRecordingUpstream>>;
  let proxy: RunningProxy;

  beforeAll(async () => {
    upstream = await startRecordingUpstream([
      'Content-Type',
      'text/html; charset=utf-8',
      'Refresh',
      '0; url=https://evil.example/',
      'Link',
      '<https://evil.example/x.js>; rel=preload; as=script',
      'Clear-Site-Data',
      '"storage"',
      'Connection',
      'X-Upstream-Hop',
      'X-Upstream-Hop',
      'secret',
      'X-Content-Type-Options',
      'off',
      'Vary',
      'Accept-Encoding',
      'X-Kept',
      'kept',
    ]);
    proxy = await startProxy({ target: upstream.url, base: '/' });
  });

  afterAll(async () => {
    await proxy.close();
    await closeServer(upstream.server);
  });

  it('never forwards hop-by-hop headers, the ones Connection names, or Upgrade', async () => {
    const response = await sendRaw(proxy.port, 'GET /api-proxy/api/system/version HTTP/1.1', {
      Connection: 'close, X-Client-Hop',
      'X-Client-Hop': 'hop',
      Upgrade: 'websocket',
      'Keep-Alive': 'timeout=5',
      TE: 'trailers',
      'X-Forwarded-For': '10.0.0.1',
      'X-Other': 'forwarded',
    });
    expect(response.status).toBe(200);
    const seen = upstream.seen.at(-1) ?? {};
    expect(seen['x-other']).toBe('forwarded');
    for (const name of ['x-client-hop', 'upgrade', 'keep-alive', 'te', 'x-forwarded-for']) expect(seen[name], name).toBeUndefined();
  });

  it('never returns headers that act on the docs origin, nor the ones Meshplay names in Connection', async () => {
    const response = await fetch(`${proxy.url}/api-proxy/api/page`);
    expect(response.status).toBe(200);
    for (const name of ['refresh', 'link', 'clear-site-data', 'x-upstream-hop']) expect(response.headers.get(name), name).toBeNull();
    expect(response.headers.get('x-kept')).toBe('kept');
    expect(response.headers.get('vary')).toBe('Accept-Encoding');
  });

  it('sandboxes a proxied HTML answer and forbids sniffing, whatever Meshplay says', async () => {
    const response = await fetch(`${proxy.url}/api-proxy/api/page`);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe('sandbox');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('refuses TRACE (and other methods the API does not use) with 405, and never forwards CONNECT', async () => {
    const before = upstream.methods.length;
    for (const method of ['TRACE', 'PROPFIND']) {
      const response = await sendRaw(proxy.port, `${method} /api-proxy/api/user HTTP/1.1`, {
        'meshplay-token': mintToken({ expiresIn: 60 }),
      });
      expect(response.status, method).toBe(405);
      expect(response.head).toMatch(/\r\nAllow: GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS\r\n/i);
      expect(JSON.parse(response.body)).toMatchObject({ error: 'method-not-allowed' });
    }
    const connect = await sendRaw(proxy.port, `CONNECT ${upstream.url.replace('http://', '')} HTTP/1.1`);
    expect(connect.status).not.toBe(200);
    expect(upstream.methods.length).toBe(before);
  });
});

/** A non-loopback IPv4 address of this machine, to listen on as `HOST=<address>` would. */
function externalAddress(): string | undefined {
  return Object.values(networkInterfaces())
    .flat()
    .find((entry) => entry?.family === 'IPv4' && !entry.internal)?.address;
}

describe('the rebinding check off loopback', () => {
  const address = externalAddress();

  it.skipIf(address === undefined)(
    'refuses a foreign Host name when listening on another address, and answers the names it was started for',
    async () => {
      const upstream = await startRecordingUpstream(['Content-Type', 'application/json']);
      const listen = address ?? '';
      const proxy = await startProxy({ target: upstream.url, base: '/', hosts: { names: ['docs.internal'], anyIpAddress: true } }, listen);
      try {
        const rebound = await sendRaw(proxy.port, 'GET /api-proxy/api/system/version HTTP/1.1', { Host: 'attacker.example' }, listen);
        expect(rebound.status).toBe(403);
        expect(JSON.parse(rebound.body)).toMatchObject({ error: 'host-not-allowed' });
        expect(upstream.seen).toHaveLength(0);
        for (const host of ['docs.internal:8080', `${listen}:${proxy.port}`, 'localhost']) {
          expect((await sendRaw(proxy.port, 'GET /api-proxy/api/system/version HTTP/1.1', { Host: host }, listen)).status, host).toBe(200);
        }
      } finally {
        await proxy.close();
        await closeServer(upstream.server);
      }
    },
  );
});
