/** Section: the Markdown outputs of a built site, by size: every `<page>/index.md` twin, /llms.txt and /llms-full.txt. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { LLMS_FULL_LIMIT_BYTES } from './budgets.ts';
import { budget, type SectionResult } from './types.ts';
import { kb } from './util.ts';

/** The size of one file, raw and gzipped (zlib level 6, as the page weight section). */
export interface FileSize {
  path: string;
  bytes: number;
  gzip: number;
}

export interface TwinsData {
  twins: number;
  /** Every twin together, raw and gzipped one by one (as a host serves them). */
  totalBytes: number;
  totalGzip: number;
  largest: FileSize | undefined;
  llmsTxt: FileSize | undefined;
  llmsFull: FileSize | undefined;
}

/** MB (1,024 KB) with two decimals. */
function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

/** The size of a file of the site, or undefined when it is not there. */
function sizeOf(siteDir: string, path: string): FileSize | undefined {
  const file = join(siteDir, path);
  if (!existsSync(file)) return undefined;
  const body = readFileSync(file);
  return { path: `/${path.split(sep).join('/')}`, bytes: body.length, gzip: gzipSync(body).length };
}

/** Measure the twins and llms files of a built site (no server, no browser). */
export function measureTwins(siteDir: string): TwinsData {
  const twins = readdirSync(siteDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file === 'index.md' || file.endsWith(`${sep}index.md`))
    .map((file) => sizeOf(siteDir, file))
    .filter((size): size is FileSize => size !== undefined);
  const largest = twins.reduce<FileSize | undefined>((top, size) => (top === undefined || size.bytes > top.bytes ? size : top), undefined);
  return {
    twins: twins.length,
    totalBytes: twins.reduce((sum, size) => sum + size.bytes, 0),
    totalGzip: twins.reduce((sum, size) => sum + size.gzip, 0),
    largest,
    llmsTxt: sizeOf(siteDir, 'llms.txt'),
    llmsFull: sizeOf(siteDir, 'llms-full.txt'),
  };
}

/** The section: the sizes as a table, and the budget of /llms-full.txt. */
export function benchTwins(siteDir: string): Promise<SectionResult<TwinsData>> {
  const started = performance.now();
  if (!statSync(siteDir, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`no built site in ${siteDir}`);
  const data = measureTwins(siteDir);
  const size = (file: FileSize | undefined) => (file === undefined ? 'missing' : `${kb(file.bytes)} / ${kb(file.gzip)}`);
  const full = data.llmsFull?.bytes;
  return Promise.resolve({
    name: 'twins',
    data,
    tables: [
      {
        title: 'Markdown twins and llms.txt',
        headers: ['Output', 'Files', 'Raw / gzip', 'Largest'],
        rows: [
          [
            'Twins (`<page>/index.md`)',
            String(data.twins),
            `${kb(data.totalBytes)} / ${kb(data.totalGzip)}`,
            data.largest ? `${kb(data.largest.bytes)} (${data.largest.path})` : '–',
          ],
          ['/llms.txt', data.llmsTxt ? '1' : '0', size(data.llmsTxt), '–'],
          ['/llms-full.txt', data.llmsFull ? '1' : '0', size(data.llmsFull), '–'],
        ],
        notes: [`Measured in ${relative(process.cwd(), siteDir) || siteDir}; gzip: zlib level 6, each file by itself.`],
      },
    ],
    budgets: [
      budget(
        'twins',
        '/llms-full.txt',
        `< ${mb(LLMS_FULL_LIMIT_BYTES)}`,
        full === undefined ? 'missing' : mb(full),
        full === undefined ? false : full < LLMS_FULL_LIMIT_BYTES,
      ),
    ],
    seconds: (performance.now() - started) / 1000,
  });
}
