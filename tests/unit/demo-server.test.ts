import { afterEach, describe, expect, it } from 'vitest';
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createDemoProxy, DEMO_TOKEN } from '../../src/server/demo-proxy.ts';
import { startDemoServer, summarizeOutput, type DemoServer } from '../../src/server/demo-server.ts';
import { checkReachable, createReachabilityCache } from '../../src/server/meshplay-reachability.ts';
import { createTryItProxy } from '../../src/server/try-it-proxy.ts';
import type { DemoStatus } from '../../src/lib/playground/proxy-health.ts';

const FAKE_PRISM = fileURLToPath(new URL('../support/fake-prism.mjs', import.meta.url));
const SPEC = fileURLToPath(new URL('../../openapi/meshplay.yaml', import.meta.url));

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Listen on a free loopback port; closed after the test. */
async function listen(server: Server | ReturnType<typeof createTcpServer>): Promise<number> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => sockets.add(socket));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  cleanups.push(
    () =>
      new Promise<void>((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => done());
      }),
  );
  return (server.address() as AddressInfo).port;
}

/** One request; the status, headers and body that came back. */
function send(
  port: number,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Whether a process is still alive. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('demo proxy', () => {
  /** The site's server with the demo proxy in front of a stand-in for Prism, whose state the test sets. */
  async function demoSite(): Promise<{ port: number; setStatus(status: DemoStatus): void }> {
    const upstream = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ cookie: req.headers.cookie ?? null, token: req.headers['meshplay-token'] ?? null }));
    });
    const upstreamPort = await listen(upstream);
    let status: DemoStatus = 'starting';
    const demo: DemoServer = {
      url: `http://127.0.0.1:${upstreamPort}`,
      pid: undefined,
      status: () => status,
      ready: Promise.resolve(true),
      stop: () => Promise.resolve(),
      killNow: () => {},
    };
    const proxy = createDemoProxy({ base: '/docs/', demo });
    cleanups.push(() => proxy.close());
    const port = await listen(
      createServer((req, res) => {
        if (proxy.handle(req, res)) return;
        res.writeHead(404);
        res.end('site');
      }),
    );
    return { port, setStatus: (next) => (status = next) };
  }

  it('says the demo is starting (503, marked demo) until Prism answers', async () => {
    const site = await demoSite();
    const answer = await send(site.port, '/docs/demo-proxy/api/system/version');
    expect(answer.status).toBe(503);
    expect(answer.headers['x-meshplay-demo']).toBe('true');
    expect(JSON.parse(answer.body)).toMatchObject({ error: 'demo-starting' });
    site.setStatus('failed');
    expect(JSON.parse((await send(site.port, '/docs/demo-proxy/api/user')).body)).toMatchObject({ error: 'demo-failed' });
  });

  it("forwards with the demo session only, never the reader's token, and marks every answer", async () => {
    const site = await demoSite();
    site.setStatus('ready');
    const answer = await send(site.port, '/docs/demo-proxy/api/user', {
      'meshplay-token': 'the-readers-real-token',
      'meshplay-provider': 'Meshplay',
      cookie: 'token=site-cookie',
    });
    expect(answer.status).toBe(200);
    expect(answer.headers['x-meshplay-demo']).toBe('true');
    expect(JSON.parse(answer.body)).toEqual({ cookie: `meshplay-provider=Meshplay; token=${DEMO_TOKEN}`, token: null });
    expect(answer.body).not.toContain('the-readers-real-token');
  });

  it('leaves every other path to the site, including look-alikes', async () => {
    const site = await demoSite();
    site.setStatus('ready');
    for (const path of ['/docs/demo-proxyx/api/user', '/demo-proxy/api/user', '/docs/api-proxy/api/user']) {
      expect((await send(site.port, path)).body).toBe('site');
    }
  });
});

describe('health details', () => {
  it("adds npm start's details to the health answer, without letting them rename the proxy or its target", async () => {
    const proxy = createTryItProxy({
      target: 'http://127.0.0.1:9',
      base: '/',
      healthExtras: () => ({ meshplayReachable: false, demo: 'ready', proxy: 'evil', target: 'http://evil.example' }),
    });
    cleanups.push(() => proxy.close());
    const port = await listen(createServer((req, res) => void proxy.handle(req, res)));
    expect(JSON.parse((await send(port, '/api-proxy-health')).body)).toMatchObject({
      proxy: 'meshplay-try-it',
      target: 'http://127.0.0.1:9',
      meshplayReachable: false,
      demo: 'ready',
    });
  });
});

