/** What `npm run check-server` prints: a table, a summary line, or the results as JSON. */
import type { Difference } from '../../src/lib/contract/verdict.ts';
import type { OperationResult } from './run.ts';

/** Counts for the summary line and the exit status. */
export interface Summary {
  operations: number;
  called: number;
  match: number;
  drift: number;
  timeout: number;
  error: number;
  notCalled: { writes: number; sideEffects: number; streams: number; needsValue: number };
}

/** Count the results. */
export function summarize(results: readonly OperationResult[]): Summary {
  const count = (test: (result: OperationResult) => boolean): number => results.filter(test).length;
  const notCalled = (pattern: RegExp): number => count((result) => result.outcome === 'not-called' && pattern.test(result.reason ?? ''));
  return {
    operations: results.length,
    called: count((result) => result.outcome !== 'not-called'),
    match: count((result) => result.outcome === 'match'),
    drift: count((result) => result.outcome === 'drift'),
    timeout: count((result) => result.outcome === 'timeout'),
    error: count((result) => result.outcome === 'error'),
    notCalled: {
      writes: notCalled(/ writes:/),
      sideEffects: notCalled(/^it has side effects/),
      streams: notCalled(/^it streams/),
      needsValue: notCalled(/^needs /),
    },
  };
}

/** Whether the server drifted from the spec: any called operation that did not match. */
export function hasDrift(summary: Summary): boolean {
  return summary.drift + summary.timeout + summary.error > 0;
}

/** A difference in one line: where, then what. */
export function describeDifference(difference: Difference): string {
  if (difference.kind !== 'body') return `${difference.kind}: ${difference.message}`;
  return `${difference.pointer === undefined || difference.pointer === '' ? 'body' : difference.pointer}: ${difference.message}`;
}

/** The table: every called operation, and those not called for want of a parameter value. */
export function formatTable(results: readonly OperationResult[]): string {
  const rows = results
    .filter((result) => result.outcome !== 'not-called' || (result.reason ?? '').startsWith('needs '))
    .map((result) => [
      result.key,
      result.status === undefined ? '-' : String(result.status),
      verdictLabel(result),
      firstDifference(result),
    ]);
  const header = ['Operation', 'Status', 'Verdict', 'First difference'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  // The last column is not padded: it can be long.
  const line = (cells: string[]): string =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

/** The verdict column. */
function verdictLabel(result: OperationResult): string {
  return result.outcome === 'not-called' ? 'not called' : result.outcome;
}

/** The first-difference column: the first difference (and how many more), the reason for a timeout, error or skip. */
function firstDifference(result: OperationResult): string {
  const differences = result.verdict?.differences ?? [];
  const first = differences[0];
  if (first) return `${describeDifference(first)}${differences.length > 1 ? ` (+${differences.length - 1} more)` : ''}`;
  return result.reason ?? '';
}

/** The summary line. */
export function formatSummary(summary: Summary, server: string): string {
  const problems = [
    `${summary.drift} drift`,
    ...(summary.timeout > 0 ? [`${summary.timeout} timed out`] : []),
    ...(summary.error > 0 ? [`${summary.error} failed`] : []),
  ];
  const skipped = summary.notCalled;
  return (
    `${summary.called} of ${summary.operations} operations called on ${server}: ${summary.match} match, ${problems.join(', ')}. ` +
    `Not called: ${skipped.writes} writes, ${skipped.sideEffects} with side effects, ${skipped.streams} event streams, ${skipped.needsValue} needing a parameter value.`
  );
}

/** The results as JSON: no token, no cookie. */
export function formatJson(
  results: readonly OperationResult[],
  summary: Summary,
  context: { server: string; spec: string; provider: string },
): string {
  return JSON.stringify({ ...context, summary, drift: hasDrift(summary), results }, null, 2);
}
