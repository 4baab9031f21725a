import { describe, expect, it } from 'vitest';
import type { OpenAPIV3_1 } from 'openapi-types';
import { checkResponse } from '../../src/lib/contract/check-response.ts';
import { buildOperationContracts } from '../../src/lib/openapi/model/contracts.ts';
import {
  checkPlaygroundResponse,
  isCheckable,
  type CheckContext,
  type PlaygroundResponse,
} from '../../src/lib/playground/response-check.ts';
import { checkingView, noAnswerView, unavailableView, type VerdictView } from '../../src/lib/playground/verdict-view.ts';
import { meshplaySpec } from '../support/meshplay-spec.ts';

/** A small spec in the Meshplay conventions: JSON sent as text/plain, an inline schema, a range, a default, a YAML body, no body. */
const DOCUMENT = {
  openapi: '3.1.0',
  info: { title: 'Verdict fixtures', version: '1' },
  paths: {
    '/api/items': {
      get: {
        responses: {
          '200': {
            description: 'A page.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items'],
                  properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Item' } } },
                },
              },
            },
          },
        },
      },
    },
    '/api/items/{id}': {
      get: {
        operationId: 'getItem',
        responses: {
          '200': {
            description: 'JSON as text/plain.',
            content: {
              'text/plain': {
                schema: { type: 'string', contentMediaType: 'application/json', contentSchema: { $ref: '#/components/schemas/Item' } },
              },
            },
          },
          '4XX': { description: 'A client error.', content: { 'text/plain': { schema: { type: 'string' } } } },
        },
      },
      delete: {
        responses: {
          '204': { description: 'Gone.' },
          default: { description: 'Anything else.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } } },
        },
      },
    },
    '/api/items/{id}/export': {
      get: { responses: { '200': { description: 'YAML.', content: { 'application/yaml': { schema: { type: 'string' } } } } } },
    },
  },
  components: {
    schemas: { Item: { type: 'object', required: ['id'], properties: { id: { type: 'integer' }, name: { type: 'string' } } } },
  },
} as unknown as OpenAPIV3_1.Document;

const LOADED = { contracts: buildOperationContracts(DOCUMENT), check: checkResponse };
const PROXY = 'http://127.0.0.1:4391/docs/api-proxy';
const CONTEXT: CheckContext = { base: PROXY, demoBase: 'http://127.0.0.1:4391/docs/demo-proxy' };

/** A response as Swagger UI shows it, sent through the proxy to `path`. */
function received(
  path: string,
  status: number,
  contentType: string | undefined,
  body: string,
  extra: Partial<Omit<PlaygroundResponse, 'status'>> = {},
): PlaygroundResponse & { status: number } {
  const url = `${PROXY}${path}`;
  const headers = { ...(contentType === undefined ? {} : { 'content-type': contentType }), ...extra.headers };
  return { url, requestUrl: url, method: 'GET', status, body, ...extra, headers };
}

/** The verdict as a reader reads it: the summary, then each difference as "where: message", then the notes. */
function read(view: VerdictView): string[] {
  return [
    `[${view.tone}] ${view.summary}`,
    ...view.differences.map((difference) => (difference.where === '' ? difference.message : `${difference.where}: ${difference.message}`)),
    ...view.notes,
  ];
}

