import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { expectedOperation } from '../support/expected-routes.ts';
import { GUIDE_PAGES } from '../support/guide-pages.ts';

/**
 * Guide pages scanned in the dark theme too. Colour contrast is what changes with the theme, and
 * these three hold every component the guides use: cards and the sidebar (home), steps, images
 * and the examples checkbox (REST API), and each kind of aside (note, tip, caution).
 */
const DARK_GUIDES = new Set(['', 'reference/rest-apis/', 'extensibility/api/']);

for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, () => {
    test.describe.configure({ timeout: 60_000 });
    test.beforeEach(async ({ page }) => {
      // Starlight reads the reader's choice from localStorage before the first paint.
      await page.addInitScript((chosen) => localStorage.setItem('starlight-theme', chosen), theme);
    });

    for (const { path } of GUIDE_PAGES.filter((guide) => theme === 'light' || DARK_GUIDES.has(guide.path))) {
      test(`axe finds no violations on /${path}`, async ({ page }) => {
        await page.goto(path);
        await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
        // The sidebar (200+ endpoint links) is the same component on every page: check it once, on the home page.
        const axe = new AxeBuilder({ page });
        const results = await (path === '' ? axe : axe.exclude('nav[aria-label="Main"]')).analyze();
        expect(
          results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`),
        ).toEqual([]);
      });
    }

    test('the rendered playground (a tag expanded, an operation open) fits 1280 px, follows the theme, and axe finds no violations', async ({
      page,
    }) => {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto('reference/rest-apis/playground/#/Users/getSignedInUser');
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      const operation = page.locator('[id="operations-Users-getSignedInUser"]');
      await expect(operation.getByRole('button', { name: 'Execute' })).toBeVisible({ timeout: 30_000 });
      await expect(page.locator('.opblock-tag[data-tag="Users"][data-is-open="true"]')).toBeVisible();
      // No sideways scrolling at 1280 px.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      if (theme === 'dark') {
        const background = await page
          .locator('.swagger-ui')
          .first()
          .evaluate((element) => getComputedStyle(element).backgroundColor);
        expect(background).toBe('rgb(28, 32, 34)');
      }
      const results = await new AxeBuilder({ page })
        .include('meshplay-playground')
        // What remains in Swagger UI's own markup (README, "Accessibility: what remains in Swagger UI"):
        // it renders its operation list as <main id="operations">, and ARIA allows no other role on <main>,
        // so inside the page's own <main> it is a second, nested main landmark.
        .disableRules(['landmark-main-is-top-level', 'landmark-no-duplicate-main'])
        .analyze();
      expect(
        results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`),
      ).toEqual([]);
    });
  });
}

// One operation page with its Try it panel open (axe costs seconds per page): the button, the token panel and Swagger UI's one operation.
test('an operation page with the Try it panel open: axe finds no violations', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto(expectedOperation('getSignedInUser').page);
  await page.getByRole('button', { name: 'Try it', exact: true }).click();
  await expect(page.locator('#try-it-panel').getByRole('button', { name: 'Execute' })).toBeVisible({ timeout: 30_000 });
  const results = await new AxeBuilder({ page })
    .include('.try-it')
    // Swagger UI's <main id="operations"> (see the playground's test above and README).
    .disableRules(['landmark-main-is-top-level', 'landmark-no-duplicate-main'])
    .analyze();
  expect(
    results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`),
  ).toEqual([]);
});
