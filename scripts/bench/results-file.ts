/**
 * The committed copy of the latest benchmark report: bench/RESULTS.md holds the tables the run
 * printed, and one line of README.md (between markers) says when and where they were measured,
 * so that neither goes stale while the JSON figures stay local (bench/results/, ignored).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Report } from './report.ts';
import { ROOT } from './util.ts';

/** The committed report, relative to the project root. */
export const RESULTS_FILE = 'bench/RESULTS.md';

const README_START = '<!-- bench:measured -->';
const README_END = '<!-- /bench:measured -->';

/** "28 November 2026" from an ISO date. */
function longDate(iso: string): string {
  return new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** When and where a report was measured, in one sentence. */
export function measuredWhere(report: Report): string {
  const { machine } = report;
  return (
    `${longDate(report.date)}, on ${machine.cores} cores (${machine.cpu}) with ${machine.memoryGiB} GiB, ` +
    `load average ${machine.loadAverage.start} at the start`
  );
}

/** The text of bench/RESULTS.md: a title, what ran and what did not, then the report as printed. */
export function renderResultsFile(report: Report, printed: string, notRun: readonly string[]): string {
  const lines = [
    '# Benchmark results',
    '',
    `Written by \`npm run bench\` (scripts/bench/); do not edit by hand. Measured ${measuredWhere(report)}.`,
  ];
  if (notRun.length > 0) {
    lines.push('', `> A partial run (\`--only\`): ${notRun.join(', ')} did not run this time.`);
  }
  return `${lines.join('\n')}\n\n${printed}\n`;
}

/** The README line that links the results: when and where, and which sections ran. */
export function readmeLine(report: Report, notRun: readonly string[]): string {
  const partial = notRun.length > 0 ? ` (a partial run: ${notRun.join(', ')} not measured)` : '';
  return `The latest results are in [\`${RESULTS_FILE}\`](${RESULTS_FILE}), measured ${measuredWhere(report)}${partial}.`;
}

/** Replace the text between the README's markers; the README is left alone when it has none. */
export function replaceBetweenMarkers(readme: string, line: string): string | undefined {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) return undefined;
  return `${readme.slice(0, start + README_START.length)}\n${line}\n${readme.slice(end)}`;
}

/** Write bench/RESULTS.md and the README's results line; returns what was written, for the log. */
export function writeResultsFile(report: Report, printed: string, notRun: readonly string[]): string[] {
  writeFileSync(join(ROOT, RESULTS_FILE), renderResultsFile(report, printed, notRun));
  const written = [RESULTS_FILE];
  const readmePath = join(ROOT, 'README.md');
  const readme = existsSync(readmePath) ? readFileSync(readmePath, 'utf8') : '';
  const updated = replaceBetweenMarkers(readme, readmeLine(report, notRun));
  if (updated !== undefined && updated !== readme) {
    writeFileSync(readmePath, updated);
    written.push('README.md (its results line)');
  }
  return written;
}
