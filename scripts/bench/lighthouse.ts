/** Section 3: Lighthouse scores and metrics, mobile and desktop presets, per page kind (median of runs). */
import { launch, type LaunchedChrome } from 'chrome-launcher';
import lighthouse, { desktopConfig, type Config, type Flags } from 'lighthouse';
import { performance } from 'node:perf_hooks';
import { CHROMIUM_ARGS } from '../../tests/support/chromium.ts';
import { budget, PAGE_KINDS, type Budget, type PageKey, type SectionResult, type Table } from './types.ts';
import { errorMessage, median, round } from './util.ts';
import { CLS_LIMIT, LIGHTHOUSE_PERFORMANCE_MIN, LIGHTHOUSE_TBT_MAX_MS } from './budgets.ts';

export const FULL_RUNS = 3;
export const PRESETS = ['mobile', 'desktop'] as const;
export type Preset = (typeof PRESETS)[number];
/** Page kinds with a Lighthouse performance budget (budgets.ts): they keep 3 runs even when time is short. */
export const PERFORMANCE_BUDGETS: Partial<Record<PageKey, number>> = LIGHTHOUSE_PERFORMANCE_MIN;

export interface LighthouseFigures {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
}

export interface LighthouseCell {
  runs: LighthouseFigures[];
  median: LighthouseFigures | undefined;
  errors: string[];
  /** For runs over the CLS budget: what moved (Lighthouse's layout-shifts audit: selector, snippet, score). */
  shifts: string[];
}

export interface LighthouseData {
  version: string;
  reduced: boolean;
  plan: string;
  secondsPerRun: number;
  results: Record<Preset, Record<PageKey, LighthouseCell>>;
}

/** Start Chromium for Lighthouse: headless, with the project's flags. */
function startChrome(chromePath: string): Promise<LaunchedChrome> {
  return launch({ chromePath, chromeFlags: ['--headless=new', ...CHROMIUM_ARGS], handleSIGINT: false, logLevel: 'silent' });
}

/** One Lighthouse run of a URL with a preset; the four category scores (0–100) and the four metrics. */
async function runLighthouse(
  port: number,
  url: string,
  preset: Preset,
): Promise<{ figures: LighthouseFigures; version: string; shifts: string[] }> {
  const flags: Flags = {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
  };
  const config: Config | undefined = preset === 'desktop' ? desktopConfig : undefined;
  const result = await lighthouse(url, flags, config);
  if (!result) throw new Error('Lighthouse returned no result');
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
  const score = (id: string) => Math.round((lhr.categories[id]?.score ?? Number.NaN) * 100);
  const metric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  return {
    version: lhr.lighthouseVersion,
    shifts: layoutShifts(lhr.audits['layout-shifts']?.details),
    figures: {
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      seo: score('seo'),
      fcpMs: round(metric('first-contentful-paint'), 0),
      lcpMs: round(metric('largest-contentful-paint'), 0),
      tbtMs: round(metric('total-blocking-time'), 0),
      cls: round(metric('cumulative-layout-shift'), 4),
    },
  };
}

/** The elements Lighthouse's layout-shifts audit names, as "selector `snippet` (score)". */
function layoutShifts(details: unknown): string[] {
  const items = (details as { items?: unknown } | undefined)?.items;
  if (!Array.isArray(items)) return [];
  return items.slice(0, 3).map((item: unknown) => {
    const { node, score } = item as { node?: { selector?: string; snippet?: string }; score?: number };
    return `${node?.selector ?? '?'} \`${(node?.snippet ?? '').slice(0, 100)}\` (${typeof score === 'number' ? score.toFixed(3) : '?'})`;
  });
}

/** Median of each figure across runs. */
function medianFigures(runs: LighthouseFigures[]): LighthouseFigures | undefined {
  if (runs.length === 0) return undefined;
  const pick = (key: keyof LighthouseFigures) => median(runs.map((run) => run[key]));
  return {
    performance: pick('performance'),
    accessibility: pick('accessibility'),
    bestPractices: pick('bestPractices'),
    seo: pick('seo'),
    fcpMs: pick('fcpMs'),
    lcpMs: pick('lcpMs'),
    tbtMs: pick('tbtMs'),
    cls: pick('cls'),
  };
}

