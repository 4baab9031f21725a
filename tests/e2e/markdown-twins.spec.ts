import { expect, test } from '@playwright/test';
import { LLMS_FULL_LIMIT_BYTES } from '../../scripts/bench/budgets.ts';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildApiModel } from '../../src/lib/openapi/model/build.ts';
import { routePath } from '../../src/lib/openapi/model/routes.ts';
import { fencedBlocksOf, listBuiltPages, listBuiltTwins, markdownLinksOf, readBuiltPage, shellBlocksOf } from '../support/built-site.ts';
import { GUIDE_PAGES } from '../support/guide-pages.ts';
import { readBuiltSpec } from '../support/spec-lookup.ts';

const DIST = resolve('dist');
const model = buildApiModel(readBuiltSpec(DIST));
const onlyOnce = ({ baseURL }: { baseURL: string | undefined }) => (baseURL ?? '').includes('/docs/');

/** The built twin of a page ("/reference/rest-apis/" → its index.md), or undefined when there is none. */
function twinOf(pagePath: string): string | undefined {
  const file = join(DIST, pagePath, 'index.md');
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

test.describe('Markdown twins in the built site', () => {
  test.skip(onlyOnce, 'the sub-path build has the same twins (the link check and the browser tests run there too)');

  test('every operation of the spec has a twin with its method and path', () => {
    expect(model.operations.length).toBe(190);
    const problems: string[] = [];
    for (const operation of model.operations) {
      const path = routePath(operation.route);
      const twin = twinOf(path);
      if (twin === undefined) problems.push(`${path}: no index.md`);
      else if (!twin.includes(`\`${operation.method.toUpperCase()} ${operation.path}\``)) problems.push(`${path}: method and path missing`);
      else if (!twin.startsWith(`# `)) problems.push(`${path}: no title`);
    }
    expect(problems).toEqual([]);
  });

  test('the twin of every operation carries the curl sample of its HTML page, character for character', () => {
    const problems: string[] = [];
    for (const operation of model.operations) {
      const path = routePath(operation.route);
      const html = shellBlocksOf(readBuiltPage(DIST, path.slice(1)));
      const markdown = fencedBlocksOf(twinOf(path) ?? '', 'bash');
      // The page's one shell block is its curl sample; the twin's one bash block must be the same text.
      if (html.length !== 1 || markdown.length !== 1)
        problems.push(`${path}: ${html.length} shell blocks on the page, ${markdown.length} in the twin`);
      else if (html[0] !== markdown[0]) problems.push(`${path}:\n  page: ${html[0]}\n  twin: ${markdown[0]}`);
    }
    expect(problems).toEqual([]);
  });

  test('every page with a twin links to it and names it as its Markdown alternate; llms.txt links every guide and tag to theirs', () => {
    const pages = listBuiltPages(DIST).filter((page) => page !== '404.html');
    const twins = new Set(listBuiltTwins(DIST));
    const missing: string[] = [];
    for (const page of pages) {
      const twin = `${page}index.md`;
      const html = readBuiltPage(DIST, page);
      const escaped = twin.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const linked =
        new RegExp(`<link rel="alternate" type="text/markdown" href="/${escaped}"`).test(html) &&
        new RegExp(`<a href="/${escaped}"[^>]*>View as Markdown</a>`).test(html);
      // The schema list is the one page of the site without a twin.
      if (page === 'reference/rest-apis/schemas/') expect(linked || twins.has(twin)).toBe(false);
      else if (!twins.has(twin) || !linked) missing.push(page);
    }
    expect(missing).toEqual([]);

    const llms = readFileSync(join(DIST, 'llms.txt'), 'utf8');
    const links = new Set(markdownLinksOf(llms));
    expect(llms.startsWith('# Meshplay REST API\n\n> ')).toBe(true);
    for (const guide of GUIDE_PAGES) expect(links, guide.path).toContain(`/${guide.path}index.md`);
    for (const tag of model.tags) expect(links, tag.name).toContain(`${routePath(tag.route)}index.md`);
    for (const spec of ['/openapi/meshplay.json', '/openapi/meshplay.yaml', '/llms-full.txt']) expect(links).toContain(spec);
    expect(llms).toContain('Links are site-relative');
  });

  test('llms-full.txt holds every guide and every operation, within its budget', () => {
    const full = readFileSync(join(DIST, 'llms-full.txt'), 'utf8');
    for (const guide of GUIDE_PAGES) expect(full, guide.title).toContain(`### ${guide.title}\n`);
    const missing = model.operations.filter((operation) => !full.includes(`\`${operation.method.toUpperCase()} ${operation.path}\``));
    expect(missing.map((operation) => operation.path)).toEqual([]);
    expect(Buffer.byteLength(full)).toBeLessThan(LLMS_FULL_LIMIT_BYTES);
  });
});

test.describe('reading a page as Markdown', { tag: '@subpath' }, () => {
  const operation = model.operations.find((candidate) => candidate.operationId === 'getSignedInUser');
  const pagePath = (operation ? routePath(operation.route) : '').slice(1);

  test('the server sends a twin as UTF-8 Markdown and llms.txt as UTF-8 text', async ({ request }) => {
    const twin = await request.get(`${pagePath}index.md`);
    expect(twin.status()).toBe(200);
    expect(twin.headers()['content-type']).toBe('text/markdown; charset=utf-8');
    expect(await twin.text()).toContain('`GET /api/user`');
    const llms = await request.get('llms.txt');
    expect(llms.headers()['content-type']).toBe('text/plain; charset=utf-8');
  });

  test('reader follows "View as Markdown" to the twin the head names', async ({ page }) => {
    await page.goto(pagePath);
    const view = page.getByRole('link', { name: 'View as Markdown' });
    const href = await view.getAttribute('href');
    expect(href).toMatch(/\/reference\/rest-apis\/users\/get-signed-in-user\/index\.md$/);
    expect(await page.locator('link[rel="alternate"][type="text/markdown"]').getAttribute('href')).toBe(href);
    const answer = await page.request.get(new URL(href ?? '', page.url()).href);
    expect(await answer.text()).toMatch(/^# Get the signed-in user\n/);
  });

  test('reader copies an operation page as Markdown; the copy code loads on the click', async ({ page, context, baseURL }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL ?? '').origin });
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    await page.goto(pagePath, { waitUntil: 'networkidle' });
    expect(scripts.filter((url) => /copy-twin/.test(url))).toEqual([]);
    await page.getByRole('button', { name: 'Copy as Markdown' }).click();
    await expect(page.getByRole('status').filter({ hasText: /Cop/ })).toHaveText('Copied');
    expect(scripts.filter((url) => /copy-twin/.test(url))).toHaveLength(1);
    const twin = await (await page.request.get(`${pagePath}index.md`)).text();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(twin);
  });

  test('reader is told why a copy failed, and what to do instead', async ({ page, context, baseURL }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL ?? '').origin });
    await page.route('**/index.md', (route) => route.fulfill({ status: 503, body: 'unavailable' }));
    await page.goto(pagePath);
    await page.getByRole('button', { name: 'Copy as Markdown' }).click();
    await expect(page.getByRole('status').filter({ hasText: /Could not copy/ })).toHaveText(
      'Could not copy: the Markdown could not be loaded: the server answered 503. Try again, or use View as Markdown.',
    );
  });

  test('a guide page offers its twin too', async ({ page }) => {
    await page.goto('extensibility/api/');
    const href = await page.getByRole('link', { name: 'View as Markdown' }).getAttribute('href');
    const twin = await (await page.request.get(new URL(href ?? '', page.url()).href)).text();
    expect(twin).toMatch(/^# Meshplay APIs and tokens\n/);
    expect(twin).toContain('```bash\nexport MESHPLAY_TOKEN="$(jq -r .token ~/.meshplay/auth.json)"');
  });
});