describe('checkReachable', () => {
  it('is true when Meshplay answers, false when nothing listens', async () => {
    const port = await listen(createServer((_req, res) => res.end('{}')));
    expect(await checkReachable(`http://127.0.0.1:${port}`)).toBe(true);
    const closed = createTcpServer();
    const closedPort = await listen(closed);
    await new Promise<void>((done) => closed.close(() => done()));
    expect(await checkReachable(`http://127.0.0.1:${closedPort}`, 1_000)).toBe(false);
  });

  it('is true for a server that accepts the connection and is slow to answer (the version route asks GitHub first)', async () => {
    const port = await listen(createTcpServer(() => {}));
    const started = Date.now();
    expect(await checkReachable(`http://127.0.0.1:${port}`, 300)).toBe(true);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('answers at once from the last check, and asks Meshplay again only when it is older than the cache time', async () => {
    let asked = 0;
    const port = await listen(
      createServer((_req, res) => {
        asked += 1;
        res.end('{}');
      }),
    );
    const cache = createReachabilityCache(`http://127.0.0.1:${port}`, { cacheMs: 300 });
    expect(cache.latest()).toBeUndefined();
    await expect.poll(() => cache.latest()).toBe(true);
    for (let call = 0; call < 5; call += 1) cache.latest();
    expect(asked).toBe(1);
    await new Promise((done) => setTimeout(done, 350));
    cache.latest();
    await expect.poll(() => asked).toBe(2);
  });
});

describe('startDemoServer', () => {
  it('starts the mock, reports ready, and leaves no process behind when stopped', async () => {
    const readyAt: string[] = [];
    const demo = await startDemoServer({ specPath: SPEC, cli: FAKE_PRISM, onReady: (url) => readyAt.push(url) });
    cleanups.push(() => demo.stop());
    expect(demo.status()).toBe('starting');
    expect(await demo.ready).toBe(true);
    expect(demo.status()).toBe('ready');
    expect(readyAt).toEqual([demo.url]);
    const port = Number(new URL(demo.url).port);
    expect((await send(port, '/api/system/version')).status).toBe(200);
    const pid = demo.pid ?? 0;
    expect(alive(pid)).toBe(true);
    await demo.stop();
    expect(alive(pid)).toBe(false);
    await expect(send(port, '/api/system/version')).rejects.toThrow(/ECONNREFUSED/);
  });

  it("says what failed, from Prism's error lines, when it cannot start", async () => {
    const failures: string[] = [];
    process.env['FAKE_PRISM_MODE'] = 'fail';
    try {
      const demo = await startDemoServer({ specPath: SPEC, cli: FAKE_PRISM, onFailure: (message) => failures.push(message) });
      cleanups.push(() => demo.stop());
      expect(await demo.ready).toBe(false);
      await new Promise((done) => setTimeout(done, 400));
      expect(demo.status()).toBe('failed');
    } finally {
      delete process.env['FAKE_PRISM_MODE'];
    }
    expect(failures).toHaveLength(1);
    expect(failures[0]).toContain('exit code 1');
    expect(failures[0]).toContain('Error parsing spec.json');
    // Only the error line: Prism's usage text after a fatal error is left out.
    expect(failures[0]).not.toContain('--errors');
  });

  it('gives up on a mock that never answers, and kills it', async () => {
    const failures: string[] = [];
    process.env['FAKE_PRISM_MODE'] = 'hang';
    let demo: DemoServer;
    try {
      demo = await startDemoServer({
        specPath: SPEC,
        cli: FAKE_PRISM,
        startTimeoutMs: 800,
        onFailure: (message) => failures.push(message),
      });
    } finally {
      delete process.env['FAKE_PRISM_MODE'];
    }
    cleanups.push(() => demo.stop());
    expect(await demo.ready).toBe(false);
    expect(failures[0]).toContain('did not answer within 1 s');
    expect(demo.status()).toBe('failed');
    await new Promise((done) => setTimeout(done, 300));
    expect(alive(demo.pid ?? 0)).toBe(false);
  });

  it('refuses a missing spec with what to run', async () => {
    await expect(startDemoServer({ specPath: '/nonexistent/meshplay.json', cli: FAKE_PRISM })).rejects.toThrow('npm run build');
  });
});

describe('summarizeOutput', () => {
  it("keeps Prism's error lines without colours, or else the last lines", () => {
    expect(summarizeOutput('\u001b[31m[CLI] ✖  fatal     Bad spec\u001b[0m\nusage: an error response\n')).toBe(
      '[CLI] ✖  fatal     Bad spec',
    );
    const many = Array.from({ length: 15 }, (_, index) => `line ${index}`).join('\n');
    expect(summarizeOutput(many).split('\n')).toEqual(Array.from({ length: 10 }, (_, index) => `line ${index + 5}`));
  });
});
