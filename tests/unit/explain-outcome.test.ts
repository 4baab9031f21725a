import { describe, expect, it } from 'vitest';
import { explainOutcome, type ExplainContext, type RequestOutcome } from '../../src/lib/playground/explain-outcome.ts';

const PAGE = 'https://docs.meshplay.example';
const COMMAND = 'node meshplay-bridge.mjs --server http://localhost:9081 --allow-origin https://docs.meshplay.example';

function context(change: Partial<ExplainContext> = {}): ExplainContext {
  return {
    mode: 'bridge',
    pageProtocol: 'https:',
    pageOrigin: PAGE,
    serverLabel: 'http://localhost:9081',
    sent: 'token',
    bridgeCommand: COMMAND,
    ...change,
  };
}

function response(change: Partial<Extract<RequestOutcome, { kind: 'response' }>> = {}): RequestOutcome {
  return {
    kind: 'response',
    url: 'http://127.0.0.1:9180/api-proxy/api/user',
    method: 'GET',
    status: 200,
    contentType: 'application/json',
    proxyError: undefined,
    body: '{}',
    ...change,
  };
}

/** A refusal as the proxy and the bridge write it: JSON with an error code and a message. */
function refusal(status: number, error: string, message: string, marker?: string): RequestOutcome {
  return response({ status, proxyError: marker, body: JSON.stringify({ error, message }), contentType: 'application/json; charset=utf-8' });
}

/** Everything an explanation says, to search in. */
function text(outcome: RequestOutcome, ctx: ExplainContext): string {
  const explanation = explainOutcome(outcome, ctx);
  return explanation ? [explanation.title, explanation.detail, ...explanation.remedies].join('\n') : '';
}

describe('explainOutcome: the bridge', () => {
  it('a network error to loopback: the bridge is not running; gives the command and the local-network prompt', () => {
    const said = text({ kind: 'network-error', url: 'http://127.0.0.1:9180/api-proxy/api/user', method: 'GET' }, context());
    expect(said).toContain('The bridge on this computer did not answer');
    expect(said).toContain(COMMAND);
    expect(said).toMatch(/local network.*allow it/);
    // http://127.0.0.1 from an https page is not mixed content for browsers: never say so.
    expect(said).not.toContain('mixed content');
  });

  it("a 403 for this page's origin: restart the bridge with --allow-origin", () => {
    const said = text(refusal(403, 'origin-not-allowed', 'The bridge does not answer pages of https://docs.meshplay.example.'), context());
    expect(said).toContain("The bridge refused this page's origin");
    expect(said).toContain(`--allow-origin ${PAGE}`);
  });

  it('a 403 for a host name that is not loopback: DNS rebinding protection, use 127.0.0.1', () => {
    const said = text(refusal(403, 'host-not-allowed', 'The bridge answers only localhost or IP addresses.'), context());
    expect(said).toContain('The bridge refused the host name');
    expect(said).toContain('127.0.0.1');
  });

  it('a 502: the bridge cannot reach Meshplay; restart it with --server', () => {
    const said = text(
      refusal(502, 'unreachable', 'Could not reach Meshplay at http://localhost:9081 (ECONNREFUSED).', 'unreachable'),
      context(),
    );
    expect(said).toContain('Meshplay is unreachable');
    expect(said).toContain('ECONNREFUSED');
    expect(said).toContain('restart the bridge with --server');
  });

  it('a 504: Meshplay is silent', () => {
    expect(text(refusal(504, 'timeout', 'Meshplay at http://localhost:9081 did not answer within 30 s.', 'timeout'), context())).toContain(
      'Meshplay is too slow to answer',
    );
  });

  it('a 400 for the token headers: the token was refused before reaching Meshplay', () => {
    expect(
      text(refusal(400, 'bad-header', 'The meshplay-token and meshplay-provider headers do not make a session.'), context()),
    ).toContain('The token was refused before it reached Meshplay');
  });
});

