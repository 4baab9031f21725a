/**
 * `npm run bench`: builds, page weight, the playground against plain Swagger UI, the try-it proxy
 * and Lighthouse; prints Markdown tables, writes them to bench/RESULTS.md (committed, linked from
 * README.md) and the figures to bench/results/<timestamp>.json and latest.json (local).
 *
 *   npm run bench -- --check                 exit 1 when a budget is broken (and say which)
 *   npm run bench -- --only=weight,proxy     sections: build, twins, weight, playground, tryit, proxy, lighthouse
 *   npm run bench -- --site-dir=dist         measure an existing build instead of building Meshplay's
 *   npm run bench -- --keep                  keep the temporary folder (builds, logs)
 */
import type { Browser } from '@playwright/test';
import { killAll as killAllChrome } from 'chrome-launcher';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { chromiumExecutable, launchChromium } from './browser.ts';
import { benchBuild } from './build.ts';
import { benchLighthouse } from './lighthouse.ts';
import { benchPageWeight } from './page-weight.ts';
import { benchPlayground, writePlainSwaggerUi } from './playground.ts';
import { benchProxy } from './proxy.ts';
import { benchTwins } from './twins.ts';
import { benchTryIt } from './try-it.ts';
import { renderReport, writeResults, type Report } from './report.ts';
import { writeResultsFile } from './results-file.ts';
import { keepRunning, startMeshplayTestServer, startSite, type KeptRunning } from './servers.ts';
import { skippedSection, type SectionResult } from './types.ts';
import { errorMessage, killTracked, ROOT } from './util.ts';

const SECTIONS = ['build', 'twins', 'weight', 'playground', 'tryit', 'proxy', 'lighthouse'] as const;
/** Sections that read the built files only: no server, no browser. */
const FILE_SECTIONS: readonly SectionName[] = ['build', 'twins'];
type SectionName = (typeof SECTIONS)[number];
/** How each section is named in the report. */
const LABELS: Record<SectionName, string> = {
  build: 'build',
  twins: 'twins',
  weight: 'page weight',
  playground: 'playground',
  tryit: 'try it',
  proxy: 'proxy',
  lighthouse: 'lighthouse',
};
/** The whole run should end within 15 minutes; Lighthouse gets what is left of 14. */
const TIME_BUDGET_MS = 14 * 60_000;

