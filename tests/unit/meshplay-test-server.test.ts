/**
 * The test server answers like Meshplay: its session middleware follows the server's source in
 * every systemic case (no provider, bad token, missing token on a read and on a write, the local
 * provider), and every route it serves by hand answers as the bundled spec documents, checked
 * with the contract check.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Server } from 'node:http';
import type { OpenAPIV3_1 } from 'openapi-types';
import { checkResponse } from '../../src/lib/contract/check-response.ts';
import type { OperationContract } from '../../src/lib/contract/contract.ts';
import type { Verdict } from '../../src/lib/contract/verdict.ts';
import {
  LOCAL_PROVIDER,
  PROVIDER_COOKIE,
  PROVIDER_HEADER,
  REMOTE_PROVIDER,
  sessionCookie,
  TOKEN_COOKIE,
} from '../../src/lib/meshplay/session.ts';
import { loadSpec } from '../../src/lib/openapi/load-spec.ts';
import { buildOperationContracts } from '../../src/lib/openapi/model/contracts.ts';
import { startTestServer } from '../support/meshplay-test-server.ts';
import { REMOTE_PROVIDER_URL, REMOTE_REF_COOKIE, refOf } from '../support/meshplay-test-server/session-middleware.ts';
import { mintToken } from '../support/tokens.ts';
import { closeServer } from '../support/close-server.ts';

let meshplay: { server: Server; url: string };
let contracts: Map<string, OperationContract>;
const token = mintToken({ expiresIn: 3600 });
const remote = sessionCookie({ provider: REMOTE_PROVIDER, token });
const local = sessionCookie({ provider: LOCAL_PROVIDER, token: '' });

beforeAll(async () => {
  meshplay = await startTestServer();
  const spec = await loadSpec({ root: process.cwd() });
  contracts = buildOperationContracts(spec.document as unknown as OpenAPIV3_1.Document);
});

afterAll(async () => {
  await closeServer(meshplay.server);
});

/** Call the test server without following redirects. */
function call(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${meshplay.url}${path}`, { redirect: 'manual', ...init });
}

/** Base64url of a text, unpadded, as Go's RawURLEncoding writes it. */
function base64url(text: string): string {
  return Buffer.from(text).toString('base64url');
}

/** The contract check's verdict on a response, for the operation `METHOD /path` of the bundled spec. */
async function verdictOf(key: string, response: Response): Promise<Verdict> {
  const contract = contracts.get(key);
  if (!contract) throw new Error(`The bundled spec has no operation ${key}.`);
  return checkResponse(contract, {
    status: response.status,
    contentType: response.headers.get('content-type'),
    body: await response.text(),
  });
}

describe('the test server authenticates as Meshplay does', () => {
  it('without a provider: 302 to /provider with the request URI in ref, the query kept', async () => {
    const plain = await call('/api/user');
    expect(plain.status).toBe(302);
    expect(plain.headers.get('location')).toBe(`/provider?ref=${base64url('/api/user?')}`);
    expect(plain.headers.get('set-cookie')).toBeNull();
    expect(await plain.text()).toBe(`<a href="/provider?ref=${base64url('/api/user?')}">Found</a>.\n`);

    const withQuery = await call('/api/user?page=2');
    expect(withQuery.headers.get('location')).toBe(`/provider?page=2&ref=${base64url('/api/user?page=2')}`);
    // A provider the server does not know is no provider.
    const unknown = await call('/api/user', { headers: { cookie: `${PROVIDER_COOKIE}=Nobody; ${TOKEN_COOKIE}=${token}` } });
    expect(unknown.headers.get('location')).toBe(`/provider?ref=${base64url('/api/user?')}`);
    // GetRefURL gives no ref for the root.
    expect(refOf(new URL('http://meshplay.test/'))).toBe('');
  });

  it('GET without a token (remote provider): 302 to the absolute remote login URL, with the <host>_ref cookie', async () => {
    const response = await call('/api/user?page=2', { headers: { cookie: `${PROVIDER_COOKIE}=${REMOTE_PROVIDER}` } });
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(`${REMOTE_PROVIDER_URL}/login`);
    expect([...location.searchParams.keys()]).toEqual(['meshplay_version', 'provider_version', 'ref', 'source']);
    expect(location.searchParams.get('ref')).toBe(base64url('/api/user?page=2'));
    expect(location.searchParams.get('source')).toBe(base64url(`http://${new URL(meshplay.url).host}/api/user/token`));
    expect(response.headers.get('set-cookie')).toMatch(
      new RegExp(`^${REMOTE_REF_COOKIE.replace(/\./g, '\\.')}=/; Path=/; Expires=[^;]+; HttpOnly$`),
    );
  });

  it('a write without a token (remote provider): 404 with an empty body and no Content-Type', async () => {
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const response = await call('/api/user/prefs', { method, body: '{}', headers: { cookie: `${PROVIDER_COOKIE}=${REMOTE_PROVIDER}` } });
      if (method === 'POST') {
        expect(response.status).toBe(404);
        expect(response.headers.get('content-type')).toBeNull();
        expect(await response.text()).toBe('');
      } else {
        // Only GET and POST are routed on this path: other methods never reach the middleware.
        expect(response.status).toBe(405);
      }
    }
  });

  it('a bad token with the provider from the cookie: the token cookie cleared and 302 to /auth/login with the raw query', async () => {
    for (const bad of [mintToken({ expiresIn: -60 }), mintToken({ expiresIn: 3600, key: 'another-key' }), 'not-a-token']) {
      const response = await call('/api/user?page=2', { headers: { cookie: sessionCookie({ provider: REMOTE_PROVIDER, token: bad }) } });
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toBe('/auth/login?page=2');
      expect(response.headers.get('set-cookie')).toBe(`${TOKEN_COOKIE}=; Path=/; Max-Age=0; HttpOnly`);
    }
  });

  it('a bad token with the provider from the header or ?provider=: 302 to /provider, no cookie touched', async () => {
    const fromHeader = await call('/api/user', { headers: { cookie: `${TOKEN_COOKIE}=forged`, [PROVIDER_HEADER]: REMOTE_PROVIDER } });
    expect(fromHeader.status).toBe(302);
    expect(fromHeader.headers.get('location')).toBe('/provider');
    expect(fromHeader.headers.get('set-cookie')).toBeNull();
    const fromQuery = await call(`/api/user?provider=${REMOTE_PROVIDER}`, { headers: { cookie: `${TOKEN_COOKIE}=forged` } });
    expect(fromQuery.headers.get('location')).toBe('/provider');
  });

  it('an empty token cookie on a GET goes to / (InitiateLogin sees the cookie)', async () => {
    const response = await call('/api/user', { headers: { cookie: `${PROVIDER_COOKIE}=${REMOTE_PROVIDER}; ${TOKEN_COOKIE}=` } });
    expect(response.headers.get('location')).toBe('/');
  });

  it('the local provider None needs no token', async () => {
    const response = await call('/api/user', { headers: { cookie: local } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ user_id: 'meshplay', first_name: 'Meshplay', last_name: 'Meshplay' });
  });
});

