import { describe, expect, it } from 'vitest';
import { EXPECTED_ROUTES } from '../support/expected-routes.ts';
import { meshplaySpec } from '../support/meshplay-spec.ts';
import { MESHPLAY_OPERATION_COUNT } from '../support/meshplay-routes.ts';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

describe('the committed list of expected pages (tests/fixtures/expected-routes.json)', () => {
  it('has one page per operation of the spec, with its method, path, operationId and summary', async () => {
    const { document } = await meshplaySpec();
    const inSpec = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
      METHODS.flatMap((method) => {
        const operation = (item as Record<string, { operationId?: string; summary?: string } | undefined>)[method];
        return operation ? [`${method.toUpperCase()} ${path} ${operation.operationId} ${operation.summary}`] : [];
      }),
    );
    const listed = EXPECTED_ROUTES.operations.map((entry) => `${entry.method} ${entry.path} ${entry.operationId} ${entry.title}`);
    // A failure here means the spec changed: regenerate the list (npm run expected-routes) and review its diff.
    expect(listed.sort()).toEqual(inSpec.sort());
    expect(listed).toHaveLength(MESHPLAY_OPERATION_COUNT);
  });

  it('lists every operation and tag page among the pages, each once', () => {
    const pages = new Set(EXPECTED_ROUTES.pages);
    expect(pages.size).toBe(EXPECTED_ROUTES.pages.length);
    const operationPages = EXPECTED_ROUTES.operations.map((entry) => entry.page);
    expect(new Set(operationPages).size).toBe(operationPages.length);
    expect([...operationPages, ...EXPECTED_ROUTES.tags.map((tag) => tag.page)].filter((page) => !pages.has(page))).toEqual([]);
  });
});
