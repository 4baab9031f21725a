import { escapeText } from './escape.ts';
import { heading } from './headings.ts';
import { link } from './links.ts';

/** One link of an llms.txt section. */
export interface LlmsTxtLink {
  name: string;
  url: string;
  /** One line on what is there (Markdown). */
  description: string | undefined;
}

/** An llms.txt file: the site's title, a one-paragraph summary, notes, and sections of links. */
export interface LlmsTxt {
  title: string;
  summary: string;
  /** Paragraphs (Markdown) between the summary and the sections. */
  notes: string[];
  sections: Array<{ title: string; links: LlmsTxtLink[] }>;
}

/**
 * Render an llms.txt file (https://llmstxt.org): `# title`, the summary as a quote, notes, then
 * one `##` section per group of links, each `- [name](url): description`. An "Optional" section
 * holds what a reader with little room can skip.
 */
export function renderLlmsTxt(file: LlmsTxt): string {
  if (file.title.trim() === '') throw new Error('llms.txt needs the site title for its first line.');
  const parts = [heading(1, escapeText(file.title)), `> ${file.summary.replace(/\s*\n\s*/g, ' ').trim()}`, ...file.notes];
  for (const section of file.sections) {
    if (section.links.length === 0) continue;
    const lines = section.links.map((entry) => {
      const description = entry.description?.replace(/\s*\n\s*/g, ' ').trim();
      return `- ${link(entry.name, entry.url)}${description ? `: ${description}` : ''}`;
    });
    parts.push(heading(2, escapeText(section.title)), lines.join('\n'));
  }
  return `${parts.join('\n\n')}\n`;
}
