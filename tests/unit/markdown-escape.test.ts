import { describe, expect, it } from 'vitest';
import { fencedCode, inlineCode, splitFencedCode } from '../../src/lib/markdown/code.ts';
import { escapeCell, escapeText } from '../../src/lib/markdown/escape.ts';

describe('escaping text for Markdown', () => {
  it('shows emphasis, code, link and HTML characters as written', () => {
    expect(escapeText('a *b* `c` [d](e) <T> x|y \\z')).toBe('a \\*b\\* \\`c\\` \\[d\\](e) \\<T\\> x\\|y \\\\z');
  });

  it('leaves underscores inside words alone and escapes them at word edges', () => {
    expect(escapeText('get_user_prefs')).toBe('get_user_prefs');
    expect(escapeText('_private_ field')).toBe('\\_private\\_ field');
  });

  it('keeps a leading "#", "-" or "1." from making a heading or a list', () => {
    expect(escapeText('# not a heading')).toBe('\\# not a heading');
    expect(escapeText('- not a list')).toBe('\\- not a list');
    expect(escapeText('1. not a list')).toBe('1\\. not a list');
    expect(escapeText('C# and 1.5')).toBe('C# and 1.5');
  });
});

describe('a table cell', () => {
  it('escapes pipes, even inside code spans, and keeps escaped ones as they are', () => {
    expect(escapeCell('`a|b` or c \\| d')).toBe('`a\\|b` or c \\| d');
  });

  it('flattens line breaks inside a paragraph and separates paragraphs with <br><br>', () => {
    expect(escapeCell('first line\nsecond line\n\n  next paragraph\r\n')).toBe('first line second line<br><br>next paragraph');
  });
});

describe('code', () => {
  it('wraps inline code around backticks with a longer fence, padded', () => {
    expect(inlineCode('plain')).toBe('`plain`');
    expect(inlineCode('a`b')).toBe('``a`b``');
    expect(inlineCode('`x`')).toBe('`` `x` ``');
    expect(inlineCode('two\nlines')).toBe('`two lines`');
  });

  it('fences a block with more backticks than any run inside it', () => {
    expect(fencedCode('curl x', 'bash')).toBe('```bash\ncurl x\n```');
    expect(fencedCode('```js\nx\n```', 'markdown')).toBe('````markdown\n```js\nx\n```\n````');
  });

  it('refuses a language that would break the fence', () => {
    expect(() => fencedCode('x', 'a b')).toThrow(/one word/);
  });

  it('tells code blocks from text, tildes and longer closing fences included', () => {
    const parts = splitFencedCode('text\n~~~\n# inside\n~~~~\nafter\n````js\n```\n````');
    expect(parts).toEqual([
      { code: false, lines: ['text'] },
      { code: true, lines: ['~~~', '# inside', '~~~~'] },
      { code: false, lines: ['after'] },
      { code: true, lines: ['````js', '```', '````'] },
    ]);
  });
});
