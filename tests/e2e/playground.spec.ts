import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { TEST_PORTS } from '../support/ports.ts';
import {
  executeOperation,
  expectSessionReachedOnce,
  expectSignedInUserShown,
  loadAuthJson,
  requestsSeenBy,
  responseStatus,
  tokenField,
} from '../support/playground.ts';
import { mintToken } from '../support/tokens.ts';
import { watchCspViolations } from '../support/csp-violations.ts';
import { EXPECTED_ROUTES } from '../support/expected-routes.ts';

const MESHPLAY = `http://127.0.0.1:${TEST_PORTS.meshplay}`;
const MESHPLAY_CORS = `http://127.0.0.1:${TEST_PORTS.meshplayCors}`;

test.describe('playground', () => {
  // Each page load parses Swagger UI's 1.5 MB bundle; give journeys with several loads room.
  test.describe.configure({ timeout: 60_000 });

  // One journey on one playground load: a valid token through the proxy, where the token goes, the curl
  // shown, the Content-Security-Policy while Swagger UI runs, then an expired token on the same page.
  test(
    'reader loads auth.json and calls GET /api/user through the proxy; the token goes nowhere else; an expired one is explained',
    { tag: '@subpath' },
    async ({ page }) => {
      const violations = await watchCspViolations(page);
      const token = mintToken({ expiresIn: 3 * 3600, subject: `proxy-${Date.now()}` });
      const carriers: string[] = [];
      page.on('request', (request) => {
        if (Object.values(request.headers()).some((value) => value.includes(token))) carriers.push(request.url());
      });
      await page.goto('reference/rest-apis/playground/#/Users/getSignedInUser');
      await loadAuthJson(page, token);
      await expect(page.getByRole('status').filter({ hasText: 'expires in 3 h' })).toBeVisible();
      await expect(page.getByRole('radio', { name: /through this site/ })).toBeChecked();

      const block = await executeOperation(page, 'Users', 'getSignedInUser');
      await expect(responseStatus(block)).toHaveText('200');
      await expectSignedInUserShown(block);

      await expectSessionReachedOnce(MESHPLAY, token);
      // The token reaches only the chosen server (through the proxy), never another origin.
      expect(carriers.length).toBeGreaterThan(0);
      for (const url of carriers) expect(url).toMatch(/\/api-proxy\/api\/user$/);
      expect((await requestsSeenBy(MESHPLAY_CORS)).filter((request) => JSON.stringify(request).includes(token))).toEqual([]);

      // The curl shown runs against the real server, with the cookie, and without the token unless asked.
      const curl = block.locator('.curl-command, .request-snippets').first();
      await expect(curl).toContainText(`curl -X GET '${MESHPLAY}/api/user'`);
      await expect(curl).toContainText('--cookie "meshplay-provider=Meshplay; token=$MESHPLAY_TOKEN"');
      await expect(curl).not.toContainText(token);
      expect(violations).toEqual([]);

      // An expired token gets the sign-in explanation, not an HTML page.
      await loadAuthJson(page, mintToken({ expiresIn: -2 * 3600 }));
      await expect(page.getByRole('status').filter({ hasText: 'expired 2 h ago' })).toBeVisible();
      await executeOperation(page, 'Users', 'getSignedInUser');
      await expect(page.getByRole('alert')).toContainText('the token is missing, invalid or expired');
    },
  );

  // One playground load for the custom server: direct calls to a CORS-enabled Meshplay, the CORS
  // explanation for the plain one, then the saved token and server in the REST API page's curl examples.
  test('direct mode works with a CORS-enabled Meshplay, explains CORS with the plain one, and the guide uses the saved server', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const token = mintToken({ expiresIn: 3600, subject: `direct-${Date.now()}` });
    await page.goto('reference/rest-apis/playground/#/Users/getSignedInUser');
    await loadAuthJson(page, token);
    const serverField = page.getByRole('textbox', { name: 'Custom server URL' });

    await serverField.fill(MESHPLAY_CORS);
    await page.getByRole('radio', { name: /Another server/ }).check();
    const block = await executeOperation(page, 'Users', 'getSignedInUser');
    await expect(responseStatus(block)).toHaveText('200');
    const viaCors = (await requestsSeenBy(MESHPLAY_CORS)).filter((request) => request.meshplayTokenHeader === token);
    expect(viaCors.length).toBeGreaterThan(0);

    await serverField.fill(MESHPLAY);
    await serverField.press('Enter');
    await serverField.blur();
    await executeOperation(page, 'Users', 'getSignedInUser');
    await expect(page.getByRole('alert')).toContainText('The browser blocked this request (CORS)');
    await expect(page.getByRole('alert')).toContainText('npm start');

    // Back to the CORS-enabled server: the REST API page's examples can use it and the saved token.
    await serverField.fill(MESHPLAY_CORS);
    await serverField.press('Enter');
    await serverField.blur();
    await page.goto('reference/rest-apis/');
    const example = page
      .locator('figure')
      .filter({ hasText: '/api/user' })
      .filter({ hasText: '--cookie "meshplay-provider=Meshplay' })
      .first();
    const useSaved = page.getByRole('checkbox', { name: 'Use my saved token and server in these examples' });
    await expect(example).toContainText('$MESHPLAY_TOKEN');
    await useSaved.check();
    await expect(example).toContainText(`token=${token}`);
    await expect(example).toContainText(`${MESHPLAY_CORS}/api/user`);
    expect(await example.locator('[data-code]').getAttribute('data-code')).toContain(token);
    await useSaved.uncheck();
    await expect(example).toContainText('$MESHPLAY_TOKEN');
    expect(await example.locator('[data-code]').getAttribute('data-code')).not.toContain(token);
  });

  test('a stopped Meshplay gets the unreachable explanation', async ({ page }) => {
    await page.goto(`http://127.0.0.1:${TEST_PORTS.siteWithStoppedServer}/reference/rest-apis/playground/#/System/getServerVersion`);
    // With Meshplay stopped the playground chooses the demo server: ask for the proxy, as a reader who starts Meshplay later would.
    await page.getByRole('radio', { name: /through this site/ }).check();
    await executeOperation(page, 'System', 'getServerVersion');
    await expect(page.getByRole('alert')).toContainText('Meshplay is unreachable');
  });

  test('reader is told why the playground did not load, and loads it on the second try', async ({ page }) => {
    let specAvailable = false;
    await page.route('**/openapi/meshplay.json', (route) =>
      specAvailable ? route.continue() : route.fulfill({ status: 503, body: 'Service Unavailable' }),
    );
    await page.goto('reference/rest-apis/playground/');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('The playground could not load');
    await expect(alert).toContainText('503');
    specAvailable = true;
    await page.getByRole('button', { name: 'Try loading the playground again' }).click();
    await expect(page.locator('.opblock-tag').first()).toBeVisible({ timeout: 20_000 });
    await expect(alert).toBeHidden();
  });

  test(
    'with JavaScript off, the playground page still lists every operation with a link to its page',
    { tag: '@subpath' },
    async ({ browser, baseURL }) => {
      const context = await browser.newContext({ javaScriptEnabled: false, baseURL: baseURL ?? '' });
      const page = await context.newPage();
      await page.goto('reference/rest-apis/playground/');
      const list = page.locator('[data-operation-preview]');
      await expect(list.locator('[data-operation]')).toHaveCount(EXPECTED_ROUTES.operations.length);
      await list.getByText('System', { exact: true }).click();
      await list.getByRole('link', { name: /GET \/api\/system\/version Get the server version/ }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Get the server version' })).toBeVisible();
      await context.close();
    },
  );

  test('reader opens a tag in the operation list before Swagger UI has loaded, and it stays open in Swagger UI', async ({ page }) => {
    let releaseSpec = () => {};
    const specHeld = new Promise<void>((resolve) => {
      releaseSpec = resolve;
    });
    await page.route('**/openapi/meshplay.json', async (route) => {
      await specHeld;
      await route.continue();
    });
    await page.goto('reference/rest-apis/playground/');
    const list = page.locator('[data-operation-preview]');
    await list.getByText('System', { exact: true }).click();
    await expect(list.getByRole('link', { name: /GET \/api\/system\/version Get the server version/ })).toBeVisible();
    const axe = await new AxeBuilder({ page }).include('[data-operation-preview]').analyze();
    expect(
      axe.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`),
    ).toEqual([]);
    releaseSpec();
    await expect(list).toHaveCount(0, { timeout: 20_000 });
    await expect(page.locator('[id="operations-System-getServerVersion"]')).toBeVisible();
  });

  test('Swagger UI is fetched while the reader reads the list, and runs only when they open a tag, which stays open and keeps focus', async ({
    page,
  }) => {
    await page.goto('reference/rest-apis/playground/');
    const swaggerFetched = () =>
      page.evaluate(() => performance.getEntriesByType('resource').some((entry) => /mount-swagger-ui/.test(entry.name)));
    await expect.poll(swaggerFetched, { timeout: 20_000 }).toBe(true);
    // Fetched, not run: no Swagger UI, the list still in place.
    expect(await page.evaluate(() => window.__swaggerUiEvaluated === true)).toBe(false);
    await expect(page.locator('.swagger-ui')).toHaveCount(0);
    const list = page.locator('[data-operation-preview]');
    await expect(list).toBeVisible();

    await list.getByText('System', { exact: true }).click();
    await expect(list).toHaveCount(0, { timeout: 20_000 });
    expect(await page.evaluate(() => window.__swaggerUiEvaluated === true)).toBe(true);
    const systemTag = page.locator('.opblock-tag[data-tag="System"]');
    await expect(systemTag).toHaveAttribute('data-is-open', 'true');
    await expect(page.locator('[id="operations-System-getServerVersion"]')).toBeVisible();
    // Focus follows the reader from the list's tag to the same tag in Swagger UI.
    await expect.poll(() => systemTag.evaluate((tag) => tag.contains(document.activeElement))).toBe(true);
  });

  test('a tag opened before the playground script has run still brings Swagger UI, with the tag open', async ({ page }) => {
    let releaseScript = () => {};
    const scriptHeld = new Promise<void>((resolve) => {
      releaseScript = resolve;
    });
    await page.route('**/_astro/playground-element*.js', async (route) => {
      await scriptHeld;
      await route.continue();
    });
    // A module script holds DOMContentLoaded back: wait only for the response, then for the list to show.
    await page.goto('reference/rest-apis/playground/', { waitUntil: 'commit' });
    const list = page.locator('[data-operation-preview]');
    await list.getByText('System', { exact: true }).click();
    releaseScript();
    await expect(list).toHaveCount(0, { timeout: 20_000 });
    await expect(page.locator('.opblock-tag[data-tag="System"]')).toHaveAttribute('data-is-open', 'true');
  });

  test('a malformed deep link is no deep link: the playground loads normally', async ({ page }) => {
    await page.goto('reference/rest-apis/playground/#/%E0%A4%A/x');
    const list = page.locator('[data-operation-preview]');
    await expect(list).toBeVisible();
    await list.getByText('Users', { exact: true }).click();
    await expect(page.locator('.opblock-tag[data-tag="Users"]')).toHaveAttribute('data-is-open', 'true', { timeout: 20_000 });
    await expect(page.locator('[id="operations-Users-getSignedInUser"]')).toBeVisible();
    await expect(page.getByRole('alert')).toBeHidden();
  });

  test('?url= and ?configUrl= pointing elsewhere are ignored', { tag: '@subpath' }, async ({ page }) => {
    const elsewhere = `${MESHPLAY_CORS}/evil-${Date.now()}`;
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await page.goto(
      `reference/rest-apis/playground/?url=${encodeURIComponent(`${elsewhere}.json`)}&configUrl=${encodeURIComponent(`${elsewhere}-config.json`)}#/System/getServerVersion`,
    );
    await expect(page.locator('[id="operations-System-getServerVersion"]')).toBeVisible({ timeout: 20_000 });
    expect(requested.filter((url) => url.startsWith(MESHPLAY_CORS))).toEqual([]);
    expect((await requestsSeenBy(MESHPLAY_CORS)).filter((request) => request.path.includes('evil-'))).toEqual([]);
  });

  test(
    'the token survives a reload, not a new tab, unless remembered; Forget leaves no trace',
    { tag: '@subpath' },
    async ({ page, context }) => {
      test.setTimeout(120_000);
      const token = mintToken({ expiresIn: 3600 });
      await page.goto('reference/rest-apis/playground/');
      await loadAuthJson(page, token);
      await page.reload();
      await expect(tokenField(page)).toHaveValue(token);

      const second = await context.newPage();
      await second.goto(page.url());
      await expect(tokenField(second)).toHaveValue('');
      await page.bringToFront();
      await page.getByRole('checkbox', { name: 'Remember on this device' }).check();
      await second.bringToFront();
      await second.reload();
      await expect(tokenField(second)).toHaveValue(token);

      await second.close();
      await page.bringToFront();
      await page.getByRole('button', { name: 'Forget' }).click();
      await expect(tokenField(page)).toHaveValue('');
      await page.reload();
      await expect(tokenField(page)).toHaveValue('');
      const stored = await page.evaluate(
        () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie,
      );
      expect(stored).not.toContain(token);
      expect(page.url()).not.toContain(token);
    },
  );

  test('a keyboard-only reader sets the token and executes a request', async ({ page }) => {
    const token = mintToken({ expiresIn: 3600, subject: `keyboard-${Date.now()}` });
    await page.goto('reference/rest-apis/playground/#/Users/getSignedInUser');
    await expect(page.locator('[id="operations-Users-getSignedInUser"]').getByRole('button', { name: 'Execute' })).toBeVisible({
      timeout: 20_000,
    });
    const tabUntil = async (isTarget: () => Promise<boolean>) => {
      for (let presses = 0; presses < 80; presses += 1) {
        if (await isTarget()) return;
        await page.keyboard.press('Tab');
      }
      throw new Error('Could not reach the element with the Tab key');
    };
    await page.keyboard.press('Tab');
    await tabUntil(() => tokenField(page).evaluate((element) => element === document.activeElement));
    await page.keyboard.insertText(token);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('status').filter({ hasText: 'Provider Meshplay' })).toBeVisible();
    const execute = page.locator('[id="operations-Users-getSignedInUser"]').getByRole('button', { name: 'Execute' });
    await tabUntil(() => execute.evaluate((element) => element === document.activeElement));
    await page.keyboard.press('Enter');
    await expect(responseStatus(page.locator('[id="operations-Users-getSignedInUser"]'))).toHaveText('200');
    expect((await requestsSeenBy(MESHPLAY)).filter((request) => request.cookie?.includes(token))).toHaveLength(1);
  });
});