const { values: args } = parseArgs({
  options: {
    check: { type: 'boolean', default: false },
    only: { type: 'string' },
    'site-dir': { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});

/** Progress on stderr, so that stdout holds the report alone. */
function log(message: string): void {
  console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

/** Run a section, turning a failure into "skipped: <reason>" instead of a crash. */
async function guarded<T>(name: string, body: () => Promise<SectionResult<T>>): Promise<SectionResult<T>> {
  log(`${name}…`);
  const started = performance.now();
  try {
    const result = await body();
    log(`${name} done in ${Math.round(result.seconds)} s`);
    return result;
  } catch (error) {
    log(`${name} failed: ${errorMessage(error)}`);
    return skippedSection<T>(name, `failed here: ${errorMessage(error)}`, (performance.now() - started) / 1000);
  }
}

/** Which sections to run, from --only. */
function selectedSections(): Set<SectionName> {
  if (args.only === undefined) return new Set(SECTIONS);
  const wanted = args.only.split(',').map((name) => name.trim());
  const unknown = wanted.filter((name) => !SECTIONS.includes(name as SectionName));
  if (unknown.length > 0) {
    console.error(`Unknown section(s) ${unknown.join(', ')}; use ${SECTIONS.join(', ')}.`);
    process.exit(2);
  }
  return new Set(wanted as SectionName[]);
}

/** Run the selected sections; servers and browsers are started once and always stopped. */
async function main(): Promise<number> {
  const startedAt = Date.now();
  const loadAtStart = loadavg()[0] ?? 0;
  const deadline = startedAt + TIME_BUDGET_MS;
  const selected = selectedSections();
  const workDir = mkdtempSync(join(tmpdir(), 'meshplay-bench-'));
  const sections: Array<SectionResult<unknown>> = [];
  const running: KeptRunning[] = [];
  let browser: Browser | undefined;
  let chromium = 'none';
  // The build section always builds into the temporary folder: --site-dir is never overwritten.
  const buildDir = join(workDir, 'site-meshplay');
  const siteDir = args['site-dir'] === undefined ? buildDir : resolve(args['site-dir']);
  let siteBuilt = args['site-dir'] !== undefined;

  /** Stop what the run started (servers, browsers, builds) and remove its temporary folder. */
  const cleanUp = async () => {
    await browser?.close().catch(() => undefined);
    for (const server of running.reverse()) await server.stop();
    killTracked();
    killAllChrome();
    if (args.keep) log(`kept ${workDir}`);
    else rmSync(workDir, { recursive: true, force: true });
  };
  /** On Ctrl-C or SIGTERM: clean up, then exit with the signal's status. */
  const onSignal = (signal: NodeJS.Signals) => {
    log(`${signal}: stopping`);
    void cleanUp().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    if (selected.has('build') || !siteBuilt) {
      const build = await guarded('build', () => benchBuild(workDir, buildDir, { github: selected.has('build') }));
      sections.push(build);
      const meshplayBuilt = build.data?.meshplay.ok === true;
      if (args['site-dir'] === undefined) siteBuilt = meshplayBuilt;
    }
    if (selected.has('twins')) {
      sections.push(
        siteBuilt
          ? await guarded('twins', () => benchTwins(siteDir))
          : skippedSection('twins', `no built site (${relative(ROOT, siteDir) || siteDir})`),
      );
    }
    const browserSections = SECTIONS.filter((name) => !FILE_SECTIONS.includes(name) && selected.has(name));
    if (!siteBuilt) {
      for (const name of browserSections)
        sections.push(skippedSection(LABELS[name], `no built site (${relative(ROOT, siteDir) || siteDir})`));
    } else if (browserSections.length > 0) {
      log('starting the test server and the site…');
      const meshplay = await keepRunning('the Meshplay test server', (port) => startMeshplayTestServer(port));
      running.push(meshplay);
      const site = await keepRunning('scripts/serve.ts (the site)', (port) => startSite(siteDir, meshplay.url, port));
      running.push(site);
      log(`site ${site.url}, test server ${meshplay.url}`);
      const ready = async () => {
        await meshplay.ensure();
        await site.ensure();
      };

      const needsBrowser = selected.has('weight') || selected.has('playground') || selected.has('tryit');
      const launched = needsBrowser ? await launchChromium().catch(() => undefined) : undefined;
      browser = launched?.browser;
      if (launched) chromium = launched.description;
      const noBrowser = 'no Chromium found (set CHROMIUM_PATH, npx playwright install chromium, or apt-get install chromium)';

      if (selected.has('weight'))
        sections.push(
          browser
            ? await guarded('page weight', () => benchPageWeight(browser as Browser, site.url, ready))
            : skippedSection('page weight', noBrowser),
        );
      if (selected.has('playground')) {
        if (!browser) sections.push(skippedSection('playground', noBrowser));
        else {
          const plainDir = join(workDir, 'plain-swagger-ui');
          writePlainSwaggerUi(plainDir, siteDir);
          const plain = await keepRunning('scripts/serve.ts (plain Swagger UI)', (port) => startSite(plainDir, meshplay.url, port));
          running.push(plain);
          const readyBoth = async () => {
            await ready();
            await plain.ensure();
          };
          sections.push(await guarded('playground', () => benchPlayground(browser as Browser, site.url, plain.url, readyBoth)));
        }
      }
      if (selected.has('tryit'))
        sections.push(
          browser
            ? await guarded('try it', () => benchTryIt(browser as Browser, site.url, siteDir, ready))
            : skippedSection('try it', noBrowser),
        );
      await browser?.close();
      browser = undefined;
      if (selected.has('proxy')) sections.push(await guarded('proxy', () => benchProxy(site.url, meshplay.url, ready)));
      if (selected.has('lighthouse')) {
        const chromePath = chromiumExecutable();
        if (chromePath === undefined) sections.push(skippedSection('lighthouse', noBrowser));
        else {
          if (chromium === 'none') chromium = chromePath;
          sections.push(await guarded('lighthouse', () => benchLighthouse(chromePath, site.url, deadline - 30_000, ready)));
        }
      }
    }
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await cleanUp();
  }

  const budgets = sections.flatMap((section) => section.budgets);
  const restarts = running.reduce((sum, server) => sum + server.restarts, 0);
  const cpu = cpus();
  const report: Report = {
    date: new Date(startedAt).toISOString(),
    machine: {
      cores: cpu.length,
      memoryGiB: Math.round(totalmem() / 1024 ** 3),
      cpu: cpu[0]?.model.trim() ?? 'unknown',
      platform: `${platform()} ${release()}`,
      node: process.version,
      chromium,
      loadAverage: { start: Math.round(loadAtStart * 10) / 10, end: Math.round((loadavg()[0] ?? 0) * 10) / 10 },
    },
    totalSeconds: Math.round((Date.now() - startedAt) / 1000),
    serverRestarts: restarts,
    sections: Object.fromEntries(
      sections.map((section) => [section.name, { skipped: section.skipped, seconds: Math.round(section.seconds), data: section.data }]),
    ),
    budgets,
    failedBudgets: budgets.filter((entry) => entry.pass === false),
  };
  const printed = renderReport(report, sections);
  console.log(printed);
  const path = writeResults(report);
  const notRun = SECTIONS.filter((name) => !selected.has(name)).map((name) => LABELS[name]);
  const committed = writeResultsFile(report, printed, notRun);
  console.log(`\nResults: ${committed.join(', ')}; figures in ${relative(ROOT, path)} (and bench/results/latest.json)`);

  if (args.check && report.failedBudgets.length > 0) {
    console.error(`\nBudgets broken (${report.failedBudgets.length}):`);
    for (const entry of report.failedBudgets) console.error(`  ✗ [${entry.section}] ${entry.name}: ${entry.actual} (limit ${entry.limit})`);
    return 1;
  }
  return 0;
}

process.exitCode = await main();