describe('explainOutcome: tokens and sessions', () => {
  it('an expired or invalid token, stopped by the proxy or bridge (401 auth-redirect): get a new token', () => {
    const said = text(
      refusal(401, 'auth-redirect', 'Meshplay redirected to /auth/login: the token is missing, invalid or expired.', 'auth-redirect'),
      context(),
    );
    expect(said).toContain('Not signed in: the token is missing, invalid or expired');
    expect(said).toContain('Get Token');
  });

  it("the sign-in page a browser lands on when it follows Meshplay's redirect", () => {
    const said = text(response({ contentType: 'text/html; charset=utf-8', body: '<html>' }), context({ mode: 'custom' }));
    expect(said).toContain('Meshplay sent its sign-in page');
    expect(said).toContain('Get Token');
    const sameOrigin = text(
      response({ url: `${PAGE}/api/user`, contentType: 'text/html' }),
      context({ mode: 'same-origin', sent: 'browser-session' }),
    );
    expect(sameOrigin).toContain(`${PAGE}/provider`);
  });

  it.each(['POST', 'PUT', 'PATCH', 'DELETE'])(
    'a %s without a token that gets 404 with an empty body: how Meshplay answers a write without a session',
    (method) => {
      const said = text(response({ method, status: 404, contentType: '', body: '' }), context({ mode: 'proxy', sent: 'none' }));
      expect(said).toContain(`Meshplay answers a ${method} without a session with an empty 404`);
      expect(said).toContain('Paste your token');
    },
  );

  it('the same 404 in same-origin mode points at signing in on this origin', () => {
    const said = text(
      response({ method: 'POST', status: 404, contentType: '', body: '\n' }),
      context({ mode: 'same-origin', sent: 'browser-session' }),
    );
    expect(said).toContain('without a session');
    expect(said).toContain(`${PAGE}/provider`);
  });

  it('leaves a real 404 alone: a GET, a body, or a token that went with it', () => {
    const ctx = context({ mode: 'proxy', sent: 'none' });
    expect(explainOutcome(response({ method: 'GET', status: 404, body: '' }), ctx)).toBeUndefined();
    expect(
      explainOutcome(response({ method: 'POST', status: 404, contentType: 'text/plain', body: '404 page not found\n' }), ctx),
    ).toBeUndefined();
    expect(
      explainOutcome(response({ method: 'DELETE', status: 404, body: '' }), context({ mode: 'proxy', sent: 'token' })),
    ).toBeUndefined();
    expect(
      explainOutcome(response({ method: 'DELETE', status: 404, body: '' }), context({ mode: 'proxy', sent: 'local-provider' })),
    ).toBeUndefined();
  });

  it("does not read Meshplay's own JSON as a proxy refusal when calling it directly", () => {
    const body = JSON.stringify({ error: 'bad-header', message: 'from Meshplay' });
    expect(explainOutcome(response({ status: 400, body }), context({ mode: 'direct' }))).toBeUndefined();
  });
});

describe('explainOutcome: other ways', () => {
  it('direct and custom: CORS, with the ways out, the bridge first', () => {
    const said = text(
      { kind: 'network-error', url: 'http://meshplay.lan:9081/api/user', method: 'GET' },
      context({ mode: 'direct', pageProtocol: 'http:' }),
    );
    expect(said).toContain('The browser blocked this request (CORS)');
    expect(said).toContain('through the bridge');
    expect(said).toContain('npm start');
  });

  it('an https page calling a plain-http server elsewhere: mixed content', () => {
    expect(text({ kind: 'network-error', url: 'http://meshplay.lan:9081/api/user', method: 'GET' }, context({ mode: 'custom' }))).toContain(
      'mixed content',
    );
  });

  it("this site's proxy: not answering, unreachable Meshplay, or a host name it refuses", () => {
    const proxy = context({ mode: 'proxy', pageProtocol: 'http:' });
    expect(text({ kind: 'network-error', url: 'http://127.0.0.1:4321/api-proxy/api/user', method: 'GET' }, proxy)).toContain(
      "This site's proxy did not answer",
    );
    expect(text(refusal(502, 'unreachable', 'Could not reach Meshplay.', 'unreachable'), proxy)).toContain('MESHPLAY_SERVER');
    expect(text(refusal(403, 'host-not-allowed', 'not the host name "mybox"'), proxy)).toContain('http://localhost');
  });

  it('same origin: no answer readable means signing in (on another site) or a stopped server', () => {
    const said = text(
      { kind: 'network-error', url: `${PAGE}/api/user`, method: 'GET' },
      context({ mode: 'same-origin', sent: 'browser-session' }),
    );
    expect(said).toContain('sign-in page on another site');
    expect(said).toContain(`${PAGE}/provider`);
  });

  it('the demo server: still starting, stopped, or refusing a request against the spec', () => {
    const demo = context({ mode: 'demo', sent: 'none' });
    expect(text(refusal(503, 'demo-starting', 'The demo server is starting.'), demo)).toContain('still starting');
    expect(text(refusal(503, 'demo-failed', 'The demo server could not start.', 'demo-failed'), demo)).toContain(
      'The demo server has stopped',
    );
    expect(text(refusal(502, 'unreachable', 'Could not reach http://127.0.0.1:4010.', 'unreachable'), demo)).toContain(
      'The demo server has stopped',
    );
    const problem = response({
      status: 422,
      contentType: 'application/problem+json',
      body: JSON.stringify({
        title: 'Invalid request',
        detail: 'Your request is not valid and no HTTP validation response was found in the spec',
      }),
    });
    const said = text(problem, demo);
    expect(said).toContain('The demo server answered 422');
    expect(said).toContain('Invalid request');
  });

  it('says nothing about a success', () => {
    expect(explainOutcome(response(), context())).toBeUndefined();
  });
});
