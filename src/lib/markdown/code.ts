/** Code in Markdown: inline spans and fenced blocks that hold any text as written, backticks included. */

/** The longest run of a character in a text (0 when there is none). */
function longestRun(text: string, char: '`' | '~'): number {
  let longest = 0;
  for (const match of text.matchAll(char === '`' ? /`+/g : /~+/g)) longest = Math.max(longest, match[0].length);
  return longest;
}

/**
 * Inline code that shows a text as written: a longer backtick fence when the text holds
 * backticks, padded with a space when it starts or ends with one, on one line.
 */
export function inlineCode(text: string): string {
  const flat = text.replace(/\r?\n/g, ' ');
  const fence = '`'.repeat(longestRun(flat, '`') + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || (flat.startsWith(' ') && flat.endsWith(' ') && flat.trim() !== '') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** A fenced code block whose fence is longer than any backtick run in the code, so that nothing inside can close it. */
export function fencedCode(code: string, lang = ''): string {
  if (/[`\s]/.test(lang)) throw new Error(`A code block's language must be one word without backticks, not "${lang}".`);
  const fence = '`'.repeat(Math.max(3, longestRun(code, '`') + 1));
  const body = code.endsWith('\n') ? code : `${code}\n`;
  return `${fence}${lang}\n${body}${fence}`;
}

/** Whether a line opens or closes a fenced code block: its fence ("```", "~~~~"), else undefined. */
export function fenceOf(line: string): string | undefined {
  return /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
}

/**
 * Split Markdown into the lines outside fenced code blocks and the blocks themselves, so that
 * a transformation can leave code alone. Each part keeps its lines in order; joining every
 * part's lines with "\n" gives the text back.
 */
export function splitFencedCode(markdown: string): Array<{ code: boolean; lines: string[] }> {
  const parts: Array<{ code: boolean; lines: string[] }> = [];
  let open: string | undefined;
  const push = (code: boolean, line: string) => {
    const last = parts[parts.length - 1];
    if (last && last.code === code) last.lines.push(line);
    else parts.push({ code, lines: [line] });
  };
  for (const line of markdown.split('\n')) {
    const fence = fenceOf(line);
    if (open === undefined) {
      if (fence !== undefined && !(fence.startsWith('`') && line.slice(line.indexOf(fence) + fence.length).includes('`'))) {
        open = fence;
        // The opening line belongs to the block it opens.
        parts.push({ code: true, lines: [line] });
        continue;
      }
      push(false, line);
    } else {
      push(true, line);
      if (fence !== undefined && fence[0] === open[0] && fence.length >= open.length && line.trim() === fence) open = undefined;
    }
  }
  return parts;
}

/** Apply a transformation to every line outside fenced code blocks. */
export function mapProseLines(markdown: string, transform: (line: string) => string): string {
  return splitFencedCode(markdown)
    .flatMap((part) => (part.code ? part.lines : part.lines.map(transform)))
    .join('\n');
}
