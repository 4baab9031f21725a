import { expect, test, type Page } from '@playwright/test';
import { watchCspViolations } from '../support/csp-violations.ts';
import { expectedOperation } from '../support/expected-routes.ts';
import { TEST_PORTS } from '../support/ports.ts';
import { requestsSeenBy, responseStatus, tokenField } from '../support/playground.ts';
import { mintToken } from '../support/tokens.ts';

const MESHPLAY = `http://127.0.0.1:${TEST_PORTS.meshplay}`;
/** What an operation page must not fetch before Try it: the playground's script, Swagger UI, any spec, the proxy check. */
const PLAYGROUND_REQUEST = /playground-element|mount-swagger-ui|swagger-ui|try\.json|\/openapi\/meshplay\.json|api-proxy-health/;

/** Every URL the page requests, from now on. */
function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => urls.push(request.url()));
  return urls;
}

/** The narrowest header cell of Swagger UI's tables in the Try it panel, and how far the widest table overflows the panel (px). */
function measureTables(panel: Element): { tables: number; columns: number; narrowestColumn: number; overflow: number } {
  const right = panel.getBoundingClientRect().right;
  const tables = [...panel.querySelectorAll('table')];
  const widths = tables.flatMap((table) =>
    [...table.querySelectorAll('thead th, thead td')].map((cell) => cell.getBoundingClientRect().width),
  );
  return {
    tables: tables.length,
    columns: widths.length,
    narrowestColumn: Math.min(...widths),
    overflow: Math.max(0, ...tables.map((table) => table.getBoundingClientRect().right - right)),
  };
}

test.describe('Try it on an operation page', () => {
  test.describe.configure({ timeout: 60_000 });

  test(
    'reader presses Try it on the signed-in user page, pastes a token and gets 200 through the proxy; nothing of Swagger UI loads before',
    { tag: '@subpath' },
    async ({ page }) => {
      const violations = await watchCspViolations(page);
      const token = mintToken({ expiresIn: 3600, subject: `try-it-${Date.now()}` });
      const requested = recordRequests(page);
      await page.goto(expectedOperation('getSignedInUser').page, { waitUntil: 'networkidle' });
      expect(requested.filter((url) => PLAYGROUND_REQUEST.test(url))).toEqual([]);

      const tryIt = page.getByRole('button', { name: 'Try it', exact: true });
      await expect(tryIt).toHaveAttribute('aria-expanded', 'false');
      await tryIt.click();
      await expect(tryIt).toHaveAttribute('aria-expanded', 'true');
      const panel = page.getByRole('region', { name: 'Try Get the signed-in user' });
      // The operation needs a token and none is saved: focus waits in the token field.
      await expect(tokenField(page)).toBeFocused({ timeout: 20_000 });
      await expect(panel.getByRole('status').filter({ hasText: 'ready to try' })).toContainText(
        `Requests go to ${MESHPLAY}, through this site's proxy.`,
      );
      await page.keyboard.insertText(token);
      await page.keyboard.press('Tab');
      await expect(page.getByRole('status').filter({ hasText: 'Provider Meshplay' })).toBeVisible();

      const block = panel.locator('.opblock').first();
      await block.getByRole('button', { name: 'Execute' }).click();
      await expect(responseStatus(block)).toHaveText('200');
      const seen = (await requestsSeenBy(MESHPLAY)).filter((request) => request.cookie?.includes(token));
      expect(seen).toHaveLength(1);
      expect(seen[0]?.path).toBe('/api/user');
      // The panel loaded its operation's slice, never the whole spec.
      expect(requested.filter((url) => url.endsWith('/try.json'))).toHaveLength(1);
      expect(requested.filter((url) => /\/openapi\/meshplay\.json$/.test(url))).toEqual([]);
      expect(violations).toEqual([]);
    },
  );

  test('a keyboard reader opens Try it with Space and Enter, and focus lands in the token field, then in the first input', async ({
    page,
  }) => {
    const token = mintToken({ expiresIn: 3600, subject: `try-it-keys-${Date.now()}` });
    // From the link just before it (the sidebar's 200 links come first in Tab order).
    const tabTo = async (name: string) => {
      const target = page.getByRole('button', { name, exact: true });
      await page.getByRole('link', { name: 'Try it in the playground' }).focus();
      for (let presses = 0; presses < 5; presses += 1) {
        if (await target.evaluate((element) => element === document.activeElement)) return;
        await page.keyboard.press('Tab');
      }
      throw new Error(`Could not reach "${name}" with the Tab key`);
    };
    await page.goto(expectedOperation('getUserProfile').page);
    await tabTo('Try it');
    await page.keyboard.press('Space');
    await expect(tokenField(page)).toBeFocused({ timeout: 20_000 });
    await page.keyboard.insertText(token);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('status').filter({ hasText: 'Provider Meshplay' })).toBeVisible();

    // The token is saved for the tab: after a reload, Enter on Try it leads straight to the operation's first input.
    await page.reload();
    await tabTo('Try it');
    await page.keyboard.press('Enter');
    await expect(page.locator('.opblock tr[data-param-name="id"] input')).toBeFocused({ timeout: 20_000 });
    // The parameter and response tables fit the narrow panel, every column wide enough to read (a status code, a name).
    const layout = await page.locator('#try-it-panel').evaluate(measureTables);
    // Parameters and responses at least; with none, the widths below would hold vacuously.
    expect(layout.tables).toBeGreaterThanOrEqual(2);
    expect(layout.columns).toBeGreaterThanOrEqual(4);
    expect(layout.narrowestColumn).toBeGreaterThanOrEqual(48);
    expect(layout.overflow).toBeLessThanOrEqual(1);
    // The button closes the panel again, and nothing holds focus inside it.
    await page.getByRole('button', { name: 'Try it', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Try it', exact: true })).toHaveAttribute('aria-expanded', 'false');
    await expect(page.locator('#try-it-panel')).toBeHidden();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('#try-it-panel') === null)).toBe(true);
  });
});
