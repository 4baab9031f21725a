/**
 * Write tests/fixtures/expected-routes.json: every page of the built site (`npm run build`
 * first), and each operation's and tag's page. The end-to-end tests compare the built site
 * with this committed list instead of computing the pages with the code they test, so a
 * change that drops or renames a page fails them. Run it, review the diff, commit it:
 *
 *   npm run build && npm run expected-routes
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildApiModel } from '../src/lib/openapi/model/build.ts';
import { routePath } from '../src/lib/openapi/model/routes.ts';
import { listBuiltPages } from '../tests/support/built-site.ts';
import type { ExpectedRoutes } from '../tests/support/expected-routes.ts';

const SITE_DIR = resolve(process.argv[2] ?? 'dist');
const OUT = resolve('tests/fixtures/expected-routes.json');

/** "/reference/rest-apis/x/" as the site-relative page path the built-site helpers use ("reference/rest-apis/x/"). */
function pageOf(route: string): string {
  return route.replace(/^\//, '');
}

const specFile = join(SITE_DIR, 'openapi/meshplay.json');
if (!existsSync(specFile)) throw new Error(`${specFile} does not exist: run npm run build first (with the default spec).`);
const model = buildApiModel(JSON.parse(readFileSync(specFile, 'utf8')) as object);
const pages = listBuiltPages(SITE_DIR);
const expected: ExpectedRoutes = {
  source:
    'Written by scripts/write-expected-routes.ts from a build of openapi/meshplay.yaml, then reviewed. ' +
    'Regenerate when pages are added, removed or renamed on purpose.',
  pages,
  tags: model.tags.map((tag) => ({ name: tag.name, page: pageOf(routePath(tag.route)) })),
  operations: model.operations.map((entry) => ({
    page: pageOf(routePath(entry.route)),
    method: entry.method.toUpperCase(),
    path: entry.path,
    operationId: entry.operationId ?? null,
    title: entry.title,
  })),
};
const unbuilt = [...expected.tags, ...expected.operations].filter((entry) => !pages.includes(entry.page));
if (unbuilt.length > 0) throw new Error(`The build has no page for: ${unbuilt.map((entry) => entry.page).join(', ')}`);
writeFileSync(OUT, `${JSON.stringify(expected, null, 1)}\n`);
console.log(`${OUT}: ${pages.length} pages, ${expected.tags.length} tags, ${expected.operations.length} operations.`);
