import { describe, expect, it, vi } from 'vitest';
import { resolve } from 'node:path';

// Count openapi-sampler's runs: each schema (a $ref, or an inline schema object), direction and
// depth of detail must be sampled at most once per document, however many pages show it.
const runs: Array<{ schema: object; options: Record<string, unknown> }> = [];
vi.mock('openapi-sampler', async (importOriginal) => {
  const original = await importOriginal<typeof import('openapi-sampler')>();
  return {
    ...original,
    sample: (schema: object, options: Record<string, unknown>, spec: object) => {
      runs.push({ schema, options });
      return original.sample(schema, options, spec);
    },
  };
});

const { loadSpec } = await import('../../src/lib/openapi/load-spec.ts');
const { buildApiModel } = await import('../../src/lib/openapi/model/build.ts');

describe('sampling schemas', () => {
  it('runs openapi-sampler at most once per schema and direction across every page of the Meshplay spec', async () => {
    const { document } = await loadSpec({ root: resolve(import.meta.dirname, '../..') });
    const model = buildApiModel(document);
    for (const operation of model.operations) void [operation.responses, operation.codeSamples];
    for (const schema of model.schemas) void schema.examples;
    expect(runs.length).toBeGreaterThan(50);
    const identities = new Map<object, number>();
    const keys = runs.map(({ schema, options }) => {
      const ref = '$ref' in schema && Object.keys(schema).length === 1 ? String(schema.$ref) : undefined;
      if (!identities.has(schema)) identities.set(schema, identities.size);
      return `${ref ?? `#${identities.get(schema)}`}|${String(options['skipReadOnly'])}|${String(options['skipNonRequired'])}`;
    });
    const repeated = keys.filter((key, i) => keys.indexOf(key) !== i);
    expect(repeated).toEqual([]);
  });
});
