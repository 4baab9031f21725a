import { expect, test, type Page } from '@playwright/test';
import { watchCspViolations } from '../support/csp-violations.ts';

/** The page's policy must forbid eval and inline scripts and allow only the site by default. */
async function expectStrictPolicy(page: Page, label: string): Promise<void> {
  const policy = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
  expect(policy, label).toContain("default-src 'self'");
  expect(policy, label).not.toContain('unsafe-eval');
  expect(policy, label).not.toMatch(/script-src[^;]*unsafe-inline/);
}

/** Record the requests for Swagger UI, the spec and the proxy check: the playground's, which reading pages must not make. */
function watchPlaygroundRequests(page: Page): { swagger: string[]; deferred: string[] } {
  const seen = { swagger: [] as string[], deferred: [] as string[] };
  page.on('request', (request) => {
    const url = request.url();
    if (/mount-swagger-ui/.test(url)) seen.swagger.push(url);
    if (/\/openapi\/meshplay\.json$|\/api-proxy-health$|swagger-ui/.test(url)) seen.deferred.push(url);
  });
  return seen;
}

// One walk through every page kind (the playground's is in playground.spec.ts, with a request executed):
// each page's policy, no violation anywhere, and Swagger UI loaded only where and when it is needed.
test('reader walks every page kind: no CSP violation, and Swagger UI only once the REST API page scrolls to Endpoints', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const violations = await watchCspViolations(page);
  const requests = watchPlaygroundRequests(page);
  for (const path of [
    '',
    'extensibility/api/',
    'reference/graphql-apis/',
    'reference/meshplayctl/',
    'reference/rest-apis/system/',
    'reference/rest-apis/system/get-server-version/',
    'reference/rest-apis/schemas/User/',
    'no-such-page/',
  ]) {
    await page.goto(path, { waitUntil: 'networkidle' });
    await expectStrictPolicy(page, `/${path}`);
  }
  expect(requests.swagger).toEqual([]);
  expect(requests.deferred).toEqual([]);

  await page.getByRole('button', { name: 'Search' }).first().click();
  await page.getByRole('dialog', { name: 'Search' }).getByRole('textbox').fill('token');
  await expect(page.locator('.pagefind-ui__result').first()).toBeVisible();

  // The REST API page loads nothing of the playground (Swagger UI, the 770 KB spec, the proxy check)
  // until its Endpoints section comes near the viewport.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('reference/rest-apis/', { waitUntil: 'networkidle' });
  await expect(page.getByRole('heading', { level: 1, name: 'REST API' })).toBeVisible();
  await expectStrictPolicy(page, '/reference/rest-apis/');
  expect(requests.swagger).toEqual([]);
  expect(requests.deferred).toEqual([]);
  await page.getByRole('heading', { name: 'Endpoints' }).scrollIntoViewIfNeeded();
  await expect(page.locator('.swagger-ui .opblock-tag').first()).toBeVisible({ timeout: 30_000 });
  expect(requests.swagger.length).toBeGreaterThan(0);
  expect(violations).toEqual([]);
});
