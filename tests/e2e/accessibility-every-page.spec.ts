import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { onePagePerGeneratedKind } from '../support/generated-pages.ts';

/**
 * The generated pages axe checks (accessibility.spec.ts checks the guides and the playground):
 * one page of each kind that shows all of its template, in both themes (colour contrast is what
 * changes with the theme), and the 404 page. Axe takes seconds per page, and a second page from
 * the same template finds nothing the first did not.
 */
const PAGES = [...onePagePerGeneratedKind('dist'), 'this-page-does-not-exist/'];

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
