import { expect, test } from '@playwright/test';
import { decodeEntities, markdownLinksOf } from '../support/built-site.ts';
import { EXPECTED_ROUTES } from '../support/expected-routes.ts';

const ATTRIBUTE = /\s(?:href|src)="([^"]*)"/g;
/** The list of schemas has no Markdown twin: llms.txt links the schema twins themselves. */
const PAGES_WITHOUT_TWIN = ['reference/rest-apis/schemas/'];

/** The link targets written in a page: HTML attributes, or Markdown links in a Markdown twin or llms.txt. */
function targetsOf(body: string, kind: 'html' | 'markdown'): string[] {
  return kind === 'html' ? [...body.matchAll(ATTRIBUTE)].map((match) => decodeEntities(match[1] ?? '')) : markdownLinksOf(body);
}

/** The page's internal link targets, resolved against its URL; external and non-http ones are skipped. */
function internalTargets(body: string, kind: 'html' | 'markdown', pageUrl: URL): URL[] {
  const targets: URL[] = [];
  for (const raw of targetsOf(body, kind)) {
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

/** What a response is, for crawling: an HTML page, Markdown (a twin, llms.txt), or something not crawled. */
function kindOf(contentType: string): 'html' | 'markdown' | undefined {
  if (contentType.includes('text/html')) return 'html';
  if (contentType.includes('text/markdown') || contentType.includes('text/plain')) return 'markdown';
  return undefined;
}

test(
  'crawling the whole built site, its Markdown twins and llms.txt finds no broken internal link or anchor',
  { tag: '@subpath' },
  async ({ request, baseURL }) => {
    test.setTimeout(300_000);
    const start = new URL(baseURL ?? '');
    const pages = new Map<string, { body: string; kind: 'html' | 'markdown' }>();
    const statusByUrl = new Map<string, number>();
    const broken: string[] = [];
    // llms.txt is where tools start; llms-full.txt is linked from it.
    const queue: URL[] = [start, new URL('llms.txt', start)];

    while (queue.length > 0) {
      const url = queue.shift() as URL;
      const key = url.origin + url.pathname;
      if (statusByUrl.has(key)) continue;
      const response = await request.get(key, { maxRedirects: 5 });
      statusByUrl.set(key, response.status());
      const kind = kindOf(response.headers()['content-type'] ?? '');
      if (!response.ok() || kind === undefined) continue;
      // Only pages inside the site's base are the site's; crawl those.
      if (!url.pathname.startsWith(start.pathname)) continue;
      const body = await response.text();
      pages.set(key, { body, kind });
      for (const target of internalTargets(body, kind, url)) {
        const targetKey = target.origin + target.pathname;
        if (!statusByUrl.has(targetKey)) queue.push(target);
      }
    }

    for (const [page, { body, kind }] of pages) {
      for (const target of internalTargets(body, kind, new URL(page))) {
        const key = target.origin + target.pathname;
        const status = statusByUrl.get(key);
        if (status !== 200) broken.push(`${page} -> ${target.href} (${status})`);
        else if (!target.pathname.startsWith(start.pathname)) broken.push(`${page} -> ${target.href} (outside the site's base)`);
        // "#/<tag>/<operationId>" is a playground deep link that Swagger UI resolves, not an element id.
        else if (target.hash.length > 1 && !target.hash.startsWith('#/')) {
          const landing = pages.get(key);
          if (landing?.kind === 'markdown')
            broken.push(`${page} -> ${target.href} (a fragment into Markdown, which has no ids: link the HTML page)`);
          else if (landing && !anchorsOf(landing.body).has(decodeURIComponent(target.hash.slice(1)))) {
            broken.push(`${page} -> ${target.href} (no such anchor)`);
          }
        }
      }
    }

    /** The site-relative paths of the crawled pages of one kind ("", "extensibility/api/", "extensibility/api/index.md"). */
    const crawled = (kind: 'html' | 'markdown') =>
      [...pages.entries()]
        .filter(([, page]) => page.kind === kind)
        .map(([key]) => new URL(key).pathname.slice(start.pathname.length))
        .sort();
    // Every page of the site is reachable by links from the home page, and the crawl saw them all.
    expect(crawled('html')).toEqual(EXPECTED_ROUTES.pages);
    // Every twin is reached too: from its page's "View as Markdown", from llms.txt and from other twins.
    const twins = crawled('markdown').filter((path) => path.endsWith('index.md'));
    expect(twins).toEqual(
      EXPECTED_ROUTES.pages
        .filter((page) => !PAGES_WITHOUT_TWIN.includes(page))
        .map((page) => `${page}index.md`)
        .sort(),
    );
    expect(statusByUrl.get(new URL('llms-full.txt', start).href)).toBe(200);
    expect(broken).toEqual([]);
  },
);
