import { mapProseLines } from './code.ts';

/** An ATX heading line: up to three spaces, one to six "#", then a space or the end. */
const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+|$)(.*?)(?:[ \t]+#+)?[ \t]*$/;

/** A heading line of a given depth (1 to 6). */
export function heading(depth: number, text: string): string {
  if (!Number.isInteger(depth) || depth < 1 || depth > 6)
    throw new Error(`A Markdown heading's depth is 1 to 6, not ${depth} ("${text}").`);
  return `${'#'.repeat(depth)} ${text.replace(/\s*\n\s*/g, ' ').trim()}`;
}

/**
 * Move every heading of a Markdown text down by some levels (a page's "#" becomes "##" inside a
 * bigger document). Headings that would pass level 6 become bold paragraphs. Code is left alone.
 */
export function shiftHeadings(markdown: string, by: number): string {
  if (!Number.isInteger(by) || by < 0) throw new Error(`Headings shift down by a whole number of levels, not ${by}.`);
  if (by === 0) return markdown;
  return mapProseLines(markdown, (line) => {
    const match = ATX_HEADING.exec(line);
    if (!match) return line;
    const depth = (match[1]?.length ?? 1) + by;
    const text = match[2] ?? '';
    return depth <= 6 ? heading(depth, text) : `**${text}**`;
  });
}

/**
 * Turn the headings of a text that sits under a page's own headings (a description from the
 * spec) into bold paragraphs, as the HTML pages do, so that it cannot break the page's outline.
 */
export function flattenHeadings(markdown: string): string {
  return mapProseLines(markdown, (line) => {
    const match = ATX_HEADING.exec(line);
    return match ? `**${match[2] ?? ''}**` : line;
  });
}
