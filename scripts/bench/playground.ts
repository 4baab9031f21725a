/** Section 4: the playground against a plain Swagger UI page over the same spec (paint, first operation, heap, bytes), and intent to ready on the playground page. */
import type { Browser, Page } from '@playwright/test';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { recordResponses } from './browser.ts';
import { budget, type SectionResult } from './types.ts';
import { kb, median, ms, ratio, ROOT, round } from './util.ts';

export const RUNS = 3;
const SWAGGER_DIST = join(ROOT, 'node_modules', 'swagger-ui-dist');
const PLAIN_FILES = ['swagger-ui.css', 'swagger-ui-bundle.js', 'swagger-ui-standalone-preset.js'];

export interface SwaggerRun {
  fcpMs: number;
  firstTagMs: number;
  /** Click on the first tag to its first operation; undefined when the tags were open already. */
  openTagMs: number | undefined;
  firstOperationMs: number;
  /** Navigation to the first visible Swagger UI .opblock: when an operation can be tried. */
  interactiveMs: number;
  /** Clicks the first tag needed before it opened (0: open on load). */
  clicks: number;
  heapUsedMiB: number;
  jsRaw: number;
  jsGzip: number;
  cssGzip: number;
}

export type SwaggerFigures = { [K in keyof SwaggerRun]: number | undefined };

/** The reader's first sign of intent (opening a tag in the list) to Swagger UI's first operation, after the page has settled. */
export interface IntentRun {
  intentToReadyMs: number;
  /** Swagger UI's chunk was in the performance timeline (fetched while idle) before the click. */
  fetchedBefore: boolean;
  /** Swagger UI's module had run before the click (window.__swaggerUiEvaluated): the facade says it must not. */
  evaluatedBefore: boolean;
}

export interface PlaygroundData {
  playgroundUrl: string;
  plainUrl: string;
  playground: { runs: SwaggerRun[]; median: SwaggerFigures };
  plain: { runs: SwaggerRun[]; median: SwaggerFigures; tagsOpenOnLoad: boolean };
  intent: { runs: IntentRun[]; medianMs: number | undefined };
}

/** How long the intent measurement lets the page settle (idle prefetch included) before the reader's click. */
const SETTLE_BEFORE_INTENT_MS = 20_000;

/**
 * Open the playground page in a fresh context, wait until Swagger UI's chunk has been fetched while
 * idle (or 20 s), then open the first tag of the list as a reader would and time, in the page, the
 * click to the first visible Swagger UI .opblock.
 */
async function measureIntent(browser: Browser, url: string): Promise<IntentRun> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    const fetched = () =>
      page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .some((entry) => /mount-swagger-ui/.test(entry.name) && (entry as PerformanceResourceTiming).responseEnd > 0),
      );
    const deadline = Date.now() + SETTLE_BEFORE_INTENT_MS;
    while (!(await fetched()) && Date.now() < deadline) await page.waitForTimeout(250);
    const fetchedBefore = await fetched();
    const evaluatedBefore = await page.evaluate(() => (window as { __swaggerUiEvaluated?: boolean }).__swaggerUiEvaluated === true);
    const intentToReadyMs = await page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const summary = document.querySelector<HTMLElement>('[data-operation-preview] summary');
          if (!summary) {
            reject(new Error('the playground page shows no operation list to open'));
            return;
          }
          const start = performance.now();
          summary.click();
          const tick = () => {
            const ready = [...document.querySelectorAll('.opblock')].some(
              (block) => block.checkVisibility() && block.getBoundingClientRect().height > 0,
            );
            if (ready) resolve(performance.now() - start);
            else if (performance.now() - start > 60_000) reject(new Error('no Swagger UI operation within 60 s of the click'));
            else requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
        }),
    );
    return { intentToReadyMs, fetchedBefore, evaluatedBefore };
  } finally {
    await context.close();
  }
}

