import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { EXPECTED_ROUTES } from '../support/expected-routes.ts';

const DIST = 'dist';
const SCHEMA_PAGE = /^reference\/rest-apis\/schemas\/[^/]+\/$/;

/** The size of a built page's HTML, in bytes. */
function htmlBytes(page: string): number {
  return statSync(join(DIST, page, 'index.html')).size;
}

/** The first of a list, or an error naming the fixture to regenerate. */
function first<T>(items: T[], kind: string): T {
  const found = items[0];
  if (found === undefined) throw new Error(`No ${kind} in tests/fixtures/expected-routes.json and dist/`);
  return found;
}

/** The tag page with the most kinds of method badge (each has its own colours), the smallest of those. */
function tagWithMostMethods(): string {
  const methods = (tagPage: string) =>
    new Set(EXPECTED_ROUTES.operations.filter((entry) => entry.page.startsWith(tagPage)).map((entry) => entry.method)).size;
  const tags = EXPECTED_ROUTES.tags.map((tag) => tag.page);
  return first(
    tags.sort((a, b) => methods(b) - methods(a) || htmlBytes(a) - htmlBytes(b)),
    'tag page',
  );
}

/** The smallest operation page with every section of its template: parameters, a request body and responses. */
function operationWithEverySection(): string {
  const sections = ['id="parameters"', 'id="request-body"', 'id="responses"'];
  const complete = EXPECTED_ROUTES.operations
    .map((entry) => entry.page)
    .filter((page) => {
      const html = readFileSync(join(DIST, page, 'index.html'), 'utf8');
      return sections.every((section) => html.includes(section));
    });
  return first(
    complete.sort((a, b) => htmlBytes(a) - htmlBytes(b)),
    'operation page with parameters, a request body and responses',
  );
}

/** The schema page of median size: a typical one. */
function typicalSchemaPage(): string {
  const schemas = EXPECTED_ROUTES.pages.filter((page) => SCHEMA_PAGE.test(page)).sort((a, b) => htmlBytes(a) - htmlBytes(b));
  return first(schemas.slice(Math.floor(schemas.length / 2)), 'schema page');
}

/**
 * The generated pages axe checks (accessibility.spec.ts checks the guides and the playground).
 * Tag, operation and schema pages come by the hundred from one template each, and axe takes
 * seconds per page: one page of each kind that shows all of its template, in both themes
 * (colour contrast is what changes with the theme), plus the schema index and the 404 page.
 */
const PAGES = [
  tagWithMostMethods(),
  operationWithEverySection(),
  typicalSchemaPage(),
  'reference/rest-apis/schemas/',
  'this-page-does-not-exist/',
];

for (const theme of ['light', 'dark'] as const) {
  test.describe(`axe over the built site, ${theme} theme`, () => {
    test.describe.configure({ timeout: 60_000 });
    test.beforeEach(async ({ page }) => {
      await page.addInitScript((chosen) => localStorage.setItem('starlight-theme', chosen), theme);
    });
    for (const path of PAGES) {
      test(`reader opens /${path} and axe finds no violations`, async ({ page }) => {
        await page.goto(path);
        await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        // The sidebar (200+ endpoint links) is the same on every page: accessibility.spec.ts checks it on the home page.
        const results = await new AxeBuilder({ page }).exclude('nav[aria-label="Main"]').analyze();
        expect(
          results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`),
        ).toEqual([]);
      });
    }
  });
}
