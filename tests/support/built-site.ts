import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Every HTML page of a built site, as paths relative to the site root ("", "reference/rest-apis/"). */
export function listBuiltPages(dir: string): string[] {
  const pages: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === 'index.html') {
        const rel = relative(dir, folder).split(sep).join('/');
        pages.push(rel === '' ? '' : `${rel}/`);
      }
    }
  };
  walk(dir);
  return pages.sort();
}

/** Decode the few entities Astro writes in attribute values. */
export function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The text of every shell code block on a built page, as its copy button would copy it. */
export function shellBlocksOf(html: string): string[] {
  const blocks: string[] = [];
  for (const match of html.matchAll(/<figure[^>]*class="[^"]*frame[^"]*"[\s\S]*?<\/figure>/g)) {
    const figure = match[0];
    if (!/data-language="(bash|sh|shell)"/.test(figure)) continue;
    const code = /data-code="([^"]*)"/.exec(figure)?.[1];
    // Expressive Code stores line breaks in data-code as U+007F.
    if (code !== undefined) blocks.push(decodeEntities(code).replace(/\u007f/g, '\n'));
  }
  return blocks;
}

/** Read a built page's HTML. */
export function readBuiltPage(dir: string, page: string): string {
  return readFileSync(join(dir, page, 'index.html'), 'utf8');
}

/** The code samples of a built operation page (its "Code samples" section), by language, as their copy buttons copy them; and the file note above them. */
export function operationSamplesOf(html: string): { samples: Array<{ language: string; code: string }>; fileNote: string | undefined } {
  const start = html.indexOf('id="code-samples"');
  const end = html.slice(start).search(/id="(parameters|request-body|responses)"/);
  const section = start < 0 ? '' : html.slice(start, end < 0 ? undefined : start + end);
  const samples = [...section.matchAll(/<figure[\s\S]*?<\/figure>/g)].flatMap((match) => {
    const language = /data-language="([^"]*)"/.exec(match[0])?.[1];
    const code = /data-code="([^"]*)"/.exec(match[0])?.[1];
    return language === undefined || code === undefined ? [] : [{ language, code: decodeEntities(code).replace(/\u007f/g, '\n') }];
  });
  const note = /<div class="sample-file-note">([\s\S]*?)<\/div>/.exec(section);
  // The note comes before the first sample, or it is not the line above them.
  const noteAbove = note !== null && (section.indexOf('<figure') < 0 || note.index < section.indexOf('<figure'));
  return { samples, fileNote: noteAbove ? decodeEntities(note[1] ?? '') : undefined };
}

/**
 * The link targets of a Markdown text, as a reader's Markdown renderer would follow them:
 * inline links and images (`[text](url)`), outside fenced code blocks and code spans.
 */
export function markdownLinksOf(markdown: string): string[] {
  const targets: string[] = [];
  const prose = markdown.replace(/^[ \t]*(`{3,}|~{3,})[\s\S]*?^[ \t]*\1[`~]*[ \t]*$/gm, '').replace(/(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g, '');
  for (const match of prose.matchAll(/\]\(\s*(<[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)(?:\s+"[^"]*")?\s*\)/g)) {
    const raw = match[1] ?? '';
    targets.push(raw.startsWith('<') ? raw.slice(1, -1) : raw);
  }
  return targets;
}

/** The code of every fenced block of a Markdown text whose language is `lang`, as written between its fences. */
export function fencedBlocksOf(markdown: string, lang: string): string[] {
  const blocks: string[] = [];
  for (const match of markdown.matchAll(/^(`{3,}|~{3,})([^\n`]*)\n([\s\S]*?)\n\1[ \t]*$/gm)) {
    if ((match[2] ?? '').trim() === lang) blocks.push(match[3] ?? '');
  }
  return blocks;
}

/** Every Markdown twin of a built site, as paths relative to the site root ("index.md", "reference/rest-apis/index.md"). */
export function listBuiltTwins(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name === 'index.md')
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}