describe('every route the test server serves by hand answers as the spec documents', () => {
  const cases: Array<{ key: string; path: string; init?: RequestInit; status: number }> = [
    { key: 'GET /api/system/version', path: '/api/system/version', status: 200 },
    { key: 'GET /api/providers', path: '/api/providers', status: 200 },
    { key: 'GET /api/user', path: '/api/user', init: { headers: { cookie: remote } }, status: 200 },
    { key: 'GET /api/user', path: '/api/user', init: { headers: { cookie: local } }, status: 200 },
    { key: 'GET /api/user', path: '/api/user', status: 302 },
    { key: 'GET /api/user', path: '/api/user', init: { headers: { cookie: `${PROVIDER_COOKIE}=${REMOTE_PROVIDER}` } }, status: 302 },
    { key: 'GET /api/token', path: '/api/token', init: { headers: { cookie: remote } }, status: 200 },
    { key: 'GET /api/token', path: '/api/token', init: { headers: { cookie: local } }, status: 200 },
    { key: 'GET /api/identity/users', path: '/api/identity/users', init: { headers: { cookie: remote } }, status: 200 },
    { key: 'GET /api/identity/users', path: '/api/identity/users', init: { headers: { cookie: local } }, status: 404 },
    { key: 'GET /api/user/prefs', path: '/api/user/prefs', init: { headers: { cookie: remote } }, status: 200 },
    {
      key: 'POST /api/user/prefs',
      path: '/api/user/prefs',
      init: { method: 'POST', headers: { cookie: remote, 'content-type': 'application/json' }, body: '{"anonymousUsageStats":false}' },
      status: 200,
    },
    {
      key: 'POST /api/user/prefs',
      path: '/api/user/prefs',
      init: { method: 'POST', headers: { cookie: remote }, body: 'not json' },
      status: 500,
    },
    {
      key: 'POST /api/user/prefs',
      path: '/api/user/prefs',
      init: { method: 'POST', headers: { cookie: `${PROVIDER_COOKIE}=${REMOTE_PROVIDER}` }, body: '{}' },
      status: 404,
    },
    { key: 'POST /api/user/prefs', path: '/api/user/prefs', init: { method: 'POST', body: '{}' }, status: 302 },
    {
      key: 'POST /api/system/graphql/query',
      path: '/api/system/graphql/query',
      init: { method: 'POST', headers: { cookie: remote }, body: '{"query":"{ getAvailableNamespaces { namespace } }"}' },
      status: 200,
    },
    { key: 'GET /provider', path: '/provider', status: 200 },
    { key: 'GET /auth/login', path: '/auth/login', status: 200 },
  ];

  for (const { key, path, init, status } of cases) {
    it(`${key} answering ${status}${init?.headers ? ` (${JSON.stringify(init.headers).slice(0, 40)}…)` : ''}`, async () => {
      const response = await call(path, init);
      expect(response.status).toBe(status);
      const verdict = await verdictOf(key, response);
      expect(verdict.differences).toEqual([]);
    });
  }

  it('the local provider gets the blank line of ErrLocalProviderSupport from a remote-only route', async () => {
    const response = await call('/api/identity/users', { headers: { cookie: local } });
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await response.text()).toBe('\n');
  });

  it('a saved preference is read back', async () => {
    const user = sessionCookie({ provider: REMOTE_PROVIDER, token: mintToken({ expiresIn: 3600, subject: 'prefs-reader' }) });
    await call('/api/user/prefs', { method: 'POST', headers: { cookie: user }, body: '{"anonymousPerfResults":false,"unknownField":1}' });
    const saved = (await (await call('/api/user/prefs', { headers: { cookie: user } })).json()) as Record<string, unknown>;
    expect(saved).toMatchObject({ anonymousPerfResults: false, anonymousUsageStats: true });
    expect(saved).not.toHaveProperty('unknownField');
  });

  it('JSON of handlers that never set Content-Type goes out as text/plain', async () => {
    for (const path of ['/api/providers', '/api/user', '/api/token', '/api/user/prefs']) {
      const response = await call(path, { headers: { cookie: remote } });
      expect(response.headers.get('content-type'), path).toBe('text/plain; charset=utf-8');
      expect(JSON.parse(await response.text()), path).toBeTypeOf('object');
    }
  });
});

