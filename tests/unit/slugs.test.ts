import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadSpec } from '../../src/lib/openapi/load-spec.ts';
import { buildApiModel } from '../../src/lib/openapi/model/build.ts';
import { routePath } from '../../src/lib/openapi/model/routes.ts';
import { operationSlugCandidate, RESERVED_TAG_SLUGS, slugify, tagSlugCandidate, uniqueSlugs } from '../../src/lib/openapi/model/slugs.ts';

const root = resolve(import.meta.dirname, '../..');

describe('slug rules', () => {
  it('turns tag names and operationIds into lower kebab case', () => {
    expect(tagSlugCandidate('Kubernetes contexts')).toBe('kubernetes-contexts');
    expect(tagSlugCandidate('GraphQL')).toBe('graphql');
    expect(tagSlugCandidate('Café & Crème')).toBe('cafe-creme');
    expect(tagSlugCandidate('日本')).toBe('tag');
    expect(operationSlugCandidate('get', '/api/system/version', 'getServerVersion')).toBe('get-server-version');
    expect(operationSlugCandidate('get', '/x', 'listK8sContexts')).toBe('list-k8s-contexts');
    expect(operationSlugCandidate('get', '/x', 'getAPIVersion')).toBe('get-api-version');
    expect(operationSlugCandidate('get', '/x', 'repos/get-content')).toBe('repos-get-content');
  });

  it('falls back to the method and path when there is no operationId', () => {
    expect(operationSlugCandidate('get', '/api/pattern/{id}', undefined)).toBe('get-api-pattern-id');
    expect(operationSlugCandidate('delete', '/', undefined)).toBe('delete');
  });

  it('keeps slugs short enough for file systems', () => {
    expect(slugify('a'.repeat(300)).length).toBe(100);
    expect(slugify(`${'a'.repeat(99)} b`)).toBe('a'.repeat(99));
  });

  it('tells equal slugs apart in order with -2, -3, skipping reserved and taken ones', () => {
    expect(uniqueSlugs(['a', 'a', 'a'])).toEqual(['a', 'a-2', 'a-3']);
    expect(uniqueSlugs(['a', 'a-2', 'a'])).toEqual(['a', 'a-2', 'a-3']);
    expect(uniqueSlugs(['schemas', 'x'], ['schemas', 'playground'])).toEqual(['schemas-2', 'x']);
  });
});

describe('slugs of a spec', () => {
  it('are unique, stable, and given even to operations without an operationId', async () => {
    const load = async () => (await loadSpec({ root, specPath: 'tests/fixtures/openapi/slug-collisions.yaml' })).document;
    const document = await load();
    const routes = buildApiModel(document).operations.map((entry) => routePath(entry.route));
    expect(routes).toEqual([
      '/reference/rest-apis/pet-store/list-pets/',
      '/reference/rest-apis/pet-store/post-pets/',
      '/reference/rest-apis/pet-store/get-pet/',
      '/reference/rest-apis/pet-store/delete-pets-pet-id/',
      '/reference/rest-apis/pet-store/get-pet-2/',
      '/reference/rest-apis/schemas-2/list-models/',
      '/reference/rest-apis/default/get-health/',
    ]);
    expect(new Set(routes).size).toBe(routes.length);
    // Another load of the same spec gives the same URLs.
    expect(buildApiModel(await load()).operations.map((entry) => routePath(entry.route))).toEqual(routes);
  });

  it('give each tag a page, "Pet Store" and "pet-store" apart, untagged operations under "default"', async () => {
    const { document } = await loadSpec({ root, specPath: 'tests/fixtures/openapi/slug-collisions.yaml' });
    const { tags } = buildApiModel(document);
    expect(tags.map((tag) => [tag.name, tag.slug, tag.operations.length])).toEqual([
      ['Pet Store', 'pet-store', 5],
      ['pet-store', 'pet-store-2', 1],
      ['Schemas', 'schemas-2', 1],
      ['default', 'default', 1],
    ]);
    // An operation with two tags has one page, under its first tag, and is listed by both.
    const shared = tags[1]?.operations[0];
    expect(shared && routePath(shared.route)).toBe('/reference/rest-apis/pet-store/get-pet/');
  });

  it('give every one of the 190 Meshplay operations its own page', async () => {
    const { document } = await loadSpec({ root });
    const { operations } = buildApiModel(document);
    expect(operations).toHaveLength(190);
    expect(new Set(operations.map((entry) => routePath(entry.route))).size).toBe(190);
    const version = operations.find((entry) => entry.operationId === 'getServerVersion');
    expect(version && routePath(version.route)).toBe('/reference/rest-apis/system/get-server-version/');
  });
});

describe('reserved tag slugs', () => {
  it('include every page beside the tags under /reference/rest-apis/, so that no tag lands on one', () => {
    const pages = readdirSync(resolve(root, 'src/content/docs/reference/rest-apis'))
      .filter((name) => name.endsWith('.mdx') && name !== 'index.mdx')
      .map((name) => name.replace(/\.mdx$/, ''));
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) expect(RESERVED_TAG_SLUGS).toContain(page);
    expect(uniqueSlugs([tagSlugCandidate('Try it')], RESERVED_TAG_SLUGS)).toEqual(['try-it-2']);
  });
});
