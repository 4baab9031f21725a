/** Section 2: HTML, CSS and JS bytes (raw and gzip) each page kind loads before any interaction. */
import type { Browser } from '@playwright/test';
import { performance } from 'node:perf_hooks';
import { recordResponses, type PageWeight } from './browser.ts';
import { budget, PAGE_KINDS, type Budget, type PageKey, type SectionResult } from './types.ts';
import { kb } from './util.ts';
import { CSS_LIMIT_GZIP, JS_LIMIT_GZIP } from './budgets.ts';

/** Page kinds that must stay light: no Swagger UI, little JS. */
export const LIGHT_PAGES: readonly PageKey[] = ['guide', 'tag', 'operation'];

export type WeightData = Record<PageKey, PageWeight>;

/** Load one page in a fresh context and sum what it loaded once the network is idle. */
async function weighPage(browser: Browser, url: string): Promise<PageWeight> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const recorder = recordResponses(page);
    await page.goto(url, { waitUntil: 'networkidle', timeout: 60_000 });
    await recorder.settle();
    return await recorder.totals();
  } finally {
    await context.close();
  }
}

/** The two largest scripts of a page, by gzip size, as "name 12.3 KB". */
function largestScripts(weight: PageWeight): string {
  const scripts = weight.files.filter((file) => file.kind === 'js').sort((a, b) => b.gzip - a.gzip);
  return (
    scripts
      .slice(0, 2)
      .map((file) => `${file.path.split('/').pop() ?? file.path} ${kb(file.gzip)}`)
      .join(', ') || '–'
  );
}

/** Weigh every page kind of the served site; ready() is awaited before each page. */
export async function benchPageWeight(browser: Browser, siteUrl: string, ready: () => Promise<void>): Promise<SectionResult<WeightData>> {
  const started = performance.now();
  const data = {} as WeightData;
  for (const kind of PAGE_KINDS) {
    await ready();
    data[kind.key] = await weighPage(browser, `${siteUrl}${kind.path}`);
  }

  const rows = PAGE_KINDS.map((kind) => {
    const weight = data[kind.key];
    return [
      kind.label,
      kind.path,
      `${kb(weight.html.raw)} / ${kb(weight.html.gzip)}`,
      `${kb(weight.css.raw)} / ${kb(weight.css.gzip)}`,
      `${kb(weight.js.raw)} / ${kb(weight.js.gzip)}`,
      `${kb(weight.other.raw)} / ${kb(weight.other.gzip)}`,
      String(weight.html.requests + weight.css.requests + weight.js.requests + weight.other.requests),
      weight.swaggerUiUrls.length > 0 ? `yes (${weight.swaggerUiUrls.length})` : 'no',
      largestScripts(weight),
    ];
  });
  const budgets: Budget[] = [];
  for (const kind of PAGE_KINDS) {
    const weight = data[kind.key];
    if (LIGHT_PAGES.includes(kind.key)) {
      budgets.push(
        budget('page weight', `${kind.label}: JS gzip`, `≤ ${kb(JS_LIMIT_GZIP)}`, kb(weight.js.gzip), weight.js.gzip <= JS_LIMIT_GZIP),
      );
      budgets.push(
        budget(
          'page weight',
          `${kind.label}: no Swagger UI`,
          '0 requests',
          weight.swaggerUiUrls.length === 0 ? '0 requests' : weight.swaggerUiUrls.map((url) => new URL(url).pathname).join(', '),
          weight.swaggerUiUrls.length === 0,
        ),
      );
    }
    // The budget is for the reading pages; the playground carries Swagger UI's own stylesheet (27 KB gzip by itself).
    if (kind.key !== 'playground')
      budgets.push(
        budget('page weight', `${kind.label}: CSS gzip`, `≤ ${kb(CSS_LIMIT_GZIP)}`, kb(weight.css.gzip), weight.css.gzip <= CSS_LIMIT_GZIP),
      );
  }
  return {
    name: 'page weight',
    data,
    tables: [
      {
        title: 'Page weight (every response until network idle, no interaction)',
        headers: [
          'Page',
          'Path',
          'HTML raw / gzip',
          'CSS raw / gzip',
          'JS raw / gzip',
          'Other raw / gzip',
          'Requests',
          'Swagger UI loaded',
          'Largest scripts (gzip)',
        ],
        rows,
        notes: [
          'gzip: each body compressed with zlib at its default level (6); the same figure for every page whatever the server sends (scripts/serve.ts compresses like a static host: gzip or brotli, as the browser asks).',
          "CSS budget: every page but the playground, which loads Swagger UI's stylesheet (27 KB gzip by itself).",
          '"Other": fonts, images, the spec JSON and API calls.',
          "Recorded until Playwright's network idle and then no request for 2 s (a large script can keep the network quiet while it evaluates, before its own requests).",
        ],
      },
    ],
    budgets,
    seconds: (performance.now() - started) / 1000,
  };
}
