import type { Element, ElementContent, Root } from 'hast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { prefixBase } from '../site/rehype-base-links.ts';

const HEADING = /^h[1-6]$/;

/**
 * Descriptions sit under the page's own headings: a heading inside one would break the outline
 * (and axe's heading order), so it becomes a bold paragraph. Images become links to them, so
 * that no page loads anything from another origin.
 */
function rehypeFlattenDescription() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (HEADING.test(node.tagName)) {
        node.tagName = 'p';
        node.children = [{ type: 'element', tagName: 'strong', properties: {}, children: node.children }];
      } else if (node.tagName === 'img' && parent && index !== undefined) {
        const src = typeof node.properties['src'] === 'string' ? node.properties['src'] : '';
        const alt = typeof node.properties['alt'] === 'string' && node.properties['alt'] !== '' ? node.properties['alt'] : src;
        const link: ElementContent = { type: 'element', tagName: 'a', properties: { href: src }, children: [{ type: 'text', value: alt }] };
        parent.children[index] = link;
      }
    });
  };
}

/** Make root-relative links work under SITE_BASE, as the guides' links do. */
function rehypeBaseAware(options: { base: string }) {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      const href = node.properties['href'];
      if (typeof href === 'string') node.properties['href'] = prefixBase(href, options.base);
    });
  };
}

const processors = new Map<string, ReturnType<typeof createProcessor>>();
const rendered = new Map<string, string>();

/** The pipeline: Markdown and the HTML in it parsed, then everything not on the safe list removed (scripts, event handlers, javascript: URLs...). */
function createProcessor(base: string) {
  return unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRaw)
    .use(rehypeFlattenDescription)
    .use(rehypeSanitize, defaultSchema)
    .use(rehypeBaseAware, { base })
    .use(rehypeStringify);
}

/** Render a spec description (CommonMark + GFM, raw HTML allowed but sanitized) to HTML that is safe to inline. */
export function renderMarkdown(text: string | undefined, base = '/'): string {
  if (text === undefined || text.trim() === '') return '';
  const key = `${base}\u0000${text}`;
  const cached = rendered.get(key);
  if (cached !== undefined) return cached;
  let processor = processors.get(base);
  if (!processor) {
    processor = createProcessor(base);
    processors.set(base, processor);
  }
  const html = String(processor.processSync(text));
  rendered.set(key, html);
  return html;
}

/** Render a one-paragraph description without the wrapping <p>, for table cells and tree lines. */
export function renderInlineMarkdown(text: string | undefined, base = '/'): string {
  const html = renderMarkdown(text, base);
  const single = /^<p>([\s\S]*)<\/p>$/.exec(html);
  return single && !single[1]?.includes('<p>') ? (single[1] ?? '') : html;
}
