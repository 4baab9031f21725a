import { expect, test } from '@playwright/test';
import { decodeEntities } from '../support/built-site.ts';
import { EXPECTED_ROUTES } from '../support/expected-routes.ts';

const ATTRIBUTE = /\s(?:href|src)="([^"]*)"/g;

/** The page's internal link targets, resolved against its URL; external and non-http ones are skipped. */
function internalTargets(html: string, pageUrl: URL): URL[] {
  const targets: URL[] = [];
  for (const match of html.matchAll(ATTRIBUTE)) {
    const raw = decodeEntities(match[1] ?? '');
    if (raw === '' || raw.startsWith('data:') || raw.startsWith('mailto:') || raw.startsWith('javascript:')) continue;
    const url = new URL(raw, pageUrl);
    if (url.origin === pageUrl.origin) targets.push(url);
  }
  return targets;
}

/** Ids a fragment can land on: id attributes and the page top. */
function anchorsOf(html: string): Set<string> {
  const ids = new Set(['_top', '']);
  for (const match of html.matchAll(/\sid="([^"]*)"/g)) ids.add(decodeEntities(match[1] ?? ''));
  return ids;
}

test('crawling the whole built site finds no broken internal link or anchor', { tag: '@subpath' }, async ({ request, baseURL }) => {
  test.setTimeout(120_000);
  const start = new URL(baseURL ?? '');
  const htmlByPage = new Map<string, string>();
  const statusByUrl = new Map<string, number>();
  const broken: string[] = [];
  const queue: URL[] = [start];

  while (queue.length > 0) {
    const url = queue.shift() as URL;
    const key = url.origin + url.pathname;
    if (statusByUrl.has(key)) continue;
    const response = await request.get(key, { maxRedirects: 5 });
    statusByUrl.set(key, response.status());
    const type = response.headers()['content-type'] ?? '';
    if (!response.ok() || !type.includes('text/html')) continue;
    // Only pages inside the site's base are the site's; crawl those.
    if (!url.pathname.startsWith(start.pathname)) continue;
    const html = await response.text();
    htmlByPage.set(key, html);
    for (const target of internalTargets(html, url)) {
      const targetKey = target.origin + target.pathname;
      if (!statusByUrl.has(targetKey)) queue.push(target);
    }
  }

  for (const [page, html] of htmlByPage) {
    for (const target of internalTargets(html, new URL(page))) {
      const key = target.origin + target.pathname;
      const status = statusByUrl.get(key);
      if (status !== 200) broken.push(`${page} -> ${target.href} (${status})`);
      else if (!target.pathname.startsWith(start.pathname)) broken.push(`${page} -> ${target.href} (outside the site's base)`);
      // "#/<tag>/<operationId>" is a playground deep link that Swagger UI resolves, not an element id.
      else if (target.hash.length > 1 && !target.hash.startsWith('#/')) {
        const targetHtml = htmlByPage.get(key);
        if (targetHtml && !anchorsOf(targetHtml).has(decodeURIComponent(target.hash.slice(1)))) {
          broken.push(`${page} -> ${target.href} (no such anchor)`);
        }
      }
    }
  }

  // Every page of the site is reachable by links from the home page, and the crawl saw them all.
  const crawled = [...htmlByPage.keys()].map((key) => new URL(key).pathname.slice(start.pathname.length)).sort();
  expect(crawled).toEqual(EXPECTED_ROUTES.pages);
  expect(broken).toEqual([]);
});
