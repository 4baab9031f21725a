/** Tables (Markdown, readable in a terminal and pasteable into README.md) and the JSON results. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Budget, SectionResult, Table } from './types.ts';
import { ROOT } from './util.ts';

export interface Machine {
  cores: number;
  memoryGiB: number;
  cpu: string;
  platform: string;
  node: string;
  chromium: string;
  /** 1-minute load average when the run started and ended: other work on the machine skews every figure. */
  loadAverage: { start: number; end: number };
}

export interface Report {
  date: string;
  machine: Machine;
  totalSeconds: number;
  /** Times a server of the benchmark was ended by something else and started again. */
  serverRestarts: number;
  sections: Record<string, { skipped?: string | undefined; seconds: number; data?: unknown }>;
  budgets: Budget[];
  failedBudgets: Budget[];
}

/** Escape a cell for a Markdown table. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** One Markdown table, with its title above and notes below. */
export function renderTable(table: Table): string {
  const lines = [
    `### ${table.title}`,
    '',
    `| ${table.headers.map(cell).join(' | ')} |`,
    `| ${table.headers.map(() => '---').join(' | ')} |`,
  ];
  for (const row of table.rows) lines.push(`| ${row.map(cell).join(' | ')} |`);
  if (table.notes.length > 0) lines.push('', ...table.notes.map((note) => `- ${note}`));
  return lines.join('\n');
}

/** ✓, ✗, or "–" for a budget that was not measured. */
export function statusMark(pass: boolean | null): string {
  return pass === null ? '–' : pass ? '✓' : '✗';
}

/** The budgets of one section as a table. */
function budgetTable(section: string, budgets: Budget[]): Table {
  return {
    title: `Budgets: ${section}`,
    headers: ['', 'Budget', 'Limit', 'Measured'],
    rows: budgets.map((entry) => [statusMark(entry.pass), entry.name, entry.limit, entry.actual]),
    notes: [],
  };
}

/** The whole report as Markdown: for each section its tables and its budgets, then a summary. */
export function renderReport(report: Report, sections: Array<SectionResult<unknown>>): string {
  const { machine } = report;
  const parts = [
    `## Benchmark results, ${report.date}`,
    '',
    `Machine: ${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB, ${machine.platform}; Node ${machine.node}; Chromium ${machine.chromium}. Load average ${machine.loadAverage.start} at the start, ${machine.loadAverage.end} at the end. Total ${Math.round(report.totalSeconds)} s.`,
  ];
  if (machine.loadAverage.start > machine.cores) {
    parts.push(
      '',
      `> The machine was busy with other work (load average ${machine.loadAverage.start} on ${machine.cores} cores): times and Lighthouse performance scores come out worse than on an idle machine.`,
    );
  }
  if (report.serverRestarts > 0) {
    parts.push(
      '',
      `> A server of the benchmark was ended by another process ${report.serverRestarts} time(s) and started again; a measurement running at that moment may have failed.`,
    );
  }
  for (const section of sections) {
    if (section.skipped !== undefined) {
      parts.push('', `### ${section.name}`, '', `skipped: ${section.skipped}`);
      continue;
    }
    for (const table of section.tables) parts.push('', renderTable(table));
    if (section.budgets.length > 0) parts.push('', renderTable(budgetTable(section.name, section.budgets)));
  }
  const failed = report.failedBudgets;
  const measured = report.budgets.filter((entry) => entry.pass !== null).length;
  parts.push(
    '',
    failed.length === 0
      ? `All ${measured} measured budgets hold.`
      : `${failed.length} of ${measured} measured budgets broken: ${failed.map((entry) => entry.name).join('; ')}.`,
  );
  return parts.join('\n');
}

/** Write the report to bench/results/<timestamp>.json and bench/results/latest.json; returns the timestamped path. */
export function writeResults(report: Report): string {
  const dir = join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const stamp = report.date.replace(/[:.]/g, '-');
  const text = `${JSON.stringify(report, null, 2)}\n`;
  const path = join(dir, `${stamp}.json`);
  writeFileSync(path, text);
  writeFileSync(join(dir, 'latest.json'), text);
  return path;
}
