import { expect, test } from '@playwright/test';
import { GUIDE_PAGES } from '../support/guide-pages.ts';

test.describe('guide pages', { tag: '@subpath' }, () => {
  for (const page of GUIDE_PAGES) {
    test(`reader opens /${page.path} and finds it titled, described, with a copy button on each code block, and in the sidebar`, async ({
      page: tab,
    }) => {
      await tab.goto(page.path);
      await expect(tab.getByRole('heading', { level: 1, name: page.title, exact: true })).toBeVisible();
      await expect(tab).toHaveTitle(new RegExp(`^${page.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
      const description = await tab.locator('meta[name="description"]').getAttribute('content');
      expect(description?.trim().length ?? 0).toBeGreaterThan(20);
      const blocks = tab.locator('.expressive-code figure');
      const count = await blocks.count();
      for (let index = 0; index < count; index += 1) {
        await expect(blocks.nth(index).getByRole('button', { name: /copy/i })).toHaveCount(1);
      }

      if (page.path !== '') {
        // Reachable from the sidebar: open another page and follow the sidebar link here.
        await tab.goto(page.path === 'reference/graphql-apis/' ? 'extensibility/api/' : 'reference/graphql-apis/');
        const sidebar = tab.getByRole('navigation', { name: 'Main' });
        await sidebar.getByRole('link', { name: page.title, exact: true }).click();
        await expect(tab.getByRole('heading', { level: 1, name: page.title, exact: true })).toBeVisible();
      }
    });
  }

  // One visit of the REST API page for what only it has: the address without its trailing slash,
  // the Get Token illustration, a copyable curl example, and code highlighted at build time.
  test('reader reaches the REST API reference without the trailing slash, sees the Get Token illustration and copies a curl example', async ({
    page,
    context,
    baseURL,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL ?? '').origin });
    const response = await page.goto('reference/rest-apis');
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1, name: 'REST API', exact: true })).toBeVisible();

    const image = page.getByRole('img', { name: /Get Token/ });
    await image.scrollIntoViewIfNeeded();
    await expect(image).toBeVisible();
    await expect.poll(() => image.evaluate((element) => (element as HTMLImageElement).naturalWidth)).toBeGreaterThan(100);

    const block = page.locator('figure').filter({ hasText: 'token=$MESHPLAY_TOKEN" http://localhost:9081/api/user' }).first();
    await block.getByRole('button', { name: /copy/i }).click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe('curl --cookie "meshplay-provider=Meshplay; token=$MESHPLAY_TOKEN" http://localhost:9081/api/user');

    // Highlighted tokens are in the HTML, and no script highlights code in the browser.
    const html = await (await page.request.get('reference/rest-apis/')).text();
    expect(html).toMatch(/<span style="--0:#[0-9A-Fa-f]{6};--1:#[0-9A-Fa-f]{6}"/);
    const scripts = await page.evaluate(() => [...document.scripts].map((script) => script.src).join(' '));
    expect(scripts).not.toMatch(/shiki|prism|highlight/i);
  });

  test('reader follows a link to #how-to-get-your-token and lands on that section', async ({ page }) => {
    await page.goto('extensibility/api/#how-to-get-your-token');
    const heading = page.getByRole('heading', { level: 2, name: 'How to get your token' });
    await expect(heading).toBeInViewport();
  });
});
