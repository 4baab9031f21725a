import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { loadSpec } from '../../src/lib/openapi/load-spec.ts';
import { buildApiModel } from '../../src/lib/openapi/model/build.ts';
import { describeOperationCount } from '../../src/lib/openapi/model/page-meta.ts';
import { routePath } from '../../src/lib/openapi/model/routes.ts';
import { buildReferenceSidebar, MAX_SIDEBAR_OPERATIONS, type SidebarGroup } from '../../src/lib/openapi/model/sidebar.ts';
import type { ApiModel, Operation } from '../../src/lib/openapi/model/types.ts';
import { buildSidebar } from '../../src/lib/site/sidebar.ts';
import type { OpenApiDocument } from '../../src/lib/openapi/types.ts';

const root = resolve(import.meta.dirname, '../..');
// Loading (and linting) the Meshplay spec takes a second or two: once for the whole file.
const { document: meshplayDocument } = await loadSpec({ root });
const meshplay = buildApiModel(meshplayDocument);

/** The model of a fixture spec, loaded as a build would. */
async function fixtureModel(name: string): Promise<ApiModel> {
  const { document } = await loadSpec({ root, specPath: `tests/fixtures/openapi/${name}` });
  return buildApiModel(document);
}

/** An operation of a model by operationId, failing the test when it is missing. */
function operation(model: ApiModel, operationId: string): Operation {
  const entry = model.operations.find((candidate) => candidate.operationId === operationId);
  if (!entry) throw new Error(`no operation ${operationId}`);
  return entry;
}

describe('tag pages', () => {
  it('cover every operation of the Meshplay spec, in the order of its tags', () => {
    const { tags } = meshplay;
    const declared = (meshplayDocument.tags ?? []).map((tag) => tag.name);
    expect(tags.map((tag) => tag.name)).toEqual(declared.filter((name) => tags.some((tag) => tag.name === name)));
    expect(tags.reduce((sum, tag) => sum + tag.operations.length, 0)).toBe(190);
    const system = tags.find((tag) => tag.name === 'System');
    expect(system).toMatchObject({ slug: 'system' });
    expect(system && routePath(system.route)).toBe('/reference/rest-apis/system/');
    expect(tags.every((tag) => tag.description !== undefined)).toBe(true);
  });
});

describe('operation pages', () => {
  it('merge path-level and operation-level parameters, refs resolved, path ones first', async () => {
    const entry = operation(await fixtureModel('parameters-path-level.yaml'), 'searchShopItems');
    const { parameters } = entry;
    expect(parameters.map((parameter) => [parameter.location, parameter.name, parameter.required, parameter.description])).toEqual([
      ['path', 'shopId', true, undefined],
      ['query', 'limit', false, 'From the operation, which wins.'],
      ['header', 'X-Request-Id', false, undefined],
      ['cookie', 'session', false, undefined],
    ]);
    expect(entry.requestBody).toMatchObject({
      required: false,
      description: 'What to look for.',
      contents: [{ mediaType: 'application/json' }],
    });
    const { responses } = entry;
    expect(responses.map((response) => [response.status, response.anchor, response.statusText])).toEqual([
      ['200', 'response-200', 'OK'],
      ['4XX', 'response-4xx', 'Client error'],
    ]);
    expect(responses[0]?.headers.map((header) => header.name)).toEqual(['X-Total']);
    expect(responses[0]?.contents[0]?.examples[0]).toMatchObject({ sampled: true, value: ['string'] });
  });

  it("show Meshplay's documented responses, shared ones included, with their examples", () => {
    const entry = operation(meshplay, 'getSignedInUser');
    const { responses } = entry;
    const redirect = responses.find((response) => response.status === '302');
    expect(redirect?.statusText).toBe('Found');
    expect(redirect?.headers.map((header) => header.name)).toEqual(['Location', 'Set-Cookie']);
    const version = operation(meshplay, 'getServerVersion').responses[0];
    expect(version?.contents[0]?.examples.map((example) => example.name)).toEqual(['outdated', 'offline']);
  });

  it('say what happens without a Meshplay session: a 302 to /provider or /auth/login', () => {
    const secured = operation(meshplay, 'getSignedInUser').security;
    expect(secured).toMatchObject({ required: true, meshplay: true });
    expect(secured.summary).toContain('`meshplay-provider` and `token` cookies');
    expect(secured.withoutIt).toContain('302');
    expect(secured.withoutIt).toContain('/provider');
    expect(secured.withoutIt).toContain('/auth/login');
    const open = operation(meshplay, 'getServerVersion').security;
    expect(open).toMatchObject({ required: false, withoutIt: undefined });
  });

  it('word security generically for other specs, pointing at a documented 401', async () => {
    const document = await fixtureModel('auth-schemes.yaml');
    const bearer = operation(document, 'getItem').security;
    expect(bearer.meshplay).toBe(false);
    expect(bearer.summary).toBe('Needs authentication: a bearer token (`Authorization: Bearer <token>`).');
    expect(bearer.withoutIt).toContain('[401 response](#response-401)');
    const apiKey = operation(document, 'replaceItem').security;
    expect(apiKey.summary).toBe('Needs authentication: the `X-API-Key` header.');
    expect(apiKey.withoutIt).toContain('401 Unauthorized');
    const optional = operation(document, 'search').security;
    expect(optional).toMatchObject({ required: false, optional: true });
    expect(optional.summary).toContain('optional');
  });

  it('send requests to the default server, variables filled in', async () => {
    expect(operation(meshplay, 'getServerVersion').sampleServerUrl).toBe('http://localhost:9081');
    const pets = (await fixtureModel('minimal.yaml')).operations[0] as Operation;
    expect(pets.sampleServerUrl).toBe('http://localhost:8080');
  });

  it('describe themselves with method, path and summary, and link to the playground by tag and operationId', () => {
    const entry = operation(meshplay, 'getServerVersion');
    expect(entry.pageDescription).toMatch(/^GET \/api\/system\/version: Get the server version\. /);
    expect(entry.pageDescription.length).toBeLessThanOrEqual(160);
    expect(routePath({ kind: 'playground', tag: 'Kubernetes contexts', operationId: 'listK8s' })).toBe(
      '/reference/rest-apis/playground/#/Kubernetes%20contexts/listK8s',
    );
    expect(entry.playgroundRoute && routePath(entry.playgroundRoute)).toBe('/reference/rest-apis/playground/#/System/getServerVersion');
  });
});

