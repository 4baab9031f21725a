import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';

/** The ways a reader opens search: the header button and the two keyboard shortcuts. */
const OPENERS = ['the Search button', 'Control+K', '/'] as const;

/** Open the search dialog as a reader does, and return it. */
async function openSearch(page: Page, how: (typeof OPENERS)[number]): Promise<Locator> {
  if (how === 'the Search button') await page.getByRole('button', { name: 'Search' }).first().click();
  else await page.keyboard.press(how === 'Control+K' ? 'Control+k' : '/');
  const dialog = page.getByRole('dialog', { name: 'Search' });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Every request for Pagefind's UI or index that a page makes. */
function watchSearchRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => {
    if (/pagefind|ui-core/.test(request.url())) urls.push(request.url());
  });
  return urls;
}

for (const how of OPENERS) {
  test(`reader opens search with ${how}, types a query and follows a result`, { tag: '@subpath' }, async ({ page, baseURL }) => {
    const searchRequests = watchSearchRequests(page);
    await page.goto('extensibility/api/', { waitUntil: 'networkidle' });
    // Nothing of search is fetched until the reader asks for it.
    expect(searchRequests).toEqual([]);

    const dialog = await openSearch(page, how);
    const box = dialog.getByRole('textbox');
    await expect(box).toBeFocused();
    await box.fill('system/version');
    const result = dialog.getByRole('link', { name: 'Get the server version' }).first();
    await expect(result).toBeVisible({ timeout: 10_000 });
    await result.click();

    await expect(page).toHaveURL(new URL('reference/rest-apis/system/get-server-version/', baseURL).href);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Get the server version');
    await expect(page.getByRole('dialog', { name: 'Search' })).toBeHidden();
  });
}

test('reader types straight after Ctrl+K, before the search UI has arrived, and the query is kept', async ({ page }) => {
  let releaseUi = () => {};
  const uiHeld = new Promise<void>((resolve) => {
    releaseUi = resolve;
  });
  await page.route(/load-pagefind-ui|ui-core/, async (route) => {
    await uiHeld;
    await route.continue();
  });
  await page.goto('extensibility/api/');
  const dialog = await openSearch(page, 'Control+K');
  await page.keyboard.type('system/versiom');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('n');
  releaseUi();
  await expect(dialog.getByRole('textbox')).toHaveValue('system/version');
  await expect(dialog.getByRole('link', { name: 'Get the server version' }).first()).toBeVisible({ timeout: 10_000 });
});

test('reader is told when search cannot load, and it loads on the next opening', async ({ page }) => {
  let available = false;
  await page.route(/load-pagefind-ui/, (route) => (available ? route.continue() : route.abort('internetdisconnected')));
  await page.goto('extensibility/api/');
  let dialog = await openSearch(page, 'the Search button');
  await expect(dialog.getByRole('alert')).toContainText('Search could not load');
  await page.keyboard.press('Escape');
  available = true;
  dialog = await openSearch(page, 'the Search button');
  await dialog.getByRole('textbox').fill('token');
  await expect(dialog.locator('.pagefind-ui__result').first()).toBeVisible({ timeout: 10_000 });
});

test('Ctrl+K closes the open dialog, and / is typed into the search box, not taken as a shortcut', async ({ page }) => {
  await page.goto('');
  const dialog = await openSearch(page, 'Control+K');
  await expect(dialog.getByRole('textbox')).toBeFocused();
  await page.keyboard.press('Control+k');
  await expect(dialog).toBeHidden();

  await openSearch(page, 'the Search button');
  await dialog.getByRole('textbox').pressSequentially('api/user');
  await expect(dialog.getByRole('textbox')).toHaveValue('api/user');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('the open search dialog with results has no axe violations, in both themes', async ({ page }) => {
  test.setTimeout(90_000);
  for (const theme of ['dark', 'light']) {
    await page.addInitScript((chosen) => localStorage.setItem('starlight-theme', chosen), theme);
    await page.goto('extensibility/api/');
    const dialog = await openSearch(page, 'the Search button');
    await dialog.getByRole('textbox').fill('server version');
    await expect(dialog.getByRole('link', { name: 'Get the server version' }).first()).toBeVisible({ timeout: 10_000 });
    // Pagefind's search input is named by its title attribute (as in Starlight's own search):
    // it has a name, so only the best-practice rule that wants a visible label is left out.
    const results = await new AxeBuilder({ page }).include('dialog[open]').disableRules(['label-title-only']).analyze();
    expect(
      results.violations.map((violation) => `${theme} ${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`),
    ).toEqual([]);
  }
});
