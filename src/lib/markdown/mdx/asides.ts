import { splitFencedCode } from '../code.ts';

/** Starlight's aside directives and the title each shows without one of its own. */
const ASIDE_TITLES: Record<string, string> = { note: 'Note', tip: 'Tip', caution: 'Caution', danger: 'Danger' };

const OPEN = /^(\s*):::(\w+)(?:\[(.*)\])?\s*$/;
const CLOSE = /^\s*:::\s*$/;

/** Quote lines of Markdown (`> `), keeping empty lines inside the quote. */
function quote(lines: string[]): string[] {
  return lines.map((line) => (line.trim() === '' ? '>' : `> ${line}`));
}

/**
 * Turn Starlight's asides (`:::tip`, `:::caution[Title]` … `:::`) into quotes that plain
 * Markdown shows: `> **Tip**` or `> **Title**`, then the content. Nested asides nest quotes;
 * code blocks are left alone. An aside that is not closed is an error naming its line.
 */
export function convertAsides(markdown: string, where = 'the page'): string {
  // Work line by line but never inside code: mark code lines so that they cannot open or close an aside.
  const lines: Array<{ text: string; code: boolean }> = splitFencedCode(markdown).flatMap((part) =>
    part.lines.map((text) => ({ text, code: part.code })),
  );
  return convertLines(lines, 0, where).join('\n');
}

/** Convert a run of lines (with their code marks); `offset` is the first one's index, for messages. */
function convertLines(lines: Array<{ text: string; code: boolean }>, offset: number, where: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] as { text: string; code: boolean };
    const open = line.code ? null : OPEN.exec(line.text);
    if (!open) {
      out.push(line.text);
      continue;
    }
    const [, indent = '', type = 'note', title] = open;
    let depth = 1;
    let end = i + 1;
    for (; end < lines.length; end += 1) {
      const candidate = lines[end] as { text: string; code: boolean };
      if (candidate.code) continue;
      if (OPEN.test(candidate.text)) depth += 1;
      else if (CLOSE.test(candidate.text)) depth -= 1;
      if (depth === 0) break;
    }
    if (depth !== 0) throw new Error(`${where}, line ${offset + i + 1}: the aside ":::${type}" is never closed with ":::".`);
    const inner = convertLines(
      lines
        .slice(i + 1, end)
        .map((entry) => ({ ...entry, text: entry.text.startsWith(indent) ? entry.text.slice(indent.length) : entry.text })),
      offset + i + 1,
      where,
    );
    const label = title?.trim() || ASIDE_TITLES[type] || type;
    out.push(...quote([`**${label}**`, '', ...trimBlankEdges(inner)]).map((text) => `${indent}${text}`));
    i = end;
  }
  return out;
}

/** Lines without the blank ones at either end. */
export function trimBlankEdges(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start]?.trim() === '') start += 1;
  while (end > start && lines[end - 1]?.trim() === '') end -= 1;
  return lines.slice(start, end);
}
