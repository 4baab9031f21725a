import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { listBuiltPages } from '../support/built-site.ts';

/**
 * The pages axe checks beyond the guides and the playground (accessibility.spec.ts checks
 * those): tag, operation and schema pages come by the hundred from one template each, so a
 * spread of each is checked — every third tag page, the first operation of every other tag,
 * the schema index and a few schemas — plus the 404 page.
 */
function pagesToCheck(pages: string[]): string[] {
  const reference = pages.filter((path) => path.startsWith('reference/rest-apis/'));
  const tagPages = reference.filter((path) => /^reference\/rest-apis\/(?!schemas\/|playground\/)[^/]+\/$/.test(path));
  const schemaPages = reference.filter((path) => /^reference\/rest-apis\/schemas\/[^/]+\/$/.test(path));
  const firstOperations = tagPages.flatMap((tag) => reference.find((path) => path.startsWith(tag) && path !== tag) ?? []);
  const schemaStep = Math.max(1, Math.floor(schemaPages.length / 4));
  return [
    ...tagPages.filter((_, index) => index % 3 === 0),
    ...firstOperations.filter((_, index) => index % 2 === 0),
    'reference/rest-apis/schemas/',
    ...schemaPages.filter((_, index) => index % schemaStep === 0).slice(0, 4),
    'this-page-does-not-exist/',
  ];
}

const pages = pagesToCheck(listBuiltPages('dist'));

test('the accessibility sweep covers tag, operation and schema pages and the 404 page', () => {
  expect(pages.filter((path) => /^reference\/rest-apis\/(?!schemas\/)[^/]+\/$/.test(path)).length).toBeGreaterThanOrEqual(5);
  expect(pages.filter((path) => /^reference\/rest-apis\/(?!schemas\/)[^/]+\/[^/]+\/$/.test(path)).length).toBeGreaterThanOrEqual(8);
  expect(pages.filter((path) => /^reference\/rest-apis\/schemas\/[^/]+\/$/.test(path)).length).toBe(4);
});

for (const theme of ['light', 'dark'] as const) {
  test.describe(`axe over the built site, ${theme} theme`, () => {
    test.beforeEach(async ({ page }) => {
      await page.addInitScript((chosen) => localStorage.setItem('starlight-theme', chosen), theme);
    });
    for (const path of pages) {
      test(`reader opens /${path} and axe finds no violations`, async ({ page }) => {
        await page.goto(path);
        await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        // The sidebar (200+ endpoint links) is the same on every page: accessibility.spec.ts checks it on the home page.
        const results = await new AxeBuilder({ page }).exclude('nav[aria-label="Main"]').analyze();
        expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
      });
    }
  });
}
