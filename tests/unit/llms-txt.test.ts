import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { renderLlmsTxt } from '../../src/lib/markdown/llms-txt.ts';
import { createSiteLinks } from '../../src/lib/markdown/site-links.ts';
import { loadSpec } from '../../src/lib/openapi/load-spec.ts';
import { buildApiModel } from '../../src/lib/openapi/model/build.ts';
import { routePath } from '../../src/lib/openapi/model/routes.ts';
import type { ApiModel } from '../../src/lib/openapi/model/types.ts';
import type { GuideSource } from '../../src/lib/twins/guide-twin.ts';
import { buildLlmsFull, buildLlmsTxt } from '../../src/lib/twins/llms.ts';
import { SPEC_FILES } from '../../src/lib/twins/spec-files.ts';

const root = resolve(import.meta.dirname, '../..');
const site = { title: 'Pets API', description: 'Call the pets API\nwith curl.' };
const guides: GuideSource[] = [
  { title: 'Home', description: 'Start *here*.', body: 'Hello.', file: 'index.mdx', pagePath: '/' },
  { title: 'Tokens', description: 'How to get a token.', body: '## Get one\n\nSee [home](/).', file: 'tokens.mdx', pagePath: '/tokens/' },
];

/** The model of the minimal fixture spec, and links with every guide, tag, operation and schema page twinned. */
async function minimal(base: string, siteUrl?: string) {
  const { document } = await loadSpec({ root, specPath: 'tests/fixtures/openapi/minimal.yaml' });
  const model: ApiModel = buildApiModel(document);
  const twinPaths = new Set([
    ...guides.map((guide) => guide.pagePath),
    ...[...model.tags, ...model.operations, ...model.schemas].map((page) => routePath(page.route)),
  ]);
  return { model, links: createSiteLinks({ base, siteUrl, twinPaths }) };
}

describe('llms.txt', () => {
  it('has the title, a one-line summary, notes, then sections of "- [name](url): description" links', () => {
    const text = renderLlmsTxt({
      title: 'Site',
      summary: 'What it\nis for.',
      notes: ['A note.'],
      sections: [
        {
          title: 'Docs',
          links: [
            { name: 'A [page]', url: '/a/index.md', description: 'The page.' },
            { name: 'B', url: '/b/', description: undefined },
          ],
        },
        { title: 'Empty', links: [] },
      ],
    });
    expect(text).toBe('# Site\n\n> What it is for.\n\nA note.\n\n## Docs\n\n- [A \\[page\\]](/a/index.md): The page.\n- [B](/b/)\n');
    expect(() => renderLlmsTxt({ title: ' ', summary: 'x', notes: [], sections: [] })).toThrow(/site title/);
  });

  it('links every guide and every tag to its twin, and the spec downloads, site-relative under the base path', async () => {
    const { model, links } = await minimal('/docs/');
    const text = buildLlmsTxt({ site, links, base: '/docs/', guides, model, files: SPEC_FILES });
    expect(text.startsWith('# Pets API\n\n> Call the pets API with curl.\n')).toBe(true);
    expect(text).toContain('Links are site-relative (the site lives under `/docs/`)');
    expect(text).toContain(
      '## Guides\n\n- [Home](/docs/index.md): Start \\*here\\*.\n- [Tokens](/docs/tokens/index.md): How to get a token.',
    );
    expect(text).toContain('## REST API reference by tag\n\n- [pets](/docs/reference/rest-apis/pets/index.md): 2 operations');
    expect(text).toContain('- [OpenAPI spec (JSON)](/docs/openapi/meshplay.json)');
    expect(text).toContain('- [Everything in one file](/docs/llms-full.txt)');
  });

  it('says its links are absolute when the site URL is known', async () => {
    const { model, links } = await minimal('/', 'https://docs.example.com');
    const text = buildLlmsTxt({ site, links, base: '/', guides, model, files: SPEC_FILES });
    expect(text).toContain('Links are absolute URLs.');
    expect(text).toContain('- [Tokens](https://docs.example.com/tokens/index.md)');
  });
});

describe('llms-full.txt', () => {
  it('holds every guide and every operation under the site title, headings one level below', async () => {
    const { model, links } = await minimal('/');
    const text = buildLlmsFull({ site, links, base: '/', guideTwins: ['# Home\n\nHello.\n', '# Tokens\n\n## Get one\n'], model });
    expect(text.startsWith('# Pets API\n\n> Call the pets API with curl.\n')).toBe(true);
    expect(text).toContain('## Guides\n\n### Home\n\nHello.\n\n### Tokens\n\n#### Get one\n\n## REST API reference');
    for (const operation of model.operations) expect(text).toContain(`\`${operation.method.toUpperCase()} ${operation.path}\``);
    expect(text.match(/^# /gm)).toHaveLength(1);
  });
});
