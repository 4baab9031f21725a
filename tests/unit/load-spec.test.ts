import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { loadSpec } from '../../src/lib/openapi/load-spec.ts';
import { SpecError } from '../../src/lib/openapi/spec-error.ts';

const root = resolve(import.meta.dirname, '../..');
const fixture = (name: string) => `tests/fixtures/openapi/${name}`;

/** Load a fixture and return the SpecError it must raise. */
async function specErrorOf(name: string): Promise<SpecError> {
  try {
    await loadSpec({ root, specPath: fixture(name) });
  } catch (error) {
    if (error instanceof SpecError) return error;
    throw error;
  }
  throw new Error(`${name} loaded without an error`);
}

describe('loadSpec', () => {
  it('bundles the Meshplay spec with no lint errors and no warnings', async () => {
    const spec = await loadSpec({ root });
    expect(spec.document.openapi).toBe('3.1.0');
    expect(spec.warnings).toEqual([]);
    expect(Object.keys(spec.document.paths ?? {}).length).toBeGreaterThan(100);
    // External files are bundled into components: no file references are left.
    expect(JSON.stringify(spec.document)).not.toMatch(/"\$ref":"\.\.?\//);
  });

  it('loads any valid OpenAPI 3.0 document given as OPENAPI_SPEC', async () => {
    const spec = await loadSpec({ root, specPath: fixture('minimal.yaml') });
    expect(Object.keys(spec.document.paths ?? {})).toEqual(['/pets', '/pets/{petId}']);
    expect(spec.notices).toEqual([]);
  });

  it('names the file, line and column of a YAML syntax error and says what to do', async () => {
    const error = await specErrorOf('yaml-syntax-error.yaml');
    expect(error.message).toMatch(/tests\/fixtures\/openapi\/yaml-syntax-error\.yaml:\d+:\d+/);
    expect(error.message).toMatch(/not valid YAML or JSON/);
    expect(error.message).toMatch(/Fix the syntax/);
  });

  it('names the unresolved $ref with its line and JSON pointer', async () => {
    const error = await specErrorOf('broken-ref.yaml');
    expect(error.message).toMatch(/broken-ref\.yaml:16:\d+ \(#\/paths\/~1pets\/get\/responses\/200\/content\/application~1json\/schema\)/);
    expect(error.message).toMatch(/Can't resolve \$ref/);
    expect(error.message).toMatch(/Check the file path and the JSON pointer/);
  });

  it('refuses a duplicate operationId, naming both places', async () => {
    const error = await specErrorOf('duplicate-operation-id.yaml');
    expect(error.message).toMatch(/duplicate-operation-id\.yaml:15:\d+ \(#\/paths\/~1cats\/get/);
    expect(error.message).toMatch(/operation-operationId-unique/);
    expect(error.message).toMatch(/Give each operation its own operationId/);
  });

  it('refuses a path parameter that is not declared', async () => {
    const error = await specErrorOf('undeclared-path-parameter.yaml');
    expect(error.message).toMatch(/undeclared-path-parameter\.yaml:\d+:\d+ \(#\/paths\/~1pets~1\{petId\}\/get\/parameters\)/);
    expect(error.message).toMatch(/petId/);
    expect(error.message).toMatch(/Declare every \{name\} of the path/);
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

  it('converts a Swagger 2.0 file with a notice in the build output', async () => {
    const spec = await loadSpec({ root, specPath: fixture('swagger2.yaml') });
    expect(spec.document.openapi).toMatch(/^3\.0\./);
    expect(spec.notices.join('\n')).toMatch(/Swagger 2\.0: converted it to OpenAPI 3\.0 with swagger2openapi/);
    expect(Object.keys(spec.document.paths ?? {})).toEqual(['/pets']);
  });
});
