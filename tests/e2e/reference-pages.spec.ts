import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { getOperations, getOperationsByTag } from '../../src/lib/openapi/operations.ts';
import { decodeEntities } from '../support/built-site.ts';
import { TEST_PORTS } from '../support/ports.ts';
import { mintToken } from '../support/tokens.ts';

const run = promisify(execFile);
const DIST = resolve('dist');
const MESHPLAY = `http://127.0.0.1:${TEST_PORTS.meshplay}`;
const spec = JSON.parse(readFileSync(join(DIST, 'openapi/meshplay.json'), 'utf8')) as object;
const operations = getOperations(spec);
const onlyOnce = ({ baseURL }: { baseURL: string | undefined }) => (baseURL ?? '').includes('/docs/');

/** The built HTML of a route ("/reference/rest-apis/system/get-server-version/"). */
function pageHtml(route: string): string {
  return readFileSync(join(DIST, route, 'index.html'), 'utf8');
}

/** The code sample of one language on an operation page, as its copy button copies it. */
function sampleOf(html: string, language: string): string {
  const figure = [...html.matchAll(/<figure[\s\S]*?<\/figure>/g)].map((match) => match[0]).find((candidate) => candidate.includes(`data-language="${language}"`));
  const code = figure ? /data-code="([^"]*)"/.exec(figure)?.[1] : undefined;
  if (code === undefined) throw new Error(`No ${language} sample`);
  return decodeEntities(code).replace(/\u007f/g, '\n');
}

test.describe('static reference pages', () => {
  test('there is one page per operation of the spec, with its content in the HTML', ({ baseURL }) => {
    test.skip(onlyOnce({ baseURL }), 'the sub-path build has the same pages');
    expect(operations.length).toBe(190);
    const missing: string[] = [];
    for (const entry of operations) {
      const file = join(DIST, entry.route, 'index.html');
      if (!existsSync(file)) {
        missing.push(`${entry.method.toUpperCase()} ${entry.path}: no ${entry.route}`);
        continue;
      }
      const text = decodeEntities(readFileSync(file, 'utf8'));
      if (!text.includes(entry.path)) missing.push(`${entry.route}: path missing`);
      if (!text.includes(entry.title)) missing.push(`${entry.route}: summary missing`);
      if (!text.includes('id="response-')) missing.push(`${entry.route}: responses missing`);
    }
    expect(missing).toEqual([]);
    for (const tag of getOperationsByTag(spec)) expect(existsSync(join(DIST, tag.route, 'index.html')), tag.route).toBe(true);
  });

  test('curl, Python and JavaScript samples of a spread of operations get the documented status', async ({ baseURL }) => {
    test.skip(onlyOnce({ baseURL }), 'the sub-path build has the same samples');
    const token = mintToken({ expiresIn: 3600, subject: `samples-${Date.now()}` });
    const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', MESHPLAY_TOKEN: token };
    const spread = ['getServerVersion', 'listProviders', 'getSignedInUser', 'getSessionToken'];
    for (const operationId of spread) {
      const entry = operations.find((candidate) => candidate.operationId === operationId);
      expect(entry, operationId).toBeDefined();
      const html = pageHtml(entry?.route ?? '');
      const retarget = (code: string) => code.replaceAll('http://localhost:9081', MESHPLAY);

      const curl = retarget(sampleOf(html, 'bash'));
      const { stdout: curlStatus } = await run('bash', ['-c', `${curl} --silent --output /dev/null --write-out '%{http_code}'`], { env });
      expect(curlStatus, `${operationId} curl:\n${curl}`).toBe('200');

      // The Python and JavaScript samples print the status first, then the body.
      const python = retarget(sampleOf(html, 'python'));
      const { stdout: pythonOut } = await run('python3', ['-c', python], { env });
      expect(pythonOut.split('\n')[0], `${operationId} python:\n${python}`).toBe('200');

      const javascript = retarget(sampleOf(html, 'js'));
      const { stdout: jsOut } = await run(process.execPath, ['--input-type=module', '-e', javascript], { env });
      expect(jsOut.split(/\s/)[0], `${operationId} javascript:\n${javascript}`).toBe('200');
    }
  });

  test('reader searches by operationId and by summary words and finds the operation', { tag: '@subpath' }, async ({ page }) => {
    await page.goto('');
    const search = async (query: string) => {
      await page.getByRole('button', { name: 'Search' }).first().click();
      const box = page.getByRole('dialog', { name: 'Search' }).getByRole('textbox');
      await box.fill(query);
      const result = page.locator('.pagefind-ui__result-link').filter({ hasText: 'Get the server version' }).first();
      await expect(page.locator('.pagefind-ui__result').first()).toBeVisible({ timeout: 10_000 });
      // Pagefind shows five pages at a time; a reader asks for more when the first five miss.
      for (let more = 0; more < 3 && !(await result.isVisible()); more += 1) {
        const button = page.getByRole('button', { name: 'Load more results' });
        if (!(await button.isVisible())) break;
        await button.click();
      }
      await expect(result, query).toBeVisible({ timeout: 10_000 });
      await page.keyboard.press('Escape');
    };
    await search('getServerVersion');
    await search('server version');
  });

  test('reader opens an operation page with JavaScript off and sees every code sample', { tag: '@subpath' }, async ({ browser, baseURL }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL: baseURL ?? '' });
    const page = await context.newPage();
    const entry = operations.find((candidate) => candidate.operationId === 'getSignedInUser');
    await page.goto((entry?.route ?? '').slice(1));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(entry?.title ?? '');
    for (const language of ['bash', 'js', 'python', 'go']) {
      await expect(page.locator(`pre[data-language="${language}"]`).first(), language).toBeVisible();
    }
    await context.close();
  });

  test('axe finds no violations on a tag page and a sample of operation pages', async ({ page }) => {
    test.setTimeout(120_000);
    const tag = getOperationsByTag(spec)[0];
    const sample = [tag?.route ?? '', ...operations.filter((_, index) => index % 64 === 0).map((entry) => entry.route), '/reference/rest-apis/schemas/User/'];
    for (const theme of ['light', 'dark']) {
      await page.addInitScript((chosen) => localStorage.setItem('starlight-theme', chosen), theme);
      for (const route of sample) {
        await page.goto(route.slice(1));
        // The sidebar is checked once per theme by accessibility.spec.ts.
        const results = await new AxeBuilder({ page }).exclude('nav[aria-label="Main"]').analyze();
        expect(results.violations.map((violation) => `${theme} ${route} ${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
      }
    }
  });
});
