/**
 * Escaping for Markdown: text that must show as written (titles, names), and Markdown that must
 * fit one table cell. GitHub Flavored Markdown's rules: a pipe splits cells unless escaped (even
 * inside a code span), and a line break ends the row.
 */

// Characters that start emphasis, code, links, HTML or escapes anywhere in a line.
const INLINE_SPECIAL = /[\\`*[\]<>|]/g;
// An underscore emphasises only at a word's edge: `get_user_prefs` reads as it is.
const EDGE_UNDERSCORE = /(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g;

/** Escape plain text so that Markdown shows it as written: `a_b*c` stays `a_b*c`, `<T>` is not HTML. */
export function escapeText(text: string): string {
  // A leading "#", ">", "-", "+" or "1." would make a heading, a quote or a list of the whole line.
  return text
    .replace(INLINE_SPECIAL, '\\$&')
    .replace(EDGE_UNDERSCORE, '\\_')
    .replace(/^(\s*)([#>+-]|\d+[.)])(?=\s|$)/, (_, space: string, mark: string) => `${space}${mark.replace(/[#>+\-.)]/, '\\$&')}`);
}

/**
 * Make a piece of Markdown fit one table cell: pipes escaped (already escaped ones kept), line
 * breaks inside a paragraph turned into spaces, and paragraphs separated by `<br><br>`.
 */
export function escapeCell(markdown: string): string {
  return markdown
    .trim()
    .split(/\n[ \t]*\n\s*/)
    .map((paragraph) => paragraph.replace(/\s*\n\s*/g, ' '))
    .join('<br><br>')
    .replace(/\\?\|/g, '\\|');
}
