import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyProjectForBuild, runAstroBuild } from '../support/project-copy.ts';

const fixture = (name: string) => resolve(import.meta.dirname, '../fixtures/openapi', name);

describe('astro build with a spec that cannot be rendered', () => {
  const project = copyProjectForBuild('meshplay-bad-spec');
  afterAll(() => project.remove());

  it("fails with the loader's message alone, and leaves no site behind to deploy", () => {
    mkdirSync(project.outDir, { recursive: true });
    writeFileSync(join(project.outDir, 'index.html'), '<p>an older build</p>');

    const result = runAstroBuild(project.root, project.outDir, { OPENAPI_SPEC: fixture('yaml-syntax-error.yaml') });

    expect(result.status).not.toBe(0);
    const output = `${result.stdout}\n${result.stderr}`;
    expect(output).toMatch(/yaml-syntax-error\.yaml:\d+:\d+: the file is not valid YAML or JSON/);
    // Not Astro's wrapping of a crashed integration: no "unhandled error", no stack trace into our code.
    expect(output).not.toMatch(/unhandled error|Stack trace|load-spec\.ts/);
    expect(existsSync(project.outDir)).toBe(false);
  }, 180_000);
});

describe('astro build with a foreign spec that has lint findings', () => {
  const project = copyProjectForBuild('meshplay-foreign-spec');
  afterAll(() => project.remove());

  it('builds the site, summarises the warnings per rule and writes them all to a file', () => {
    const result = runAstroBuild(project.root, project.outDir, { OPENAPI_SPEC: fixture('warns-several-shapes.yaml') });
    const output = `${result.stdout}\n${result.stderr}`;
    expect(result.status, output).toBe(0);

    expect(output).toMatch(/warns-several-shapes\.yaml: \d+ lint warnings; the site is built anyway/);
    for (const rule of ['no-server-trailing-slash', 'no-path-trailing-slash', 'no-enum-type-mismatch', 'struct', 'no-unresolved-refs']) {
      expect(output).toMatch(new RegExp(`By rule: .*\\b${rule} \\d`));
    }
    expect(output).toMatch(/1 \$ref could not be resolved/);
    expect(output).toMatch(/\.astro\/spec-warnings\.txt/);
    const listed = readFileSync(join(project.root, '.astro/spec-warnings.txt'), 'utf8');
    expect(listed).toMatch(/warns-several-shapes\.yaml:\d+:\d+ \(#\/paths\/~1pets~1\): .*\[no-path-trailing-slash\]/);
    expect(listed).toMatch(/\(#\/components\/schemas\/Pet\/discriminator\/mapping\/dog\): .*\[no-unresolved-refs\]/);

    // Both operations get their page; the $ref to the missing file is a marker in the published spec.
    for (const page of ['reference/rest-apis/pets/list-pets/', 'reference/rest-apis/pets/get-pet-owner/']) {
      expect(existsSync(join(project.outDir, page, 'index.html')), page).toBe(true);
    }
    const published = readFileSync(join(project.outDir, 'openapi/meshplay.json'), 'utf8');
    expect(published).toContain('{"x-unresolved-ref":"./no-such-file-owner.yaml#/Owner"}');
  }, 180_000);
});