describe('the verdict shown beside a playground response', () => {
  it('says a match and what was compared: status key, media type, schema', () => {
    const view = checkPlaygroundResponse(received('/api/items', 200, 'application/json', '{"items":[{"id":1}]}'), CONTEXT, LOADED);
    expect(read(view)).toEqual(['[match] Matches the documentation (status 200, application/json, its inline schema)']);
    const text = checkPlaygroundResponse(received('/api/items/1', 200, 'text/plain; charset=utf-8', '{"id":1}\n'), CONTEXT, LOADED);
    expect(read(text)).toEqual(['[match] Matches the documentation (status 200, text/plain JSON, schema Item)']);
  });

  it('names a range, the default response and a response documented without a body', () => {
    const range = checkPlaygroundResponse(received('/api/items/1', 404, 'text/plain', 'not found'), CONTEXT, LOADED);
    expect(range.summary).toBe('Matches the documentation (status 4XX, text/plain, its inline schema)');
    const deleted = checkPlaygroundResponse(received('/api/items/1', 204, undefined, '', { method: 'DELETE' }), CONTEXT, LOADED);
    expect(deleted.summary).toBe('Matches the documentation (status 204, no body)');
    const fallback = checkPlaygroundResponse(
      received('/api/items/1', 500, 'application/json', '{"id":"x"}', { method: 'DELETE' }),
      CONTEXT,
      LOADED,
    );
    expect(read(fallback)).toEqual([
      '[differs] Differs from the documentation (the default response, application/json, schema Item):',
      '/id: expected integer, got string',
    ]);
  });

  it('lists each body difference with its JSON pointer', () => {
    const view = checkPlaygroundResponse(
      received('/api/items', 200, 'application/json', '{"items":[{"id":1},{"name":"b"},{"id":"3"}]}'),
      CONTEXT,
      LOADED,
    );
    expect(read(view)).toEqual([
      '[differs] Differs from the documentation (status 200, application/json, its inline schema):',
      '/items/1/id: missing required property `id`',
      '/items/2/id: expected integer, got string',
    ]);
  });

  it('names an undocumented status, a wrong content type and a body that is not JSON', () => {
    const status = checkPlaygroundResponse(received('/api/items', 201, 'application/json', '{"items":[]}'), CONTEXT, LOADED);
    expect(read(status)).toEqual(['[differs] Differs from the documentation:', 'status 201 is not documented (documented: 200)']);
    const type = checkPlaygroundResponse(received('/api/items', 200, 'text/html; charset=utf-8', '<p>hi</p>'), CONTEXT, LOADED);
    expect(read(type)).toEqual([
      '[differs] Differs from the documentation (status 200):',
      'Content-Type: expected application/json, got text/html',
    ]);
    const notJson = checkPlaygroundResponse(received('/api/items/1', 200, 'text/plain', 'id=1'), CONTEXT, LOADED);
    expect(notJson.tone).toBe('differs');
    expect(notJson.summary).toBe('Differs from the documentation (status 200, text/plain JSON, schema Item):');
    expect(notJson.differences[0]?.where).toBe('body');
    expect(notJson.differences[0]?.message).toMatch(/^the body is not JSON/);
  });

  it('says what was not compared: a YAML body is checked for status and content type only', () => {
    const view = checkPlaygroundResponse(received('/api/items/1/export', 200, 'application/yaml', 'id: 1'), CONTEXT, LOADED);
    expect(read(view)).toEqual([
      '[match] Matches the documentation (status 200, application/yaml)',
      'The body (application/yaml) is checked for status and content type only.',
    ]);
  });

  it("does not check the proxy's own answers (auth-redirect, unreachable, timeout), whatever their status", () => {
    for (const [status, code] of [
      [401, 'auth-redirect'],
      [502, 'unreachable'],
      [504, 'timeout'],
    ] as const) {
      const view = checkPlaygroundResponse(
        received('/api/items', status, 'application/json', '{"error":"x"}', { headers: { 'x-try-it-proxy': code } }),
        CONTEXT,
        LOADED,
      );
      expect(view.tone).toBe('not-checked');
      expect(view.summary).toBe('Not checked: this answer comes from the proxy, not from Meshplay');
      expect(view.notes[0]).toContain(`(${code})`);
      expect(view.differences).toEqual([]);
    }
  });

  it('checks demo answers and says they are the demo server’s', () => {
    const demo = { ...received('/api/items', 200, 'application/json', '{"items":[]}'), url: `${CONTEXT.demoBase}/api/items` };
    const view = checkPlaygroundResponse({ ...demo, requestUrl: demo.url }, { ...CONTEXT, base: CONTEXT.demoBase }, LOADED);
    expect(view.tone).toBe('match');
    expect(view.notes.join(' ')).toMatch(/demo server's answer/);
    const marked = checkPlaygroundResponse(
      received('/api/items', 200, 'application/json', '{}', { headers: { 'x-meshplay-demo': 'true' } }),
      CONTEXT,
      LOADED,
    );
    expect(read(marked)).toEqual([
      '[differs] Differs from the documentation (status 200, application/json, its inline schema):',
      '/items: missing required property `items`',
      "Checked on the demo server's answer, made from the spec's examples: no Meshplay server was asked.",
    ]);
  });

  it('says why an answer is not checked when its operation cannot be named', () => {
    const redirected = received('/api/items', 200, 'text/html', '<html>', { url: 'http://127.0.0.1:4391/user/login?ref=x' });
    expect(checkPlaygroundResponse(redirected, CONTEXT, LOADED).summary).toBe(
      'Not checked: the request was redirected to http://127.0.0.1:4391/user/login?ref=x',
    );
    const elsewhere = { ...received('/api/items', 200, 'application/json', '{}'), url: 'http://127.0.0.1:9180/api-proxy/api/items' };
    expect(checkPlaygroundResponse({ ...elsewhere, requestUrl: elsewhere.url }, CONTEXT, LOADED).summary).toBe(
      `Not checked: this answer came from http://127.0.0.1:9180/api-proxy/api/items, not from the chosen server ${PROXY}`,
    );
    const unknown = checkPlaygroundResponse(received('/api/nothing', 404, 'text/plain', '404 page not found'), CONTEXT, LOADED);
    expect(unknown).toMatchObject({ tone: 'not-checked', summary: 'Not checked: the spec documents no operation GET /api/nothing' });
  });

  it('has a line for a checker that is loading, one that could not load, and an answer that never came', () => {
    expect(checkingView()).toMatchObject({ tone: 'checking', summary: 'Checking the response against the documentation…' });
    const failed = unavailableView(new TypeError('Failed to fetch dynamically imported module: /_astro/check-response.js'));
    expect(failed.summary).toBe('The documentation check could not load');
    expect(failed.notes[0]).toMatch(/^Failed to fetch dynamically imported module: .*\. The response is shown as the server sent it/);
    expect(noAnswerView().tone).toBe('not-checked');
    expect(isCheckable({ ...received('/api/items', 200, undefined, ''), status: undefined })).toBe(false);
  });
});

describe('the verdict on the Meshplay spec', () => {
  it('GET /api/user matches as JSON sent as text/plain, schema User; a drifted GET /api/system/version names /build', async () => {
    const { document } = await meshplaySpec();
    const loaded = { contracts: buildOperationContracts(document as unknown as OpenAPIV3_1.Document), check: checkResponse };
    const user = { id: 'u1', user_id: 'jdoe', first_name: 'Meshplay', last_name: 'User', provider: 'Meshplay', email: 'user@example.test' };
    const view = checkPlaygroundResponse(
      received('/api/user', 200, 'text/plain; charset=utf-8', `${JSON.stringify(user)}\n`),
      CONTEXT,
      loaded,
    );
    expect(read(view)).toEqual(['[match] Matches the documentation (status 200, text/plain JSON, schema User)']);

    const drifted = { build: 7, latest: 'v0.7.1', outdated: true, commitsha: '6f28af8a', release_channel: 'stable' };
    const version = checkPlaygroundResponse(
      received('/api/system/version', 200, 'application/json', JSON.stringify(drifted)),
      CONTEXT,
      loaded,
    );
    expect(read(version)).toEqual([
      '[differs] Differs from the documentation (status 200, application/json, schema ServerVersion):',
      '/build: expected string, got integer',
    ]);
  });
});
