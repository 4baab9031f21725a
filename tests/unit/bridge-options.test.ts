import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { HTTP_METHODS, type HttpMethod } from '../../src/lib/openapi/model/types.ts';
import { parseBridgeArgs } from '../../src/bridge/options.ts';
import { FORWARDED_METHODS, normalizeOrigin } from '../../src/server/proxy-cors.ts';
import { startTestServer } from '../support/meshplay-test-server.ts';
import { closeServer } from '../support/close-server.ts';
import { startProxy } from '../support/proxy-harness.ts';

describe("the bridge's command line", () => {
  it('defaults to the local Meshplay on port 9180', () => {
    expect(parseBridgeArgs([])).toEqual({ kind: 'run', options: { server: 'http://localhost:9081', port: 9180, allowOrigins: [] } });
  });

  it('takes --name value and --name=value, and allowed origins repeated or comma-separated, once each', () => {
    expect(
      parseBridgeArgs([
        '--server=https://meshplay.internal:9443/',
        '--port',
        '9200',
        '--allow-origin',
        'https://docs.example.com/',
        '--allow-origin=https://a.example, http://b.example:8080,https://docs.example.com',
      ]),
    ).toEqual({
      kind: 'run',
      options: {
        server: 'https://meshplay.internal:9443',
        port: 9200,
        allowOrigins: ['https://docs.example.com', 'https://a.example', 'http://b.example:8080'],
      },
    });
  });

  it('shows help for -h and --help, wherever they are', () => {
    expect(parseBridgeArgs(['--port', '1', '-h'])).toEqual({ kind: 'help' });
    expect(parseBridgeArgs(['--help'])).toEqual({ kind: 'help' });
  });

  it('explains a bare URL, an option used as a value, and a port out of range', () => {
    expect(parseBridgeArgs(['http://localhost:9081'])).toEqual({
      kind: 'error',
      message:
        'Unexpected argument "http://localhost:9081". Give the server as --server http://localhost:9081; run with --help to see the options.',
    });
    expect(parseBridgeArgs(['--server', '--port', '1'])).toEqual({
      kind: 'error',
      message: '--server needs a value, such as --server http://localhost:9081.',
    });
    expect(parseBridgeArgs(['--port', '65536'])).toMatchObject({ kind: 'error', message: expect.stringMatching(/not "65536"/) as unknown });
    expect(parseBridgeArgs(['--port', '-1'])).toMatchObject({ kind: 'error' });
  });
});

describe('allowed origins', () => {
  it('are given as browsers send them', () => {
    expect(normalizeOrigin('HTTPS://Docs.Example.com:443/')).toEqual({ ok: true, origin: 'https://docs.example.com' });
    expect(normalizeOrigin('http://docs.example.com:8080')).toEqual({ ok: true, origin: 'http://docs.example.com:8080' });
  });

  it('refuse anything that is not one origin', () => {
    for (const bad of [
      '*',
      'docs.example.com',
      'ftp://docs.example.com',
      'https://u:p@docs.example.com',
      'https://docs.example.com/docs',
      'https://docs.example.com/?x',
    ]) {
      expect(normalizeOrigin(bad).ok, bad).toBe(false);
    }
  });
});

describe('the bridge kind of the proxy', () => {
  it('answers 504 with the CORS headers of the allowed page when Meshplay is silent', async () => {
    const slow = await startTestServer();
    const bridge = await startProxy({
      target: slow.url,
      base: '/',
      kind: 'bridge',
      timeoutMs: 300,
      cors: { origins: ['https://docs.example.com'] },
    });
    try {
      await fetch(`${slow.url}/__test__/delay?ms=2000`);
      const response = await fetch(`${bridge.url}/api-proxy/api/system/version`, { headers: { Origin: 'https://docs.example.com' } });
      expect(response.status).toBe(504);
      expect(response.headers.get('access-control-allow-origin')).toBe('https://docs.example.com');
      expect(response.headers.get('x-try-it-proxy')).toBe('timeout');
    } finally {
      await fetch(`${slow.url}/__test__/delay?ms=0`);
      await bridge.close();
      await closeServer(slow.server);
    }
  });
});

describe('the methods the proxy forwards', () => {
  it('include every method the spec uses, so that no operation is refused', () => {
    const used = new Set<string>();
    for (const file of readdirSync('openapi/paths')) {
      const paths = parse(readFileSync(join('openapi/paths', file), 'utf8')) as Record<string, Record<string, unknown>>;
      for (const item of Object.values(paths))
        for (const key of Object.keys(item)) if (HTTP_METHODS.includes(key as HttpMethod)) used.add(key.toUpperCase());
    }
    expect(used.size).toBeGreaterThan(3);
    for (const method of used) expect(FORWARDED_METHODS, method).toContain(method);
  });
});
