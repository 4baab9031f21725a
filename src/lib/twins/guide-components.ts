import { escapeText } from '../markdown/escape.ts';
import { link, markdownLink } from '../markdown/links.ts';
import { stringAttribute } from '../markdown/mdx/jsx-tag.ts';
import type { MdxComponent } from '../markdown/mdx/mdx-to-markdown.ts';
import type { SiteLinks } from '../markdown/site-links.ts';
import { describeOperationCount } from '../openapi/model/page-meta.ts';
import { routePath } from '../openapi/model/routes.ts';
import type { Tag } from '../openapi/model/types.ts';
import { specText } from '../openapi/markdown-twin/spec-text.ts';

/** What the guides' components need to say in Markdown what they show on the page. */
export interface GuideComponentContext {
  links: SiteLinks;
  /** The path inside the site of the guide's HTML page. */
  pagePath: string;
  tags: Tag[];
}

/** A component that only lays its children out (a grid, numbered steps): its children as they are. */
const layout: MdxComponent = (_tag, children) => children ?? '';

/**
 * Every component the guides use, as plain Markdown: layout components give their children,
 * cards a bold title and their text, link cards a link, and interactive components (the
 * playground, the examples switch) a sentence with a link to the HTML page where they work.
 * A guide that uses a component missing here fails the build, naming it.
 */
export function guideComponents({ links, pagePath, tags }: GuideComponentContext): Record<string, MdxComponent> {
  const playground = links.page(routePath({ kind: 'playground' }));
  return {
    Steps: layout,
    CardGrid: layout,
    Card: (tag, children) =>
      [`**${escapeText(stringAttribute(tag, 'title') ?? '')}**`, children ?? ''].filter((part) => part.trim() !== '').join('\n\n'),
    LinkCard: (tag) => {
      const title = stringAttribute(tag, 'title');
      const href = stringAttribute(tag, 'href');
      if (title === undefined || href === undefined) throw new Error('<LinkCard> needs a title and an href');
      const description = stringAttribute(tag, 'description');
      return `- ${link(title, links.resolve(href, pagePath))}${description ? `: ${escapeText(description)}` : ''}`;
    },
    Playground: () =>
      `The interactive playground is on the HTML page: ${markdownLink('open the API playground', playground)} to call any endpoint from the browser with your own token.`,
    PersonalizeExamples: () =>
      `On ${markdownLink('the HTML page', links.page(pagePath))}, a switch puts the token and server you saved in the playground into these examples.`,
    TagIndex: () => {
      const items = tags.map((tag) => {
        const summary = specText(tag.description, { links, pagePath }).replace(/\s*\n\s*/g, ' ');
        return `- ${link(tag.name, links.to(routePath(tag.route)))} (${describeOperationCount(tag.operations.length)})${summary ? `: ${summary}` : ''}`;
      });
      return [
        items.join('\n'),
        `The ${markdownLink('schemas', links.page(routePath({ kind: 'schemas' })))} page lists every data type the operations share.`,
      ].join('\n\n');
    },
  };
}
