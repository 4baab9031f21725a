import { resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { readSecurityHeaders } from '../../src/server/security-headers.ts';
import { NGINX_MISSING, startNginx } from '../support/nginx.ts';
import {
  executeOperation,
  expectSessionReachedOnce,
  expectSignedInUserShown,
  loadAuthJson,
  requestsSeenBy,
  responseStatus,
} from '../support/playground.ts';
import { TEST_PORTS } from '../support/ports.ts';
import { mintToken } from '../support/tokens.ts';

const MESHPLAY = `http://127.0.0.1:${TEST_PORTS.meshplay}`;
const STATIC_DOCS = `http://127.0.0.1:${TEST_PORTS.staticSite}`;
const BRIDGE = `http://127.0.0.1:${TEST_PORTS.bridge}/api-proxy`;
const PLAYGROUND = 'reference/rest-apis/playground/#/Users/getSignedInUser';

/** Point the playground at another server, as a reader does in the server chooser. */
async function chooseServer(page: Page, url: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Custom server URL' }).fill(url);
  await page.getByRole('radio', { name: /Another server/ }).check();
}

// The docs as a static host serves them (no proxy), on one loopback origin; Meshplay behind the
// bridge or nginx on another: what a reader of hosted docs has.
test.describe('try it from docs hosted without a proxy', () => {
  test.describe.configure({ timeout: 60_000 });

  test('reader runs the bridge and calls GET /api/user from the static docs', async ({ page }) => {
    const token = mintToken({ expiresIn: 3600, subject: `bridge-${Date.now()}` });
    await page.goto(`${STATIC_DOCS}/${PLAYGROUND}`);
    await loadAuthJson(page, token);
    await chooseServer(page, BRIDGE);
    const block = await executeOperation(page, 'Users', 'getSignedInUser');
    await expect(responseStatus(block)).toHaveText('200');
    await expectSignedInUserShown(block);

    await expectSessionReachedOnce(MESHPLAY, token);
  });

  test('a page on a foreign origin gets nothing through the bridge', async ({ page }) => {
    const token = mintToken({ expiresIn: 3600, subject: `foreign-${Date.now()}` });
    // Chromium keeps *.localhost on loopback: the same files, served under a name the bridge does not allow.
    await page.goto(`http://docs-foreign.localhost:${TEST_PORTS.staticSite}/${PLAYGROUND}`);
    await loadAuthJson(page, token);
    await chooseServer(page, BRIDGE);
    await executeOperation(page, 'Users', 'getSignedInUser');
    await expect(page.getByRole('alert')).toContainText('CORS');
    expect((await requestsSeenBy(MESHPLAY)).filter((request) => JSON.stringify(request).includes(token))).toEqual([]);
  });
});

test.describe('try it through nginx', () => {
  test('reader points the playground at the nginx prefix: sign-in explained without a token, GET /api/user with one', async ({ page }) => {
    test.skip(NGINX_MISSING !== undefined, NGINX_MISSING ?? '');
    test.setTimeout(60_000);
    const security = readSecurityHeaders(resolve('dist'));
    if (!security.ok) throw new Error(security.message);
    const nginx = await startNginx('deploy/nginx/meshplay-docs.conf', TEST_PORTS.nginx, {
      SERVER_NAME: '_',
      DOCS_ROOT: resolve('dist'),
      DOCS_ORIGIN: STATIC_DOCS,
      MESHPLAY_UPSTREAM: MESHPLAY,
      API_PREFIX: '/meshplay/',
      CONTENT_SECURITY_POLICY: security.headers.find(([name]) => name === 'Content-Security-Policy')?.[1],
    });
    try {
      const token = mintToken({ expiresIn: 3600, subject: `nginx-${Date.now()}` });
      await page.goto(`${STATIC_DOCS}/${PLAYGROUND}`);
      await chooseServer(page, `http://127.0.0.1:${TEST_PORTS.nginx}/meshplay`);

      // Without a token Meshplay redirects to sign in; nginx hands the playground a 401 it explains.
      await executeOperation(page, 'Users', 'getSignedInUser');
      await expect(page.getByRole('alert')).toContainText('the token is missing, invalid or expired');

      await loadAuthJson(page, token);
      const block = await executeOperation(page, 'Users', 'getSignedInUser');
      await expect(responseStatus(block)).toHaveText('200');
      await expectSessionReachedOnce(MESHPLAY, token);
    } finally {
      await nginx.stop();
    }
  });
});
