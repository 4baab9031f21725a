import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildBridge } from '../../src/bridge/build.ts';
import { startTestServer } from '../support/meshplay-test-server.ts';
import { closeServer } from '../support/close-server.ts';
import { freePort, sendRaw } from '../support/proxy-harness.ts';
import { spawnNode, waitForOutput, type Spawned } from '../support/spawned.ts';
import { mintToken } from '../support/tokens.ts';

const DOCS = 'https://docs.example.test';
const TEAM_DOCS = 'https://team-docs.example.test';
const FOREIGN = 'https://evil.example';

describe('the bundled bridge (meshplay-bridge.mjs)', () => {
  let dir: string;
  let file: string;
  let meshplay: Awaited<ReturnType<typeof startTestServer>>;
  let other: Awaited<ReturnType<typeof startTestServer>>;
  let bridge: Spawned;
  let port: number;
  let url: string;
  const token = mintToken({ expiresIn: 3600, subject: 'bridge-unit' });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bridge-'));
    file = join(dir, 'meshplay-bridge.mjs');
    await buildBridge({ outFile: file, docsOrigin: DOCS });
    meshplay = await startTestServer();
    other = await startTestServer();
    bridge = spawnNode([file, '--server', meshplay.url, '--port', '0', '--allow-origin', TEAM_DOCS]);
    port = Number((await waitForOutput(bridge, /through http:\/\/127\.0\.0\.1:(\d+)\/api-proxy\n/))[1]);
    url = `http://127.0.0.1:${port}`;
  });

  afterAll(async () => {
    await bridge.stop();
    await closeServer(meshplay.server);
    await closeServer(other.server);
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints one line saying which docs can now reach which server', () => {
    expect(bridge.output()).toBe(
      `Bridge ready: docs at ${DOCS}, ${TEAM_DOCS}, pages on this machine (localhost, 127.0.0.1) can now reach ${meshplay.url} through ${url}/api-proxy\n`,
    );
  });

  it('answers the health URL from a terminal (no Origin, loopback Host)', async () => {
    const response = await fetch(`${url}/api-proxy-health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ proxy: 'meshplay-try-it', kind: 'bridge', target: meshplay.url, version: 1 });
  });

  it('answers the preflight of an allowed origin exactly, with Private Network Access when asked', async () => {
    for (const origin of [DOCS, TEAM_DOCS, 'http://localhost:4321', 'http://127.0.0.1:8080', 'https://[::1]:8443']) {
      const response = await fetch(`${url}/api-proxy/api/user`, {
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': 'GET',
          'Access-Control-Request-Headers': 'meshplay-token, meshplay-provider',
          'Access-Control-Request-Private-Network': 'true',
        },
      });
      expect(response.status, origin).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe(origin);
      expect(response.headers.get('access-control-allow-methods')).toBe('GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS');
      expect(response.headers.get('access-control-allow-headers')).toBe('accept, content-type, meshplay-token, meshplay-provider');
      expect(response.headers.get('access-control-max-age')).toBe('600');
      expect(response.headers.get('access-control-allow-private-network')).toBe('true');
      expect(response.headers.get('access-control-allow-credentials')).toBeNull();
      expect(response.headers.get('vary')).toMatch(/^Origin\b/);
    }
    const withoutPna = await fetch(`${url}/api-proxy/api/user`, {
      method: 'OPTIONS',
      headers: { Origin: DOCS, 'Access-Control-Request-Method': 'POST' },
    });
    expect(withoutPna.headers.get('access-control-allow-private-network')).toBeNull();
  });

  it('forwards an allowed page’s request with the token as the cookies, and lets the page read the answer', async () => {
    const response = await fetch(`${url}/api-proxy/api/user`, {
      headers: { Origin: DOCS, 'meshplay-token': token, 'meshplay-provider': 'Meshplay' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(DOCS);
    expect(response.headers.get('access-control-expose-headers')).toContain('x-try-it-proxy');
    expect(response.headers.get('access-control-expose-headers')).toContain('content-disposition');
    expect(response.headers.get('vary')).toContain('Origin');
    expect(await response.json()).toMatchObject({ provider: 'Meshplay' });
    expect(meshplay.requests.filter((request) => request.cookie?.includes(token)).at(-1)?.cookie).toBe(
      `meshplay-provider=Meshplay; token=${token}`,
    );
  });

  it('refuses a foreign origin with 403 JSON saying how to allow it, preflight or not', async () => {
    const before = meshplay.requests.length;
    const preflight = await fetch(`${url}/api-proxy/api/user`, {
      method: 'OPTIONS',
      headers: { Origin: FOREIGN, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'meshplay-token' },
    });
    const simple = await fetch(`${url}/api-proxy/api/system/version`, { headers: { Origin: FOREIGN } });
    const health = await fetch(`${url}/api-proxy-health`, { headers: { Origin: 'null' } });
    for (const response of [preflight, simple, health]) {
      expect(response.status).toBe(403);
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(response.headers.get('access-control-allow-methods')).toBeNull();
    }
    expect(await preflight.json()).toEqual({
      error: 'origin-not-allowed',
      message: `The bridge does not answer pages of ${FOREIGN}. If these are your docs, stop the bridge and start it again with --allow-origin ${FOREIGN}.`,
    });
    expect(await simple.json()).toMatchObject({ error: 'origin-not-allowed' });
    expect(meshplay.requests.length).toBe(before);
  });

  it('refuses a cross-site request that hides its origin (an <img>, a link)', async () => {
    const before = meshplay.requests.length;
    const response = await fetch(`${url}/api-proxy/api/system/version`, { headers: { 'Sec-Fetch-Site': 'cross-site' } });
    expect(response.status).toBe(403);
    expect(meshplay.requests.length).toBe(before);
  });

  it('refuses a DNS-rebinding Host and every SSRF shape, reaching neither Meshplay nor another host', async () => {
    const before = meshplay.requests.length;
    const elsewhere = other.url.replace('http://', '');
    const rebound = await sendRaw(port, 'GET /api-proxy/api/user HTTP/1.1', { Host: `attacker.example:${port}`, 'meshplay-token': token });
    expect(rebound.status).toBe(403);
    expect(JSON.parse(rebound.body)).toMatchObject({ error: 'host-not-allowed' });
    const shapes = [
      `GET http://${elsewhere}/api-proxy/api/user HTTP/1.1`,
      `GET /api-proxy//${elsewhere}/api/user HTTP/1.1`,
      `GET /api-proxy/%2F%2F${elsewhere}/api/user HTTP/1.1`,
      'GET /api-proxy/api/../../api/user HTTP/1.1',
      'GET /api-proxy/api/%2e%2e/%2e%2e/x HTTP/1.1',
      'GET /api-proxy/api%5C..%5Cuser HTTP/1.1',
      `GET /api-proxy/\\\\${elsewhere}/api/user HTTP/1.1`,
      'GET /api-proxy/api/user%00 HTTP/1.1',
      'TRACE /api-proxy/api/user HTTP/1.1',
    ];
    for (const shape of shapes) {
      const response = await sendRaw(port, shape, { 'meshplay-token': token });
      expect([400, 405], shape).toContain(response.status);
      expect(JSON.parse(response.body), shape).toHaveProperty('error');
    }
    // A Host naming the other server, or an absolute URL outside the proxy, never routes there.
    expect((await sendRaw(port, `GET http://${elsewhere}/api/user HTTP/1.1`)).status).toBe(404);
    const connect = await sendRaw(port, `CONNECT ${elsewhere} HTTP/1.1`);
    expect(connect.status).not.toBe(200);
    expect(meshplay.requests.length).toBe(before);
    // A loopback Host naming the other server is answered, but by the one --server.
    const viaHost = await sendRaw(port, 'GET /api-proxy/api/system/version HTTP/1.1', { Host: elsewhere });
    expect(viaHost.status).toBe(200);
    expect(meshplay.requests.length).toBe(before + 1);
    expect(other.requests).toEqual([]);
  });

  it('refuses bad token headers with 400 JSON', async () => {
    const response = await fetch(`${url}/api-proxy/api/user`, { headers: { Origin: DOCS, 'meshplay-token': 'not a token!' } });
    expect(response.status).toBe(400);
    expect(response.headers.get('access-control-allow-origin')).toBe(DOCS);
    expect(await response.json()).toMatchObject({ error: 'bad-header' });
  });

  it('never prints a token, whatever the requests', async () => {
    const expired = mintToken({ expiresIn: -60 });
    for (const headers of [
      { Origin: DOCS, 'meshplay-token': token },
      { Origin: FOREIGN, 'meshplay-token': token },
      { 'meshplay-token': expired },
      { 'meshplay-token': `${token}!` },
    ]) {
      await (await fetch(`${url}/api-proxy/api/user`, { headers, redirect: 'manual' })).text();
    }
    await sendRaw(port, 'GET /api-proxy/api/user HTTP/1.1', { Host: 'attacker.example', 'meshplay-token': token });
    await new Promise((done) => setTimeout(done, 100));
    expect(bridge.output()).not.toContain(token);
    expect(bridge.output()).not.toContain(expired);
    expect(bridge.output().trim().split('\n')).toHaveLength(1);
  });

  it('answers 502 JSON when its server is unreachable', async () => {
    const dead = spawnNode([file, '--server', `http://127.0.0.1:${await freePort()}`, '--port', '0']);
    try {
      const deadPort = (await waitForOutput(dead, /127\.0\.0\.1:(\d+)\/api-proxy/))[1];
      const response = await fetch(`http://127.0.0.1:${deadPort}/api-proxy/api/system/version`, { headers: { Origin: DOCS } });
      expect(response.status).toBe(502);
      expect(response.headers.get('access-control-allow-origin')).toBe(DOCS);
      expect(await response.json()).toMatchObject({ error: 'unreachable' });
    } finally {
      await dead.stop();
    }
  });

  it('is one self-contained file: it imports nothing but Node built-ins, and passes node --check', () => {
    const text = readFileSync(file, 'utf8');
    const specifiers = [
      ...text.matchAll(/(?:^|\n)\s*import\s[^;]*?from\s*["']([^"']+)["']/g),
      ...text.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g),
    ].map((match) => match[1] ?? '');
    expect(specifiers.length).toBeGreaterThan(0);
    for (const specifier of specifiers) {
      expect(specifier, specifier).toMatch(/^node:/);
      expect(builtinModules, specifier).toContain(specifier.slice('node:'.length));
    }
    expect(text).not.toMatch(/\bimport\s*\(/);
    expect(text.startsWith('#!/usr/bin/env node\n')).toBe(true);
    execFileSync(process.execPath, ['--check', file]);
  });

  it.skipIf(!existsSync('/usr/bin/node'))('runs on the system Node.js too', () => {
    const version = execFileSync('/usr/bin/node', ['--version'], { encoding: 'utf8' });
    expect(Number(version.slice(1).split('.')[0])).toBeGreaterThanOrEqual(18);
    expect(execFileSync('/usr/bin/node', [file, '--help'], { encoding: 'utf8' })).toMatch(/^Usage: node meshplay-bridge\.mjs/);
  });

  describe('explains bad options and exits with code 2, without a stack trace', () => {
    const cases: [string, string[], RegExp][] = [
      [
        'an unknown option',
        ['--proxy', 'x'],
        /^meshplay-bridge: Unknown option "--proxy"\. The options are --server, --port and --allow-origin/,
      ],
      [
        'a server with credentials',
        ['--server', 'http://admin:hunter2@localhost:9081'],
        /^meshplay-bridge: --server is not usable: it must not contain a user name or password\./,
      ],
      [
        'a server with a query',
        ['--server', 'http://localhost:9081/?a=1'],
        /^meshplay-bridge: --server is not usable: it must not contain a query/,
      ],
      [
        'a server that is not http(s)',
        ['--server', 'file:///etc/passwd'],
        /^meshplay-bridge: --server is not usable: it must use http or https, not file:/,
      ],
      [
        'a port that is not a number',
        ['--port', 'nine'],
        /^meshplay-bridge: --port must be a number from 1 to 65535, such as --port 9180, not "nine"\./,
      ],
      ['an allowed origin of *', ['--allow-origin', '*'], /^meshplay-bridge: --allow-origin: "\*" would let every website/],
      [
        'an allowed origin with a path',
        ['--allow-origin', 'https://docs.example.com/docs/'],
        /give the origin only \(https:\/\/docs\.example\.com\)/,
      ],
      ['a missing value', ['--server'], /^meshplay-bridge: --server needs a value, such as --server http:\/\/localhost:9081\./],
    ];
    for (const [label, args, message] of cases) {
      it(label, async () => {
        const run = spawnNode([file, ...args]);
        expect(await run.exited).toBe(2);
        expect(run.output()).toMatch(message);
        expect(run.output()).not.toMatch(/\n\s+at /);
        expect(run.output()).not.toContain('hunter2');
        expect(run.output().trim().split('\n')).toHaveLength(1);
      });
    }

    it('a port that is taken, naming it and how to choose another', async () => {
      const taken = createServer();
      await new Promise<void>((done) => taken.listen(0, '127.0.0.1', done));
      const takenPort = (taken.address() as { port: number }).port;
      try {
        const run = spawnNode([file, '--port', String(takenPort)]);
        expect(await run.exited).toBe(2);
        expect(run.output()).toBe(
          `meshplay-bridge: port ${takenPort} on 127.0.0.1 is already in use (another bridge, or another program). Stop it, or choose another port with --port ${takenPort + 1} and use that port in the playground.\n`,
        );
      } finally {
        await closeServer(taken);
      }
    });

    it('the same from source (npm run bridge)', async () => {
      const run = spawnNode(['src/bridge/cli.ts', '--port', '70000']);
      expect(await run.exited).toBe(2);
      expect(run.output()).toMatch(/^meshplay-bridge: --port must be a number from 1 to 65535/);
    });
  });
});
