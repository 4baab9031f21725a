/**
 * `npm run check-server` end to end: against the test server it finds every called operation
 * as documented (exit 0) and calls no write; against a drifted copy it reports each drift with
 * its operation (exit 1); bad usage, a missing session and an unreachable server exit 2 with a
 * message and no stack trace; a silent server is reported as timeouts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { LOCAL_PROVIDER, PROVIDER_COOKIE, TOKEN_COOKIE, TOKEN_VARIABLE } from '../../src/lib/meshplay/session.ts';
import { startTestServer, type RunningTestServer } from '../support/meshplay-test-server.ts';
import { mintToken } from '../support/tokens.ts';
import { closeServer } from '../support/close-server.ts';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

interface JsonResult {
  key: string;
  outcome: string;
  reason?: string;
  status?: number;
  verdict?: { differences: Array<{ kind: string; pointer?: string; message: string }> };
}

const SCRIPT = resolve(import.meta.dirname, '../../scripts/check-server.ts');
const token = mintToken({ expiresIn: 3600 });
let meshplay: RunningTestServer;
let drifted: RunningTestServer;

/** A HOME without ~/.meshplay, or with the auth.json given. */
function home(authJson?: Record<string, string>): string {
  const directory = mkdtempSync(join(tmpdir(), 'check-server-home-'));
  if (authJson) {
    mkdirSync(join(directory, '.meshplay'));
    writeFileSync(join(directory, '.meshplay', 'auth.json'), JSON.stringify(authJson));
  }
  return directory;
}

/** Run the script as `npm run check-server -- ...` does, with only the environment given. */
function runCheckServer(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [SCRIPT, ...args],
      { env: { PATH: process.env['PATH'] ?? '', HOME: home(), ...env }, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        done({ code, stdout, stderr });
      },
    );
  });
}

/** The parsed --json output. */
function resultsOf(run: Run): JsonResult[] {
  return (JSON.parse(run.stdout) as { results: JsonResult[] }).results;
}

beforeAll(async () => {
  meshplay = await startTestServer();
  drifted = await startTestServer({ drift: true });
});

afterAll(async () => {
  await closeServer(meshplay.server);
  await closeServer(drifted.server);
});

