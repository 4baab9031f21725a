import { expect, test, type Page } from '@playwright/test';
import { GUIDE_PAGES } from '../support/guide-pages.ts';

type Guide = (typeof GUIDE_PAGES)[number];

test.describe('guide pages', { tag: '@subpath' }, () => {
  /** The guide the page shows must be this one: address, heading, title, description, a copy button on each code block. */
  async function expectGuide(page: Page, guide: Guide, baseURL: string | undefined): Promise<void> {
    await expect(page, guide.title).toHaveURL(new URL(guide.path, baseURL).href);
    await expect(page.getByRole('heading', { level: 1, name: guide.title, exact: true })).toBeVisible();
    await expect(page).toHaveTitle(new RegExp(`^${guide.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    const description = await page.locator('meta[name="description"]').getAttribute('content');
    expect(description?.trim().length ?? 0, guide.title).toBeGreaterThan(20);
    const blocks = page.locator('.expressive-code figure');
    const count = await blocks.count();
    for (let block = 0; block < count; block += 1) {
      await expect(blocks.nth(block).getByRole('button', { name: /copy/i }), `${guide.title}, code block ${block + 1}`).toHaveCount(1);
    }
  }

  // One walk through the guides, one load each: the home page (Starlight's splash page has no
  // sidebar) and the first guide by address, every other guide by its sidebar link, and back to
  // the first one by its sidebar link.
  test('reader walks the guides through the sidebar and finds each titled, described, with a copy button on each code block', async ({
    page,
    baseURL,
  }) => {
    test.setTimeout(60_000);
    const home = GUIDE_PAGES.filter((guide) => guide.path === '');
    const [first, ...others] = GUIDE_PAGES.filter((guide) => guide.path !== '');
    if (!first) throw new Error('tests/support/guide-pages.ts lists no guide besides the home page');
    for (const guide of [...home, first]) {
      await page.goto(guide.path);
      await expectGuide(page, guide, baseURL);
    }
    for (const guide of [...others, first]) {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: guide.title, exact: true }).click();
      await expectGuide(page, guide, baseURL);
    }
  });

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
