import { describe, expect, it } from 'vitest';
import { SpecError } from '../../src/lib/openapi/spec-error.ts';
import { countByRule, formatWarningsFile, summarizeWarnings, type SpecWarning } from '../../src/lib/openapi/spec-warnings.ts';
import { readStrictFlag } from '../../src/lib/openapi/strict-mode.ts';

/** A warning of a rule at a line of spec.yaml. */
function warning(rule: string, line: number): SpecWarning {
  const place = `spec.yaml:${line}:1 (#/paths/~1p${line})`;
  return { rule, place, text: `${place}: something about ${rule} [${rule}]` };
}

const WARNINGS = [
  warning('struct', 1),
  warning('no-path-trailing-slash', 2),
  warning('struct', 3),
  warning('no-unresolved-refs', 4),
  warning('struct', 5),
  warning('no-path-trailing-slash', 6),
  warning('no-server-trailing-slash', 7),
];

describe('the warnings summary', () => {
  it('counts warnings per rule, most frequent first', () => {
    expect(countByRule(WARNINGS)).toEqual([
      ['struct', 3],
      ['no-path-trailing-slash', 2],
      ['no-server-trailing-slash', 1],
      ['no-unresolved-refs', 1],
    ]);
  });

  it('says the site is built, counts per rule, quotes the first five and names the file with all of them', () => {
    const summary = summarizeWarnings('spec.yaml', WARNINGS, 1, '.astro/spec-warnings.txt');
    const lines = summary.split('\n');
    expect(lines[0]).toBe(
      'spec.yaml: 7 lint warnings; the site is built anyway (set OPENAPI_STRICT=1 to stop the build on lint errors instead).',
    );
    expect(lines[1]).toBe('  By rule: struct 3, no-path-trailing-slash 2, no-server-trailing-slash 1, no-unresolved-refs 1.');
    expect(lines[2]).toMatch(/1 \$ref could not be resolved: the pages that use them show a note/);
    expect(lines.filter((line) => line.startsWith('  - '))).toEqual(WARNINGS.slice(0, 5).map((entry) => `  - ${entry.text}`));
    expect(lines.at(-1)).toBe('  ...and 2 more: every warning is in .astro/spec-warnings.txt.');
  });

  it('still names the file when every warning is quoted', () => {
    const summary = summarizeWarnings('spec.yaml', WARNINGS.slice(0, 1), 0, '.astro/spec-warnings.txt');
    expect(summary).not.toMatch(/could not be resolved/);
    expect(summary.split('\n').at(-1)).toBe('  Every warning is also in .astro/spec-warnings.txt.');
  });

  it('writes every warning to the file, after the counts per rule', () => {
    const text = formatWarningsFile('spec.yaml', WARNINGS);
    expect(text.split('\n').slice(0, 5)).toEqual([
      'Lint warnings of spec.yaml: 7.',
      '  struct: 3',
      '  no-path-trailing-slash: 2',
      '  no-server-trailing-slash: 1',
      '  no-unresolved-refs: 1',
    ]);
    for (const entry of WARNINGS) expect(text).toContain(`\n${entry.text}\n`);
  });
});

describe('OPENAPI_STRICT', () => {
  it('reads 1, true, yes and on as strict, and unset, empty, 0, false, no and off as not', () => {
    for (const value of ['1', 'true', 'YES', ' on ']) expect(readStrictFlag(value), value).toBe(true);
    for (const value of [undefined, '', '0', 'false', 'No', 'off']) expect(readStrictFlag(value), String(value)).toBe(false);
  });

  it('refuses any other value and says what to set', () => {
    expect(() => readStrictFlag('strict')).toThrow(SpecError);
    expect(() => readStrictFlag('strict')).toThrow(/OPENAPI_STRICT is "strict", which is neither on nor off\. Set it to 1/);
  });
});
