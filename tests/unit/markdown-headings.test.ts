import { describe, expect, it } from 'vitest';
import { flattenHeadings, heading, shiftHeadings } from '../../src/lib/markdown/headings.ts';

describe('Markdown headings', () => {
  it('writes a heading of a given depth on one line', () => {
    expect(heading(2, 'Request\nbody')).toBe('## Request body');
    expect(() => heading(7, 'Too deep')).toThrow(/1 to 6, not 7/);
  });

  it('shifts every heading down, leaving code blocks alone', () => {
    const text = '# Page\n\n```bash\n# a comment\n```\n\n## Section ##\n###### Deep';
    expect(shiftHeadings(text, 1)).toBe('## Page\n\n```bash\n# a comment\n```\n\n### Section\n**Deep**');
    expect(shiftHeadings(text, 0)).toBe(text);
  });

  it("turns a description's headings into bold paragraphs, as on the HTML page", () => {
    expect(flattenHeadings('Intro\n\n## Notes\n\n    # indented code\n#hashtag')).toBe(
      'Intro\n\n**Notes**\n\n    # indented code\n#hashtag',
    );
  });
});
