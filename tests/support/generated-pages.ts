/**
 * One page of each kind the spec generates (tag, operation, schema, schema index): they come by
 * the hundred from one template each, so browser checks (axe, requests) visit one that shows all
 * of its template instead of a spread of near-identical pages.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { EXPECTED_ROUTES } from './expected-routes.ts';

const SCHEMA_PAGE = /^reference\/rest-apis\/schemas\/[^/]+\/$/;
const SCHEMAS_INDEX = 'reference/rest-apis/schemas/';

/** The size of a built page's HTML, in bytes. */
function htmlBytes(dir: string, page: string): number {
  return statSync(join(dir, page, 'index.html')).size;
}

/** The first of a list, or an error naming what is missing. */
function first<T>(items: T[], kind: string): T {
  const found = items[0];
  if (found === undefined) throw new Error(`No ${kind} in tests/fixtures/expected-routes.json and the built site`);
  return found;
}

/** The tag page with the most kinds of method badge (each has its own colours), the smallest of those. */
function tagWithMostMethods(dir: string): string {
  const methods = (tagPage: string) =>
    new Set(EXPECTED_ROUTES.operations.filter((entry) => entry.page.startsWith(tagPage)).map((entry) => entry.method)).size;
  const tags = EXPECTED_ROUTES.tags.map((tag) => tag.page);
  return first(
    tags.sort((a, b) => methods(b) - methods(a) || htmlBytes(dir, a) - htmlBytes(dir, b)),
    'tag page',
  );
}

/** The smallest operation page with every section of its template: parameters, a request body and responses. */
function operationWithEverySection(dir: string): string {
  const sections = ['id="parameters"', 'id="request-body"', 'id="responses"'];
  const complete = EXPECTED_ROUTES.operations
    .map((entry) => entry.page)
    .filter((page) => {
      const html = readFileSync(join(dir, page, 'index.html'), 'utf8');
      return sections.every((section) => html.includes(section));
    });
  return first(
    complete.sort((a, b) => htmlBytes(dir, a) - htmlBytes(dir, b)),
    'operation page with parameters, a request body and responses',
  );
}

/** The schema page of median size: a typical one. */
function typicalSchemaPage(dir: string): string {
  const schemas = EXPECTED_ROUTES.pages.filter((page) => SCHEMA_PAGE.test(page)).sort((a, b) => htmlBytes(dir, a) - htmlBytes(dir, b));
  return first(schemas.slice(Math.floor(schemas.length / 2)), 'schema page');
}

/** One page of each generated kind in a built site: a tag, an operation, a schema and the schema index. */
export function onePagePerGeneratedKind(dir: string): string[] {
  return [tagWithMostMethods(dir), operationWithEverySection(dir), typicalSchemaPage(dir), SCHEMAS_INDEX];
}

/** Whether a page is generated from the spec (under the reference, but not the REST API guide or the playground). */
export function isGeneratedPage(page: string): boolean {
  return /^reference\/rest-apis\/(?!playground\/)[^/]+\//.test(page);
}