describe('schema pages', () => {
  it('exist for every component, each listing the operations that use it', () => {
    const components = meshplay.schemas;
    expect(components.map((component) => component.name)).toEqual(Object.keys(meshplayDocument.components?.schemas ?? {}));
    const version = components.find((component) => component.name === 'ServerVersion');
    expect(version && routePath(version.route)).toBe('/reference/rest-apis/schemas/ServerVersion/');
    expect(version?.usedBy.map((entry) => entry.operationId)).toContain('getServerVersion');
  });
});

describe('sidebar', () => {
  it('keeps the guides and adds one collapsed group per tag listing its operations', () => {
    const groups = buildSidebar(meshplay);
    expect(groups.map((group) => group.label)).toEqual(['Guides', 'Reference', 'Endpoints']);
    expect(buildSidebar(undefined).map((group) => group.label)).toEqual(['Guides', 'Reference']);
    const endpoints = buildReferenceSidebar(meshplay.tags);
    const system = endpoints.items[0] as SidebarGroup;
    expect(system).toMatchObject({ label: 'System', collapsed: true });
    expect(system.items[0]).toEqual({ label: 'All System operations', link: '/reference/rest-apis/system/' });
    expect(system.items[1]).toEqual({ label: 'Get the server version', link: '/reference/rest-apis/system/get-server-version/' });
    expect(endpoints.items.at(-1)).toEqual({ label: 'Schemas', link: '/reference/rest-apis/schemas/' });
  });

  it('lists tags only when a spec has too many operations for every page to carry them', async () => {
    const { document } = await loadSpec({ root, specPath: 'tests/fixtures/openapi/minimal.yaml' });
    const paths: Record<string, unknown> = {};
    for (let i = 0; i <= MAX_SIDEBAR_OPERATIONS; i += 1)
      paths[`/things/${i}`] = { get: { operationId: `getThing${i}`, tags: ['things'], responses: { '200': { description: 'OK' } } } };
    const big = { ...document, paths } as OpenApiDocument;
    expect(buildReferenceSidebar(buildApiModel(big).tags).items[0]).toEqual({ label: 'things', link: '/reference/rest-apis/things/' });
  });
});

describe('describeOperationCount', () => {
  it('counts one operation and several', () => {
    expect(describeOperationCount(1)).toBe('1 operation');
    expect(describeOperationCount(7)).toBe('7 operations');
  });
});
