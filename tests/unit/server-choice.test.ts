import { describe, expect, it } from 'vitest';
import { carriesToken, getServerBase, parseSavedChoice, SERVER_MODES } from '../../src/lib/playground/server-choice.ts';

const bases = {
  proxy: 'http://127.0.0.1:4321/api-proxy',
  bridge: 'http://127.0.0.1:9180/api-proxy',
  sameOrigin: 'http://meshplay.example:9081',
  demo: 'http://127.0.0.1:4321/demo-proxy',
  direct: 'http://localhost:9081',
};

describe('parseSavedChoice', () => {
  it('reads every mode the reader can save', () => {
    for (const mode of SERVER_MODES.filter((name) => name !== 'custom')) {
      expect(parseSavedChoice(JSON.stringify({ mode, customUrl: '' }))).toEqual({ mode, customUrl: '' });
    }
  });

  it('keeps a saved custom server in its checked form', () => {
    const choice = parseSavedChoice(JSON.stringify({ mode: 'custom', customUrl: '  http://meshplay.example:9081/  ' }));
    expect(choice).toEqual({ mode: 'custom', customUrl: 'http://meshplay.example:9081' });
    expect(choice && getServerBase(choice, bases)).toBe('http://meshplay.example:9081');
  });

  it('drops a saved custom server that is not an http(s) URL', () => {
    expect(parseSavedChoice(JSON.stringify({ mode: 'custom', customUrl: 'javascript:alert(1)' }))).toBeUndefined();
    // Another mode keeps its valid custom URL for when the reader comes back to it, and loses an invalid one.
    expect(parseSavedChoice(JSON.stringify({ mode: 'bridge', customUrl: 'http://a.example' }))).toEqual({
      mode: 'bridge',
      customUrl: 'http://a.example',
    });
    expect(parseSavedChoice(JSON.stringify({ mode: 'bridge', customUrl: 'ftp://a.example' }))).toEqual({ mode: 'bridge', customUrl: '' });
  });

  it('survives garbage: nothing saved, bad JSON, unknown modes, other shapes', () => {
    for (const saved of [
      null,
      '',
      '{not json',
      '"proxy"',
      'null',
      '[]',
      JSON.stringify({ mode: 'elsewhere' }),
      JSON.stringify({ mode: 7 }),
    ]) {
      expect(parseSavedChoice(saved)).toBeUndefined();
    }
  });
});

describe('getServerBase', () => {
  it('sends each mode to its own base', () => {
    expect(getServerBase({ mode: 'proxy', customUrl: '' }, bases)).toBe(bases.proxy);
    expect(getServerBase({ mode: 'bridge', customUrl: '' }, bases)).toBe(bases.bridge);
    expect(getServerBase({ mode: 'same-origin', customUrl: '' }, bases)).toBe(bases.sameOrigin);
    expect(getServerBase({ mode: 'demo', customUrl: '' }, bases)).toBe(bases.demo);
    expect(getServerBase({ mode: 'direct', customUrl: 'http://x.example' }, bases)).toBe(bases.direct);
    expect(getServerBase({ mode: 'custom', customUrl: 'http://x.example' }, bases)).toBe('http://x.example');
    expect(getServerBase({ mode: 'custom', customUrl: '' }, bases)).toBe(bases.direct);
  });
});

describe('carriesToken', () => {
  it('sends the token through the proxy, the bridge and to a server the reader names, never to the demo or same origin', () => {
    expect(SERVER_MODES.filter(carriesToken)).toEqual(['proxy', 'bridge', 'direct', 'custom']);
  });
});
