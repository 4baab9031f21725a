import { describe, expect, it } from 'vitest';
import { getServerBase, parseServerChoice } from '../../src/lib/playground/server-choice.ts';

const urls = { proxy: 'http://127.0.0.1:4321/api-proxy', direct: 'http://localhost:9081' };

describe('parseServerChoice', () => {
  it('defaults to the proxy when there is one, else to the server in the spec', () => {
    expect(parseServerChoice(null, true)).toEqual({ mode: 'proxy', customUrl: '' });
    expect(parseServerChoice(null, false)).toEqual({ mode: 'direct', customUrl: '' });
  });

  it('keeps a saved custom server in its checked form', () => {
    const choice = parseServerChoice(JSON.stringify({ mode: 'custom', customUrl: '  http://meshplay.example:9081/  ' }), true);
    expect(choice).toEqual({ mode: 'custom', customUrl: 'http://meshplay.example:9081' });
    expect(getServerBase(choice, urls)).toBe('http://meshplay.example:9081');
  });

  it('drops a saved custom server that is not an http(s) URL, and falls back', () => {
    expect(parseServerChoice(JSON.stringify({ mode: 'custom', customUrl: 'javascript:alert(1)' }), true)).toEqual({
      mode: 'proxy',
      customUrl: '',
    });
  });

  it('does not choose a proxy the site no longer has, and survives garbage', () => {
    expect(parseServerChoice(JSON.stringify({ mode: 'proxy', customUrl: '' }), false).mode).toBe('direct');
    expect(parseServerChoice('{not json', false)).toEqual({ mode: 'direct', customUrl: '' });
  });
});
