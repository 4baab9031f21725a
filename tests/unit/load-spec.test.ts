import { describe, expect, it } from 'vitest';
import { loadSpec, type LoadedSpec } from '../../src/lib/openapi/load-spec.ts';
import { getByPointer as resolveLocalRef } from '../../src/lib/json/pointer.ts';
import { SpecError } from '../../src/lib/openapi/spec-error.ts';
import { meshplaySpec, PROJECT_ROOT as root } from '../support/meshplay-spec.ts';

const fixture = (name: string) => `tests/fixtures/openapi/${name}`;

/** Load a fixture and return the SpecError it must raise. */
async function specErrorOf(name: string, strict = false): Promise<SpecError> {
  try {
    await loadSpec({ root, specPath: fixture(name), strict });
  } catch (error) {
    if (error instanceof SpecError) return error;
    throw error;
  }
  throw new Error(`${name} loaded without an error`);
}

/** The rules of a loaded spec's warnings. */
function rulesOf(spec: LoadedSpec): string[] {
  return spec.warnings.map((warning) => warning.rule);
}

describe('loadSpec', () => {
  it('bundles the Meshplay spec with no lint errors and no warnings', async () => {
    const spec = await meshplaySpec();
    expect(spec.document.openapi).toBe('3.1.0');
    expect(spec.warnings).toEqual([]);
    expect(spec.unresolvedRefs).toEqual([]);
    expect(Object.keys(spec.document.paths ?? {}).length).toBeGreaterThan(100);
    // External files are bundled into components: no file references are left.
    expect(JSON.stringify(spec.document)).not.toMatch(/"\$ref":"\.\.?\//);
  });

  it('loads any valid OpenAPI 3.0 document given as OPENAPI_SPEC', async () => {
    const spec = await loadSpec({ root, specPath: fixture('minimal.yaml') });
    expect(Object.keys(spec.document.paths ?? {})).toEqual(['/pets', '/pets/{petId}']);
    expect(spec.notices).toEqual([]);
  });

  it('converts a Swagger 2.0 file with a notice in the build output', async () => {
    const spec = await loadSpec({ root, specPath: fixture('swagger2.yaml') });
    expect(spec.document.openapi).toMatch(/^3\.0\./);
    expect(spec.notices.join('\n')).toMatch(/Swagger 2\.0: converted it to OpenAPI 3\.0 with swagger2openapi/);
    expect(Object.keys(spec.document.paths ?? {})).toEqual(['/pets']);
  });
});

describe('loadSpec refuses only what cannot be rendered', () => {
  it('names the file, line and column of a YAML syntax error and says what to do', async () => {
    const error = await specErrorOf('yaml-syntax-error.yaml');
    expect(error.message).toMatch(/tests\/fixtures\/openapi\/yaml-syntax-error\.yaml:\d+:\d+/);
    expect(error.message).toMatch(/not valid YAML or JSON/);
    expect(error.message).toMatch(/Fix the syntax/);
  });

  it('names the file, line and column of a key repeated in a JSON spec', async () => {
    const error = await specErrorOf('json-duplicate-key.json');
    expect(error.message).toMatch(/tests\/fixtures\/openapi\/json-duplicate-key\.json:9:\d+: the file is not valid YAML or JSON/);
    expect(error.message).toMatch(/unique/);
  });

  it('refuses an empty file and says how to point at a spec', async () => {
    const error = await specErrorOf('empty.yaml');
    expect(error.message).toMatch(/tests\/fixtures\/openapi\/empty\.yaml is empty/);
    expect(error.message).toMatch(/Set OPENAPI_SPEC to an OpenAPI 3\.0 or 3\.1 document/);
  });

  it('refuses a path that does not exist', async () => {
    const error = await specErrorOf('no-such-file.yaml');
    expect(error.message).toMatch(/no-such-file\.yaml does not exist/);
  });

  it('refuses a document that is not OpenAPI, naming what it is', async () => {
    const error = await specErrorOf('not-openapi-asyncapi.yaml');
    expect(error.message).toMatch(/not-openapi-asyncapi\.yaml is an AsyncAPI 2\.6\.0 document; this site renders OpenAPI 3\.0 and 3\.1/);
  });

  it('refuses an OpenAPI version it does not render', async () => {
    const error = await specErrorOf('unsupported-openapi-3.2.yaml');
    expect(error.message).toMatch(/is an OpenAPI 3\.2\.0 document; this site renders OpenAPI 3\.0 and 3\.1/);
  });

  it('refuses a document with no paths and no webhooks, as there is nothing to render', async () => {
    const error = await specErrorOf('no-paths-or-webhooks.yaml');
    expect(error.message).toMatch(/no-paths-or-webhooks\.yaml has no "paths" object and no "webhooks" object/);
    expect(error.message).toMatch(/Add a top-level "paths" object/);
  });
});

describe('loadSpec builds a foreign spec with lint findings as warnings', () => {
  // Each fixture has one shape that public specs really have; the strict ruleset refused them all.
  const shapes = [
    { name: 'warns-path-trailing-slash.yaml', rule: 'no-path-trailing-slash', place: /:8:3 \(#\/paths\/~1pets~1\)$/ },
    { name: 'warns-server-trailing-slash.yaml', rule: 'no-server-trailing-slash', place: /\(#\/servers\/0\/url\)$/ },
    { name: 'warns-nullable-in-3.1.yaml', rule: 'struct', place: /\/properties\/nickname\/nullable\)$/ },
    { name: 'warns-exclusive-minimum-boolean-in-3.1.yaml', rule: 'struct', place: /\/schema\/exclusiveMinimum\)$/ },
    { name: 'warns-enum-type-mismatch.yaml', rule: 'no-enum-type-mismatch', place: /\/schema\/enum\/1\)$/ },
    { name: 'warns-schema-type-mismatch.yaml', rule: 'no-schema-type-mismatch', place: /\/schema\/items\)$/ },
    {
      name: 'warns-unresolved-discriminator-mapping.yaml',
      rule: 'no-unresolved-refs',
      place: /\(#\/components\/schemas\/Pet\/discriminator\/mapping\/dog\)$/,
    },
    { name: 'warns-unresolved-ref-missing-file.yaml', rule: 'no-unresolved-refs', place: /\/schema\/items\)$/ },
  ];

  for (const { name, rule, place } of shapes) {
    it(`loads ${name} with a ${rule} warning at its place`, async () => {
      const spec = await loadSpec({ root, specPath: fixture(name) });
      const found = spec.warnings.filter((warning) => warning.rule === rule);
      expect(found, JSON.stringify(spec.warnings, null, 2)).toHaveLength(1);
      expect(found[0]?.place).toMatch(new RegExp(`^tests/fixtures/openapi/${name.replace(/\./g, '\\.')}:\\d+:\\d+ `));
      expect(found[0]?.place).toMatch(place);
      expect(found[0]?.text).toContain(`[${rule}]`);
    });

    it(`refuses ${name} when strict (OPENAPI_STRICT), naming the rule`, async () => {
      const error = await specErrorOf(name, true);
      expect(error.message).toMatch(/the site was not built/);
      expect(error.message).toContain(`[${rule}]`);
    });
  }

  it('replaces a $ref to a missing file by the marker, as written, and keeps the rest', async () => {
    const spec = await loadSpec({ root, specPath: fixture('warns-unresolved-ref-missing-file.yaml') });
    const items = resolveLocalRef(spec.document, '#/paths/~1pets/get/responses/200/content/application~1json/schema/items');
    expect(items).toEqual({ 'x-unresolved-ref': './no-such-file-pet.yaml#/Pet' });
    expect(spec.unresolvedRefs).toEqual([
      { pointer: '#/paths/~1pets/get/responses/200/content/application~1json/schema/items', ref: './no-such-file-pet.yaml#/Pet' },
    ]);
    const owners = resolveLocalRef(spec.document, '#/paths/~1owners/get/responses/200/content/application~1json/schema');
    expect(owners).toEqual({ $ref: '#/components/schemas/Owner' });
  });

  it('replaces a $ref to a schema that does not exist by the marker', async () => {
    const spec = await loadSpec({ root, specPath: fixture('broken-ref.yaml') });
    expect(rulesOf(spec)).toContain('no-unresolved-refs');
    const schema = resolveLocalRef(spec.document, '#/paths/~1pets/get/responses/200/content/application~1json/schema');
    expect(schema).toEqual({ 'x-unresolved-ref': '#/components/schemas/Pett' });
  });

  it('keeps a discriminator mapping to a missing file as written, the variants resolved', async () => {
    const spec = await loadSpec({ root, specPath: fixture('warns-unresolved-discriminator-mapping.yaml') });
    const pet = resolveLocalRef(spec.document, '#/components/schemas/Pet');
    expect(pet).toMatchObject({
      oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }],
      discriminator: { mapping: { cat: '#/components/schemas/Cat', dog: './no-such-file-dog.yaml' } },
    });
    expect(spec.unresolvedRefs).toEqual([]);
  });

  it('reports a duplicate operationId and an undeclared path parameter as warnings', async () => {
    const duplicate = await loadSpec({ root, specPath: fixture('duplicate-operation-id.yaml') });
    expect(duplicate.warnings.find((warning) => warning.rule === 'operation-operationId-unique')?.text).toMatch(
      /duplicate-operation-id\.yaml:15:\d+ \(#\/paths\/~1cats\/get\/getPets\).*Give each operation its own operationId/,
    );
    const undeclared = await loadSpec({ root, specPath: fixture('undeclared-path-parameter.yaml') });
    expect(rulesOf(undeclared)).toContain('path-parameters-defined');
  });

  it('loads a spec with several of the shapes, each reported once', async () => {
    const spec = await loadSpec({ root, specPath: fixture('warns-several-shapes.yaml') });
    expect(new Set(rulesOf(spec))).toEqual(
      new Set(['no-server-trailing-slash', 'no-path-trailing-slash', 'no-enum-type-mismatch', 'struct', 'no-unresolved-refs']),
    );
    expect(spec.unresolvedRefs.map((entry) => entry.ref)).toEqual(['./no-such-file-owner.yaml#/Owner']);
  });
});
