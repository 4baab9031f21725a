import { describe, expect, it } from 'vitest';
import { parseProxyHealth } from '../../src/lib/playground/proxy-health.ts';

const bridge = { proxy: 'meshplay-try-it', kind: 'bridge', target: 'http://localhost:9081', version: 1 };

describe('parseProxyHealth: the bridge', () => {
  it('accepts the bridge answer of the interface', () => {
    expect(parseProxyHealth(bridge, 'bridge')).toEqual({
      ok: true,
      health: { kind: 'bridge', target: 'http://localhost:9081', meshplayReachable: undefined, demo: undefined },
    });
  });

  it.each([
    ['not an object', 'meshplay-try-it', 'not a JSON object'],
    ['an array', [bridge], 'not a JSON object'],
    ['null', null, 'not a JSON object'],
    ['another program', { ...bridge, proxy: 'something-else' }, 'does not name itself'],
    ["this site's proxy", { ...bridge, kind: 'site' }, 'a "site" proxy, not the bridge'],
    ['no kind', { proxy: 'meshplay-try-it', target: 'http://localhost:9081', version: 1 }, 'not the bridge'],
    ['another version', { ...bridge, version: 2 }, 'version 2'],
    ['no version', { proxy: 'meshplay-try-it', kind: 'bridge', target: 'http://localhost:9081' }, 'version undefined'],
    ['no target', { ...bridge, target: undefined }, 'which Meshplay server'],
    ['a target that is not http(s)', { ...bridge, target: 'file:///etc/passwd' }, 'which Meshplay server'],
    ['a bad reachability', { ...bridge, meshplayReachable: 'yes' }, 'meshplayReachable'],
    ['a bad demo state', { ...bridge, demo: 'maybe' }, '"demo"'],
  ])('refuses %s, saying why', (_name, value, why) => {
    const checked = parseProxyHealth(value, 'bridge');
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problem).toContain(why);
  });
});

describe("parseProxyHealth: this site's proxy", () => {
  it('accepts the answer before kind and version existed, and with them', () => {
    const old = parseProxyHealth({ proxy: 'meshplay-try-it', target: 'http://127.0.0.1:19081' }, 'site');
    expect(old.ok && old.health.kind).toBe('site');
    const current = parseProxyHealth({ proxy: 'meshplay-try-it', kind: 'site', version: 1, target: 'http://127.0.0.1:19081' }, 'site');
    expect(current.ok && current.health.target).toBe('http://127.0.0.1:19081');
  });

  it('reads whether Meshplay is reachable and how far the demo server has got', () => {
    const checked = parseProxyHealth(
      { proxy: 'meshplay-try-it', kind: 'site', version: 1, target: 'http://127.0.0.1:19089', meshplayReachable: false, demo: 'starting' },
      'site',
    );
    expect(checked).toEqual({
      ok: true,
      health: { kind: 'site', target: 'http://127.0.0.1:19089', meshplayReachable: false, demo: 'starting' },
    });
  });

  it('does not take a bridge for the site proxy', () => {
    expect(parseProxyHealth(bridge, 'site').ok).toBe(false);
  });
});
