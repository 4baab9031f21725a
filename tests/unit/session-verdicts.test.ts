import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PROVIDER_HEADER, sessionCookie, TOKEN_HEADER } from '../../src/lib/meshplay/session.ts';
import { createTryItProxy, PROXY_MAX_HEADER_SIZE } from '../../src/server/try-it-proxy.ts';
import { normalizeToken } from '../../src/lib/token/normalize-token.ts';
import { closeServer } from '../support/close-server.ts';

/** Hostile and ordinary auth.json contents: the token panel and the proxy must agree on every one. */
const AUTH_JSON_INPUTS: Array<{ name: string; provider?: unknown; token: unknown }> = [
  { name: 'a provider name with a space', provider: 'Mesh play', token: 'abc' },
  { name: 'a provider that smuggles a cookie', provider: 'Meshplay; token=evil', token: 'abc' },
  { name: 'a provider name that is too long', provider: 'x'.repeat(65), token: 'abc' },
  { name: 'a provider name with a slash', provider: '../../etc', token: 'abc' },
  { name: 'a remote provider without a token', provider: 'Meshplay', token: '' },
  { name: 'a token with a space', provider: 'Meshplay', token: 'abc def' },
  { name: 'a token with a semicolon', provider: 'Meshplay', token: 'abc;def' },
  { name: 'a token with markup', provider: 'Meshplay', token: 'abc<script>' },
  { name: 'a token with a non-ASCII letter', provider: 'Meshplay', token: 'abc\u00e9' },
  { name: 'a token with a line break and a header', provider: 'Meshplay', token: 'abc\r\nX-Injected: yes' },
  { name: 'a token over the length limit', provider: 'Meshplay', token: 'a'.repeat(16 * 1024 + 1) },
  { name: 'the local provider with an empty token', provider: 'None', token: '' },
  { name: 'the local provider with a token', provider: 'None', token: 'abc' },
  { name: 'an empty provider (the remote one is meant)', provider: '', token: 'YWJj' },
  { name: 'another remote provider', provider: 'github.com_oauth-2', token: 'eyJhbGciOiJSUzI1NiJ9.e30.c2ln' },
  { name: 'a token at the length limit', provider: 'Meshplay', token: 'a'.repeat(16 * 1024) },
];

interface ProxyVerdict {
  accepted: boolean;
  cookie: string | undefined;
}

let upstream: Server;
let proxyServer: Server;
let proxyPort: number;
const cookiesSeen: Array<string | undefined> = [];

/** Listen on a free loopback port. */
async function listen(server: Server): Promise<number> {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return (server.address() as AddressInfo).port;
}

/** What the proxy does with the headers the playground would send for this auth.json: refuse them, or forward a Cookie. */
function proxyVerdict(provider: unknown, token: unknown): Promise<ProxyVerdict> {
  const headers: Record<string, string> = {};
  if (typeof token === 'string' && token !== '') headers[TOKEN_HEADER] = token;
  if (typeof provider === 'string' && provider !== '') headers[PROVIDER_HEADER] = provider;
  const before = cookiesSeen.length;
  return new Promise((resolve) => {
    let sent;
    try {
      sent = request({ host: '127.0.0.1', port: proxyPort, path: '/api-proxy/api/user', headers }, (res) => {
        res.resume();
        res.on('end', () => resolve({ accepted: res.statusCode !== 400, cookie: cookiesSeen[before] }));
      });
    } catch {
      // A value no HTTP client can put in a header (a line break) never reaches the proxy: refused.
      resolve({ accepted: false, cookie: undefined });
      return;
    }
    sent.on('error', () => resolve({ accepted: false, cookie: undefined }));
    sent.end();
  });
}

beforeAll(async () => {
  // Go accepts request heads up to 1 MB; Node's default (16 KB) would refuse a token at the limit.
  upstream = createServer({ maxHeaderSize: 1024 * 1024 }, (req, res) => {
    cookiesSeen.push(req.headers.cookie);
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end('{}');
  });
  const upstreamPort = await listen(upstream);
  const proxy = createTryItProxy({ target: `http://127.0.0.1:${upstreamPort}`, base: '/' });
  proxyServer = createServer({ maxHeaderSize: PROXY_MAX_HEADER_SIZE }, (req, res) => {
    if (!proxy.handle(req, res)) res.end();
  });
  proxyServer.on('close', () => proxy.close());
  proxyPort = await listen(proxyServer);
});

afterAll(async () => {
  await closeServer(proxyServer);
  await closeServer(upstream);
});

describe('the token panel and the proxy accept exactly the same sessions', () => {
  it.each(AUTH_JSON_INPUTS)('agree on $name', async ({ provider, token }) => {
    const authJson = JSON.stringify(provider === undefined ? { token } : { 'meshplay-provider': provider, token });
    const panel = normalizeToken(authJson);
    const proxy = await proxyVerdict(provider, token);
    expect(proxy.accepted).toBe(panel.ok);
    if (panel.ok) {
      // What the proxy sends Meshplay is the cookie of the session the panel shows.
      expect(proxy.cookie).toBe(sessionCookie({ provider: panel.value.provider ?? 'Meshplay', token: panel.value.token }));
    }
  });

  it('covers both verdicts', () => {
    // A list where every input is accepted (or every one refused) would prove nothing.
    const verdicts = AUTH_JSON_INPUTS.map(
      ({ provider, token }) => normalizeToken(JSON.stringify({ 'meshplay-provider': provider, token })).ok,
    );
    expect(verdicts.filter(Boolean).length).toBeGreaterThanOrEqual(4);
    expect(verdicts.filter((ok) => !ok).length).toBeGreaterThanOrEqual(8);
  });
});