describe('npm run check-server', () => {
  it(
    'finds every called operation of the test server as documented, calls no write and follows no redirect (exit 0)',
    { timeout: 90_000 },
    async () => {
      meshplay.requests.length = 0;
      const run = await runCheckServer(['--server', meshplay.url], { [TOKEN_VARIABLE]: token });
      expect(run.stderr).toBe('');
      expect(run.stdout).toMatch(/ operations called on .*: (\d+) match, 0 drift\. /);
      expect(run.stdout).toContain(`token from ${TOKEN_VARIABLE}`);
      expect(run.stdout).not.toContain(token);
      expect(run.code).toBe(0);
      const called = Number(/(\d+) of \d+ operations called/.exec(run.stdout)?.[1]);
      expect(called).toBeGreaterThan(50);
      expect(meshplay.requests.map((request) => request.method)).toEqual(Array(called).fill('GET'));
      expect(meshplay.requests.every((request) => request.cookie === `${PROVIDER_COOKIE}=Meshplay; ${TOKEN_COOKIE}=${token}`)).toBe(true);
      // Operations without an example for a required path parameter are listed, not called.
      expect(run.stdout).toMatch(/^GET \/api\/\S*\{\w+\}\S*\s+-\s+not called\s+needs \{\w+\}$/m);
    },
  );

  it('prints the results as JSON with --json: writes and the event stream are never called', { timeout: 90_000 }, async () => {
    const run = await runCheckServer(['--server', meshplay.url, '--json'], { [TOKEN_VARIABLE]: token });
    expect(run.code).toBe(0);
    const results = resultsOf(run);
    expect(results.filter((result) => result.outcome !== 'match' && result.outcome !== 'not-called')).toEqual([]);
    const writes = results.filter((result) => !result.key.startsWith('GET '));
    expect(writes.length).toBeGreaterThan(10);
    expect(
      writes.every((result) => result.outcome === 'not-called' && / writes: a checker calls only GET$/.test(result.reason ?? '')),
    ).toBe(true);
    expect(results.find((result) => result.key === 'GET /api/events')).toMatchObject({ outcome: 'not-called' });
  });

  it(
    'uses the provider of ~/.meshplay/auth.json: None needs no token and gets the blank MeshKit error where it applies',
    { timeout: 90_000 },
    async () => {
      const run = await runCheckServer(['--server', meshplay.url, '--json'], {
        HOME: home({ [PROVIDER_COOKIE]: LOCAL_PROVIDER, [TOKEN_COOKIE]: '' }),
      });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(resultsOf(run).find((result) => result.key === 'GET /api/identity/users')).toMatchObject({ outcome: 'match', status: 404 });
    },
  );

  it('reports each drift of a drifted server with its operation (exit 1)', { timeout: 90_000 }, async () => {
    const text = await runCheckServer(['--server', drifted.url], { [TOKEN_VARIABLE]: token });
    expect(text.code).toBe(1);
    const expected: Array<[string, RegExp]> = [
      ['GET /api/system/version', /\/build: expected string, got integer/],
      ['GET /api/providers', /content-type: expected text\/plain, got text\/html|content-type: expected application\/json, got text\/html/],
      ['GET /api/user', /status: status 201 is not documented/],
      ['GET /api/token', /\/token: missing required property `token`/],
      ['GET /api/identity/users', /status: status 429 is not documented/],
    ];
    for (const [operation, difference] of expected) {
      const line = text.stdout.split('\n').find((candidate) => candidate.startsWith(`${operation} `));
      expect(line, operation).toMatch(/\sdrift\s/);
      expect(line, operation).toMatch(difference);
    }
    expect(text.stdout).toMatch(/: \d+ match, [5-9] drift\. /);
  });

  it('refuses bad usage with a message and exit 2', { timeout: 60_000 }, async () => {
    const cases: Array<[string[], RegExp]> = [
      [
        [],
        /^check-server: --server is missing: say which Meshplay server to check, for example npm run check-server -- --server http:\/\/localhost:9081$/,
      ],
      [['--server', 'http://admin:secret@localhost:9081'], /^check-server: --server must not contain a user name or password/],
      [['--server', 'http://localhost:9081/?provider=None'], /^check-server: --server must not have a query/],
      [['--server', 'localhost:9081'], /^check-server: --server must be an http or https URL|is not a URL/],
      [['--server', 'http://localhost:9081', '--timeout-ms', 'soon'], /^check-server: --timeout-ms must be a whole number/],
      [['--server', 'http://localhost:9081', '--follow-redirects'], /^check-server: Unknown option '--follow-redirects'/],
    ];
    for (const [args, message] of cases) {
      const run = await runCheckServer(args, { [TOKEN_VARIABLE]: token });
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr.trim(), args.join(' ')).toMatch(message);
      expect(run.stderr, args.join(' ')).not.toMatch(/\n\s+at /);
    }
  });

  it('says where to get a token when there is none (exit 2)', { timeout: 30_000 }, async () => {
    const run = await runCheckServer(['--server', meshplay.url]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^check-server: No token: set MESHPLAY_TOKEN .* meshplayctl system login.* --provider None\.\n$/);
  });

  it('says so when the server cannot be reached (exit 2), without a stack trace', { timeout: 30_000 }, async () => {
    const probe = createServer();
    await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
    const { port } = probe.address() as AddressInfo;
    await closeServer(probe);
    const run = await runCheckServer(['--server', `http://127.0.0.1:${port}`, '--provider', LOCAL_PROVIDER]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `check-server: Could not reach Meshplay at http://127.0.0.1:${port} (ECONNREFUSED). Is it running? Start it, or give its address with --server.\n`,
    );
  });

  it('reports requests that get no answer in time as timeouts (exit 1)', { timeout: 30_000 }, async () => {
    const silent = createServer(() => {
      // Never answers.
    });
    await new Promise<void>((done) => silent.listen(0, '127.0.0.1', done));
    try {
      const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
      const run = await runCheckServer(['--server', url, '--timeout-ms', '300', '--provider', LOCAL_PROVIDER], {
        OPENAPI_SPEC: 'tests/fixtures/openapi/minimal.yaml',
      });
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/^GET \/pets\s+-\s+timeout\s+no answer within 0\.3 s$/m);
      expect(run.stdout).toMatch(/^GET \/pets\/\{petId\}\s+-\s+not called\s+needs \{petId\}$/m);
      expect(run.stdout).toContain('0 match, 0 drift, 1 timed out.');
    } finally {
      await closeServer(silent);
    }
  });
});
