import { describe, expect, it } from 'vitest';
import {
  bridgeBase,
  bridgeHealthUrl,
  buildBridgeCommand,
  isLoopbackHostname,
  needsAllowOrigin,
  parseBridgePort,
  parseBridgeSettings,
  shouldProbeBridgeOnLoad,
} from '../../src/lib/playground/bridge.ts';

describe('where the bridge listens', () => {
  it('is 127.0.0.1 on the given port, with the proxy and health paths of the interface', () => {
    expect(bridgeBase(9180)).toBe('http://127.0.0.1:9180/api-proxy');
    expect(bridgeHealthUrl(9191)).toBe('http://127.0.0.1:9191/api-proxy-health');
  });
});

describe('shouldProbeBridgeOnLoad', () => {
  it('looks at once from a page on this computer', () => {
    for (const url of ['http://localhost:4321/x', 'http://127.0.0.1:4391/', 'http://docs.localhost/', 'http://[::1]:8080/']) {
      expect(shouldProbeBridgeOnLoad(url, undefined)).toBe(true);
    }
  });

  it('from a hosted page, looks only when the reader chose the bridge before', () => {
    expect(shouldProbeBridgeOnLoad('https://docs.example.com/reference/rest-apis/playground/', undefined)).toBe(false);
    expect(shouldProbeBridgeOnLoad('https://docs.example.com/reference/rest-apis/playground/', 'proxy')).toBe(false);
    expect(shouldProbeBridgeOnLoad('https://docs.example.com/reference/rest-apis/playground/', 'bridge')).toBe(true);
    // Names that only look local are not.
    expect(shouldProbeBridgeOnLoad('https://localhost.example.com/', undefined)).toBe(false);
    expect(shouldProbeBridgeOnLoad('https://127.0.0.1.example.com/', undefined)).toBe(false);
  });

  it('recognises loopback host names only', () => {
    expect(isLoopbackHostname('127.8.9.10')).toBe(true);
    expect(isLoopbackHostname('LOCALHOST')).toBe(true);
    expect(isLoopbackHostname('10.0.0.1')).toBe(false);
    expect(isLoopbackHostname('mylocalhost')).toBe(false);
  });
});

describe('parseBridgePort and parseBridgeSettings', () => {
  it('accepts a port number and refuses anything else with a message', () => {
    expect(parseBridgePort(' 9190 ')).toEqual({ ok: true, port: 9190 });
    for (const text of ['', 'abc', '91.80', '-1', '0', '65536', '123456']) {
      const checked = parseBridgePort(text);
      expect(checked.ok).toBe(false);
      if (!checked.ok) expect(checked.message).toMatch(/port|number/);
    }
  });

  it('reads saved settings field by field, falling back to the defaults', () => {
    expect(parseBridgeSettings(null)).toEqual({ port: 9180, server: 'http://localhost:9081' });
    expect(parseBridgeSettings(JSON.stringify({ port: 9190, server: 'http://meshplay.lan:9081/' }))).toEqual({
      port: 9190,
      server: 'http://meshplay.lan:9081',
    });
    expect(parseBridgeSettings(JSON.stringify({ port: 'x', server: 'http://user:pw@meshplay.lan' }))).toEqual({
      port: 9180,
      server: 'http://localhost:9081',
    });
    expect(parseBridgeSettings('{oops')).toEqual({ port: 9180, server: 'http://localhost:9081' });
  });
});

describe('buildBridgeCommand', () => {
  const site = 'https://docs.meshplay.example';

  it('is the plain command on the docs origin the bridge was built for, and on this computer', () => {
    for (const pageOrigin of [site, 'http://localhost:4321', 'http://127.0.0.1:4391']) {
      expect(buildBridgeCommand({ server: 'http://localhost:9081', port: 9180, pageOrigin, siteOrigin: site })).toEqual({
        ok: true,
        command: 'node meshplay-bridge.mjs --server http://localhost:9081',
      });
    }
  });

  it("names this page's origin when the bridge would refuse it, and a port other than the default", () => {
    expect(
      buildBridgeCommand({ server: 'http://meshplay.lan:9081', port: 9190, pageOrigin: 'https://mirror.example', siteOrigin: site }),
    ).toEqual({
      ok: true,
      command: 'node meshplay-bridge.mjs --server http://meshplay.lan:9081 --port 9190 --allow-origin https://mirror.example',
    });
    // A build without SITE_URL knows no docs origin: every non-loopback page must be named.
    expect(needsAllowOrigin('https://docs.meshplay.example', undefined)).toBe(true);
  });

  it('quotes a server URL the shell would otherwise read into', () => {
    const built = buildBridgeCommand({ server: 'http://meshplay.lan/a$b', port: 9180, pageOrigin: site, siteOrigin: site });
    expect(built.ok && built.command).toBe("node meshplay-bridge.mjs --server 'http://meshplay.lan/a$b'");
  });

  it.each([
    ['user name and password', 'http://admin:secret@meshplay.lan:9081', 'user name and password'],
    ['a query', 'http://meshplay.lan:9081/?provider=None', 'query'],
    ['another scheme', 'ftp://meshplay.lan', 'http:// or https://'],
    ['nothing', '', "Meshplay server's URL"],
  ])('refuses a server with %s, saying what to change', (_name, server, why) => {
    const built = buildBridgeCommand({ server, port: 9180, pageOrigin: site, siteOrigin: site });
    expect(built.ok).toBe(false);
    if (!built.ok) {
      expect(built.message).toContain(why);
      expect(built.message).not.toContain('secret');
    }
  });
});
