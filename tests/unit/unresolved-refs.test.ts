import { describe, expect, it } from 'vitest';
import { markUnresolvedRefs } from '../../src/lib/openapi/unresolved-refs.ts';

describe('markUnresolvedRefs', () => {
  it('replaces each $ref object that leads nowhere by the marker, siblings and all, and lists where', () => {
    const document = {
      openapi: '3.1.0',
      paths: {
        '/pets': {
          get: {
            parameters: [{ $ref: '#/components/parameters/Limit' }, { $ref: '#/components/parameters/Nope' }],
            responses: {
              '200': { content: { 'application/json': { schema: { $ref: './pet.yaml#/Pet', description: 'A pet' } } } },
              default: { $ref: '#/components/responses/Error' },
            },
          },
        },
      },
      components: { parameters: { Limit: { name: 'limit', in: 'query' } }, responses: { Error: { description: 'An error.' } } },
    };
    const marked = markUnresolvedRefs(document);
    expect(marked).toEqual([
      { pointer: '#/paths/~1pets/get/parameters/1', ref: '#/components/parameters/Nope' },
      { pointer: '#/paths/~1pets/get/responses/200/content/application~1json/schema', ref: './pet.yaml#/Pet' },
    ]);
    const operation = document.paths['/pets'].get;
    expect(operation.parameters).toEqual([
      { $ref: '#/components/parameters/Limit' },
      { 'x-unresolved-ref': '#/components/parameters/Nope' },
    ]);
    expect(operation.responses['200'].content['application/json'].schema).toEqual({ 'x-unresolved-ref': './pet.yaml#/Pet' });
    // "default" under responses is a response, not a default value: its $ref is followed and resolves.
    expect(operation.responses.default).toEqual({ $ref: '#/components/responses/Error' });
  });

  it('leaves "$ref" keys inside examples, defaults, enums and extensions alone: they are data', () => {
    const data = { $ref: '#/not/a/reference' };
    const schema = {
      type: 'object',
      example: data,
      default: data,
      enum: [data],
      const: data,
      examples: [data],
      'x-vendor': data,
    };
    const document = {
      paths: {
        '/x': { get: { responses: { '200': { content: { 'application/json': { schema, examples: { one: { value: data } } } } } } } },
      },
    };
    const before = JSON.stringify(document);
    expect(markUnresolvedRefs(document)).toEqual([]);
    expect(JSON.stringify(document)).toBe(before);
  });

  it('follows schemas under property names that look like data keywords', () => {
    const document = {
      components: {
        schemas: {
          Thing: { type: 'object', properties: { example: { $ref: '#/components/schemas/Missing' }, default: { type: 'string' } } },
        },
      },
    };
    expect(markUnresolvedRefs(document)).toEqual([
      { pointer: '#/components/schemas/Thing/properties/example', ref: '#/components/schemas/Missing' },
    ]);
  });

  it('checks the $ref of an Example object, not its value', () => {
    const document = { components: { examples: { Gone: { $ref: '#/components/examples/Nope' }, Kept: { value: { $ref: 'x' } } } } };
    expect(markUnresolvedRefs(document)).toEqual([{ pointer: '#/components/examples/Gone', ref: '#/components/examples/Nope' }]);
    expect(document.components.examples.Kept).toEqual({ value: { $ref: 'x' } });
  });
});
