import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parse } from 'yaml';
import { createSiteLinks } from '../../src/lib/markdown/site-links.ts';
import { loadSpec } from '../../src/lib/openapi/load-spec.ts';
import { buildApiModel } from '../../src/lib/openapi/model/build.ts';
import { routePath } from '../../src/lib/openapi/model/routes.ts';
import { renderGuideTwin, type GuideSource } from '../../src/lib/twins/guide-twin.ts';
import { meshplaySpec } from '../support/meshplay-spec.ts';

const root = resolve(import.meta.dirname, '../..');
const docs = join(root, 'src/content/docs');

/** Every guide of the site, read as the content collection reads it: front matter and body. */
function siteGuides(): GuideSource[] {
  return readdirSync(docs, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.mdx') || file.endsWith('.md'))
    .map((file) => {
      const source = readFileSync(join(docs, file), 'utf8');
      const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source);
      const data = parse(match?.[1] ?? '') as { title: string; description: string };
      const id = file.replace(/\.mdx?$/, '').replace(/(^|\/)index$/, '');
      return {
        title: data.title,
        description: data.description,
        body: match?.[2] ?? '',
        file: relative(root, join(docs, file)),
        pagePath: id === '' ? '/' : `/${id}/`,
      };
    });
}

const tinyGuide: GuideSource = {
  title: 'REST API',
  description: 'How to call it.',
  file: 'guide.mdx',
  pagePath: '/reference/rest-apis/',
  // Hero actions are relative to their page (Starlight does not rewrite them for the base path).
  hero: { tagline: 'Get a token.', actions: [{ text: 'Start', link: '../../extensibility/api/' }] },
  body: [
    "import Playground from '../Playground.astro';",
    '',
    'See [the token](#how-to-get-your-token) and [providers](/extensibility/providers/).',
    '',
    '![The avatar menu](../../assets/get-token.svg)',
    '',
    '<Playground />',
    '',
    '<CardGrid>',
    '  <LinkCard title="Tokens" description="Get one." href="/extensibility/api/" />',
    '</CardGrid>',
    '',
    '<TagIndex />',
  ].join('\n'),
};

describe('the Markdown twin of a guide', () => {
  it('turns every component into Markdown, links under the base path to twins, fragments to the HTML page', async () => {
    const { document } = await loadSpec({ root, specPath: 'tests/fixtures/openapi/minimal.yaml' });
    const model = buildApiModel(document);
    const twinPaths = new Set([
      '/reference/rest-apis/',
      '/extensibility/api/',
      '/extensibility/providers/',
      ...model.tags.map((tag) => routePath(tag.route)),
    ]);
    const links = createSiteLinks({ base: '/docs/', siteUrl: undefined, twinPaths });
    const twin = renderGuideTwin(tinyGuide, { links, tags: model.tags });
    expect(twin).toBe(
      [
        '# REST API',
        '',
        '> How to call it.',
        '',
        'Get a token.',
        '',
        '- [Start](/docs/extensibility/api/index.md)',
        '',
        'See [the token](/docs/reference/rest-apis/#how-to-get-your-token) and [providers](/docs/extensibility/providers/index.md).',
        '',
        '*Picture on [the HTML page](/docs/reference/rest-apis/): The avatar menu*',
        '',
        'The interactive playground is on the HTML page: [open the API playground](/docs/reference/rest-apis/playground/) to call any endpoint from the browser with your own token.',
        '',
        '- [Tokens](/docs/extensibility/api/index.md): Get one.',
        '',
        '- [pets](/docs/reference/rest-apis/pets/index.md) (2 operations)',
        '',
        'The [schemas](/docs/reference/rest-apis/schemas/) page lists every data type the operations share.',
        '',
      ].join('\n'),
    );
  });

  it('exists for every guide of the site: each component the guides use has a Markdown form, and no JSX is left', async () => {
    const { document } = await meshplaySpec();
    const model = buildApiModel(document);
    const links = createSiteLinks({ base: '/', siteUrl: undefined, twinPaths: new Set() });
    const guides = siteGuides();
    expect(guides.length).toBeGreaterThanOrEqual(8);
    for (const guide of guides) {
      const twin = renderGuideTwin(guide, { links, tags: model.tags });
      const prose = twin.replace(/^[ \t]*(`{3,}|~{3,})[\s\S]*?^[ \t]*\1/gm, '');
      expect(prose, guide.file).not.toMatch(/^\s*(import|export)\s|<[A-Z][\w.]*[\s/>]|^:::/m);
      expect(twin.startsWith(`# ${guide.title}\n`), guide.file).toBe(true);
      // Every code block of the page is kept.
      expect(twin.match(/^\s*```/gm)?.length ?? 0, guide.file).toBe(guide.body.match(/^\s*```/gm)?.length ?? 0);
    }
  });
});