/** Write the plain Swagger UI page (scripts/bench/plain-swagger-ui.html, swagger-ui-dist's files and the built spec) into a folder. */
export function writePlainSwaggerUi(dir: string, siteDir: string): void {
  mkdirSync(join(dir, 'openapi'), { recursive: true });
  copyFileSync(join(ROOT, 'scripts', 'bench', 'plain-swagger-ui.html'), join(dir, 'index.html'));
  for (const file of PLAIN_FILES) copyFileSync(join(SWAGGER_DIST, file), join(dir, file));
  copyFileSync(join(siteDir, 'openapi', 'meshplay.json'), join(dir, 'openapi', 'meshplay.json'));
}

interface Marks {
  tag?: number;
  clicked?: number;
  clicks: number;
  operation?: number;
  interactive?: number;
  openOnLoad?: boolean;
}

/**
 * Runs in the page from its first script on: checks every animation frame (so a time is when a
 * frame could show it) for the first visible tag and operation, and clicks the first tag as soon
 * as it shows if no operation is open yet (again after 3 s if that click opened nothing). A tag
 * and an operation are Swagger UI's (.opblock-tag, .opblock) or, on the playground page, those of
 * the operation list in its HTML, which Swagger UI replaces (keeping the opened tag open); it
 * goes on until a Swagger UI .opblock shows (interactive). Times are performance.now(): ms since
 * navigation.
 */
