import { describe, expect, it } from 'vitest';
import { convertAsides } from '../../src/lib/markdown/mdx/asides.ts';
import { parseJsxTag, stringAttribute } from '../../src/lib/markdown/mdx/jsx-tag.ts';
import { mdxToMarkdown, type MdxComponent } from '../../src/lib/markdown/mdx/mdx-to-markdown.ts';

const components: Record<string, MdxComponent> = {
  Steps: (_tag, children) => children ?? '',
  Card: (tag, children) => `**${stringAttribute(tag, 'title') ?? ''}**\n\n${children ?? ''}`,
  Playground: (tag) => `The playground (${stringAttribute(tag, 'load') ?? 'lazy'}) is on the HTML page.`,
};

/** Convert a page of the test's own components. */
function convert(source: string): string {
  return mdxToMarkdown(source, { file: 'guide.mdx', components });
}

describe('a JSX tag', () => {
  it('reads string, expression and flag attributes over several lines', () => {
    const tag = parseJsxTag('<LinkCard\n  title="A > B"\n  count={[1, { a: "}" }]}\n  wide\n/>\nafter');
    expect(tag.name).toBe('LinkCard');
    expect(tag.selfClosing).toBe(true);
    expect(stringAttribute(tag, 'title')).toBe('A > B');
    expect(tag.attributes.get('count')).toEqual({ kind: 'expression', source: '[1, { a: "}" }]' });
    expect(tag.attributes.get('wide')).toEqual({ kind: 'flag' });
    expect(tag.length).toBe('<LinkCard\n  title="A > B"\n  count={[1, { a: "}" }]}\n  wide\n/>'.length);
  });

  it('says what is wrong with a tag it cannot read', () => {
    expect(() => parseJsxTag('<Card title="x')).toThrow(/value of title in <Card> is not closed/);
    expect(() => parseJsxTag('<Card title=x>')).toThrow(/must be quoted or in braces/);
  });
});

describe('MDX to plain Markdown', () => {
  it('drops imports, exports and comments, and replaces components by what they say', () => {
    const source = [
      "import { Steps } from '@astrojs/starlight/components';",
      'import Playground from',
      "  '../Playground.astro';",
      '{/* a note for authors */}',
      '',
      'Intro.',
      '',
      '<Playground load="eager" />',
      '',
      'End.',
    ].join('\n');
    expect(convert(source)).toBe('Intro.\n\nThe playground (eager) is on the HTML page.\n\nEnd.\n');
  });

  it('converts nested components, their children dedented, and keeps code blocks as written', () => {
    const source = [
      '<Steps>',
      '',
      '1. First',
      '',
      '   ```bash',
      '   curl http://localhost:9081/api/user',
      '   ```',
      '',
      '  <Card title="Inner">',
      '    Card text.',
      '  </Card>',
      '',
      '</Steps>',
      '',
      '```mdx',
      '<Unknown />',
      "import x from 'y';",
      '```',
    ].join('\n');
    expect(convert(source)).toBe(
      // The card stays inside the list item, as indented as its tag was.
      "1. First\n\n   ```bash\n   curl http://localhost:9081/api/user\n   ```\n\n  **Inner**\n\n  Card text.\n\n```mdx\n<Unknown />\nimport x from 'y';\n```\n",
    );
  });

  it('turns asides into quotes with their title', () => {
    expect(convertAsides(':::tip\nNo token needed.\n:::\n\n:::caution[Not a header]\nUse the cookie.\n\nAlways.\n:::')).toBe(
      '> **Tip**\n>\n> No token needed.\n\n> **Not a header**\n>\n> Use the cookie.\n>\n> Always.',
    );
    expect(() => convertAsides('text\n:::note\nnever closed', 'guide.mdx')).toThrow(
      'guide.mdx, line 2: the aside ":::note" is never closed',
    );
  });

  it('names the file, the line and what to do for a component it cannot render', () => {
    expect(() => convert('Text.\n\n<Tabs>\nx\n</Tabs>')).toThrow(/guide\.mdx:3: the component <Tabs> has no Markdown form\. Add one/);
    expect(() => convert('A <Card title="x" /> inside text.')).toThrow(
      /guide\.mdx:1: a component inside a line of text .* put it on a line of its own/,
    );
    expect(() => convert('<Card title="x">\nnever closed')).toThrow(/guide\.mdx:1: <Card> is never closed/);
    expect(() => convert('<Playground /> trailing')).toThrow(/put nothing after <Playground>/);
  });

  it('leaves lowercase HTML and tags in code spans alone', () => {
    expect(convert('Press <kbd>Ctrl</kbd> and read `<Card />`.')).toBe('Press <kbd>Ctrl</kbd> and read `<Card />`.\n');
  });
});
