import { describe, expect, it } from 'vitest';
import { chooseServer, isAvailable, type BridgeState, type Detected } from '../../src/lib/playground/default-choice.ts';
import type { DemoStatus, ProxyHealth } from '../../src/lib/playground/proxy-health.ts';
import { SERVER_MODES, type ServerChoice, type ServerMode } from '../../src/lib/playground/server-choice.ts';

/** This site's proxy as its health describes it. */
function site(meshplayReachable: boolean | undefined, demo?: DemoStatus): ProxyHealth {
  return { kind: 'site', target: 'http://localhost:9081', meshplayReachable, demo };
}

function detected(siteProxy: ProxyHealth | undefined, bridge: BridgeState = 'unchecked', sameOrigin = false): Detected {
  return { siteProxy, bridge, sameOrigin };
}

function saved(mode: ServerMode, customUrl = ''): ServerChoice {
  return { mode, customUrl };
}

const modeOf = (found: Detected, choice?: ServerChoice): ServerMode => chooseServer(found, choice).mode;

describe('chooseServer without a saved choice', () => {
  it('npm start with a reachable Meshplay keeps the proxy, whether or not a demo or a bridge is there', () => {
    expect(modeOf(detected(site(true)))).toBe('proxy');
    expect(modeOf(detected(site(true, 'ready')))).toBe('proxy');
    expect(modeOf(detected(site(true, 'ready'), 'answering'))).toBe('proxy');
    // A proxy that does not say (an older npm start) is taken as reachable.
    expect(modeOf(detected(site(undefined, 'ready')))).toBe('proxy');
  });

  it('npm start with Meshplay unreachable chooses the demo server, once it starts or while it starts', () => {
    expect(modeOf(detected(site(false, 'ready')))).toBe('demo');
    expect(modeOf(detected(site(false, 'starting')))).toBe('demo');
  });

  it('npm start with Meshplay unreachable prefers a bridge that answers to the demo', () => {
    expect(modeOf(detected(site(false, 'ready'), 'answering'))).toBe('bridge');
  });

  it('npm start with Meshplay unreachable and no demo (off or failed) stays on the proxy, which explains', () => {
    expect(modeOf(detected(site(false)))).toBe('proxy');
    expect(modeOf(detected(site(false, 'failed')))).toBe('proxy');
  });

  it('a page served by Meshplay itself uses its session, before anything else', () => {
    expect(modeOf(detected(undefined, 'answering', true))).toBe('same-origin');
    expect(modeOf(detected(site(true), 'unchecked', true))).toBe('same-origin');
  });

  it('a static host chooses the bridge, answering or not', () => {
    for (const bridge of ['unchecked', 'checking', 'silent', 'answering'] as const) {
      expect(modeOf(detected(undefined, bridge))).toBe('bridge');
    }
  });
});

describe('chooseServer with a saved choice', () => {
  it('keeps a saved choice that is available', () => {
    expect(chooseServer(detected(site(true, 'ready')), saved('demo'))).toEqual(saved('demo'));
    expect(chooseServer(detected(site(true)), saved('bridge'))).toEqual(saved('bridge'));
    expect(chooseServer(detected(undefined), saved('direct'))).toEqual(saved('direct'));
    expect(chooseServer(detected(undefined), saved('custom', 'http://nginx.example/meshplay'))).toEqual(
      saved('custom', 'http://nginx.example/meshplay'),
    );
    expect(chooseServer(detected(site(false, 'ready')), saved('proxy'))).toEqual(saved('proxy'));
    expect(chooseServer(detected(undefined, 'unchecked', true), saved('same-origin'))).toEqual(saved('same-origin'));
  });

  it('falls back to the detected default when the saved way is gone, keeping the saved custom URL', () => {
    expect(chooseServer(detected(undefined), saved('proxy', 'http://kept.example'))).toEqual(saved('bridge', 'http://kept.example'));
    expect(modeOf(detected(site(true)), saved('demo'))).toBe('proxy');
    expect(modeOf(detected(site(false, 'failed')), saved('demo'))).toBe('proxy');
    expect(modeOf(detected(site(true)), saved('same-origin'))).toBe('proxy');
  });
});

describe('isAvailable', () => {
  it('offers the proxy only with npm start, the demo only while it runs or starts, same origin only when detected', () => {
    const staticHost = detected(undefined);
    expect(SERVER_MODES.filter((mode) => isAvailable(mode, staticHost))).toEqual(['bridge', 'direct', 'custom']);
    const withDemo = detected(site(false, 'starting'), 'silent', true);
    expect(SERVER_MODES.filter((mode) => isAvailable(mode, withDemo))).toEqual(SERVER_MODES);
    expect(isAvailable('demo', detected(site(false, 'failed')))).toBe(false);
  });
});
