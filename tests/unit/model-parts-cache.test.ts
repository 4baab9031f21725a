import { describe, expect, it } from 'vitest';
import { buildApiModel } from '../../src/lib/openapi/model/build.ts';
import { createPartsCache, KEPT_OWNERS } from '../../src/lib/openapi/model/parts-cache.ts';

/** A document with `count` operations; the first has a parameter whose $ref could not be resolved. */
function documentWith(count: number): object {
  const paths: Record<string, unknown> = {};
  for (let index = 0; index < count; index += 1) {
    paths[`/items${index}/{id}`] = {
      get: {
        operationId: `getItem${index}`,
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
          ...(index === 0 ? [{ 'x-unresolved-ref': '#/components/parameters/Nope' }] : []),
        ],
        responses: {
          '200': { description: 'The item.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } } },
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Items', version: '1' },
    paths,
    components: { schemas: { Item: { type: 'object', properties: { id: { type: 'string' } } } } },
  };
}

describe('the model keeps the parts of the pages built last only', () => {
  it('releases an operation’s parts once enough other operations were built, and builds them again the same', () => {
    const model = buildApiModel(documentWith(KEPT_OWNERS + 2));
    const [first, ...others] = model.operations;
    if (!first) throw new Error('no operation');
    const responses = first.responses;
    const unresolved = [...first.unresolved];
    expect(unresolved).toHaveLength(1);
    expect(first.responses).toBe(responses);

    for (const operation of others) void operation.codeSamples;

    expect(first.responses).not.toBe(responses);
    expect(first.responses).toEqual(responses);
    // Built again, the parameters report their unresolved $ref once, not once per build.
    expect(first.unresolved).toEqual(unresolved);
    expect(first.codeSamples).toEqual(buildApiModel(documentWith(1)).operations[0]?.codeSamples);
  });

  it('keeps the parts of the operations built last', () => {
    const model = buildApiModel(documentWith(KEPT_OWNERS));
    const kept = model.operations.map((operation) => operation.responses);
    model.operations.forEach((operation, index) => expect(operation.responses).toBe(kept[index]));
  });
});

describe('createPartsCache', () => {
  it('releases the least recently built owner past its limit, and refuses a limit below 1', () => {
    const cache = createPartsCache(2);
    const released: string[] = [];
    const [a, b, c] = [{}, {}, {}];
    cache.onRelease(a, () => released.push('a'));
    cache.onRelease(b, () => released.push('b'));
    cache.onRelease(c, () => released.push('c'));
    cache.built(a);
    cache.built(b);
    cache.built(a);
    cache.built(c);
    expect(released).toEqual(['b']);
    expect(() => createPartsCache(0)).toThrow(/at least 1; got 0/);
  });
});
