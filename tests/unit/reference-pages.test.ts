import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { loadSpec } from '../../src/lib/openapi/load-spec.ts';
import { getOperations, getOperationsByTag, type OperationEntry } from '../../src/lib/openapi/operations.ts';
import { getParameters } from '../../src/lib/openapi/parameters.ts';
import { getRequestBody } from '../../src/lib/openapi/request-body.ts';
import { getResponses } from '../../src/lib/openapi/responses.ts';
import { describeSecurity } from '../../src/lib/openapi/security.ts';
import { getReferenceSidebar, MAX_SIDEBAR_OPERATIONS, type SidebarGroup } from '../../src/lib/openapi/sidebar.ts';
import { getSchemaComponents } from '../../src/lib/openapi/schema-components.ts';
import { defaultServerUrl } from '../../src/lib/openapi/servers.ts';
import { describeOperationCount, describeOperationPage } from '../../src/lib/openapi/page-meta.ts';
import { playgroundRoute } from '../../src/lib/openapi/routes.ts';
import { buildSidebar } from '../../src/sidebar.ts';
import type { OpenApiDocument } from '../../src/lib/openapi/types.ts';

const root = resolve(import.meta.dirname, '../..');
// Loading (and linting) the Meshplay spec takes a second or two: once for the whole file.
const { document: meshplay } = await loadSpec({ root });

/** An operation of a document by operationId, failing the test when it is missing. */
function operation(document: OpenApiDocument, operationId: string): OperationEntry {
  const entry = getOperations(document).find((candidate) => candidate.operationId === operationId);
  if (!entry) throw new Error(`no operation ${operationId}`);
  return entry;
}

describe('tag pages', () => {
  it('cover every operation of the Meshplay spec, in the order of its tags', () => {
    const tags = getOperationsByTag(meshplay);
    const declared = (meshplay.tags ?? []).map((tag) => tag.name);
    expect(tags.map((tag) => tag.name)).toEqual(declared.filter((name) => tags.some((tag) => tag.name === name)));
    expect(tags.reduce((sum, tag) => sum + tag.operations.length, 0)).toBe(190);
    expect(tags.find((tag) => tag.name === 'System')).toMatchObject({ slug: 'system', route: '/reference/rest-apis/system/' });
    expect(tags.every((tag) => tag.description !== undefined)).toBe(true);
  });
});

