/**
 * Lint findings of a spec that is not the project's own: reported, never a reason to
 * refuse the site. The console gets a short summary; the whole list goes to a file.
 */

/** One lint finding that does not stop the build. */
export interface SpecWarning {
  /** The lint rule that found it ("no-path-trailing-slash", "struct", "no-unresolved-refs"...). */
  rule: string;
  /** "file:line:col (pointer)". */
  place: string;
  /** The whole line: place, what is wrong, the rule and what to do. */
  text: string;
}

/** How many warnings the console summary quotes in full. */
export const WARNINGS_QUOTED = 5;

/** Where the full list of warnings is written, relative to the project root (.astro/ is not committed). */
export const WARNINGS_FILE = '.astro/spec-warnings.txt';

/** Count warnings per rule, most frequent first (ties by rule name). */
export function countByRule(warnings: readonly SpecWarning[]): Array<[rule: string, count: number]> {
  const counts = new Map<string, number>();
  for (const warning of warnings) counts.set(warning.rule, (counts.get(warning.rule) ?? 0) + 1);
  return [...counts].sort(([ruleA, countA], [ruleB, countB]) => countB - countA || ruleA.localeCompare(ruleB));
}

/** "3 warnings" / "1 warning". */
function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * The console summary: how many warnings of which rule, the first few in full, and the file
 * with the rest. `unresolvedRefs` says how many $refs became a visible note on the pages.
 */
export function summarizeWarnings(
  specShown: string,
  warnings: readonly SpecWarning[],
  unresolvedRefs: number,
  fileShown: string,
): string {
  const lines = [
    `${specShown}: ${plural(warnings.length, 'lint warning')}; the site is built anyway ` +
      '(set OPENAPI_STRICT=1 to stop the build on lint errors instead).',
    `  By rule: ${countByRule(warnings)
      .map(([rule, count]) => `${rule} ${count}`)
      .join(', ')}.`,
  ];
  if (unresolvedRefs > 0) {
    lines.push(`  ${plural(unresolvedRefs, '$ref')} could not be resolved: the pages that use them show a note in their place.`);
  }
  lines.push(...warnings.slice(0, WARNINGS_QUOTED).map((warning) => `  - ${warning.text}`));
  const rest = warnings.length - WARNINGS_QUOTED;
  lines.push(rest > 0 ? `  ...and ${rest} more: every warning is in ${fileShown}.` : `  Every warning is also in ${fileShown}.`);
  return lines.join('\n');
}

/** The text of the warnings file: a header with the counts per rule, then one warning per line. */
export function formatWarningsFile(specShown: string, warnings: readonly SpecWarning[]): string {
  const header = [
    `Lint warnings of ${specShown}: ${warnings.length}.`,
    ...countByRule(warnings).map(([rule, count]) => `  ${rule}: ${count}`),
    '',
  ];
  return [...header, ...warnings.map((warning) => warning.text), ''].join('\n');
}
