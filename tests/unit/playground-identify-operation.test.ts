import { describe, expect, it } from 'vitest';
import { apiPathOf, identifyOperation, type OperationRoute } from '../../src/lib/playground/identify-operation.ts';

const OPERATIONS: OperationRoute[] = [
  { method: 'GET', path: '/api/user' },
  { method: 'GET', path: '/api/user/prefs' },
  { method: 'POST', path: '/api/user/prefs' },
  { method: 'GET', path: '/api/user/{id}' },
  { method: 'GET', path: '/api/pattern/{id}/file.{format}' },
  { method: 'GET', path: '/api/pattern/{id}/{name}' },
  { method: 'DELETE', path: '/api/pattern/{id}' },
  { method: 'GET', path: '/api/system/version' },
];

/** The path template identification names, or what it says instead. */
function identify(url: string, method: string, base: string): string {
  const found = identifyOperation({ url, method }, base, OPERATIONS);
  return found.kind === 'operation' ? `${found.operation.method} ${found.operation.path}` : found.kind;
}

describe('identifyOperation', () => {
  it('names the operation under the site proxy at the root and under a sub-path', () => {
    expect(identify('http://127.0.0.1:4391/api-proxy/api/user', 'GET', 'http://127.0.0.1:4391/api-proxy')).toBe('GET /api/user');
    expect(
      identify('https://docs.example.com/docs/api-proxy/api/system/version?x=1', 'get', 'https://docs.example.com/docs/api-proxy/'),
    ).toBe('GET /api/system/version');
  });

  it('matches templated segments, and a concrete segment wins over a template', () => {
    expect(identify('http://localhost:9081/api/user/prefs', 'GET', 'http://localhost:9081')).toBe('GET /api/user/prefs');
    expect(identify('http://localhost:9081/api/user/42', 'GET', 'http://localhost:9081')).toBe('GET /api/user/{id}');
    expect(identify('http://localhost:9081/api/pattern/7/file.yaml', 'GET', 'http://localhost:9081')).toBe(
      'GET /api/pattern/{id}/file.{format}',
    );
    expect(identify('http://localhost:9081/api/pattern/7/other', 'GET', 'http://localhost:9081')).toBe('GET /api/pattern/{id}/{name}');
    // A parameter's value is percent-decoded, and may hold what a literal segment would not.
    expect(identify('http://localhost:9081/api/pattern/a%20b', 'DELETE', 'http://localhost:9081')).toBe('DELETE /api/pattern/{id}');
  });

  it('takes the method into account', () => {
    expect(identify('http://localhost:9081/api/user/prefs', 'POST', 'http://localhost:9081')).toBe('POST /api/user/prefs');
    expect(identify('http://localhost:9081/api/user', 'DELETE', 'http://localhost:9081')).toBe('no-operation');
  });

  it('strips the base of a reverse proxy with a prefix, on a segment boundary', () => {
    expect(identify('https://team.example.com/meshplay/api/user', 'GET', 'https://team.example.com/meshplay')).toBe('GET /api/user');
    // "/meshplay-old" is not under "/meshplay".
    expect(identify('https://team.example.com/meshplay-old/api/user', 'GET', 'https://team.example.com/meshplay')).toBe('outside-base');
  });

  it('says when the answer is outside the chosen server or on a path the spec lacks', () => {
    expect(identify('http://127.0.0.1:9180/api-proxy/api/user', 'GET', 'http://127.0.0.1:4391/api-proxy')).toBe('outside-base');
    expect(identify('http://localhost:9081/user/login?ref=x', 'GET', 'http://localhost:9081')).toBe('no-operation');
    // A template parameter needs a value: "/api/user/" is not "/api/user/{id}".
    expect(identify('http://localhost:9081/api/user/', 'GET', 'http://localhost:9081')).toBe('no-operation');
    const found = identifyOperation({ url: 'http://localhost:9081/user/login', method: 'GET' }, 'http://localhost:9081', OPERATIONS);
    expect(found).toEqual({ kind: 'no-operation', method: 'GET', apiPath: '/user/login' });
  });
});

describe('apiPathOf', () => {
  it('is the path below the base, "/" for the base itself', () => {
    expect(apiPathOf('http://h/docs/api-proxy/api/user', 'http://h/docs/api-proxy')).toBe('/api/user');
    expect(apiPathOf('http://h/docs/api-proxy', 'http://h/docs/api-proxy/')).toBe('/');
  });
});