describe('the upload routes read the file where the handlers read it, and answer as the spec documents', () => {
  /** A multipart body with one file part (or a plain value, without a file name). */
  function form(field: string, contents: string, fileName?: string): FormData {
    const data = new FormData();
    if (fileName === undefined) data.append(field, contents);
    else data.append(field, new Blob([contents]), fileName);
    return data;
  }
  const kubeconfig = 'apiVersion: v1\nkind: Config\n';
  const design = Buffer.from('name: bookinfo\n').toString('base64');
  const cases: Array<{ key: string; path: string; body: BodyInit; contentType?: string; status: number; received?: string }> = [
    {
      key: 'POST /api/system/kubernetes',
      path: '/api/system/kubernetes',
      body: form('k8sfile', kubeconfig, 'config'),
      status: 200,
      received: 'k8sfile',
    },
    // A value without a file name is no file part for Go's FormFile.
    { key: 'POST /api/system/kubernetes', path: '/api/system/kubernetes', body: form('k8sfile', kubeconfig), status: 400 },
    {
      key: 'POST /api/system/kubernetes/contexts',
      path: '/api/system/kubernetes/contexts',
      body: form('config', kubeconfig, 'config'),
      status: 400,
    },
    {
      key: 'POST /api/system/kubernetes/contexts',
      path: '/api/system/kubernetes/contexts',
      body: kubeconfig,
      contentType: 'application/yaml',
      status: 400,
    },
    {
      key: 'POST /api/system/kubernetes/register',
      path: '/api/system/kubernetes/register',
      body: form('k8sfile', kubeconfig, 'config'),
      status: 200,
      received: 'k8sfile',
    },
    {
      key: 'POST /api/meshmodels/register',
      path: '/api/meshmodels/register',
      body: form('file', '{"schemaVersion":"relationships.meshplay.io/v1alpha3"}', 'relationship.json'),
      status: 200,
      received: 'file',
    },
    {
      key: 'POST /api/meshmodels/register',
      path: '/api/meshmodels/register',
      body: form('file', '{"kind":"Pod"}', 'pod.json'),
      status: 500,
      received: 'file',
    },
    { key: 'POST /api/meshmodels/register', path: '/api/meshmodels/register?dir=bytes', body: form('file', '{}', 'c.json'), status: 400 },
    {
      key: 'POST /api/pattern',
      path: '/api/pattern',
      body: JSON.stringify({ save: true, pattern_data: { pattern_file: design } }),
      status: 200,
      received: 'pattern_data.pattern_file',
    },
    {
      key: 'POST /api/pattern',
      path: '/api/pattern',
      body: JSON.stringify({ pattern_data: { pattern_file: 'not base64!' } }),
      status: 400,
    },
    { key: 'POST /api/pattern', path: '/api/pattern', body: '{"save":', status: 400 },
    {
      key: 'POST /api/pattern/{sourcetype}',
      path: '/api/pattern/Kubernetes%20Manifest',
      body: JSON.stringify({ pattern_data: { pattern_file: design } }),
      status: 200,
      received: 'pattern_data.pattern_file',
    },
    {
      key: 'POST /api/filter',
      path: '/api/filter',
      body: JSON.stringify({ filter_data: { filter_file: 'AGFzbQEAAAA=' } }),
      status: 200,
      received: 'filter_data.filter_file',
    },
  ];

  for (const { key, path, body, contentType, status, received } of cases) {
    it(`${key} answering ${status}${received ? ` with the file in ${received}` : ''}`, async () => {
      const headers: Record<string, string> = { cookie: remote, ...(contentType ? { 'content-type': contentType } : {}) };
      const response = await call(path, { method: 'POST', headers, body });
      expect(response.status).toBe(status);
      expect((await verdictOf(key, response)).differences).toEqual([]);
      const logged = (await (await call('/__test__/requests')).json()) as {
        requests: Array<{ path: string; received?: Array<{ field: string }> }>;
      };
      const entry = logged.requests.filter((request) => request.path === path).at(-1);
      expect(entry?.received?.map((file) => file.field)).toEqual(received === undefined ? undefined : [received]);
    });
  }

  it('records the bytes of a binary file as they were sent', async () => {
    const wasm = Buffer.from('0061736d0100000000ff', 'hex');
    const response = await call('/api/filter', {
      method: 'POST',
      headers: { cookie: remote },
      body: JSON.stringify({ filter_data: { filter_file: wasm.toString('base64') } }),
    });
    expect(response.status).toBe(200);
    const logged = (await (await call('/__test__/requests')).json()) as {
      requests: Array<{ path: string; received?: Array<{ base64: string }> }>;
    };
    expect(logged.requests.filter((request) => request.path === '/api/filter').at(-1)?.received?.[0]?.base64).toBe(wasm.toString('base64'));
  });
});
