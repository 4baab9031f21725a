import { describe, expect, it } from 'vitest';
import { describeRequestRoute } from '../../src/lib/playground/request-route.ts';

describe('describeRequestRoute', () => {
  it('names the Meshplay server behind the proxy and the bridge, and the way', () => {
    expect(describeRequestRoute({ mode: 'proxy', serverUrl: 'http://meshplay:9081', base: 'http://docs/api-proxy' })).toBe(
      "Requests go to http://meshplay:9081, through this site's proxy.",
    );
    expect(describeRequestRoute({ mode: 'bridge', serverUrl: 'http://localhost:9081', base: 'http://127.0.0.1:9180/api-proxy' })).toBe(
      'Requests go to http://localhost:9081, through the bridge on this computer.',
    );
  });

  it('says the same origin uses the browser session, and the demo answers from examples at its own URL', () => {
    expect(describeRequestRoute({ mode: 'same-origin', serverUrl: 'https://m.example', base: 'https://m.example' })).toBe(
      "Requests go to https://m.example, through your browser's Meshplay session on this server.",
    );
    expect(describeRequestRoute({ mode: 'demo', serverUrl: 'http://meshplay:9081', base: 'http://docs/demo-proxy' })).toContain(
      'Requests go to http://docs/demo-proxy, through the demo server',
    );
  });

  it('says a direct call needs CORS, and names a custom server', () => {
    expect(describeRequestRoute({ mode: 'direct', serverUrl: 'http://localhost:9081', base: 'http://localhost:9081' })).toContain('CORS');
    expect(describeRequestRoute({ mode: 'custom', serverUrl: '', base: 'https://docs.example/meshplay' })).toBe(
      'Requests go to https://docs.example/meshplay, through the server you entered.',
    );
  });
});
