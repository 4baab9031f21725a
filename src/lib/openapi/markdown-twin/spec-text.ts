import { flattenHeadings } from '../../markdown/headings.ts';
import { transformLinks } from '../../markdown/links.ts';
import type { TwinContext } from './context.ts';

/**
 * A description from the spec as it belongs in a twin: its headings made bold paragraphs (they
 * sit under the twin's own headings, as on the HTML page) and its links resolved from the page
 * (a "#response-401" goes to the HTML page's section, "/reference/…" under the base path).
 * Images become links, as on the HTML page, so that nothing is fetched from elsewhere.
 */
export function specText(markdown: string | undefined, context: TwinContext): string {
  if (markdown === undefined || markdown.trim() === '') return '';
  return transformLinks(flattenHeadings(markdown.trim()), {
    link: (url) => context.links.resolve(url, context.pagePath),
    image: (alt, src) => `[${alt === '' ? src : alt}](${context.links.resolve(src, context.pagePath)})`,
  });
}
