import { inlineCode } from '../markdown/code.ts';
import { escapeText } from '../markdown/escape.ts';
import { heading, shiftHeadings } from '../markdown/headings.ts';
import { renderLlmsTxt, type LlmsTxtLink } from '../markdown/llms-txt.ts';
import type { SiteLinks } from '../markdown/site-links.ts';
import { PROVIDER_COOKIE, TOKEN_COOKIE } from '../meshplay/session.ts';
import { describeOperationCount, firstSentence } from '../openapi/model/page-meta.ts';
import { routePath } from '../openapi/model/routes.ts';
import type { ApiModel } from '../openapi/model/types.ts';
import { renderReferenceText } from '../openapi/markdown-twin/reference-text.ts';
import { specText } from '../openapi/markdown-twin/spec-text.ts';
import type { GuideSource } from './guide-twin.ts';

/** The site as llms.txt introduces it: Starlight's title and description. */
export interface SiteSummary {
  title: string;
  description: string;
}

/** A file the site serves for tools (the spec), as llms.txt lists it. */
export interface SiteFile {
  name: string;
  /** Its path inside the site ("/openapi/meshplay.json"). */
  path: string;
  description: string;
}

export const LLMS_FULL_PATH = '/llms-full.txt';

/** The sentence that says how to read the links of a Markdown output (llms.txt says which, as its readers resolve them). */
export function linkNote(links: SiteLinks, base: string): string {
  return links.absolute
    ? 'Links are absolute URLs.'
    : `Links are site-relative (the site lives under ${inlineCode(base)}): resolve them against the URL of this file.`;
}

/**
 * The site's llms.txt: the title, what the site is for, then links to every guide and every
 * tag of the reference (each to its Markdown twin), the spec downloads, and the one-file text.
 */
export function buildLlmsTxt(input: {
  site: SiteSummary;
  links: SiteLinks;
  base: string;
  guides: GuideSource[];
  model: Pick<ApiModel, 'tags'>;
  files: SiteFile[];
}): string {
  const { site, links, base, guides, model, files } = input;
  const guideLinks: LlmsTxtLink[] = guides.map((guide) => ({
    name: guide.title,
    url: links.to(guide.pagePath),
    description: escapeText(guide.description),
  }));
  const tagLinks: LlmsTxtLink[] = model.tags.map((tag) => {
    // The spec's descriptions are Markdown already: their links are resolved, not escaped.
    const summary = specText(firstSentence(tag.description), { links, pagePath: routePath(tag.route) });
    return {
      name: tag.name,
      url: links.to(routePath(tag.route)),
      description: `${describeOperationCount(tag.operations.length)}${summary ? `. ${summary}` : ''}`,
    };
  });
  return renderLlmsTxt({
    title: site.title,
    summary: site.description,
    notes: [
      `Every guide, tag, operation and schema page has a Markdown twin: the page's URL followed by ${inlineCode('index.md')}. ${linkNote(links, base)}`,
      `Meshplay reads a session from two cookies, ${inlineCode(PROVIDER_COOKIE)} and ${inlineCode(TOKEN_COOKIE)}, never from a header: every curl sample here sends them with ${inlineCode('--cookie')}.`,
    ],
    sections: [
      { title: 'Guides', links: guideLinks },
      { title: 'REST API reference by tag', links: tagLinks },
      {
        title: 'OpenAPI spec',
        links: files.map((file) => ({ name: file.name, url: links.page(file.path), description: file.description })),
      },
      {
        title: 'Optional',
        links: [
          {
            name: 'Everything in one file',
            url: links.page(LLMS_FULL_PATH),
            description: 'every guide and every operation as Markdown, in one file',
          },
          {
            name: 'Schemas',
            url: links.page(routePath({ kind: 'schemas' })),
            description: 'every data type the operations share, each with its own page and Markdown twin',
          },
        ],
      },
    ],
  });
}

/**
 * The site's llms-full.txt: every guide (its twin) and every operation (see renderReferenceText)
 * in one Markdown file, under the site's title.
 */
export function buildLlmsFull(input: {
  site: SiteSummary;
  links: SiteLinks;
  base: string;
  guideTwins: string[];
  model: Pick<ApiModel, 'tags' | 'operations'>;
}): string {
  const { site, links, base, guideTwins, model } = input;
  const parts = [
    heading(1, escapeText(site.title)),
    `> ${escapeText(site.description.replace(/\s*\n\s*/g, ' ').trim())}`,
    `Every guide and every operation of the site, as Markdown. Each page also has its own Markdown twin (its URL followed by ${inlineCode('index.md')}), listed in ${inlineCode('llms.txt')}. ${linkNote(links, base)}`,
    heading(2, 'Guides'),
    ...guideTwins.map((twin) => shiftHeadings(twin, 2).trim()),
    renderReferenceText(model, links, 2).trim(),
  ];
  return `${parts.join('\n\n')}\n`;
}
