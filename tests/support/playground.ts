import { expect, type Locator, type Page } from '@playwright/test';
import type { RecordedRequest } from './meshplay-test-server.ts';
import { PROVIDER_COOKIE, REMOTE_PROVIDER, sessionCookie } from '../../src/lib/meshplay/session.ts';

/** auth.json as Get Token downloads it. */
export function authJson(token: string, provider = REMOTE_PROVIDER): { name: string; mimeType: string; buffer: Buffer } {
  return { name: 'auth.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ [PROVIDER_COOKIE]: provider, token })) };
}

/** The test server's log (shared by parallel tests: filter by your own token). */
export async function requestsSeenBy(serverUrl: string): Promise<RecordedRequest[]> {
  const response = await fetch(`${serverUrl}/__test__/requests`);
  return ((await response.json()) as { requests: RecordedRequest[] }).requests;
}

/** The test server saw this token exactly once, as the session cookie and never as a header: what every way of trying must deliver. */
export async function expectSessionReachedOnce(serverUrl: string, token: string): Promise<void> {
  const seen = (await requestsSeenBy(serverUrl)).filter((request) => request.cookie?.includes(token));
  expect(seen).toHaveLength(1);
  expect(seen[0]?.cookie).toBe(sessionCookie({ provider: REMOTE_PROVIDER, token }));
  expect(seen[0]?.meshplayTokenHeader).toBeUndefined();
}

/** The signed-in user's JSON (GET /api/user) is shown in an operation's live response. */
export async function expectSignedInUserShown(block: Locator): Promise<void> {
  await expect(
    block
      .locator('.live-responses-table')
      .getByText(new RegExp(`"provider":\\s*"${REMOTE_PROVIDER}"`))
      .first(),
  ).toBeVisible();
}

/** The playground's token field, found as a reader would: by its label. */
export function tokenField(page: Page): Locator {
  return page.getByLabel('Meshplay token', { exact: true });
}

/** Load auth.json with the "Load auth.json" file picker and wait for the panel to accept it. */
export async function loadAuthJson(page: Page, token: string, provider = REMOTE_PROVIDER): Promise<void> {
  await page.getByLabel('Load auth.json').setInputFiles(authJson(token, provider));
  await expect(page.getByRole('status').filter({ hasText: `Provider ${provider}` })).toBeVisible();
}

/** The Swagger UI block of one operation. */
export function operationBlock(page: Page, tag: string, operationId: string): Locator {
  return page.locator(`[id="operations-${tag}-${operationId}"]`);
}

/** Execute an open operation (try-it-out is on from the start) and return its block. */
export async function executeOperation(page: Page, tag: string, operationId: string): Promise<Locator> {
  const block = operationBlock(page, tag, operationId);
  await expect(block.getByRole('button', { name: 'Execute' })).toBeVisible({ timeout: 20_000 });
  await block.getByRole('button', { name: 'Execute' }).click();
  return block;
}

/** The status Swagger UI shows for the last response of an operation. */
export function responseStatus(block: Locator): Locator {
  return block.locator('.live-responses-table tbody .response-col_status').first();
}
