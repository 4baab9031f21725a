/** Section: an operation page's "Try it": what it fetches (the slice, the playground, Swagger UI) and the press to ready. */
import type { Browser, Page } from '@playwright/test';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { TRY_IT_CLICK_TO_READY_MS } from './budgets.ts';
import { budget, PAGE_KINDS, type SectionResult } from './types.ts';
import { kb, median, ms, round } from './util.ts';

export const RUNS = 3;
/** The operation pages timed: the page kinds' operation page, and the signed-in user's (the acceptance journey's). */
const OPERATION_PAGES = [
  PAGE_KINDS.find((kind) => kind.key === 'operation')?.path ?? '/reference/rest-apis/system/get-server-version/',
  '/reference/rest-apis/users/get-signed-in-user/',
];

interface FileSize {
  path: string;
  raw: number;
  gzip: number;
}

export interface TryItData {
  slices: { count: number; medianGzip: number; largest: FileSize | undefined; pages: FileSize[] };
  chunks: FileSize[];
  clickToReady: Array<{ page: string; runs: number[]; medianMs: number | undefined }>;
}

/** A built file's size, raw and gzipped (zlib level 6, as the page-weight section counts). */
function sizeOf(siteDir: string, path: string): FileSize {
  const body = readFileSync(join(siteDir, path));
  return { path, raw: body.length, gzip: gzipSync(body).length };
}

/** Every try.json of the built site (one per operation page, two levels under the reference). */
function listSlices(siteDir: string): string[] {
  const reference = join('reference', 'rest-apis');
  const found: string[] = [];
  for (const tag of readdirSync(join(siteDir, reference))) {
    const tagDir = join(siteDir, reference, tag);
    if (!statSync(tagDir).isDirectory()) continue;
    for (const operation of readdirSync(tagDir)) {
      const slice = join(reference, tag, operation, 'try.json');
      if (statSync(join(siteDir, slice), { throwIfNoEntry: false })?.isFile()) found.push(slice);
    }
  }
  return found;
}

/** The built chunks the panel loads after the press: the playground element and Swagger UI. */
function panelChunks(siteDir: string): FileSize[] {
  return readdirSync(join(siteDir, '_astro'))
    .filter((name) => /^(playground-element|mount-swagger-ui|TryIt\.astro).*\.js$/.test(name))
    .map((name) => sizeOf(siteDir, join('_astro', name)));
}

/** Press Try it and time, in the page, the press to the panel's "ready to try" (Swagger UI drew the operation and focus moved into it). */
function pressAndTime(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const button = document.querySelector<HTMLButtonElement>('button[data-try-it]');
        const status = document.querySelector('#try-it-panel [data-try-status]');
        if (!button || !status) {
          reject(new Error('the operation page has no Try it button'));
          return;
        }
        const start = performance.now();
        button.click();
        const tick = () => {
          if (status.textContent?.includes('ready to try')) resolve(performance.now() - start);
          else if (performance.now() - start > 60_000) reject(new Error('not ready within 60 s of the press'));
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
  );
}

/** One context per operation page: a first press warms the cache, then RUNS timed presses, each on a fresh load of the page. */
async function timePage(browser: Browser, url: string, ready: () => Promise<void>): Promise<number[]> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await ready();
    await page.goto(url, { waitUntil: 'networkidle' });
    await pressAndTime(page);
    const runs: number[] = [];
    for (let index = 0; index < RUNS; index += 1) {
      await ready();
      await page.goto(url, { waitUntil: 'networkidle' });
      runs.push(await pressAndTime(page));
    }
    return runs;
  } finally {
    await context.close();
  }
}

/** Sizes of the slices and chunks, and the press-to-ready time of each operation page (warm cache). */
export async function benchTryIt(
  browser: Browser,
  siteUrl: string,
  siteDir: string,
  ready: () => Promise<void>,
): Promise<SectionResult<TryItData>> {
  const started = performance.now();
  const slicePaths = listSlices(siteDir);
  const slices = slicePaths.map((path) => sizeOf(siteDir, path));
  const largest = slices.reduce<FileSize | undefined>((top, slice) => (top === undefined || slice.raw > top.raw ? slice : top), undefined);
  const pageSlices = OPERATION_PAGES.map((page) => sizeOf(siteDir, join(page.slice(1), 'try.json')));
  const chunks = panelChunks(siteDir);
  const clickToReady: TryItData['clickToReady'] = [];
  for (const page of OPERATION_PAGES) {
    const runs = await timePage(browser, `${siteUrl}${page}`, ready);
    clickToReady.push({ page, runs, medianMs: runs.length === 0 ? undefined : round(median(runs), 0) });
  }
  const data: TryItData = {
    slices: { count: slices.length, medianGzip: round(median(slices.map((slice) => slice.gzip)), 0), largest, pages: pageSlices },
    chunks,
    clickToReady,
  };
  const size = (file: FileSize) => [file.path, kb(file.raw), kb(file.gzip)];
  return {
    name: 'try it',
    data,
    tables: [
      {
        title: `Try it on operation pages: press → ready (warm cache, median of ${RUNS})`,
        headers: ['Page', 'Runs', 'Median'],
        rows: clickToReady.map((entry) => [entry.page, entry.runs.map((run) => ms(run)).join(', '), ms(entry.medianMs)]),
        notes: [
          'One browser context per page: a first press warms the HTTP cache (the slice, the playground element, Swagger UI and its styles), then each run loads the page again and a script presses Try it and times, in the page, the press to the panel saying "ready to try" (Swagger UI drew the operation and focus moved into it).',
          "Before the press the page loads only the button's script: the page-weight section counts it with the rest of the page's JS.",
        ],
      },
      {
        title: 'Try it: what the press fetches',
        headers: ['File', 'Raw', 'Gzip'],
        rows: [
          ...pageSlices.map(size),
          [
            `Largest of the ${slices.length} slices: ${largest?.path ?? '–'}`,
            largest ? kb(largest.raw) : '–',
            largest ? kb(largest.gzip) : '–',
          ],
          ['Median slice', '', kb(data.slices.medianGzip)],
          size(sizeOf(siteDir, join('openapi', 'meshplay.json'))),
          ...chunks.map(size),
        ],
        notes: [
          "Each operation page's slice of the spec (the operation, its path item's parameters, the components it references, the document's servers and security schemes) is built beside the page as try.json; openapi/meshplay.json is the whole spec, which the playground page loads.",
        ],
      },
    ],
    budgets: clickToReady.map((entry) =>
      budget(
        'try it',
        `${entry.page}: press → ready (warm cache)`,
        `≤ ${ms(TRY_IT_CLICK_TO_READY_MS)}`,
        `${ms(entry.medianMs)} (median of ${entry.runs.length})`,
        entry.medianMs === undefined ? null : entry.medianMs <= TRY_IT_CLICK_TO_READY_MS,
      ),
    ),
    seconds: (performance.now() - started) / 1000,
  };
}
