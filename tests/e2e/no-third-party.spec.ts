import { expect, test } from '@playwright/test';
import { resolve } from 'node:path';
import { listBuiltPages } from '../support/built-site.ts';
import { EXPECTED_ROUTES } from '../support/expected-routes.ts';
import { isGeneratedPage, onePagePerGeneratedKind } from '../support/generated-pages.ts';

test('no page requests anything from another origin', { tag: '@subpath' }, async ({ page, baseURL }, testInfo) => {
  test.setTimeout(120_000);
  const dir = resolve(testInfo.project.name === 'subpath' ? 'dist-subpath' : 'dist');
  const origin = new URL(baseURL ?? '').origin;
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol !== 'data:' && url.protocol !== 'blob:' && url.origin !== origin) foreign.push(`${page.url()} -> ${request.url()}`);
  });
  // Every written page but the generated ones (a few templates over hundreds of pages: one of each kind).
  const all = listBuiltPages(dir);
  expect(all).toEqual(EXPECTED_ROUTES.pages);
  const pages = [...all.filter((path) => !isGeneratedPage(path)), ...onePagePerGeneratedKind(dir), 'no-such-page/'];
  for (const path of pages) {
    await page.goto(path, { waitUntil: 'networkidle' });
    // Open search too: Pagefind loads its index and UI only when asked.
    if (path === '') {
      await page.getByRole('button', { name: 'Search' }).first().click();
      await page.getByRole('dialog', { name: 'Search' }).getByRole('textbox').fill('token');
      await expect(page.locator('.pagefind-ui__result').first()).toBeVisible();
      await page.keyboard.press('Escape');
    }
  }
  expect(foreign).toEqual([]);
});
