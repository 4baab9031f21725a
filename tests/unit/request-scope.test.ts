import { describe, expect, it } from 'vitest';
import { mayCarryToken } from '../../src/lib/token/request-scope.ts';

const SERVER = 'http://localhost:9081';
const PROXY = 'https://docs.example.com/docs/api-proxy';
const SPEC_JSON = 'https://docs.example.com/docs/openapi/meshplay.json';
const SPEC_YAML = 'https://docs.example.com/docs/openapi/meshplay.yaml';
const BASES = [SERVER, PROXY];
const EXCLUDED = [SPEC_JSON, SPEC_YAML];

/** Whether the request may carry the token with the usual bases and exclusions. */
function allowed(requestUrl: string): boolean {
  return mayCarryToken(requestUrl, BASES, EXCLUDED);
}

describe('mayCarryToken', () => {
  it('allows requests to the chosen server', () => {
    expect(allowed('http://localhost:9081/api/system/version')).toBe(true);
    expect(allowed('http://localhost:9081/')).toBe(true);
    expect(allowed('http://LOCALHOST:9081/api/user?x=1#y')).toBe(true);
  });

  it('allows requests under the proxy base served from a sub-path, and the base itself', () => {
    expect(allowed('https://docs.example.com/docs/api-proxy/api/user')).toBe(true);
    expect(allowed('https://docs.example.com/docs/api-proxy')).toBe(true);
    expect(allowed('https://docs.example.com:443/docs/api-proxy/api/user')).toBe(true);
    expect(mayCarryToken('https://docs.example.com/docs/api-proxy/api/user', [`${PROXY}/`], [])).toBe(true);
  });

  it('refuses other origins', () => {
    expect(allowed('http://evil.test/api/user')).toBe(false);
    expect(allowed('https://localhost:9081/api/user')).toBe(false);
    expect(allowed('http://localhost:9082/api/user')).toBe(false);
    expect(allowed('http://docs.example.com/docs/api-proxy/api/user')).toBe(false);
    expect(allowed('https://docs.example.com.evil.test/docs/api-proxy/api/user')).toBe(false);
  });

  it('refuses user-info tricks that point at another host', () => {
    expect(allowed('http://localhost:9081@evil.test/')).toBe(false);
    expect(allowed('http://user:pass@localhost:9081/api/user')).toBe(false);
  });

  it('matches the path prefix only on a segment boundary', () => {
    expect(allowed('https://docs.example.com/docs/api-proxy-evil/api/user')).toBe(false);
    expect(allowed('https://docs.example.com/docs/api-proxyx')).toBe(false);
    expect(allowed('https://docs.example.com/docs/')).toBe(false);
    expect(allowed('https://docs.example.com/other/api-proxy/api/user')).toBe(false);
  });

  it('refuses paths that climb out of the base', () => {
    expect(allowed('https://docs.example.com/docs/api-proxy/../openapi/meshplay.json')).toBe(false);
    expect(allowed('https://docs.example.com/docs/api-proxy/%2e%2e/secret')).toBe(false);
    expect(allowed('https://docs.example.com/docs/api-proxy/..%2f..%2fsecret')).toBe(false);
    expect(allowed('https://docs.example.com/docs/api-proxy/..%5Csecret')).toBe(false);
  });

  it('never sends the token with the spec file, whatever the query or fragment', () => {
    const underServer = 'http://localhost:9081/openapi/meshplay.json';
    expect(mayCarryToken(underServer, [SERVER], [underServer])).toBe(false);
    expect(mayCarryToken(`${underServer}?v=2#top`, [SERVER], [underServer])).toBe(false);
    expect(mayCarryToken('http://localhost:9081/openapi/meshplay.json.bak', [SERVER], [underServer])).toBe(true);
    expect(mayCarryToken(SPEC_YAML, ['https://docs.example.com/'], EXCLUDED)).toBe(false);
  });

  it('refuses relative, garbage and non-http URLs', () => {
    for (const url of [
      '/docs/api-proxy/api/user',
      'api/user',
      '',
      'not a url',
      'javascript:alert(1)',
      'ftp://localhost:9081/',
      'file:///etc/passwd',
      '//localhost:9081/api',
    ]) {
      expect(allowed(url)).toBe(false);
    }
  });

  it('refuses everything when no base is allowed, and ignores bases that are not http(s) URLs', () => {
    expect(mayCarryToken('http://localhost:9081/api/user', [], [])).toBe(false);
    expect(mayCarryToken('http://localhost:9081/api/user', ['/', 'garbage', 'ftp://localhost:9081'], [])).toBe(false);
  });
});
