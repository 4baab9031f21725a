/**
 * Trying the API from docs that are not served by `npm start`: through the bridge from a static
 * host, same-origin on Meshplay's own host, and the demo server when no Meshplay answers.
 */
import { expect, test } from '@playwright/test';
import { findFreePort } from '../../src/server/demo-server.ts';
import { startBridgeProcess } from '../support/bridge-process.ts';
import {
  executeOperation,
  expectSessionReachedOnce,
  loadAuthJson,
  requestsSeenBy,
  responseStatus,
  tokenField,
} from '../support/playground.ts';
import { TEST_PORTS } from '../support/ports.ts';
import { startSameOriginFront } from '../support/same-origin-front.ts';
import { readBuiltSpec } from '../support/spec-lookup.ts';
import { startStaticOnlySite } from '../support/static-only-site.ts';
import { mintToken } from '../support/tokens.ts';

const MESHPLAY = `http://127.0.0.1:${TEST_PORTS.meshplay}`;

test.describe.configure({ timeout: 90_000 });

test('reader of a static docs host pastes a token, starts the bridge, and calls GET /api/user through it', async ({ page }) => {
  const site = await startStaticOnlySite('dist');
  const bridgePort = await findFreePort('127.0.0.1');
  const token = mintToken({ expiresIn: 3600, subject: `bridge-${Date.now()}` });
  try {
    await page.goto(`${site.url}/reference/rest-apis/playground/#/Users/getSignedInUser`);
    // A static host has no proxy: the bridge is the choice, and a page on loopback looks for it at once.
    await expect(page.getByRole('radio', { name: /through this site/i })).toBeDisabled();
    // Nor is it served by Meshplay, nor by npm start: neither same origin nor the demo is offered.
    await expect(page.getByRole('radio', { name: /This Meshplay server|Demo server/ })).toHaveCount(0);
    const bridgeChoice = page.getByRole('radio', { name: /through the bridge on this computer/ });
    await expect(bridgeChoice).toBeChecked();
    await expect(page.getByText('No bridge answers at 127.0.0.1:9180')).toBeVisible();
    await expect(page.getByRole('link', { name: 'download meshplay-bridge.mjs' })).toHaveAttribute('href', '/meshplay-bridge.mjs');
    await expect(page.getByText(/may access devices on your local network \(or apps on this device\): allow it/)).toBeVisible();

    // The reader's bridge runs on another port: the command follows, and the page looks there.
    await page.getByRole('textbox', { name: 'Bridge port' }).fill(String(bridgePort));
    await page.getByRole('button', { name: 'Check again' }).click();
    await expect(page.getByText(`No bridge answers at 127.0.0.1:${bridgePort}`)).toBeVisible();
    await expect(page.locator('[data-bridge-command]')).toHaveText(
      `node meshplay-bridge.mjs --server http://localhost:9081 --port ${bridgePort}`,
    );

    // The token goes in before the bridge runs, and is kept.
    await loadAuthJson(page, token);
    const bridge = await startBridgeProcess(MESHPLAY, bridgePort);
    try {
      await page.getByRole('button', { name: 'Check again' }).click();
      await expect(page.getByRole('radio', { name: `Your Meshplay at ${MESHPLAY}, through the bridge on this computer` })).toBeChecked();
      await expect(page.locator('[data-bridge-help]')).toBeHidden();
      await expect(tokenField(page)).toHaveValue(token);

      const block = await executeOperation(page, 'Users', 'getSignedInUser');
      await expect(responseStatus(block)).toHaveText('200');
      await expectSessionReachedOnce(MESHPLAY, token);
    } finally {
      await bridge.stop();
    }
  } finally {
    await site.close();
  }
});

test('docs served on Meshplay’s own origin call it with the browser’s session, no token pasted', async ({ page, context }) => {
  const front = await startSameOriginFront('dist-subpath', MESHPLAY);
  const token = mintToken({ expiresIn: 3600, subject: `same-origin-${Date.now()}` });
  try {
    // Signed in to Meshplay in this browser: its two cookies, on the origin that serves the docs.
    await context.addCookies([
      { name: 'meshplay-provider', value: 'Meshplay', url: front.url, httpOnly: true },
      { name: 'token', value: token, url: front.url, httpOnly: true },
    ]);
    await page.goto(`${front.url}/docs/reference/rest-apis/playground/#/Users/getSignedInUser`);
    await expect(page.getByRole('radio', { name: 'This Meshplay server, with your signed-in session' })).toBeChecked();
    const status = page.getByRole('status').filter({ hasText: `your browser's Meshplay session on ${front.url}` });
    await expect(status).toContainText('the token panel is not used');

    const block = await executeOperation(page, 'Users', 'getSignedInUser');
    await expect(responseStatus(block)).toHaveText('200');
    const userCalls = async () =>
      (await requestsSeenBy(MESHPLAY)).filter((request) => request.path === '/api/user' && request.cookie?.includes(token));
    const seen = await userCalls();
    expect(seen).toHaveLength(1);
    expect(seen[0]?.meshplayTokenHeader).toBeUndefined();

    // A token pasted anyway is said to be unused, and is not sent.
    const pasted = mintToken({ expiresIn: 3600, subject: `unused-${Date.now()}` });
    await loadAuthJson(page, pasted);
    await expect(status).toContainText('The token you pasted is not used in this mode.');
    await executeOperation(page, 'Users', 'getSignedInUser');
    await expect.poll(async () => (await userCalls()).length).toBe(2);
    await expect(responseStatus(block)).toHaveText('200');
    expect((await requestsSeenBy(MESHPLAY)).filter((request) => JSON.stringify(request).includes(pasted))).toEqual([]);
  } finally {
    await front.close();
  }
});

test('with no Meshplay running, npm start’s playground answers from the demo server, labelled as demo data', async ({ page }) => {
  const spec = readBuiltSpec('dist') as unknown as {
    paths: Record<
      string,
      { get?: { responses: Record<string, { content: Record<string, { examples?: Record<string, { value: unknown }> }> }> } }
    >;
  };
  const examples = spec.paths['/api/system/version']?.get?.responses['200']?.content['application/json']?.examples ?? {};
  const example = Object.values(examples)[0]?.value as Record<string, unknown>;
  expect(example).toBeDefined();

  await page.goto(`http://127.0.0.1:${TEST_PORTS.siteWithStoppedServer}/reference/rest-apis/playground/#/System/getServerVersion`);
  // Prism reads the spec in a few seconds; the choice stands meanwhile.
  const demo = page.getByRole('radio', { name: "Demo server: answers from the spec's examples, no real Meshplay" });
  await expect(demo).toBeChecked({ timeout: 45_000 });
  await expect(page.getByRole('note').filter({ hasText: 'Demo data.' })).toContainText('nothing reaches a Meshplay server');

  const block = await executeOperation(page, 'System', 'getServerVersion');
  // A freshly started Prism is slow to answer its first request on a busy machine.
  await expect(responseStatus(block)).toHaveText('200', { timeout: 20_000 });
  const body = block.locator('.live-responses-table .response-col_description pre').first();
  for (const [name, value] of Object.entries(example)) await expect(body).toContainText(`"${name}": ${JSON.stringify(value)}`);
  await expect(block.locator('[data-note="demo"]')).toHaveText('Demo data');
});
