import { expect, test } from '@playwright/test';
import { resolve } from 'node:path';
import { bridgeHealthUrl } from '../../src/lib/playground/bridge.ts';
import { BRIDGE_DEFAULT_PORT } from '../../src/lib/playground/try-it-interface.ts';
import { listBuiltPages } from '../support/built-site.ts';

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
  // Every written page; of the pages generated from the spec (tag, operation and schema pages,
  // a few templates over hundreds of pages) a sample.
  const all = listBuiltPages(dir);
  const generated = all.filter((path) => /^reference\/rest-apis\/(?!playground\/)[^/]+\//.test(path));
  const pages = [...all.filter((path) => !generated.includes(path)), ...generated.filter((_, index) => index % 30 === 0)];
  expect(pages.length).toBeGreaterThanOrEqual(7);
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
