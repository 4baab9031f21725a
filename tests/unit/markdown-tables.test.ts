import { describe, expect, it } from 'vitest';
import { renderTable } from '../../src/lib/markdown/tables.ts';

describe('Markdown tables', () => {
  it('renders a header, a separator and one line per row', () => {
    expect(renderTable(['Name', 'Type'], [['`id`', 'string']])).toBe('| Name | Type |\n| --- | --- |\n| `id` | string |');
  });

  it('keeps a description with pipes and line breaks in its own cell', () => {
    const table = renderTable(['Field', 'Description'], [['`mode`', 'Either `a|b` or c | d.\nSecond line.\n\nNew paragraph.']]);
    const row = table.split('\n')[2] ?? '';
    expect(table.split('\n')).toHaveLength(3);
    expect(row).toBe('| `mode` | Either `a\\|b` or c \\| d. Second line.<br><br>New paragraph. |');
    // Three unescaped pipes: the row has exactly two cells.
    expect(row.match(/(?<!\\)\|/g)).toHaveLength(3);
  });

  it('says which row has the wrong number of cells', () => {
    expect(() => renderTable(['A', 'B'], [['1', '2'], ['3']])).toThrow(/Row 2 .* 1 cells for 2 columns/);
    expect(() => renderTable([], [])).toThrow(/at least one column/);
  });
});
