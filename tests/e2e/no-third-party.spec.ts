import { expect, test } from '@playwright/test';
import { resolve } from 'node:path';
import { bridgeHealthUrl } from '../../src/lib/playground/bridge.ts';
import { BRIDGE_DEFAULT_PORT } from '../../src/lib/playground/try-it-interface.ts';
import { listBuiltPages } from '../support/built-site.ts';
import { EXPECTED_ROUTES } from '../support/expected-routes.ts';
import { isGeneratedPage, onePagePerGeneratedKind } from '../support/generated-pages.ts';

/**
 * The one request that leaves the page's origin on purpose: a playground on loopback looks for
 * the bridge the reader may run on this computer (its health, no token). Nothing else may.
 */
const BRIDGE_HEALTH = bridgeHealthUrl(BRIDGE_DEFAULT_PORT);

test('no page requests anything from another origin', { tag: '@subpath' }, async ({ page, baseURL }, testInfo) => {
  test.setTimeout(120_000);
  const dir = resolve(testInfo.project.name === 'subpath' ? 'dist-subpath' : 'dist');
  const origin = new URL(baseURL ?? '').origin;
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:' || url.origin === origin) return;
    if (url.href === BRIDGE_HEALTH && Object.keys(request.headers()).every((name) => !/token|cookie|authorization/i.test(name))) return;
    foreign.push(`${page.url()} -> ${request.url()}`);
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
