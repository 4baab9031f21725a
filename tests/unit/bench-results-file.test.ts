import { describe, expect, it } from 'vitest';
import type { Report } from '../../scripts/bench/report.ts';
import { readmeLine, renderResultsFile, replaceBetweenMarkers } from '../../scripts/bench/results-file.ts';

const REPORT: Report = {
  date: '2026-11-28T09:15:00.000Z',
  machine: {
    cores: 2,
    memoryGiB: 24,
    cpu: 'AMD EPYC',
    platform: 'linux 6.18',
    node: 'v24.21.0',
    chromium: 'system',
    loadAverage: { start: 4.3, end: 2.4 },
  },
  totalSeconds: 557,
  serverRestarts: 0,
  sections: {},
  budgets: [],
  failedBudgets: [],
};

describe('bench/RESULTS.md', () => {
  it('holds the printed report under a title that says when and where it was measured', () => {
    const text = renderResultsFile(REPORT, '## Benchmark results\n\n| a |', []);
    expect(text).toMatch(/^# Benchmark results\n\nWritten by `npm run bench`/);
    expect(text).toContain('Measured 28 November 2026, on 2 cores (AMD EPYC) with 24 GiB, load average 4.3 at the start.');
    expect(text).toContain('\n\n## Benchmark results\n\n| a |\n');
    expect(text).not.toContain('partial run');
  });

  it('says which sections a partial run left out', () => {
    expect(renderResultsFile(REPORT, 'tables', ['build', 'lighthouse'])).toContain(
      '> A partial run (`--only`): build, lighthouse did not run this time.',
    );
    expect(readmeLine(REPORT, ['build'])).toMatch(/\(a partial run: build not measured\)\.$/);
  });

  it("rewrites only the README's line between the markers, and leaves a README without them alone", () => {
    const readme = 'before\n<!-- bench:measured -->\nold line\n<!-- /bench:measured -->\nafter\n';
    expect(replaceBetweenMarkers(readme, readmeLine(REPORT, []))).toBe(
      'before\n<!-- bench:measured -->\n' +
        'The latest results are in [`bench/RESULTS.md`](bench/RESULTS.md), measured 28 November 2026, on 2 cores (AMD EPYC) with 24 GiB, load average 4.3 at the start.\n' +
        '<!-- /bench:measured -->\nafter\n',
    );
    expect(replaceBetweenMarkers('no markers here', 'x')).toBeUndefined();
  });
});
