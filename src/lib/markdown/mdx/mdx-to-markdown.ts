import { splitFencedCode } from '../code.ts';
import { convertAsides, trimBlankEdges } from './asides.ts';
import { parseJsxTag, type JsxTag } from './jsx-tag.ts';

/** What a component becomes in plain Markdown, given its tag and its children (already plain Markdown). */
export type MdxComponent = (tag: JsxTag, children: string | undefined) => string;

export interface MdxToMarkdownOptions {
  /** The page's source file, for error messages. */
  file: string;
  /** Every component the page may use, by name; any other is an error. */
  components: Readonly<Record<string, MdxComponent>>;
}

interface Line {
  text: string;
  code: boolean;
}

/** A component tag at the start of a line (after indentation): capitalised, as MDX requires of components. */
const COMPONENT_START = /^(\s*)<([A-Z][\w.]*)/;
/** A component tag anywhere else in a line, outside code spans. */
const INLINE_COMPONENT = /<[A-Z][\w.]*[\s/>]/;

/**
 * Turn an MDX page into plain Markdown: imports, exports and `{/* comments *\/}` removed,
 * each component replaced by what `components` makes of it (its children converted first),
 * Starlight's asides turned into quotes. Code blocks are kept as written. Components must stand
 * on their own lines (block components); anything else is an error that names the file, the
 * line and what to do.
 */
export function mdxToMarkdown(source: string, options: MdxToMarkdownOptions): string {
  const lines: Line[] = splitFencedCode(source).flatMap((part) => part.lines.map((text) => ({ text, code: part.code })));
  const body = convertBlock(lines, 0, options);
  return `${trimBlankEdges(convertAsides(collapseBlankLines(body).join('\n'), options.file).split('\n')).join('\n')}\n`;
}

/** Convert a run of lines; `offset` is the index of its first line in the file, for messages. */
function convertBlock(lines: Line[], offset: number, options: MdxToMarkdownOptions): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] as Line;
    const where = `${options.file}:${offset + i + 1}`;
    if (line.code) {
      out.push(line.text);
      continue;
    }
    if (/^(import|export)\s/.test(line.text)) {
      i = statementEnd(lines, i);
      continue;
    }
    if (/^\s*\{\/\*/.test(line.text)) {
      i = commentEnd(lines, i, where);
      continue;
    }
    const start = COMPONENT_START.exec(line.text);
    if (start) {
      const next = convertComponent(lines, i, offset, options, start[1] ?? '');
      out.push(...next.lines);
      i = next.last;
      continue;
    }
    if (INLINE_COMPONENT.test(withoutCodeSpans(line.text))) {
      throw new Error(`${where}: a component inside a line of text has no Markdown form here; put it on a line of its own.`);
    }
    out.push(line.text);
  }
  return out;
}

/**
 * The index of the last line of an import or export statement: braces balanced, and the line
 * ends the statement (a module name, a semicolon) or a blank line follows.
 */
function statementEnd(lines: Line[], first: number): number {
  let depth = 0;
  for (let i = first; i < lines.length; i += 1) {
    const text = lines[i]?.text ?? '';
    depth += (text.match(/\{/g)?.length ?? 0) - (text.match(/\}/g)?.length ?? 0);
    const next = lines[i + 1]?.text;
    if (depth <= 0 && (/['";]\s*$/.test(text) || next === undefined || next.trim() === '')) return i;
  }
  return lines.length - 1;
}

/** The index of the line that closes an MDX comment `{/* … *\/}`. */
function commentEnd(lines: Line[], first: number, where: string): number {
  for (let i = first; i < lines.length; i += 1) {
    if ((lines[i]?.text ?? '').includes('*/}')) return i;
  }
  throw new Error(`${where}: the comment "{/*" is never closed with "*/}".`);
}

/** A line without its code spans, to look for tags in its text only. */
function withoutCodeSpans(text: string): string {
  return text.replace(/(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g, '');
}

/** Convert the component that starts at line `first`: its replacement lines, and the index of its last line. */
function convertComponent(
  lines: Line[],
  first: number,
  offset: number,
  options: MdxToMarkdownOptions,
  indent: string,
): { lines: string[]; last: number } {
  const where = `${options.file}:${offset + first + 1}`;
  const rest = lines
    .slice(first)
    .map((line) => line.text)
    .join('\n')
    .slice(indent.length);
  let tag: JsxTag;
  try {
    tag = parseJsxTag(rest);
  } catch (error) {
    throw new Error(`${where}: ${(error as Error).message}.`, { cause: error });
  }
  const render = options.components[tag.name];
  if (render === undefined) {
    throw new Error(
      `${where}: the component <${tag.name}> has no Markdown form. Add one to the components given to mdxToMarkdown (src/lib/twins/guide-components.ts), or write the content in Markdown.`,
    );
  }
  const tagLines = rest.slice(0, tag.length).split('\n').length;
  const tagLast = first + tagLines - 1;
  const after = rest.slice(tag.length).split('\n')[0] ?? '';
  if (after.trim() !== '')
    throw new Error(`${where}: put nothing after <${tag.name}> on its line ("${after.trim()}"); give the children lines of their own.`);
  if (tag.selfClosing) return { lines: indentLines(render(tag, undefined), indent), last: tagLast };

  const close = closingLine(lines, tagLast + 1, tag.name);
  if (close === undefined) throw new Error(`${where}: <${tag.name}> is never closed with </${tag.name}> on a line of its own.`);
  const children = dedent(lines.slice(tagLast + 1, close));
  const converted = trimBlankEdges(convertBlock(children, offset + tagLast + 1, options)).join('\n');
  return { lines: indentLines(render(tag, converted), indent), last: close };
}

/** The index of the line that closes a component (same-named components nested inside counted), outside code. */
function closingLine(lines: Line[], from: number, name: string): number | undefined {
  let depth = 1;
  const opens = new RegExp(`^\\s*<${name.replace(/\./g, '\\.')}(?=[\\s/>]|$)`);
  for (let i = from; i < lines.length; i += 1) {
    const line = lines[i] as Line;
    if (line.code) continue;
    if (opens.test(line.text) && !/\/>\s*$/.test(line.text)) depth += 1;
    else if (line.text.trim() === `</${name}>`) depth -= 1;
    if (depth === 0) return i;
  }
  return undefined;
}

/** Lines without the indentation they all share (blank lines ignored), code marks kept. */
function dedent(lines: Line[]): Line[] {
  const widths = lines.filter((line) => line.text.trim() !== '').map((line) => /^\s*/.exec(line.text)?.[0].length ?? 0);
  const common = widths.length === 0 ? 0 : Math.min(...widths);
  return lines.map((line) => ({ ...line, text: line.text.slice(Math.min(common, /^\s*/.exec(line.text)?.[0].length ?? 0)) }));
}

/** A block of Markdown, every non-blank line indented as its component was, with blank lines around it. */
function indentLines(markdown: string, indent: string): string[] {
  return ['', ...markdown.split('\n').map((line) => (line.trim() === '' ? '' : `${indent}${line}`)), ''];
}

/** No more than one blank line in a row outside code, after components were taken out. */
function collapseBlankLines(lines: string[]): string[] {
  return splitFencedCode(lines.join('\n')).flatMap((part) =>
    part.code ? part.lines : part.lines.filter((line, index, all) => line.trim() !== '' || index === 0 || all[index - 1]?.trim() !== ''),
  );
}