/** Page kinds with a performance budget first, then the others. */
const BUDGET_KINDS = PAGE_KINDS.filter((kind) => PERFORMANCE_BUDGETS[kind.key] !== undefined);
const OTHER_KINDS = PAGE_KINDS.filter((kind) => PERFORMANCE_BUDGETS[kind.key] === undefined);

/** Every run of the full matrix, most needed first: each page once, then the budgeted pages' other runs, then the rest. */
function lighthouseQueue(): Array<{ preset: Preset; kind: (typeof PAGE_KINDS)[number] }> {
  const sweep = (kinds: ReadonlyArray<(typeof PAGE_KINDS)[number]>) => PRESETS.flatMap((preset) => kinds.map((kind) => ({ preset, kind })));
  const queue = [...sweep(BUDGET_KINDS), ...sweep(OTHER_KINDS)];
  for (let pass = 1; pass < FULL_RUNS; pass += 1) queue.push(...sweep(BUDGET_KINDS));
  for (let pass = 1; pass < FULL_RUNS; pass += 1) queue.push(...sweep(OTHER_KINDS));
  return queue;
}

/** Run Lighthouse over every page kind and preset, FULL_RUNS times each, as far as the deadline allows (see lighthouseQueue). */
export async function benchLighthouse(
  chromePath: string,
  siteUrl: string,
  deadline: number,
  ready: () => Promise<void>,
): Promise<SectionResult<LighthouseData>> {
  const started = performance.now();
  const results = {} as Record<Preset, Record<PageKey, LighthouseCell>>;
  for (const preset of PRESETS) {
    results[preset] = {} as Record<PageKey, LighthouseCell>;
    for (const kind of PAGE_KINDS) results[preset][kind.key] = { runs: [], median: undefined, errors: [], shifts: [] };
  }
  let chrome = await startChrome(chromePath);
  let version = '';
  let runsDone = 0;

  /** Run one cell once, restarting Chromium after a failure. */
  const runCell = async (preset: Preset, key: PageKey, path: string) => {
    const cell = results[preset][key];
    try {
      await ready();
      const { figures, version: lhVersion, shifts } = await runLighthouse(chrome.port, `${siteUrl}${path}`, preset);
      cell.runs.push(figures);
      if (figures.cls > CLS_LIMIT) cell.shifts.push(...shifts);
      version = lhVersion;
      console.error(`[bench] lighthouse ${preset} ${path}: performance ${figures.performance}, CLS ${figures.cls}`);
    } catch (error) {
      cell.errors.push(errorMessage(error));
      console.error(`[bench] lighthouse ${preset} ${path} failed: ${errorMessage(error).slice(0, 200)}`);
      chrome.kill();
      chrome = await startChrome(chromePath);
    }
    runsDone += 1;
  };

  try {
    const queue = lighthouseQueue();
    let cut = 0;
    for (const job of queue) {
      const secondsPerRun = runsDone === 0 ? 0 : (performance.now() - started) / 1000 / runsDone;
      // Past the time budget the remaining runs are left out (and counted) rather than overrun it.
      if (Date.now() + secondsPerRun * 1000 > deadline) cut += 1;
      else await runCell(job.preset, job.kind.key, job.kind.path);
    }
    const secondsPerRun = runsDone === 0 ? 0 : (performance.now() - started) / 1000 / runsDone;
    for (const preset of PRESETS)
      for (const kind of PAGE_KINDS) results[preset][kind.key].median = medianFigures(results[preset][kind.key].runs);
    const plan =
      cut === 0
        ? `Full matrix: ${FULL_RUNS} runs per page kind and preset.`
        : `The full matrix (${queue.length} runs) would not fit the time budget: ${cut} runs left out. Runs go in this order: every page once (pages with a performance budget first), then ${FULL_RUNS - 1} more for ${BUDGET_KINDS.map((kind) => kind.label).join(', ')}, then more for the others; see the Runs column.`;
    const data: LighthouseData = { version, reduced: cut > 0, plan, secondsPerRun: round(secondsPerRun, 1), results };
    return {
      name: 'lighthouse',
      data,
      tables: PRESETS.map((preset) => presetTable(preset, data)),
      budgets: lighthouseBudgets(results),
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    chrome.kill();
  }
}

/** The table of one preset. */
function presetTable(preset: Preset, data: LighthouseData): Table {
  const rows = PAGE_KINDS.map((kind) => {
    const cell = data.results[preset][kind.key];
    const m = cell.median;
    if (!m) return [kind.label, '–', '–', '–', '–', '–', '–', '–', '–', '0 (failed)'];
    return [
      kind.label,
      String(m.performance),
      String(m.accessibility),
      String(m.bestPractices),
      String(m.seo),
      `${m.fcpMs} ms`,
      `${m.lcpMs} ms`,
      `${m.tbtMs} ms`,
      m.cls.toFixed(3),
      String(cell.runs.length),
    ];
  });
  const failures = PAGE_KINDS.filter((kind) => data.results[preset][kind.key].errors.length > 0).map((kind) => {
    const errors = data.results[preset][kind.key].errors;
    return `${kind.label} ×${errors.length} (${(errors[0] ?? '').slice(0, 160)})`;
  });
  const notes = [data.plan, `About ${data.secondsPerRun} s per run. Lighthouse's default simulated throttling for ${preset}.`];
  if (failures.length > 0) notes.push(`Failed runs: ${failures.join('; ')}.`);
  for (const kind of PAGE_KINDS) {
    const cell = data.results[preset][kind.key];
    const over = cell.runs.filter((run) => run.cls > CLS_LIMIT).map((run) => run.cls.toFixed(3));
    if (over.length > 0)
      notes.push(
        `${kind.label}: CLS over ${CLS_LIMIT} in ${over.length} of ${cell.runs.length} runs (${over.join(', ')}); shifted: ${[...new Set(cell.shifts)].join('; ') || 'not named by Lighthouse'}.`,
      );
  }
  return {
    title: `Lighthouse ${data.version}, ${preset} preset (median)`,
    headers: ['Page', 'Performance', 'Accessibility', 'Best practices', 'SEO', 'FCP', 'LCP', 'TBT', 'CLS', 'Runs'],
    rows,
    notes,
  };
}

/** "(median of 3)" or "(1 run)". */
function runsText(cell: LighthouseCell): string {
  return cell.runs.length === 1 ? '(1 run)' : `(median of ${cell.runs.length})`;
}

/** Performance and total blocking time budgets (mobile) and CLS budgets (both presets). */
function lighthouseBudgets(results: Record<Preset, Record<PageKey, LighthouseCell>>): Budget[] {
  const budgets: Budget[] = [];
  for (const kind of PAGE_KINDS) {
    const limit = PERFORMANCE_BUDGETS[kind.key];
    const cell = results.mobile[kind.key];
    const mobile = cell.median;
    if (limit !== undefined) {
      budgets.push(
        budget(
          'lighthouse',
          `${kind.label}: mobile performance`,
          limit === 100 ? '100' : `≥ ${limit}`,
          mobile ? `${mobile.performance} ${runsText(cell)}` : 'no run',
          mobile ? mobile.performance >= limit : null,
        ),
      );
    }
    const tbtLimit = LIGHTHOUSE_TBT_MAX_MS[kind.key];
    if (tbtLimit !== undefined) {
      budgets.push(
        budget(
          'lighthouse',
          `${kind.label}: mobile total blocking time`,
          `≤ ${tbtLimit} ms`,
          mobile ? `${mobile.tbtMs} ms ${runsText(cell)}` : 'no run',
          mobile ? mobile.tbtMs <= tbtLimit : null,
        ),
      );
    }
  }
  for (const preset of PRESETS) {
    for (const kind of PAGE_KINDS) {
      const cell = results[preset][kind.key];
      const figures = cell.median;
      budgets.push(
        budget(
          'lighthouse',
          `${kind.label}: CLS ${preset}`,
          `≤ ${CLS_LIMIT}`,
          figures ? `${figures.cls.toFixed(3)} ${runsText(cell)}` : 'no run',
          figures ? figures.cls <= CLS_LIMIT : null,
        ),
      );
    }
  }
  return budgets;
}
