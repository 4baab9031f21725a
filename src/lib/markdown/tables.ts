import { escapeCell } from './escape.ts';

/**
 * A GitHub Flavored Markdown table. Cells are Markdown: each is made to fit its cell (pipes
 * escaped, line breaks flattened); an empty cell stays empty. Every row must have a cell per column.
 */
export function renderTable(headers: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  if (headers.length === 0) throw new Error('A Markdown table needs at least one column.');
  rows.forEach((row, index) => {
    if (row.length !== headers.length) {
      throw new Error(
        `Row ${index + 1} of a Markdown table has ${row.length} cells for ${headers.length} columns (${headers.join(', ')}).`,
      );
    }
  });
  const line = (cells: readonly string[]) => `| ${cells.map(escapeCell).join(' | ')} |`;
  return [line(headers), `| ${headers.map(() => '---').join(' | ')} |`, ...rows.map(line)].join('\n');
}
