import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { loadSpec } from '../../src/lib/openapi/load-spec.ts';
import { buildApiModel } from '../../src/lib/openapi/model/build.ts';
import type { ApiModel, Operation, Response } from '../../src/lib/openapi/model/types.ts';

const root = resolve(import.meta.dirname, '../..');

/** The model of a fixture spec, loaded (bundled, linted) as a build would. */
async function fixtureModel(name: string): Promise<ApiModel> {
  const { document } = await loadSpec({ root, specPath: `tests/fixtures/openapi/${name}` });
  return buildApiModel(document);
}

/** An operation by operationId, failing the test when it is missing. */
function operation(model: ApiModel, operationId: string): Operation {
  const found = model.operations.find((candidate) => candidate.operationId === operationId);
  if (!found) throw new Error(`no operation ${operationId}`);
  return found;
}

/** A response by status, failing the test when it is missing. */
function response(entry: Operation, status: string): Response {
  const found = entry.responses.find((candidate) => candidate.status === status);
  if (!found) throw new Error(`no response ${status} in ${entry.responses.map((r) => r.status).join(', ')}`);
  return found;
}

describe('bodies whose media type and content disagree', () => {
  it('show JSON sent as text/plain as JSON text, its contentSchema beneath, its example pretty-printed', async () => {
    const model = await fixtureModel('response-shapes.yaml');
    const [media] = response(operation(model, 'getSettings'), '200').contents;
    expect(media?.mediaType).toBe('text/plain');
    expect(media?.shape).toBe('json-text');
    expect(media?.schema?.type).toBe('string');
    expect(media?.schema?.encodedContent).toMatchObject({ mediaType: 'application/json', json: true });
    const decoded = media?.schema?.encodedContent?.schema;
    expect(decoded?.ref?.name).toBe('Settings');
    expect(decoded?.properties.map((property) => [property.name, property.required])).toEqual([
      ['theme', true],
      ['retries', false],
    ]);
    expect(media?.examples[0]).toMatchObject({ value: '{"theme":"dark","retries":3}', lang: 'json', empty: false });
    expect(media?.examples[0]?.code).toBe('{\n  "theme": "dark",\n  "retries": 3\n}');
  });

  it('say that plain text labelled JSON is plain text', async () => {
    const model = await fixtureModel('response-shapes.yaml');
    const [media] = response(operation(model, 'saveSettings'), '200').contents;
    expect(media).toMatchObject({ mediaType: 'application/json', shape: 'text-labelled-json' });
    expect(media?.schema?.encodedContent).toMatchObject({ mediaType: 'text/plain', json: false, schema: undefined });
  });
});

describe('empty bodies', () => {
  it('leave a redirect and a write without a token without content, and mark a blank error body as empty', async () => {
    const model = await fixtureModel('response-shapes.yaml');
    expect(response(operation(model, 'getSettings'), '302')).toMatchObject({ statusText: 'Found', contents: [], unresolved: undefined });
    expect(response(operation(model, 'saveSettings'), '404')).toMatchObject({ statusText: 'Not Found', contents: [] });
    const [blank] = response(operation(model, 'getSettings'), '500').contents;
    expect(blank?.examples[0]).toMatchObject({ value: '\n', empty: true, code: '' });
  });
});

describe('x-side-effects', () => {
  it('is carried as the note of an operation that changes state, and only there', async () => {
    const model = await fixtureModel('response-shapes.yaml');
    expect(operation(model, 'getSettings').sideEffects).toBe('creates the settings file with defaults when there is none.');
    expect(operation(model, 'saveSettings').sideEffects).toBeUndefined();
  });
});

describe('the servers', () => {
  it('resolve a relative server URL against the samples base, the same way for every operation', async () => {
    const model = await fixtureModel('response-shapes.yaml');
    expect(model.servers).toEqual([{ url: '/api', description: undefined }]);
    expect(operation(model, 'getSettings').sampleServerUrl).toBe('http://localhost/api');
    expect(operation(model, 'getSettings').codeSamples[0]?.code).toContain('--url http://localhost/api/settings');
  });
});

describe('parts of the spec a lenient loader could not resolve', () => {
  // The loader of foreign specs leaves { "x-unresolved-ref": "<$ref>" } in place of a target it cannot find.
  const document = parse(readFileSync(resolve(root, 'tests/fixtures/openapi/unresolved-ref-marker.yaml'), 'utf8')) as object;
  const model = buildApiModel(document);
  const entry = operation(model, 'replaceWidget');

  it('become schema nodes that name the reference, in operations and on schema pages', () => {
    const owner = response(entry, '200').contents[0]?.schema?.properties.find((property) => property.name === 'owner')?.node;
    expect(owner).toMatchObject({ type: 'unknown', unresolved: './schemas/Owner.yaml#/Owner' });
    const widget = model.schemas.find((schema) => schema.name === 'Widget');
    expect(widget?.tree.properties[0]?.node.items).toMatchObject({ type: 'unknown', unresolved: './schemas/Part.yaml' });
    const gadget = model.schemas.find((schema) => schema.name === 'Gadget');
    expect(gadget?.tree).toMatchObject({ type: 'object', unresolved: './schemas/Base.yaml' });
    expect(gadget?.tree.properties.map((property) => property.name)).toEqual(['name']);
  });

  it('become a response that says so, and notes for a parameter and the request body', () => {
    expect(response(entry, '404')).toMatchObject({ unresolved: './responses/NotFound.yaml', contents: [], description: '' });
    expect(entry.parameters).toEqual([]);
    expect(entry.requestBody).toBeUndefined();
    expect(entry.unresolved).toEqual([
      { where: 'a parameter', ref: './parameters/WidgetId.yaml' },
      { where: 'the request body', ref: './bodies/Widget.yaml' },
    ]);
    // The code samples still build, without the parts that are missing.
    expect(entry.codeSamples[0]?.code).toContain('--url http://localhost/widgets/{id}');
  });

  it('dump to JSON whole', () => {
    const dumped = JSON.parse(JSON.stringify(model)) as ApiModel;
    expect(dumped.operations[0]?.unresolved).toHaveLength(2);
  });
});

