import { escapeText } from '../markdown/escape.ts';
import { heading } from '../markdown/headings.ts';
import { link, transformLinks } from '../markdown/links.ts';
import { mdxToMarkdown } from '../markdown/mdx/mdx-to-markdown.ts';
import { guideComponents, type GuideComponentContext } from './guide-components.ts';

/** A guide page as its twin needs it: from the content collection. */
export interface GuideSource {
  title: string;
  description: string;
  /** The page's MDX without its front matter. */
  body: string;
  /** The source file, for error messages. */
  file: string;
  /** The path inside the site of its HTML page ("/extensibility/api/"). */
  pagePath: string;
  /** A splash page's hero: its tagline and its buttons. */
  hero?: { tagline?: string | undefined; actions: Array<{ text: string; link: string }> } | undefined;
}

/**
 * The Markdown twin of a guide: its title and description, then its MDX as plain Markdown.
 * Links are resolved from the page (under the base path, to twins where there are some, to the
 * HTML page's sections for fragments); pictures become their description, since their files are
 * the HTML page's.
 */
export function renderGuideTwin(guide: GuideSource, context: Omit<GuideComponentContext, 'pagePath'>): string {
  const full: GuideComponentContext = { ...context, pagePath: guide.pagePath };
  const resolve = (url: string) => context.links.resolve(url, guide.pagePath);
  const linked = transformLinks(guide.body, {
    link: resolve,
    image: (alt) => `*Picture on ${link('the HTML page', context.links.page(guide.pagePath))}: ${escapeText(alt)}*`,
  });
  const parts = [heading(1, escapeText(guide.title)), `> ${escapeText(guide.description)}`];
  if (guide.hero?.tagline) parts.push(escapeText(guide.hero.tagline));
  if (guide.hero && guide.hero.actions.length > 0)
    parts.push(guide.hero.actions.map((action) => `- ${link(action.text, resolve(action.link))}`).join('\n'));
  parts.push(mdxToMarkdown(linked, { file: guide.file, components: guideComponents(full) }).trim());
  return `${parts.filter((part) => part !== '').join('\n\n')}\n`;
}
