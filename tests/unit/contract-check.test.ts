import { describe, expect, it } from 'vitest';
import type { OpenAPIV3_1 } from 'openapi-types';
import { checkResponse } from '../../src/lib/contract/check-response.ts';
import type { OperationContract } from '../../src/lib/contract/contract.ts';
import { loadContractChecker } from '../../src/lib/contract/load-checker.ts';
import { buildOperationContracts } from '../../src/lib/openapi/model/contracts.ts';

const ITEM = {
  type: 'object',
  required: ['id', 'name'],
  properties: {
    id: { type: 'integer' },
    name: { type: 'string' },
    created_at: { type: 'string', format: 'date-time' },
    owner: { type: 'string', format: 'uuid' },
  },
  discriminator: { propertyName: 'name' },
  example: { $id: 'not-a-schema', id: 1 },
  'x-go-type': 'Item',
};

/** A small spec in the conventions of the Meshplay spec: JSON as text/plain, plain-text errors, redirects, empty 404s. */
const DOCUMENT = {
  openapi: '3.1.0',
  info: { title: 'Contract fixtures', version: '1' },
  paths: {
    '/items': {
      get: {
        operationId: 'listItems',
        responses: {
          '200': {
            description: 'A page of items.',
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
          '302': { $ref: '#/components/responses/Redirect' },
          '4XX': { description: 'A client error.', content: { 'text/plain': { schema: { type: 'string' } } } },
        },
      },
      post: {
        operationId: 'createItem',
        responses: {
          '201': { description: 'Created.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } } },
          '404': { description: 'No token with a remote provider: empty body.' },
          default: { description: 'Anything else: plain text.', content: { 'text/plain': { schema: { type: 'string', minLength: 1 } } } },
        },
      },
    },
    '/items/{id}': {
      get: {
        operationId: 'getItem',
        responses: {
          '200': {
            description: 'JSON sent as text/plain.',
            content: {
              'text/plain': {
                schema: { type: 'string', contentMediaType: 'application/json', contentSchema: { $ref: '#/components/schemas/Item' } },
              },
            },
          },
          '404': {
            description: 'A MeshKit error with an empty long description.',
            content: { 'text/plain': { schema: { type: 'string', const: '\n' } } },
          },
        },
      },
    },
    '/items/export': {
      get: {
        operationId: 'exportItems',
        responses: {
          '200': { description: 'An archive.', content: { 'application/zip': { schema: { type: 'string', format: 'binary' } } } },
          '202': {
            description: 'A literal text under a JSON header.',
            content: { 'application/json': { schema: { type: 'string', contentMediaType: 'text/plain' } } },
          },
        },
      },
    },
  },
  components: {
    schemas: { Item: ITEM },
    responses: { Redirect: { description: 'Sign in first.' } },
  },
} as unknown as OpenAPIV3_1.Document;

const contracts = buildOperationContracts(DOCUMENT);

/** The contract of a fixture operation. */
function contract(operationId: string): OperationContract {
  const found = contracts.get(operationId);
  if (!found) throw new Error(`no contract ${operationId}`);
  return found;
}

const JSON_TYPE = 'application/json';
const SNIFFED = 'text/plain; charset=utf-8';

describe('checkResponse', () => {
  it('accepts a response that matches its documented status, media type and schema', () => {
    const verdict = checkResponse(contract('listItems'), {
      status: 200,
      contentType: 'Application/JSON; charset=utf-8',
      body: JSON.stringify({
        items: [{ id: 1, name: 'a', created_at: '2026-01-01T00:00:00Z', owner: '00000000-0000-4000-8000-000000000000' }],
      }),
    });
    expect(verdict).toMatchObject({
      ok: true,
      response: '200',
      mediaType: JSON_TYPE,
      checked: ['status', 'content-type', 'body'],
      differences: [],
    });
  });

  it('reports an undocumented status, naming the documented ones', () => {
    const verdict = checkResponse(contract('getItem'), { status: 500, contentType: SNIFFED, body: 'boom\n' });
    expect(verdict.ok).toBe(false);
    expect(verdict.response).toBeUndefined();
    expect(verdict.differences).toEqual([
      { kind: 'status', pointer: undefined, message: 'status 500 is not documented (documented: 200, 404)' },
    ]);
  });

  it('reports a wrong content type and says what was expected', () => {
    const verdict = checkResponse(contract('listItems'), { status: 200, contentType: 'text/html; charset=utf-8', body: '<p>hi</p>' });
    expect(verdict.differences).toEqual([
      { kind: 'content-type', pointer: undefined, message: 'expected application/json, got text/html' },
    ]);
  });

  it('reports a missing required property with the pointer of the property', () => {
    const verdict = checkResponse(contract('listItems'), {
      status: 200,
      contentType: JSON_TYPE,
      body: '{"items":[{"id":1,"name":"a"},{"name":"b"}]}',
    });
    expect(verdict.differences).toEqual([{ kind: 'body', pointer: '/items/1/id', message: 'missing required property `id`' }]);
  });

  it('reports a wrong type with its pointer', () => {
    const verdict = checkResponse(contract('listItems'), {
      status: 200,
      contentType: JSON_TYPE,
      body: '{"items":[{"id":"7","name":"a"}]}',
    });
    expect(verdict.differences).toEqual([{ kind: 'body', pointer: '/items/0/id', message: 'expected integer, got string' }]);
  });

  it('checks formats and names them', () => {
    const verdict = checkResponse(contract('listItems'), {
      status: 200,
      contentType: JSON_TYPE,
      body: '{"items":[{"id":1,"name":"a","created_at":"yesterday","owner":"me"}]}',
    });
    expect(verdict.differences.map((difference) => [difference.pointer, difference.message])).toEqual([
      ['/items/0/created_at', 'expected a date-time string, got "yesterday"'],
      ['/items/0/owner', 'expected a uuid string, got "me"'],
    ]);
  });

  it('parses JSON sent as text/plain and validates it against contentSchema', () => {
    const good = checkResponse(contract('getItem'), { status: 200, contentType: SNIFFED, body: '{"id":3,"name":"c"}\n' });
    expect(good).toMatchObject({ ok: true, mediaType: 'text/plain' });
    const bad = checkResponse(contract('getItem'), { status: 200, contentType: SNIFFED, body: '{"id":3}\n' });
    expect(bad.differences).toEqual([{ kind: 'body', pointer: '/name', message: 'missing required property `name`' }]);
    const notJson = checkResponse(contract('getItem'), { status: 200, contentType: SNIFFED, body: 'id=3' });
    expect(notJson.differences[0]?.message).toMatch(
      /^the body is not JSON \(text\/plain \(JSON text, contentMediaType application\/json\)\): /,
    );
  });

  it('accepts the blank body of a MeshKit error with an empty long description, and nothing else', () => {
    expect(checkResponse(contract('getItem'), { status: 404, contentType: SNIFFED, body: '\n' }).ok).toBe(true);
    const worded = checkResponse(contract('getItem'), {
      status: 404,
      contentType: SNIFFED,
      body: 'Method not supported by local provider\n',
    });
    expect(worded.differences).toEqual([
      { kind: 'body', pointer: '', message: 'expected "\\n", got "Method not supported by local provider\\n"' },
    ]);
  });

  it('accepts the empty 404 of a write without a token, and reports a body where none is documented', () => {
    expect(checkResponse(contract('createItem'), { status: 404, contentType: null, body: '' })).toMatchObject({
      ok: true,
      response: '404',
    });
    const withBody = checkResponse(contract('createItem'), { status: 404, contentType: SNIFFED, body: '404 page not found\n' });
    expect(withBody.differences).toEqual([
      { kind: 'body', pointer: '', message: 'the spec documents no body for 404, got 19 bytes (text/plain)' },
    ]);
  });

  it('does not read the body of a redirect documented without one (Go writes a link)', () => {
    const verdict = checkResponse(contract('listItems'), {
      status: 302,
      contentType: 'text/html; charset=utf-8',
      body: '<a href="/provider">Found</a>.\n',
    });
    expect(verdict).toMatchObject({ ok: true, response: '302', checked: ['status'] });
    expect(verdict.notes).toEqual(['the body of a redirect is not checked when the spec documents none']);
  });

  it('falls back to the default response for a status without its own entry', () => {
    expect(checkResponse(contract('createItem'), { status: 503, contentType: SNIFFED, body: 'down\n' })).toMatchObject({
      ok: true,
      response: 'default',
    });
    const empty = checkResponse(contract('createItem'), { status: 503, contentType: SNIFFED, body: '' });
    expect(empty.differences).toEqual([{ kind: 'body', pointer: '', message: 'string is too short (0 < 1)' }]);
  });

  it('matches a range such as 4XX, after any exact code', () => {
    expect(checkResponse(contract('listItems'), { status: 403, contentType: SNIFFED, body: 'forbidden\n' })).toMatchObject({
      ok: true,
      response: '4XX',
    });
    const json = checkResponse(contract('listItems'), { status: 418, contentType: JSON_TYPE, body: '{}' });
    expect(json).toMatchObject({ ok: false, response: '4XX' });
    expect(json.differences[0]).toMatchObject({ kind: 'content-type', message: 'expected text/plain, got application/json' });
  });

  it('checks a binary body for status and content type only', () => {
    const verdict = checkResponse(contract('exportItems'), { status: 200, contentType: 'application/zip', body: 'PK\u0003\u0004garbage' });
    expect(verdict).toMatchObject({
      ok: true,
      checked: ['status', 'content-type'],
      notes: ['the body (application/zip) is checked for status and content type only'],
    });
    expect(checkResponse(contract('exportItems'), { status: 200, contentType: JSON_TYPE, body: '{}' }).ok).toBe(false);
  });

  it('takes a literal text under a JSON header as text, not JSON', () => {
    expect(checkResponse(contract('exportItems'), { status: 202, contentType: JSON_TYPE, body: 'Database reset successful' }).ok).toBe(
      true,
    );
  });

  it('reports a JSON body that is not JSON, and a missing Content-Type on a body', () => {
    expect(
      checkResponse(contract('listItems'), { status: 200, contentType: JSON_TYPE, body: '{"items":' }).differences[0]?.message,
    ).toMatch(/^the body is not JSON \(application\/json\): /);
    expect(checkResponse(contract('listItems'), { status: 200, contentType: undefined, body: '{"items":[]}' }).differences).toEqual([
      { kind: 'content-type', pointer: undefined, message: 'no Content-Type header; expected application/json' },
    ]);
  });

  it('treats OpenAPI annotations as annotations: an example holding $id changes nothing', () => {
    const verdict = checkResponse(contract('createItem'), {
      status: 201,
      contentType: JSON_TYPE,
      body: '{"id":1,"name":"x","extra":true}',
    });
    expect(verdict.ok).toBe(true);
  });
});

describe('loadContractChecker', () => {
  it('loads the check and the contract builder on demand, for the browser', async () => {
    const checker = await loadContractChecker();
    const loaded = checker.buildOperationContracts(DOCUMENT).get('GET /items/{id}');
    expect(loaded).toBeDefined();
    if (loaded)
      expect(checker.checkResponse(loaded, { status: 200, contentType: SNIFFED, body: '{"id":1}' }).differences[0]?.pointer).toBe('/name');
  });
});
