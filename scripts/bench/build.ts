/** Section 1: wall time, peak RSS, page count and largest operation page of `astro build`, for the Meshplay spec and GitHub's. */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  countOperations,
  failedLintRules,
  pageStats,
  prepareWorkDir,
  relaxedLintConfig,
  runAstroBuild,
  type PageStats,
  type RawBuild,
} from './astro-build.ts';
import { budget, type Budget, type SectionResult, type Table } from './types.ts';
import { kb, ROOT, round } from './util.ts';

export const BUILD_LIMIT_SECONDS = 120;
export const BUILD_LIMIT_RSS_KIB = 2 * 1024 * 1024;
export const OPERATION_PAGE_LIMIT_BYTES = 200 * 1024;

export interface BuildMeasurement extends Partial<PageStats> {
  label: string;
  spec: string;
  ok: boolean;
  error?: string;
  wallSeconds: number;
  peakRssMiB: number | undefined;
  rssMethod: string;
  /** Lint rules turned into warnings so that the build could run at all, with their error counts. */
  relaxedRules?: Record<string, number>;
}

export interface BuildData {
  meshplay: BuildMeasurement;
  /** GitHub's spec built as any OPENAPI_SPEC is: with the project's ruleset. */
  githubAsIs?: BuildMeasurement;
  /** GitHub's spec again with the failing lint rules as warnings, when the first build was refused. */
  githubRelaxed?: BuildMeasurement;
  githubSkipped?: string;
}

/** Where @octokit/openapi keeps api.github.com's spec (JSON preferred, not the dereferenced one); undefined if not installed. */
export function findGithubSpec(): string | undefined {
  const packageDir = join(ROOT, 'node_modules', '@octokit', 'openapi');
  if (!existsSync(packageDir)) return undefined;
  const files = readdirSync(packageDir, { recursive: true, encoding: 'utf8' }).filter((file) =>
    /(^|\/)api\.github\.com\.(json|ya?ml)$/.test(file),
  );
  const preferred = files.find((file) => file.endsWith('.json')) ?? files[0];
  return preferred === undefined ? undefined : join(packageDir, preferred);
}

/** The last lines of a build log that explain a failure. */
function failureSummary(log: string, raw: RawBuild): string {
  const refused = /has (\d+) errors?; the site was not built/.exec(log);
  if (refused) return `refused by the spec lint: ${refused[1]} errors`;
  const lines = log.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('  - '));
  return `exit ${raw.exitCode}: ${lines.slice(-3).join(' | ').slice(0, 300)}`;
}

/** Build one spec into outDir and collect the measurement. */
async function measureBuild(
  label: string,
  workDir: string,
  outDir: string,
  specPath: string | undefined,
  configPath?: string,
): Promise<{ measurement: BuildMeasurement; log: string }> {
  const logPath = join(workDir, `${label.replace(/\W+/g, '-').toLowerCase()}.log`);
  const raw = await runAstroBuild({ workDir, outDir, logPath, specPath, configPath });
  const log = readFileSync(logPath, 'utf8');
  const ok = raw.exitCode === 0 && existsSync(join(outDir, 'index.html'));
  const measurement: BuildMeasurement = {
    label,
    spec: specPath === undefined ? 'openapi/meshplay.yaml' : relative(ROOT, specPath),
    ok,
    wallSeconds: round(raw.wallSeconds, 1),
    peakRssMiB: raw.peakRssKiB === undefined ? undefined : round(raw.peakRssKiB / 1024, 0),
    rssMethod: raw.rssMethod,
    ...(ok ? pageStats(outDir, OPERATION_PAGE_LIMIT_BYTES) : {}),
  };
  if (!ok) measurement.error = failureSummary(log, raw);
  if (!ok && specPath !== undefined && specPath.endsWith('.json')) measurement.operations = countOperations(readFileSync(specPath, 'utf8'));
  return { measurement, log };
}

