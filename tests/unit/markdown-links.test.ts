import { describe, expect, it } from 'vitest';
import { link, transformLinks } from '../../src/lib/markdown/links.ts';
import { createSiteLinks, twinPathOf } from '../../src/lib/markdown/site-links.ts';

const twinPaths = new Set(['/', '/reference/rest-apis/', '/reference/rest-apis/users/get-signed-in-user/']);

describe('links in Markdown', () => {
  it('escapes a link text and encodes spaces and parentheses in its URL', () => {
    expect(link('a [b]', '/x (y)/')).toBe('[a \\[b\\]](/x%20%28y%29/)');
  });

  it('rewrites links and images outside code, with their titles kept', () => {
    const text = 'See [the guide](/guide/ "Guide") and ![a picture](pic.svg).\n`[not](/a-link/)`\n```\n[nor](/this/)\n```';
    const out = transformLinks(text, { link: (url) => `/docs${url}`, image: (alt) => `(picture: ${alt})` });
    expect(out).toBe('See [the guide](/docs/guide/ "Guide") and (picture: a picture).\n`[not](/a-link/)`\n```\n[nor](/this/)\n```');
  });

  it('reads URLs in angle brackets and with parentheses', () => {
    expect(transformLinks('[a](<x y>) [b](f(1))', { link: (url) => `/to/${url}` })).toBe('[a](/to/x%20y) [b](/to/f%281%29)');
  });
});

describe('site links', () => {
  it("links to a page's twin under the base path, and to the HTML page for a fragment", () => {
    const links = createSiteLinks({ base: '/docs/', siteUrl: undefined, twinPaths });
    expect(links.absolute).toBe(false);
    expect(links.to('/reference/rest-apis/')).toBe('/docs/reference/rest-apis/index.md');
    expect(links.to('/reference/rest-apis')).toBe('/docs/reference/rest-apis/index.md');
    expect(links.to('/reference/rest-apis/#authentication')).toBe('/docs/reference/rest-apis/#authentication');
    expect(links.to('/reference/rest-apis/schemas/')).toBe('/docs/reference/rest-apis/schemas/');
    expect(links.to('/openapi/meshplay.json')).toBe('/docs/openapi/meshplay.json');
    expect(links.to('/docs/reference/rest-apis/')).toBe('/docs/reference/rest-apis/index.md');
    expect(links.page('/')).toBe('/docs/');
  });

  it('makes links absolute when the site URL is known', () => {
    const links = createSiteLinks({ base: '/docs/', siteUrl: 'https://example.com', twinPaths });
    expect(links.absolute).toBe(true);
    expect(links.to('/')).toBe('https://example.com/docs/index.md');
    expect(links.resolve('#endpoints', '/reference/rest-apis/')).toBe('https://example.com/docs/reference/rest-apis/#endpoints');
  });

  it('resolves links written on a page: fragments, relative paths and other sites', () => {
    const links = createSiteLinks({ base: '/', siteUrl: undefined, twinPaths });
    expect(links.resolve('#how-to-get-your-token', '/extensibility/api/')).toBe('/extensibility/api/#how-to-get-your-token');
    expect(links.resolve('reference/rest-apis/', '/')).toBe('/reference/rest-apis/index.md');
    expect(links.resolve('../rest-apis/', '/reference/graphql-apis/')).toBe('/reference/rest-apis/index.md');
    expect(links.resolve('https://jqlang.org/', '/')).toBe('https://jqlang.org/');
    expect(links.resolve('mailto:a@b.c', '/')).toBe('mailto:a@b.c');
  });

  it("puts a twin at the page's path followed by index.md, and refuses a path that is not a folder", () => {
    expect(twinPathOf('/reference/')).toBe('/reference/index.md');
    expect(() => twinPathOf('/reference')).toThrow(/starts and ends with "\/"/);
    expect(() => createSiteLinks({ base: 'docs', siteUrl: undefined, twinPaths })).toThrow(/base path/);
  });
});
