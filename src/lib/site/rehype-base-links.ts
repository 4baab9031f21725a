import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

interface MdxJsxAttribute {
  type: 'mdxJsxAttribute';
  name: string;
  value?: unknown;
}
interface MdxJsxElement {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  attributes: Array<MdxJsxAttribute | { type: string }>;
}

const LINK_ATTRIBUTES = new Set(['href', 'src']);

/** Prefix a root-relative URL ("/reference/") with the site's base ("/docs/"), leaving other URLs alone. */
export function prefixBase(url: string, base: string): string {
  if (!url.startsWith('/') || url.startsWith('//') || base === '/') return url;
  const trimmedBase = base.replace(/\/+$/, '');
  if (url === trimmedBase || url.startsWith(`${trimmedBase}/`)) return url;
  return `${trimmedBase}${url}`;
}

/**
 * Rehype plugin: content is written with root-relative links ("/reference/rest-apis/")
 * so that it reads the same in the repository; this makes them work under SITE_BASE.
 */
export function rehypeBaseLinks(options: { base: string }) {
  const { base } = options;
  return (tree: Root) => {
    visit(tree, (node) => {
      if (node.type === 'element') {
        const element = node;
        for (const name of LINK_ATTRIBUTES) {
          const value = element.properties[name];
          if (typeof value === 'string') element.properties[name] = prefixBase(value, base);
        }
        return;
      }
      const jsx = node as unknown as MdxJsxElement;
      if (jsx.type === 'mdxJsxFlowElement' || jsx.type === 'mdxJsxTextElement') {
        for (const attribute of jsx.attributes) {
          if (attribute.type !== 'mdxJsxAttribute') continue;
          const jsxAttribute = attribute as MdxJsxAttribute;
          if (LINK_ATTRIBUTES.has(jsxAttribute.name) && typeof jsxAttribute.value === 'string') {
            jsxAttribute.value = prefixBase(jsxAttribute.value, base);
          }
        }
      }
    });
  };
}
