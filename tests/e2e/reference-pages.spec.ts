import { expect, test } from '@playwright/test';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { decodeEntities, listBuiltPages } from '../support/built-site.ts';
import { EXPECTED_ROUTES, expectedOperation } from '../support/expected-routes.ts';
import { TEST_PORTS } from '../support/ports.ts';
import { mintToken } from '../support/tokens.ts';

const run = promisify(execFile);
const DIST = resolve('dist');
const MESHPLAY = `http://127.0.0.1:${TEST_PORTS.meshplay}`;
/** Operation pages: reference/rest-apis/<tag>/<operation>/, not the schema pages. */
const OPERATION_PAGE = /^reference\/rest-apis\/(?!schemas\/)[^/]+\/[^/]+\/$/;

/** Escape a text for use inside a regular expression. */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The built HTML of a page ("reference/rest-apis/system/get-server-version/"). */
function pageHtml(page: string): string {
  return readFileSync(join(DIST, page, 'index.html'), 'utf8');
}

/** The code sample of one language on an operation page, as its copy button copies it. */
function sampleOf(html: string, language: string): string {
  const figure = [...html.matchAll(/<figure[\s\S]*?<\/figure>/g)]
    .map((match) => match[0])
    .find((candidate) => candidate.includes(`data-language="${language}"`));
  const code = figure ? /data-code="([^"]*)"/.exec(figure)?.[1] : undefined;
  if (code === undefined) throw new Error(`No ${language} sample`);
  return decodeEntities(code).replace(/\u007f/g, '\n');
}

test.describe('static reference pages', () => {
  test('there is one page per operation of the committed list, with its content in the HTML, and no other', () => {
    const missing: string[] = [];
    for (const entry of EXPECTED_ROUTES.operations) {
      const file = join(DIST, entry.page, 'index.html');
      if (!existsSync(file)) {
        missing.push(`${entry.method} ${entry.path}: no ${entry.page}`);
        continue;
      }
      const text = decodeEntities(readFileSync(file, 'utf8'));
      if (!text.includes(entry.path)) missing.push(`${entry.page}: path missing`);
      if (!text.includes(entry.title)) missing.push(`${entry.page}: summary missing`);
      if (!text.includes('id="response-')) missing.push(`${entry.page}: responses missing`);
    }
    expect(missing).toEqual([]);
    for (const tag of EXPECTED_ROUTES.tags) expect(existsSync(join(DIST, tag.page, 'index.html')), tag.page).toBe(true);
    const built = listBuiltPages(DIST).filter((page) => OPERATION_PAGE.test(page));
    expect(built.sort()).toEqual(EXPECTED_ROUTES.operations.map((entry) => entry.page).sort());
  });

  test('curl, Python and JavaScript samples of a spread of operations get the documented status', async () => {
    const token = mintToken({ expiresIn: 3600, subject: `samples-${Date.now()}` });
    const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', MESHPLAY_TOKEN: token };
    const spread = ['getServerVersion', 'listProviders', 'getSignedInUser', 'getSessionToken'];
    for (const operationId of spread) {
      const html = pageHtml(expectedOperation(operationId).page);
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

  test(
    'reader finds an operation by its path, part of its path, its operationId or its summary, among the first results',
    { tag: '@subpath' },
    async ({ page }) => {
      test.setTimeout(90_000);
      // A path without and with a parameter; for each, the full path, a partial path, the operationId and summary words.
      const searches = [
        { operationId: 'getServerVersion', partialPath: 'system/version', summaryWords: 'server version' },
        { operationId: 'getSignedInUser', partialPath: 'api/user', summaryWords: 'signed-in user' },
        { operationId: 'downloadDesign', partialPath: 'pattern/download/{id}', summaryWords: 'download design' },
      ];
      await page.goto('');
      const dialog = page.getByRole('dialog', { name: 'Search' });
      const box = dialog.getByRole('textbox');
      for (const { operationId, partialPath, summaryWords } of searches) {
        const entry = expectedOperation(operationId);
        for (const query of [entry.path, partialPath, operationId, summaryWords]) {
          if (!(await dialog.isVisible())) await page.getByRole('button', { name: 'Search' }).first().click();
          await box.fill(query);
          // Wait for this query's results, not the previous one's: "N results for <query>".
          await expect(dialog.getByText(new RegExp(`results? for ${escapeRegExp(query)}$`))).toBeVisible({ timeout: 10_000 });
          // The first results shown, before "Load more results": each result's first link is its page title.
          const results = dialog.getByRole('list').first().getByRole('listitem');
          const shown = Math.min(await results.count(), 5);
          const titles: string[] = [];
          for (let index = 0; index < shown; index += 1)
            titles.push((await results.nth(index).getByRole('link').first().textContent())?.trim() ?? '');
          expect(titles, `"${query}" should find ${entry.method} ${entry.path}`).toContain(entry.title);
        }
      }
    },
  );

  test(
    'reader opens an operation page with JavaScript off and sees every code sample',
    { tag: '@subpath' },
    async ({ browser, baseURL }) => {
      const context = await browser.newContext({ javaScriptEnabled: false, baseURL: baseURL ?? '' });
      const page = await context.newPage();
      const entry = expectedOperation('getSignedInUser');
      await page.goto(entry.page);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(entry.title);
      for (const language of ['bash', 'js', 'python', 'go']) {
        await expect(page.locator(`pre[data-language="${language}"]`).first(), language).toBeVisible();
      }
      await context.close();
    },
  );
});
