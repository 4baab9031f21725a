import { expect, test, type Page } from '@playwright/test';
import { TEST_PORTS } from '../support/ports.ts';
import { executeOperation, loadAuthJson, responseStatus } from '../support/playground.ts';
import { mintToken } from '../support/tokens.ts';

/** Collect CSP violations the browser reports on a page (the policy comes from the page's meta tag). */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
  });
  await page.exposeFunction('reportCspViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportCspViolation(text: string): void }).reportCspViolation(
        `${location.pathname}: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  return violations;
}

test('every page kind runs under the Content-Security-Policy without a violation', async ({ page }) => {
  test.setTimeout(120_000);
  const violations = await watchViolations(page);
  for (const path of [
    '',
    'extensibility/api/',
    'reference/rest-apis/system/',
    'reference/rest-apis/system/get-server-version/',
    'reference/rest-apis/schemas/User/',
    'no-such-page/',
  ]) {
    await page.goto(path, { waitUntil: 'networkidle' });
    const policy = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
    if (path !== 'no-such-page/') {
      expect(policy, path).toContain("default-src 'self'");
      expect(policy, path).not.toContain('unsafe-eval');
      expect(policy, path).not.toMatch(/script-src[^;]*unsafe-inline/);
    }
  }
  await page.getByRole('button', { name: 'Search' }).first().click();
  await page.getByRole('dialog', { name: 'Search' }).getByRole('textbox').fill('token');
  await expect(page.locator('.pagefind-ui__result').first()).toBeVisible();

  // The REST API reference page loads Swagger UI when its Endpoints section comes into view.
  await page.goto('reference/rest-apis/');
  await page.getByRole('heading', { name: 'Endpoints' }).scrollIntoViewIfNeeded();
  await expect(page.locator('.swagger-ui .opblock-tag').first()).toBeVisible({ timeout: 30_000 });

  // The playground, with a request executed through the proxy.
  await page.goto('reference/rest-apis/playground/#/System/getServerVersion');
  await loadAuthJson(page, mintToken({ expiresIn: 600 }));
  const block = await executeOperation(page, 'System', 'getServerVersion');
  await expect(responseStatus(block)).toHaveText('200');
  expect(TEST_PORTS.site).toBeGreaterThan(0);
  expect(violations).toEqual([]);
});
