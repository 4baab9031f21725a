import { describe, expect, it } from 'vitest';
import { dereference, getByPointer, normalizeOperation, resolveLocalSubtree } from '../../src/components/playground/resolve-subtree.ts';

const spec = {
  openapi: '3.1.0',
  security: [{ tokenCookie: [] }],
  paths: {
    '/api/user': {
      get: {
        operationId: 'getUser',
        responses: { '200': { $ref: '#/components/responses/User' }, '401': { $ref: '#/components/responses/Missing' } },
      },
    },
    '/api/pattern/{id}': {
      parameters: [
        { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
        { name: 'trace', in: 'header', schema: { type: 'string' } },
      ],
      delete: {
        operationId: 'deletePattern',
        security: [],
        parameters: [{ name: 'trace', in: 'header', description: 'own' }],
        responses: {},
      },
    },
  },
  components: {
    responses: { User: { description: 'The user', content: { 'application/json': { schema: { $ref: '#/components/schemas/User' } } } } },
    schemas: {
      User: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          friends: { type: 'array', items: { $ref: '#/components/schemas/User' } },
          'a/b': { $ref: '#/components/schemas/Slash~1Name' },
        },
      },
      'Slash/Name': { type: 'string', description: 'target' },
      Described: { $ref: '#/components/schemas/Slash~1Name', description: 'sibling wins' },
    },
  },
};

describe('getByPointer', () => {
  it('follows escaped JSON pointer tokens and returns undefined for what is not there', () => {
    expect(getByPointer(spec, '#/components/schemas/Slash~1Name')).toEqual({ type: 'string', description: 'target' });
    expect(getByPointer(spec, '#/components/schemas/Nope')).toBeUndefined();
    expect(getByPointer(spec, 'other.json#/x')).toBeUndefined();
  });
});

describe('dereference', () => {
  it('replaces references with their targets, marks where they came from, and lets siblings win', () => {
    expect(dereference(spec, spec.components.schemas.Described)).toEqual({
      type: 'string',
      description: 'sibling wins',
      $$ref: '#/components/schemas/Slash~1Name',
    });
  });

  it('leaves a reference back to a schema being expanded as $ref, instead of looping', () => {
    const user = dereference(spec, { $ref: '#/components/schemas/User' }) as { properties: { friends: { items: unknown } } };
    expect(user.properties.friends.items).toEqual({ $ref: '#/components/schemas/User' });
  });

  it('does not change the spec it reads', () => {
    const before = JSON.stringify(spec);
    dereference(spec, spec.paths);
    expect(JSON.stringify(spec)).toBe(before);
  });
});

describe('normalizeOperation', () => {
  it("adds the path item's parameters the operation does not override, and the document's security when it has none", () => {
    const result = normalizeOperation(
      { parameters: [{ name: 'a', in: 'query' }] },
      [
        { name: 'a', in: 'query', description: 'path' },
        { name: 'b', in: 'path' },
      ],
      [{ x: [] }],
    );
    expect(result).toEqual({
      parameters: [
        { name: 'a', in: 'query' },
        { name: 'b', in: 'path' },
      ],
      security: [{ x: [] }],
    });
  });
});

describe('resolveLocalSubtree', () => {
  it('resolves an operation with its responses and inherited security', () => {
    const { spec: operation, errors } = resolveLocalSubtree(spec, ['paths', '/api/user', 'get']);
    const typed = operation as { security: unknown; responses: Record<string, { description?: string; $$ref?: string; $ref?: string }> };
    expect(typed.security).toEqual([{ tokenCookie: [] }]);
    expect(typed.responses['200']).toMatchObject({ description: 'The user', $$ref: '#/components/responses/User' });
    expect(typed.responses['401']).toEqual({ $ref: '#/components/responses/Missing' });
    expect(errors.map((error) => [error.message, error.fullPath])).toEqual([
      [
        'Could not resolve reference: #/components/responses/Missing does not exist in the document.',
        ['paths', '/api/user', 'get', 'responses', '401'],
      ],
    ]);
  });

  it("merges path-level parameters into the operation, keeps the operation's own security", () => {
    const { spec: operation } = resolveLocalSubtree(spec, ['paths', '/api/pattern/{id}', 'delete']);
    const typed = operation as { security: unknown; parameters: Array<{ name: string; description?: string }> };
    expect(typed.security).toEqual([]);
    expect(typed.parameters.map((parameter) => [parameter.name, parameter.description])).toEqual([
      ['trace', 'own'],
      ['id', undefined],
    ]);
  });

  it('answers null for a path that does not exist, as swagger-client does', () => {
    expect(resolveLocalSubtree(spec, ['paths', '/nope', 'get'])).toEqual({ spec: null, errors: [] });
  });
});