describe('operation pages', () => {
  it('merge path-level and operation-level parameters, refs resolved, path ones first', async () => {
    const { document } = await loadSpec({ root, specPath: 'tests/fixtures/openapi/parameters-path-level.yaml' });
    const entry = operation(document, 'searchShopItems');
    const parameters = getParameters(entry.pathItem, entry.operation, document);
    expect(parameters.map((parameter) => [parameter.location, parameter.name, parameter.required, parameter.description])).toEqual([
      ['path', 'shopId', true, undefined],
      ['query', 'limit', false, 'From the operation, which wins.'],
      ['header', 'X-Request-Id', false, undefined],
      ['cookie', 'session', false, undefined],
    ]);
    expect(getRequestBody(entry.operation, document)).toMatchObject({
      required: false,
      description: 'What to look for.',
      contents: [{ mediaType: 'application/json' }],
    });
    const responses = getResponses(entry.operation, document);
    expect(responses.map((response) => [response.status, response.anchor, response.statusText])).toEqual([
      ['200', 'response-200', 'OK'],
      ['4XX', 'response-4xx', 'Client error'],
    ]);
    expect(responses[0]?.headers.map((header) => header.name)).toEqual(['X-Total']);
    expect(responses[0]?.contents[0]?.examples[0]).toMatchObject({ sampled: true, value: ['string'] });
  });

  it("show Meshplay's documented responses, shared ones included, with their examples", () => {
    const entry = operation(meshplay, 'getSignedInUser');
    const responses = getResponses(entry.operation, meshplay);
    const redirect = responses.find((response) => response.status === '302');
    expect(redirect?.statusText).toBe('Found');
    expect(redirect?.headers.map((header) => header.name)).toEqual(['Location', 'Set-Cookie']);
    const version = getResponses(operation(meshplay, 'getServerVersion').operation, meshplay)[0];
    expect(version?.contents[0]?.examples.map((example) => example.name)).toEqual(['outdated', 'offline']);
  });

  it('say what happens without a Meshplay session: a 302 to /provider or /auth/login', () => {
    const secured = describeSecurity(operation(meshplay, 'getSignedInUser').operation, meshplay);
    expect(secured).toMatchObject({ required: true, meshplay: true });
    expect(secured.summary).toContain('`meshplay-provider` and `token` cookies');
    expect(secured.withoutIt).toContain('302');
    expect(secured.withoutIt).toContain('/provider');
    expect(secured.withoutIt).toContain('/auth/login');
    const open = describeSecurity(operation(meshplay, 'getServerVersion').operation, meshplay);
    expect(open).toMatchObject({ required: false, withoutIt: undefined });
  });

  it('word security generically for other specs, pointing at a documented 401', async () => {
    const { document } = await loadSpec({ root, specPath: 'tests/fixtures/openapi/auth-schemes.yaml' });
    const bearer = describeSecurity(operation(document, 'getItem').operation, document);
    expect(bearer.meshplay).toBe(false);
    expect(bearer.summary).toBe('Needs authentication: a bearer token (`Authorization: Bearer <token>`).');
    expect(bearer.withoutIt).toContain('[401 response](#response-401)');
    const apiKey = describeSecurity(operation(document, 'replaceItem').operation, document);
    expect(apiKey.summary).toBe('Needs authentication: the `X-API-Key` header.');
    expect(apiKey.withoutIt).toContain('401 Unauthorized');
    const optional = describeSecurity(operation(document, 'search').operation, document);
    expect(optional).toMatchObject({ required: false, optional: true });
    expect(optional.summary).toContain('optional');
  });

  it('send requests to the default server, variables filled in', async () => {
    const entry = operation(meshplay, 'getServerVersion');
    expect(defaultServerUrl(meshplay, entry.pathItem, entry.operation)).toBe('http://localhost:9081');
    const { document } = await loadSpec({ root, specPath: 'tests/fixtures/openapi/minimal.yaml' });
    const pets = getOperations(document)[0] as OperationEntry;
    expect(defaultServerUrl(document, pets.pathItem, pets.operation)).toBe('http://localhost:8080');
  });

  it('describe themselves with method, path and summary, and link to the playground by tag and operationId', () => {
    const entry = operation(meshplay, 'getServerVersion');
    expect(describeOperationPage(entry)).toMatch(/^GET \/api\/system\/version: Get the server version\. /);
    expect(describeOperationPage(entry).length).toBeLessThanOrEqual(160);
    expect(playgroundRoute('Kubernetes contexts', 'listK8s')).toBe('/reference/rest-apis/playground/#/Kubernetes%20contexts/listK8s');
  });
});

describe('schema pages', () => {
  it('exist for every component, each listing the operations that use it', () => {
    const components = getSchemaComponents(meshplay);
    expect(components.map((component) => component.name)).toEqual(Object.keys(meshplay.components?.schemas ?? {}));
    const version = components.find((component) => component.name === 'ServerVersion');
    expect(version?.route).toBe('/reference/rest-apis/schemas/ServerVersion/');
    expect(version?.usedBy.map((entry) => entry.operationId)).toContain('getServerVersion');
  });
});

describe('sidebar', () => {
  it('keeps the guides and adds one collapsed group per tag listing its operations', () => {
    const groups = buildSidebar(meshplay);
    expect(groups.map((group) => group.label)).toEqual(['Guides', 'Reference', 'Endpoints']);
    expect(buildSidebar(undefined).map((group) => group.label)).toEqual(['Guides', 'Reference']);
    const endpoints = getReferenceSidebar(meshplay);
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
    expect(getReferenceSidebar(big).items[0]).toEqual({ label: 'things', link: '/reference/rest-apis/things/' });
  });
});

describe('describeOperationCount', () => {
  it('counts one operation and several', () => {
    expect(describeOperationCount(1)).toBe('1 operation');
    expect(describeOperationCount(7)).toBe('7 operations');
  });
});
