import { describe, expect, it } from 'vitest';
import { sliceOperation } from '../../src/lib/openapi/model/operation-slice.ts';
import { buildApiModel } from '../../src/lib/openapi/model/build.ts';
import { meshplaySpec } from '../support/meshplay-spec.ts';

/** A small document: a path-level parameter, a chain of schema references, a cycle, and components nobody uses. */
function tinyDocument(): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: { title: 'Tiny', version: '1.2.3', description: 'A long description the slice leaves out.' },
    servers: [{ url: 'http://localhost:9081' }],
    security: [{ cookie: [] }],
    tags: [{ name: 'Users', description: 'People' }, { name: 'Other' }],
    paths: {
      '/api/users/{id}': {
        parameters: [{ $ref: '#/components/parameters/Id' }],
        get: {
          operationId: 'getUser',
          tags: ['Users'],
          responses: {
            '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/User' } } } },
            '404': { $ref: '#/components/responses/NotFound' },
          },
        },
        delete: { operationId: 'deleteUser', responses: { '204': { description: 'gone' } } },
      },
      '/api/other': { get: { operationId: 'other', tags: ['Other'], responses: { '200': { $ref: '#/components/responses/Unused' } } } },
    },
    components: {
      parameters: { Id: { name: 'id', in: 'path', required: true, schema: { $ref: '#/components/schemas/Id' } } },
      responses: {
        NotFound: { description: 'no', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
        Unused: { description: 'unused' },
      },
      schemas: {
        Id: { type: 'string' },
        User: { type: 'object', properties: { id: { $ref: '#/components/schemas/Id' }, team: { $ref: '#/components/schemas/Team' } } },
        Team: { type: 'object', properties: { members: { type: 'array', items: { $ref: '#/components/schemas/User' } } } },
        Error: { type: 'object', properties: { message: { type: 'string' } } },
        Unused: { type: 'string' },
        'a/b': { type: 'string' },
      },
      securitySchemes: { cookie: { type: 'apiKey', in: 'cookie', name: 'token' } },
    },
  };
}

describe('sliceOperation', () => {
  it('keeps the operation, its path parameters and every component it reaches, and nothing else', () => {
    const slice = sliceOperation(tinyDocument(), '/api/users/{id}', 'get');
    expect(Object.keys(slice['paths'] as object)).toEqual(['/api/users/{id}']);
    const item = (slice['paths'] as Record<string, Record<string, unknown>>)['/api/users/{id}'];
    expect(Object.keys(item ?? {}).sort()).toEqual(['get', 'parameters']);
    const components = slice['components'] as Record<string, Record<string, unknown>>;
    expect(Object.keys(components['schemas'] ?? {}).sort()).toEqual(['Error', 'Id', 'Team', 'User']);
    expect(Object.keys(components['parameters'] ?? {})).toEqual(['Id']);
    expect(Object.keys(components['responses'] ?? {})).toEqual(['NotFound']);
  });

  it("carries the document's servers, security, security schemes and the operation's tags, and a short info", () => {
    const slice = sliceOperation(tinyDocument(), '/api/users/{id}', 'get');
    expect(slice['servers']).toEqual([{ url: 'http://localhost:9081' }]);
    expect(slice['security']).toEqual([{ cookie: [] }]);
    expect((slice['components'] as Record<string, unknown>)['securitySchemes']).toEqual({
      cookie: { type: 'apiKey', in: 'cookie', name: 'token' },
    });
    expect(slice['tags']).toEqual([{ name: 'Users', description: 'People' }]);
    expect(slice['info']).toEqual({ title: 'Tiny', version: '1.2.3' });
  });

  it('follows escaped component names and leaves a reference to nothing as it is', () => {
    const document = tinyDocument();
    const paths = document['paths'] as Record<string, Record<string, Record<string, unknown>>>;
    paths['/api/other'] = {
      get: {
        responses: {
          '200': { description: 'ok', content: { 'text/plain': { schema: { $ref: '#/components/schemas/a~1b' } } } },
          '500': { description: 'x', content: { 'text/plain': { schema: { $ref: '#/components/schemas/Missing' } } } },
        },
      },
    };
    const slice = sliceOperation(document, '/api/other', 'get');
    expect(Object.keys((slice['components'] as Record<string, Record<string, unknown>>)['schemas'] ?? {})).toEqual(['a/b']);
  });

  it('says which operation is missing', () => {
    expect(() => sliceOperation(tinyDocument(), '/api/users/{id}', 'post')).toThrow('the spec has no POST /api/users/{id}');
    expect(() => sliceOperation(tinyDocument(), '/nope', 'get')).toThrow('GET /nope');
  });

  it('slices every Meshplay operation to a small, self-contained document', async () => {
    const { document } = await meshplaySpec();
    const model = buildApiModel(document);
    const raw = document as unknown as Record<string, Record<string, Record<string, unknown>>>;
    const whole = JSON.stringify(document).length;
    let largest = 0;
    for (const operation of model.operations) {
      const slice = sliceOperation(raw, operation.path, operation.method);
      const text = JSON.stringify(slice);
      largest = Math.max(largest, text.length);
      // Every local reference in the slice points at something the slice holds (or at nothing in the whole spec either).
      for (const [, ref] of text.matchAll(/"\$ref":"(#\/components\/[^"]+)"/g)) {
        const [kind = '', name = ''] = (ref ?? '').slice('#/components/'.length).split('/');
        const inWhole = (raw['components']?.[kind] ?? {})[name];
        if (inWhole !== undefined)
          expect((slice['components'] as Record<string, Record<string, unknown>>)[kind]?.[name], ref).toBeDefined();
      }
    }
    expect(largest).toBeLessThan(whole / 4);
  });
});