/** Build the Meshplay site (kept in siteDir for the browser sections) and GitHub's spec (removed after measuring). */
export async function benchBuild(workDir: string, siteDir: string, options: { github: boolean }): Promise<SectionResult<BuildData>> {
  const started = performance.now();
  prepareWorkDir(workDir);
  const meshplay = (await measureBuild('Meshplay', workDir, siteDir, undefined)).measurement;
  const data: BuildData = { meshplay };

  const githubSpec = findGithubSpec();
  if (!options.github) data.githubSkipped = 'not selected (--only)';
  else if (githubSpec === undefined) data.githubSkipped = '@octokit/openapi is not installed (npm i -D -E @octokit/openapi)';
  else {
    const githubOut = join(workDir, 'site-github');
    const asIs = await measureBuild('GitHub (project ruleset)', workDir, githubOut, githubSpec);
    data.githubAsIs = asIs.measurement;
    const rules = failedLintRules(asIs.log);
    if (!asIs.measurement.ok && rules.size > 0) {
      const config = relaxedLintConfig(join(workDir, 'relaxed-config'), rules.keys());
      const relaxed = (await measureBuild('GitHub (failing lint rules as warnings)', workDir, githubOut, githubSpec, config)).measurement;
      relaxed.relaxedRules = Object.fromEntries(rules);
      data.githubRelaxed = relaxed;
    }
    rmSync(githubOut, { recursive: true, force: true });
  }
  const measured = [data.meshplay, data.githubAsIs, data.githubRelaxed].filter((entry): entry is BuildMeasurement => entry !== undefined);
  return {
    name: 'build',
    data,
    tables: [buildTable(measured, data)],
    budgets: measured.flatMap(buildBudgets),
    seconds: (performance.now() - started) / 1000,
  };
}

/** The build table: one row per build. */
function buildTable(builds: BuildMeasurement[], data: BuildData): Table {
  const rows = builds.map((build) => [
    build.label,
    String(build.operations ?? '–'),
    build.ok ? 'built' : `failed: ${build.error ?? ''}`,
    `${build.wallSeconds.toFixed(1)} s`,
    build.peakRssMiB === undefined ? '–' : `${build.peakRssMiB} MiB`,
    build.pages === undefined ? '–' : String(build.pages),
    build.largestOperationPage ? `${kb(build.largestOperationPage.bytes)} (${build.largestOperationPage.path})` : '–',
    build.operationPagesOverLimit === undefined ? '–' : String(build.operationPagesOverLimit),
  ]);
  const notes = [`Peak RSS: ${builds[0]?.rssMethod ?? '–'}. Builds run one at a time into temporary --outDir folders.`];
  if (data.githubSkipped) notes.push(`GitHub spec: skipped: ${data.githubSkipped}.`);
  if (data.githubRelaxed?.relaxedRules) {
    const rules = Object.entries(data.githubRelaxed.relaxedRules)
      .map(([rule, count]) => `${rule} ×${count}`)
      .join(', ');
    notes.push(
      `GitHub's spec breaks the project's redocly.yaml (${rules}), so its build stops; it was built again with those rules as warnings to measure the cost.`,
    );
  }
  return {
    title: 'Build (astro build)',
    headers: [
      'Spec',
      'Operations',
      'Result',
      'Wall time',
      'Peak RSS',
      'Pages',
      'Largest operation page',
      `Operation pages ≥ ${kb(OPERATION_PAGE_LIMIT_BYTES)}`,
    ],
    rows,
    notes,
  };
}

/** Budgets of one build: time, memory and operation page size (a build that failed measures none of them). */
function buildBudgets(build: BuildMeasurement): Budget[] {
  if (!build.ok)
    return [
      budget(
        'build',
        `${build.label}: builds`,
        'exit 0',
        build.error ?? 'failed',
        build.error?.startsWith('refused by the spec lint') ? null : false,
      ),
    ];
  const rss = build.peakRssMiB;
  const largest = build.largestOperationPage?.bytes;
  return [
    budget(
      'build',
      `${build.label}: wall time`,
      `< ${BUILD_LIMIT_SECONDS} s`,
      `${build.wallSeconds.toFixed(1)} s`,
      build.wallSeconds < BUILD_LIMIT_SECONDS,
    ),
    budget(
      'build',
      `${build.label}: peak RSS`,
      '< 2 GiB',
      rss === undefined ? '–' : `${rss} MiB`,
      rss === undefined ? null : rss * 1024 < BUILD_LIMIT_RSS_KIB,
    ),
    budget(
      'build',
      `${build.label}: every operation page`,
      `< ${kb(OPERATION_PAGE_LIMIT_BYTES)}`,
      largest === undefined ? '–' : `largest ${kb(largest)}, ${build.operationPagesOverLimit ?? 0} over`,
      largest === undefined ? null : largest < OPERATION_PAGE_LIMIT_BYTES,
    ),
  ];
}