describe('work done once', () => {
  it('keeps an operation page part once built: a second read is the same object', async () => {
    const model = await fixtureModel('minimal.yaml');
    const entry = operation(model, 'getPet');
    expect(entry.responses).toBe(entry.responses);
    expect(entry.codeSamples).toBe(entry.codeSamples);
  });
});

describe('the Meshplay auth profile', () => {
  it('does not depend on the meshplayToken header scheme: without it, pages and samples say the same', async () => {
    const { document } = await loadSpec({ root });
    const withHeader = buildApiModel(document);
    // The spec without the header scheme: the scheme and every requirement that names it removed.
    const copy = structuredClone(document) as unknown as {
      security?: Array<Record<string, unknown>> | undefined;
      paths: Record<string, Record<string, { security?: Array<Record<string, unknown>> | undefined }>>;
      components: { securitySchemes: Record<string, unknown> };
    };
    const drop = (requirements: Array<Record<string, unknown>> | undefined) =>
      requirements?.filter((requirement) => !('meshplayToken' in requirement));
    delete copy.components.securitySchemes['meshplayToken'];
    copy.security = drop(copy.security);
    for (const item of Object.values(copy.paths))
      for (const operation of Object.values(item))
        if (typeof operation === 'object' && 'security' in operation) operation.security = drop(operation.security);
    const withoutHeader = buildApiModel(copy);
    expect(withoutHeader.auth.meshplay).toBe(true);
    for (const operationId of ['getSignedInUser', 'getServerVersion', 'importDesign', 'uploadKubeconfig']) {
      const before = operation(withHeader, operationId);
      const after = operation(withoutHeader, operationId);
      expect({ ...after.security, alternatives: [] }, operationId).toEqual({ ...before.security, alternatives: [] });
      expect(after.codeSamples, operationId).toEqual(before.codeSamples);
    }
  });
});

describe('dumping the model (npm run model)', () => {
  it('prints one operation by operationId or slug, and names close matches for an unknown name', async () => {
    const { dumpModel } = await import('../../src/lib/openapi/model/dump.ts');
    const model = await fixtureModel('minimal.yaml');
    const byId = dumpModel(model, { kind: 'operation', name: 'getPet' });
    expect(byId.ok && (JSON.parse(byId.json) as Operation).path).toBe('/pets/{petId}');
    expect(dumpModel(model, { kind: 'operation', name: 'get-pet' })).toEqual(byId);
    expect(dumpModel(model, { kind: 'operation', name: 'getPets' })).toEqual({
      ok: false,
      message: 'No operation named "getPets" in Tiny Pets API. Did you mean: getPet?',
    });
    expect(dumpModel(model, { kind: 'schema', name: 'Zebra' })).toEqual({
      ok: false,
      message: 'No schema named "Zebra" in Tiny Pets API. It has 1 schemas; run without arguments to list them.',
    });
  });
});

describe("the spec's server, one rule for the samples and the playground", () => {
  it('resolves the same server relative to localhost for samples and to the page in the playground', async () => {
    const { getDefaultServerUrl } = await import('../../src/lib/playground/spec-servers.ts');
    const document = { servers: [{ url: '{root}/v1', variables: { root: { default: '/api' } } }] };
    const page = 'https://docs.example.test/reference/rest-apis/playground/';
    expect(getDefaultServerUrl(document, page)).toBe('https://docs.example.test/api/v1');
    expect(getDefaultServerUrl({ servers: [{ url: 'http://localhost:9081/' }] }, page)).toBe('http://localhost:9081');
    expect(getDefaultServerUrl({}, page)).toBe('https://docs.example.test');
    const model = buildApiModel({
      openapi: '3.1.0',
      info: { title: 'Servers', version: '1' },
      ...document,
      paths: {
        '/a': { get: { operationId: 'a', responses: {} } },
        '/b': { servers: [{ url: 'https://b.example.test/' }], get: { operationId: 'b', responses: {} } },
      },
    });
    expect(operation(model, 'a').sampleServerUrl).toBe('http://localhost/api/v1');
    expect(operation(model, 'b').sampleServerUrl).toBe('https://b.example.test');
    expect(
      buildApiModel({ openapi: '3.1.0', paths: { '/c': { get: { operationId: 'c', responses: {} } } } }).operations[0]?.sampleServerUrl,
    ).toBe('http://localhost');
  });
});
