import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { listBuiltPages } from '../support/built-site.ts';

/** The tag, operation and schema pages of a built site (not the playground). */
function splitReferencePages(pages: string[]): { tags: string[]; firstOperations: string[]; schemas: string[] } {
  const reference = pages.filter((path) => path.startsWith('reference/rest-apis/'));
  const tags = reference.filter((path) => /^reference\/rest-apis\/(?!schemas\/|playground\/)[^/]+\/$/.test(path));
  const schemas = reference.filter((path) => /^reference\/rest-apis\/schemas\/[^/]+\/$/.test(path));
  const firstOperations = tags.flatMap((tag) => reference.find((path) => path.startsWith(tag) && path !== tag) ?? []);
  return { tags, firstOperations, schemas };
}

/** Every nth item, starting with the first. */
function everyNth<T>(items: T[], step: number): T[] {
  return items.filter((_, index) => index % step === 0);
}

/**
 * The pages axe checks beyond the guides and the playground (accessibility.spec.ts checks
 * those). Tag, operation and schema pages come by the hundred from one template each, and axe
 * takes seconds per page, so a spread of each kind in the light theme, and one page of each
 * kind in the dark theme (colour contrast is what changes with the theme), plus the 404 page.
 */
function pagesToCheck(pages: string[], theme: 'light' | 'dark'): string[] {
  const { tags, firstOperations, schemas } = splitReferencePages(pages);
  if (theme === 'dark') return [...tags.slice(0, 1), ...firstOperations.slice(0, 1), ...schemas.slice(0, 1), 'this-page-does-not-exist/'];
  return [
    ...everyNth(tags, 6),
    ...everyNth(firstOperations, 4),
    'reference/rest-apis/schemas/',
    ...everyNth(schemas, Math.max(1, Math.floor(schemas.length / 2))).slice(0, 2),
    'this-page-does-not-exist/',
  ];
}

const builtPages = listBuiltPages('dist');

test('the accessibility sweep covers tag, operation and schema pages and the 404 page', () => {
  const light = pagesToCheck(builtPages, 'light');
  expect(light.filter((path) => /^reference\/rest-apis\/(?!schemas\/)[^/]+\/$/.test(path)).length).toBeGreaterThanOrEqual(3);
  expect(light.filter((path) => /^reference\/rest-apis\/(?!schemas\/)[^/]+\/[^/]+\/$/.test(path)).length).toBeGreaterThanOrEqual(5);
  expect(light.filter((path) => /^reference\/rest-apis\/schemas\/[^/]+\/$/.test(path)).length).toBe(2);
  expect(pagesToCheck(builtPages, 'dark')).toHaveLength(4);
});

for (const theme of ['light', 'dark'] as const) {
  test.describe(`axe over the built site, ${theme} theme`, () => {
    test.beforeEach(async ({ page }) => {
      await page.addInitScript((chosen) => localStorage.setItem('starlight-theme', chosen), theme);
    });
    for (const path of pagesToCheck(builtPages, theme)) {
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
