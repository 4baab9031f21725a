import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { loadSpec } from '../../src/lib/openapi/load-spec.ts';
import { SpecError } from '../../src/lib/openapi/spec-error.ts';
import { PROJECT_ROOT } from '../support/meshplay-spec.ts';

/** A shape that a foreign spec may have (with a warning), written into a copy of openapi/. */
interface Shape {
  rule: string;
  /** The file of openapi/ it goes into, and the line its finding must name. */
  file: string;
  where: RegExp;
  inject: (projectRoot: string) => void;
}

const copies: string[] = [];

/** A temporary project with a copy of openapi/ and redocly.yaml, where the copy is the project's own spec. */
function copyOwnSpec(): string {
  const projectRoot = mkdtempSync(join(tmpdir(), 'meshplay-own-spec-'));
  copies.push(projectRoot);
  cpSync(join(PROJECT_ROOT, 'openapi'), join(projectRoot, 'openapi'), { recursive: true });
  cpSync(join(PROJECT_ROOT, 'redocly.yaml'), join(projectRoot, 'redocly.yaml'));
  return projectRoot;
}

/** Replace one exact text in a file of the copy, failing loudly when it is not there. */
function replaceIn(projectRoot: string, file: string, from: string, to: string): void {
  const path = join(projectRoot, file);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} no longer contains ${JSON.stringify(from)}: pick another place for the shape.`);
  writeFileSync(path, text.replace(from, to));
}

/** Set a value at a path inside a YAML file of the copy. */
function setInYaml(projectRoot: string, file: string, path: string[], value: unknown): void {
  const full = join(projectRoot, file);
  const document = parseDocument(readFileSync(full, 'utf8'));
  document.setIn(path, value);
  writeFileSync(full, document.toString());
}

const ADAPTER = 'openapi/schemas/Adapter.yaml';

const SHAPES: Shape[] = [
  {
    rule: 'no-path-trailing-slash',
    file: 'openapi/meshplay.yaml',
    where: /\(#\/paths\/~1api~1system~1version~1\)/,
    inject: (projectRoot) => replaceIn(projectRoot, 'openapi/meshplay.yaml', '  /api/system/version:\n', '  /api/system/version/:\n'),
  },
  {
    rule: 'no-server-trailing-slash',
    file: 'openapi/meshplay.yaml',
    where: /\(#\/servers\/0\/url\)/,
    inject: (projectRoot) => replaceIn(projectRoot, 'openapi/meshplay.yaml', "'{scheme}://{host}:{port}'", "'{scheme}://{host}:{port}/'"),
  },
  {
    rule: 'struct',
    file: ADAPTER,
    where: /\(#\/properties\/name\/nullable\)/,
    inject: (projectRoot) => setInYaml(projectRoot, ADAPTER, ['properties', 'name', 'nullable'], true),
  },
  {
    rule: 'struct',
    file: ADAPTER,
    where: /\(#\/properties\/retries\/exclusiveMinimum\)/,
    inject: (projectRoot) =>
      setInYaml(projectRoot, ADAPTER, ['properties', 'retries'], { type: 'integer', minimum: 0, exclusiveMinimum: true }),
  },
  {
    rule: 'no-enum-type-mismatch',
    file: ADAPTER,
    where: /\(#\/properties\/version\/enum\/1\)/,
    inject: (projectRoot) => setInYaml(projectRoot, ADAPTER, ['properties', 'version', 'enum'], ['v0.7.0', 7]),
  },
  {
    rule: 'no-schema-type-mismatch',
    file: ADAPTER,
    // Adapter is an object: "items" belongs to arrays.
    where: /\(#\/items\)/,
    inject: (projectRoot) => setInYaml(projectRoot, ADAPTER, ['items'], { type: 'string' }),
  },
  {
    rule: 'no-unresolved-refs',
    file: ADAPTER,
    where: /\(#\/discriminator\/mapping\/istio\)/,
    inject: (projectRoot) =>
      setInYaml(projectRoot, ADAPTER, ['discriminator'], { propertyName: 'name', mapping: { istio: './NoSuchAdapter.yaml' } }),
  },
  {
    rule: 'no-unresolved-refs',
    file: ADAPTER,
    where: /\(#\/properties\/ops\/items\)/,
    inject: (projectRoot) => setInYaml(projectRoot, ADAPTER, ['properties', 'ops', 'items', '$ref'], './NoSuchOperation.yaml'),
  },
];

/** Load the copy as the project's own spec and return the SpecError it must raise. */
async function ownSpecError(projectRoot: string): Promise<SpecError> {
  try {
    await loadSpec({ root: projectRoot });
  } catch (error) {
    if (error instanceof SpecError) return error;
    throw error;
  }
  throw new Error('The project spec loaded although a lint finding was injected');
}

afterEach(() => {
  for (const copy of copies.splice(0)) rmSync(copy, { recursive: true, force: true });
});

describe('the project spec in openapi/ stays strict', () => {
  it('fails on one injected trailing-slash path, a warning for any other spec', async () => {
    const projectRoot = copyOwnSpec();
    SHAPES[0]?.inject(projectRoot);
    const error = await ownSpecError(projectRoot);
    expect(error.message).toMatch(/^openapi\/meshplay\.yaml has \d+ errors?; the site was not built/);
    expect(error.problems.some((line) => line.includes('[no-path-trailing-slash]'))).toBe(true);
  }, 60_000);

  it('fails on each shape a foreign spec only gets warnings for, naming each as an error', async () => {
    const projectRoot = copyOwnSpec();
    for (const shape of SHAPES) shape.inject(projectRoot);
    const error = await ownSpecError(projectRoot);
    const missing = SHAPES.filter(
      (shape) => !error.problems.some((line) => line.startsWith(shape.file) && shape.where.test(line) && line.includes(`[${shape.rule}]`)),
    ).map((shape) => `${shape.rule} at ${String(shape.where)}`);
    expect(missing, error.message).toEqual([]);
  }, 60_000);
});
