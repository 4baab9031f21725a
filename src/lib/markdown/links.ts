import { splitFencedCode } from './code.ts';
import { escapeText } from './escape.ts';

/**
 * Code spans (left alone), then inline links and images: `[text](url "title")`, `![alt](src)`,
 * with one level of brackets in the text and of parentheses in the URL, as CommonMark allows.
 */
const CODE_SPAN_OR_LINK =
  /(`+)(?!`)[\s\S]*?[^`]\1(?!`)|(!?)\[((?:\\.|[^[\]\\]|\[(?:\\.|[^[\]\\])*\])*)\]\(\s*(<[^<>\n]*>|(?:\\.|[^\s()\\]|\((?:\\.|[^\s()\\])*\))*)(\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/g;

/** A URL as a link destination: spaces and parentheses encoded, so that no wrapping is needed. */
export function formatUrl(url: string): string {
  return url.replace(/[\s()<>]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** A Markdown link to a URL, its text shown as written. */
export function link(text: string, url: string): string {
  return `[${escapeText(text)}](${formatUrl(url)})`;
}

/** A Markdown link whose text is already Markdown (inline code, emphasis). */
export function markdownLink(markdownText: string, url: string): string {
  return `[${markdownText}](${formatUrl(url)})`;
}

export interface LinkTransforms {
  /** The URL a link (`[text](url)`) should point to instead. */
  link?: (url: string) => string;
  /** The Markdown an image (`![alt](src)`) becomes. */
  image?: (alt: string, src: string) => string;
}

/**
 * Rewrite the inline links and images of a Markdown text, outside code blocks and code spans:
 * links get the URL `link` gives, images become what `image` returns. Autolinks (`<https://…>`)
 * are absolute and left alone.
 */
export function transformLinks(markdown: string, transforms: LinkTransforms): string {
  return splitFencedCode(markdown)
    .map((part) =>
      part.code
        ? part.lines.join('\n')
        : part.lines
            .join('\n')
            .replace(
              CODE_SPAN_OR_LINK,
              (whole, fence: string | undefined, bang: string, text: string, rawUrl: string, title: string | undefined) => {
                if (fence !== undefined) return whole;
                const url = rawUrl.startsWith('<') ? rawUrl.slice(1, -1) : rawUrl;
                if (bang === '!') return transforms.image ? transforms.image(text, url) : whole;
                return transforms.link ? `[${text}](${formatUrl(transforms.link(url))}${title ?? ''})` : whole;
              },
            ),
    )
    .join('\n');
}
