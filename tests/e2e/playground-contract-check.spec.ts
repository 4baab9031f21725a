import { expect, test } from '@playwright/test';
import { startTestServer, type RunningTestServer } from '../support/meshplay-test-server.ts';
import { executeOperation, loadAuthJson, responseStatus } from '../support/playground.ts';
import { mintToken } from '../support/tokens.ts';

// The chunks of the contract check (src/lib/contract/load-checker.ts imports them): the check and the contracts with the validator.
const CHECKER_CHUNK = /\/_astro\/(check-response|contracts)\.[\w-]+\.js$/;

test.describe('the contract check in the playground', () => {
  test.describe.configure({ timeout: 60_000 });

  test('reader calls GET /api/user through the proxy and reads that it matches the documentation; the checker loads only then', async ({
    page,
  }) => {
    // Requests and responses in the order the page saw them.
    const events: string[] = [];
    page.on('request', (request) => events.push(`request ${request.url()}`));
    page.on('response', (response) => events.push(`response ${response.url()}`));

    await page.goto('reference/rest-apis/playground/#/Users/getSignedInUser');
    await loadAuthJson(page, mintToken({ expiresIn: 3600, subject: `verdict-${Date.now()}` }));
    await expect(page.getByRole('radio', { name: /through this site/ })).toBeChecked();
    const block = page.locator('[id="operations-Users-getSignedInUser"]');
    await expect(block.getByRole('button', { name: 'Execute' })).toBeVisible({ timeout: 20_000 });
    expect(events.filter((event) => CHECKER_CHUNK.test(event))).toEqual([]);

    await executeOperation(page, 'Users', 'getSignedInUser');
    await expect(responseStatus(block)).toHaveText('200');
    const verdict = block.getByRole('status').filter({ hasText: 'the documentation' });
    await expect(verdict).toHaveText('✓Matches the documentation (status 200, text/plain JSON, schema User)');

    const answered = events.findIndex((event) => /^response .*\/api-proxy\/api\/user$/.test(event));
    const checker = events.findIndex((event) => event.startsWith('request ') && CHECKER_CHUNK.test(event));
    expect(answered).toBeGreaterThan(-1);
    expect(checker).toBeGreaterThan(answered);
  });

  test.describe('against a Meshplay that drifted from its spec', () => {
    let drifted: RunningTestServer;
    test.beforeAll(async () => {
      // Behind a CORS-enabled reverse proxy, so that the page can call it as "Another server".
      drifted = await startTestServer({ corsProxy: true, drift: true });
    });
    test.afterAll(async () => {
      await new Promise((done) => drifted.server.close(done));
    });

    test('reader calls the drifted GET /api/system/version and reads the difference with its pointer', async ({ page }) => {
      await page.goto('reference/rest-apis/playground/#/System/getServerVersion');
      await page.getByRole('textbox', { name: 'Custom server URL' }).fill(drifted.url);
      await page.getByRole('radio', { name: /Another server/ }).check();

      const block = await executeOperation(page, 'System', 'getServerVersion');
      await expect(responseStatus(block)).toHaveText('200');
      const verdict = block.getByRole('status').filter({ hasText: 'the documentation' });
      await expect(verdict.getByText('Differs from the documentation (status 200, application/json, schema ServerVersion):')).toBeVisible();
      await expect(verdict.getByRole('listitem')).toHaveText(['/build: expected string, got integer']);
    });
  });
});
