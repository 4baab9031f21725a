/** Run one `astro build` into a temporary folder and measure its wall time, peak RSS and output. */
import { spawn } from 'node:child_process';
import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseDocument } from 'yaml';
import { GNU_TIME, hasGnuTime, readGnuTimeMaxRssKiB, sampleTreeRss } from './process-rss.ts';
import { NODE, ROOT, track } from './util.ts';
import { HTTP_METHODS as OPERATION_METHODS } from '../../src/lib/openapi/model/types.ts';

export interface BuildOptions {
  /** Temporary working folder: the build runs there, so Astro's scratch files stay out of the project. */
  workDir: string;
  outDir: string;
  logPath: string;
  /** OPENAPI_SPEC for the build; undefined for the project's Meshplay spec. */
  specPath?: string | undefined;
  /** Another astro.config.mjs (see relaxedLintConfig); undefined for the project's. */
  configPath?: string | undefined;
}

export interface RawBuild {
  exitCode: number;
  wallSeconds: number;
  peakRssKiB: number | undefined;
  rssMethod: string;
}

export interface PageStats {
  pages: number;
  operations: number;
  operationPages: number;
  largestOperationPage: { path: string; bytes: number } | undefined;
  operationPagesOverLimit: number;
}

const ASTRO_BIN = join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
const HTTP_METHODS: ReadonlySet<string> = new Set(OPERATION_METHODS);

/** Prepare a work folder: Astro writes its prerender chunks under the cwd when outDir is outside it, and they import packages. */
export function prepareWorkDir(workDir: string): void {
  mkdirSync(workDir, { recursive: true });
  const modules = join(workDir, 'node_modules');
  if (!existsSync(modules)) symlinkSync(join(ROOT, 'node_modules'), modules, 'dir');
}

/** Run `astro build --outDir` under GNU time (or with RSS sampling) and wait for it. */
export async function runAstroBuild(options: BuildOptions): Promise<RawBuild> {
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  delete env['SITE_BASE'];
  delete env['SITE_URL'];
  if (options.specPath === undefined) delete env['OPENAPI_SPEC'];
  else env['OPENAPI_SPEC'] = options.specPath;
  const astroArgs = [ASTRO_BIN, 'build', '--root', ROOT, '--outDir', options.outDir];
  // Astro joins --config to the root, so it is given relative to it.
  if (options.configPath !== undefined) astroArgs.push('--config', relative(ROOT, options.configPath));

  const useTime = hasGnuTime();
  const timeReport = `${options.logPath}.time`;
  const command = useTime ? GNU_TIME : NODE;
  const args = useTime ? ['-v', '-o', timeReport, NODE, ...astroArgs] : astroArgs;
  const log = openSync(options.logPath, 'w');
  const started = performance.now();
  // Its own process group, so that stopping the benchmark also stops astro under GNU time.
  const child = track(spawn(command, args, { cwd: options.workDir, env, stdio: ['ignore', log, log], detached: true }));
  const sampler = useTime || child.pid === undefined ? undefined : sampleTreeRss(child.pid);
  const exitCode = await new Promise<number>((resolve) => {
    child.once('error', () => resolve(127));
    child.once('exit', (code) => resolve(code ?? 1));
  });
  const wallSeconds = (performance.now() - started) / 1000;
  closeSync(log);
  const sampled = sampler?.stop();
  return {
    exitCode,
    wallSeconds,
    peakRssKiB: useTime ? readGnuTimeMaxRssKiB(timeReport) : sampled,
    rssMethod: useTime ? 'GNU time -v (largest process)' : 'sampled /proc VmRSS (process tree, every 200 ms)',
  };
}

/** The lint rules named in a failed build's log ("... [rule-name]"), with how often each failed. */
export function failedLintRules(log: string): Map<string, number> {
  const rules = new Map<string, number>();
  for (const line of log.split('\n')) {
    if (!line.startsWith('  - ')) continue;
    const match = /\[([a-z0-9-]+)\]/.exec(line);
    if (match?.[1] !== undefined) rules.set(match[1], (rules.get(match[1]) ?? 0) + 1);
  }
  return rules;
}

/**
 * A copy of astro.config.mjs beside a redocly.yaml that turns the given rules into warnings.
 * The config reads redocly.yaml from its own folder, so everything else is linked from the project.
 */
export function relaxedLintConfig(dir: string, rules: Iterable<string>): string {
  mkdirSync(dir, { recursive: true });
  for (const entry of readdirSync(ROOT)) {
    if (entry === 'astro.config.mjs' || entry === 'redocly.yaml' || existsSync(join(dir, entry))) continue;
    symlinkSync(join(ROOT, entry), join(dir, entry));
  }
  copyFileSync(join(ROOT, 'astro.config.mjs'), join(dir, 'astro.config.mjs'));
  const ruleset = parseDocument(readFileSync(join(ROOT, 'redocly.yaml'), 'utf8'));
  for (const rule of rules) ruleset.setIn(['rules', rule], 'warn');
  writeFileSync(join(dir, 'redocly.yaml'), ruleset.toString());
  return join(dir, 'astro.config.mjs');
}

/** Count the operations of an OpenAPI document (JSON text). */
export function countOperations(jsonText: string): number {
  const document = JSON.parse(jsonText) as { paths?: Record<string, Record<string, unknown> | undefined> };
  let count = 0;
  for (const item of Object.values(document.paths ?? {})) {
    for (const key of Object.keys(item ?? {})) if (HTTP_METHODS.has(key)) count += 1;
  }
  return count;
}

/** Pages, operation pages (reference/rest-apis/<tag>/<operation>/) and the largest one, in a built site. */
export function pageStats(outDir: string, limitBytes: number): PageStats {
  const files = readdirSync(outDir, { recursive: true, encoding: 'utf8' });
  const pages = files.filter((file) => file.endsWith('.html')).length;
  const reference = join(outDir, 'reference', 'rest-apis');
  let largest: PageStats['largestOperationPage'];
  let operationPages = 0;
  let over = 0;
  for (const tag of existsSync(reference) ? readdirSync(reference) : []) {
    const tagDir = join(reference, tag);
    if (tag === 'schemas' || !statSync(tagDir).isDirectory()) continue;
    for (const operation of readdirSync(tagDir)) {
      const file = join(tagDir, operation, 'index.html');
      if (!existsSync(file)) continue;
      const bytes = statSync(file).size;
      operationPages += 1;
      if (bytes >= limitBytes) over += 1;
      if (!largest || bytes > largest.bytes) largest = { path: `/reference/rest-apis/${tag}/${operation}/`, bytes };
    }
  }
  const specJson = join(outDir, 'openapi', 'meshplay.json');
  const operations = existsSync(specJson) ? countOperations(readFileSync(specJson, 'utf8')) : 0;
  return { pages, operations, operationPages, largestOperationPage: largest, operationPagesOverLimit: over };
}
