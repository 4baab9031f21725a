import { describe, expect, it } from 'vitest';
import { renderInlineMarkdown, renderMarkdown } from '../../src/lib/openapi/markdown.ts';

describe('renderMarkdown', () => {
  it('renders CommonMark and GFM', () => {
    expect(renderMarkdown('Hello **world** and `code`.')).toBe('<p>Hello <strong>world</strong> and <code>code</code>.</p>');
    expect(renderMarkdown('| a |\n| - |\n| b |')).toContain('<table>');
  });

  it('keeps harmless HTML but never anything that runs', () => {
    const html = renderMarkdown(
      '<b>bold</b> <script>alert(1)</script><img src=x onerror="alert(2)"> [x](javascript:alert(3)) <a href="#" onclick="alert(4)">y</a> <iframe src="https://evil.test"></iframe>',
    );
    expect(html).toContain('<b>bold</b>');
    expect(html).not.toMatch(/<script|onerror|onclick|javascript:|<iframe/i);
  });

  it('turns headings into bold paragraphs and images into links, so pages keep their outline and load nothing foreign', () => {
    expect(renderMarkdown('# Title')).toBe('<p><strong>Title</strong></p>');
    expect(renderMarkdown('![diagram](https://example.test/d.png)')).toBe('<p><a href="https://example.test/d.png">diagram</a></p>');
  });

  it('makes root-relative links work under SITE_BASE', () => {
    expect(renderMarkdown('[guide](/reference/rest-apis/)', '/docs/')).toBe('<p><a href="/docs/reference/rest-apis/">guide</a></p>');
    expect(renderMarkdown('[out](https://example.test/)', '/docs/')).toBe('<p><a href="https://example.test/">out</a></p>');
  });

  it('renders a one-paragraph text inline, for table cells', () => {
    expect(renderInlineMarkdown('A *b*.')).toBe('A <em>b</em>.');
    expect(renderInlineMarkdown(undefined)).toBe('');
  });
});