function watchSwaggerUi(): void {
  const marks: Marks = { clicks: 0 };
  (window as unknown as { benchMarks: Marks }).benchMarks = marks;
  const visible = (element: Element) => element.checkVisibility() && element.getBoundingClientRect().height > 0;
  const operationShown = () => [...document.querySelectorAll('.opblock, [data-operation-preview] [data-operation]')].some(visible);
  const interactive = () => [...document.querySelectorAll('.opblock')].some(visible);
  const click = (tag: HTMLElement) => {
    marks.clicked = performance.now();
    marks.clicks += 1;
    tag.click();
  };
  const tick = () => {
    const now = performance.now();
    const tag =
      document.querySelector<HTMLElement>('[data-operation-preview] summary') ?? document.querySelector<HTMLElement>('.opblock-tag');
    if (marks.tag === undefined && tag !== null && visible(tag)) {
      marks.tag = now;
      if (operationShown()) {
        marks.operation = now;
        marks.openOnLoad = true;
      } else {
        click(tag);
      }
    } else if (marks.tag !== undefined && marks.operation === undefined) {
      if (operationShown()) marks.operation = now;
      else if (
        tag !== null &&
        document.querySelector('.opblock-tag-section.is-open, [data-operation-preview] details[open]') === null &&
        now - (marks.clicked ?? 0) > 3_000
      )
        click(tag);
    }
    if (marks.operation !== undefined && marks.interactive === undefined) {
      if (interactive()) marks.interactive = now;
      else {
        // Swagger UI has replaced the list but shows no open tag: open its first, as a reader would.
        const swaggerTag = document.querySelector<HTMLElement>('.opblock-tag');
        if (
          swaggerTag !== null &&
          visible(swaggerTag) &&
          document.querySelector('.opblock-tag-section.is-open') === null &&
          now - (marks.clicked ?? 0) > 3_000
        )
          click(swaggerTag);
      }
    }
    if (marks.interactive === undefined) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/** What the in-page watcher saw so far. */
function readMarks(page: Page): Promise<Marks> {
  return page.evaluate(() => (window as unknown as { benchMarks: Marks }).benchMarks);
}

/** Load one Swagger UI page in a fresh context and time it. */
async function measureOnce(browser: Browser, url: string): Promise<{ run: SwaggerRun; tagsOpenOnLoad: boolean }> {
  const context = await browser.newContext();
  try {
    await context.addInitScript(watchSwaggerUi);
    const page = await context.newPage();
    const recorder = recordResponses(page);
    const cdp = await context.newCDPSession(page);
    await page.goto(url, { waitUntil: 'commit' });
    try {
      await page.waitForFunction(() => (window as unknown as { benchMarks: Marks }).benchMarks.interactive !== undefined, undefined, {
        polling: 250,
        timeout: 90_000,
      });
    } catch (error) {
      throw new Error(
        `${url}: no operation shown within 90 s (${JSON.stringify(await readMarks(page))}): ${(error as Error).message.split('\n')[0] ?? ''}`,
        { cause: error },
      );
    }
    const marks = await readMarks(page);
    const fcpMs = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN);
    await recorder.settle();
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const weight = await recorder.totals();
    const firstTagMs = marks.tag ?? Number.NaN;
    const firstOperationMs = marks.operation ?? Number.NaN;
    return {
      run: {
        fcpMs,
        firstTagMs,
        openTagMs: marks.clicked === undefined ? undefined : firstOperationMs - marks.clicked,
        clicks: marks.clicks,
        firstOperationMs,
        interactiveMs: marks.interactive ?? Number.NaN,
        heapUsedMiB: heap.usedSize / 1024 / 1024,
        jsRaw: weight.js.raw,
        jsGzip: weight.js.gzip,
        cssGzip: weight.css.gzip,
      },
      tagsOpenOnLoad: marks.openOnLoad === true,
    };
  } finally {
    await context.close();
  }
}

/** Median of each figure over the runs. */
function medians(runs: SwaggerRun[]): SwaggerFigures {
  const pick = (key: keyof SwaggerRun): number | undefined => {
    const values = runs.map((run) => run[key]).filter((value): value is number => value !== undefined && !Number.isNaN(value));
    return values.length === 0 ? undefined : round(median(values), 2);
  };
  return {
    fcpMs: pick('fcpMs'),
    firstTagMs: pick('firstTagMs'),
    openTagMs: pick('openTagMs'),
    firstOperationMs: pick('firstOperationMs'),
    interactiveMs: pick('interactiveMs'),
    clicks: pick('clicks'),
    heapUsedMiB: pick('heapUsedMiB'),
    jsRaw: pick('jsRaw'),
    jsGzip: pick('jsGzip'),
    cssGzip: pick('cssGzip'),
  };
}

/** Time the playground and the plain page, interleaved, RUNS times each; ready() is awaited before each pair. */
export async function benchPlayground(
  browser: Browser,
  siteUrl: string,
  plainUrl: string,
  ready: () => Promise<void>,
): Promise<SectionResult<PlaygroundData>> {
  const started = performance.now();
  const playgroundUrl = `${siteUrl}/reference/rest-apis/playground/`;
  const playgroundRuns: SwaggerRun[] = [];
  const plainRuns: SwaggerRun[] = [];
  let tagsOpenOnLoad = false;
  for (let index = 0; index < RUNS; index += 1) {
    await ready();
    playgroundRuns.push((await measureOnce(browser, playgroundUrl)).run);
    const plain = await measureOnce(browser, `${plainUrl}/`);
    plainRuns.push(plain.run);
    tagsOpenOnLoad ||= plain.tagsOpenOnLoad;
  }
  const intentRuns: IntentRun[] = [];
  for (let index = 0; index < RUNS; index += 1) {
    await ready();
    intentRuns.push(await measureIntent(browser, playgroundUrl));
  }
  const ours = medians(playgroundRuns);
  const theirs = medians(plainRuns);
  const intentMedian = intentRuns.length === 0 ? undefined : round(median(intentRuns.map((run) => run.intentToReadyMs)), 0);
  const data: PlaygroundData = {
    playgroundUrl,
    plainUrl,
    playground: { runs: playgroundRuns, median: ours },
    plain: { runs: plainRuns, median: theirs, tagsOpenOnLoad },
    intent: { runs: intentRuns, medianMs: intentMedian },
  };

  const mib = (value: number | undefined) => (value === undefined ? '–' : `${value.toFixed(1)} MiB`);
  const bytes = (value: number | undefined) => (value === undefined ? '–' : kb(value));
  const row = (label: string, key: keyof SwaggerRun, format: (value: number | undefined) => string) => [
    label,
    format(ours[key]),
    format(theirs[key]),
    ratio(ours[key], theirs[key]),
  ];
  const fcpRatio = ours.fcpMs !== undefined && theirs.fcpMs !== undefined ? ours.fcpMs / theirs.fcpMs : undefined;
  // The budget is about operations: a tag heading is not one. Both pages are timed to their first visible .opblock; on a page
  // that starts with tags closed, that includes the click on the first tag, made the frame the tag shows.
  const operationRatio =
    ours.firstOperationMs !== undefined && theirs.firstOperationMs !== undefined
      ? ours.firstOperationMs / theirs.firstOperationMs
      : undefined;
  return {
    name: 'playground',
    data,
    tables: [
      {
        title: `Playground vs plain Swagger UI (median of ${RUNS})`,
        headers: ['Figure', 'Playground', 'Plain Swagger UI', 'Playground / plain'],
        rows: [
          row('First contentful paint', 'fcpMs', ms),
          row('First tag shown', 'firstTagMs', ms),
          row('Open a tag → its first operation', 'openTagMs', ms),
          row('First operation shown (navigation → first operation visible)', 'firstOperationMs', ms),
          row('First operation ready to try (navigation → first Swagger UI .opblock)', 'interactiveMs', ms),
          row('Clicks the first tag needed to open', 'clicks', (value) => (value === undefined ? '–' : String(value))),
          row('JS heap used (after GC)', 'heapUsedMiB', mib),
          row('JS loaded, raw', 'jsRaw', bytes),
          row('JS loaded, gzip', 'jsGzip', bytes),
          row('CSS loaded, gzip', 'cssGzip', bytes),
        ],
        notes: [
          'Times are performance.now() in the page (from navigation start), taken by a script that checks every animation frame and clicks the first tag the frame it shows.',
          'The budget compares "First operation shown", not the first tag: a closed tag shows no operation. On the playground page the first operation shown is in the operation list of its HTML (method, path, summary, link to the reference page), which Swagger UI replaces when it has loaded: "ready to try" is when Swagger UI shows it.',
          tagsOpenOnLoad
            ? 'The plain page opens every tag on load (docExpansion "list"), so its first .opblock shows with the tags; the playground starts with tags closed (docExpansion "none").'
            : 'Both pages start with tags closed; the first tag is clicked as soon as it shows.',
          'The plain page: scripts/bench/plain-swagger-ui.html with swagger-ui-dist files, served by scripts/serve.ts like the site.',
          'On the playground page, opening a tag is the reader\'s intent that runs Swagger UI: the first two rows of "ready to try" include fetching its script, since the watcher clicks the moment the tag shows.',
        ],
      },
      {
        title: `Playground: intent to ready (median of ${RUNS})`,
        headers: ['Run', 'Intent → first operation ready', 'Swagger UI fetched before (idle)', 'Swagger UI run before'],
        rows: [
          ...intentRuns.map((run, index) => [
            String(index + 1),
            ms(run.intentToReadyMs),
            run.fetchedBefore ? 'yes' : 'no',
            run.evaluatedBefore ? 'yes' : 'no',
          ]),
          ['Median', ms(intentMedian), '', ''],
        ],
        notes: [
          `A fresh context loads the playground page and waits (up to ${SETTLE_BEFORE_INTENT_MS / 1000} s) until Swagger UI's chunk shows in the performance timeline, fetched while the browser was idle (<link rel="modulepreload">); then a script opens the list's first tag and times the click to the first visible Swagger UI .opblock: running Swagger UI, drawing it, and its taking the list's place.`,
        ],
      },
    ],
    budgets: [
      budget(
        'playground',
        'Playground FCP',
        '≤ 1/3 of plain',
        `${ms(ours.fcpMs)} vs ${ms(theirs.fcpMs)} (${ratio(ours.fcpMs, theirs.fcpMs)})`,
        fcpRatio === undefined ? null : fcpRatio <= 1 / 3,
      ),
      budget(
        'playground',
        'Playground first operation shown',
        '≤ 1/2 of plain',
        `${ms(ours.firstOperationMs)} vs ${ms(theirs.firstOperationMs)} (${ratio(ours.firstOperationMs, theirs.firstOperationMs)})`,
        operationRatio === undefined ? null : operationRatio <= 1 / 2,
      ),
      budget(
        'playground',
        'Playground: Swagger UI not run before intent',
        'never',
        intentRuns.some((run) => run.evaluatedBefore) ? 'run before the click' : `not run (${intentRuns.length} runs)`,
        intentRuns.length === 0 ? null : intentRuns.every((run) => !run.evaluatedBefore),
      ),
    ],
    seconds: (performance.now() - started) / 1000,
  };
}
