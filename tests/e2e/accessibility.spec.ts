import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { GUIDE_PAGES } from '../support/guide-pages.ts';

for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, () => {
    test.beforeEach(async ({ page }) => {
      // Starlight reads the reader's choice from localStorage before the first paint.
      await page.addInitScript((chosen) => localStorage.setItem('starlight-theme', chosen), theme);
    });

    for (const { path } of GUIDE_PAGES) {
      test(`axe finds no violations on /${path}`, async ({ page }) => {
        await page.goto(path);
        await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
        const results = await new AxeBuilder({ page }).analyze();
        expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
      });
    }
  });
}
