import { describe, expect, it } from 'vitest';
import { describePathFragments, listPathFragments, PATH_FRAGMENTS_META } from '../../src/lib/search/path-fragments.ts';
import {
  applyKeyToQuery,
  buildPagefindUiOptions,
  normalizeBaseUrl,
  parseJsonObject,
  processResult,
  readSearchConfig,
  readShortcut,
  stripTrailingSlash,
} from '../../src/components/search/search-options.ts';

/** Pagefind's query normalisation for these tests: punctuation goes, letters are lowered. */
const asPagefindWord = (text: string) => text.replace(/[^\w]/g, '').toLowerCase();

describe('path fragments of an operation page', () => {
  it('lists the path and its endings of two or more segments', () => {
    expect(listPathFragments('/api/system/version')).toEqual(['/api/system/version', 'system/version']);
    expect(listPathFragments('/api/pattern/download/{id}')).toEqual([
      '/api/pattern/download/{id}',
      'pattern/download/{id}',
      'download/{id}',
    ]);
    expect(listPathFragments('/api/user')).toEqual(['/api/user']);
    expect(listPathFragments('/')).toEqual(['/']);
  });

  it('gives every partial path a reader may type a word that starts with it', () => {
    const words = describePathFragments('/api/pattern/download/{id}').split(' ').map(asPagefindWord);
    for (const query of ['/api/pattern/download/{id}', 'pattern/download/{id}', 'download/{id}', 'pattern/download', 'api/pattern']) {
      expect(
        words.some((word) => word.startsWith(asPagefindWord(query))),
        query,
      ).toBe(true);
    }
  });
});

describe('search dialog options', () => {
  it('reads its configuration from data attributes', () => {
    const config = readSearchConfig({
      baseUrl: '/docs/',
      searchOptions: JSON.stringify({ ranking: { termSimilarity: 9 } }),
      translations: JSON.stringify({ placeholder: 'Search', zero_results: 'No results for [SEARCH_TERM]', count: 3 }),
    });
    expect(config).toEqual({
      baseUrl: '/docs/',
      bundlePath: '/docs/pagefind/',
      pagefind: { ranking: { termSimilarity: 9 } },
      translations: { placeholder: 'Search', zero_results: 'No results for [SEARCH_TERM]' },
      stripTrailingSlash: false,
    });
    expect(readSearchConfig({ stripTrailingSlash: '' })).toMatchObject({
      baseUrl: '/',
      bundlePath: '/pagefind/',
      pagefind: {},
      translations: {},
      stripTrailingSlash: true,
    });
  });

  it('normalises the base path and survives broken JSON', () => {
    expect(['/', '', undefined, '/docs', 'docs/', '/docs/'].map(normalizeBaseUrl)).toEqual(['/', '/', '/', '/docs/', '/docs/', '/docs/']);
    expect(parseJsonObject('{not json')).toEqual({});
    expect(parseJsonObject('[1]')).toEqual({});
    expect(parseJsonObject('null')).toEqual({});
  });

  it('opens on Ctrl+K, Cmd+K and / (not while typing), and toggles on Ctrl/Cmd+K', () => {
    const press = { ctrlKey: false, metaKey: false, altKey: false, inEditable: false };
    expect(readShortcut({ ...press, key: 'k', ctrlKey: true })).toBe('toggle');
    expect(readShortcut({ ...press, key: 'K', metaKey: true })).toBe('toggle');
    expect(readShortcut({ ...press, key: 'k', ctrlKey: true, inEditable: true })).toBe('toggle');
    expect(readShortcut({ ...press, key: '/' })).toBe('open');
    expect(readShortcut({ ...press, key: '/', inEditable: true })).toBeUndefined();
    expect(readShortcut({ ...press, key: '/', ctrlKey: true })).toBeUndefined();
    expect(readShortcut({ ...press, key: 'k' })).toBeUndefined();
    expect(readShortcut({ ...press, key: 'k', ctrlKey: true, altKey: true })).toBeUndefined();
  });

  it('strips trailing slashes when the site has none, before any fragment', () => {
    expect(stripTrailingSlash('/docs/reference/')).toBe('/docs/reference');
    expect(stripTrailingSlash('/docs/reference/#responses')).toBe('/docs/reference#responses');
    expect(stripTrailingSlash('/')).toBe('/');
  });

  it('hides the index-only path fragments and formats result URLs', () => {
    const result = {
      url: '/a/',
      excerpt: 'GET <mark>/api/user</mark>',
      meta: { title: 'Get the signed-in user', [PATH_FRAGMENTS_META]: '/api/user' },
      sub_results: [{ url: '/a/#responses', title: 'Responses' }],
    };
    expect(processResult(result, true)).toEqual({
      url: '/a',
      excerpt: 'GET <mark>/api/user</mark>',
      meta: { title: 'Get the signed-in user' },
      sub_results: [{ url: '/a#responses', title: 'Responses' }],
    });
    expect(processResult(result, false)).toMatchObject({
      url: '/a/',
      meta: { title: 'Get the signed-in user' },
      sub_results: [{ url: '/a/#responses' }],
    });
    expect(result.meta[PATH_FRAGMENTS_META]).toBe('/api/user');
  });

  it('builds the options Starlight gives Pagefind UI, with the base path and the site config', () => {
    const config = readSearchConfig({ baseUrl: '/docs/', searchOptions: JSON.stringify({ indexWeight: 1, ranking: { pageLength: 0.1 } }) });
    const options = buildPagefindUiOptions(config, 'element');
    expect(options).toMatchObject({
      indexWeight: 1,
      ranking: { pageLength: 0.1 },
      element: 'element',
      baseUrl: '/docs/',
      bundlePath: '/docs/pagefind/',
      showImages: false,
      showSubResults: true,
      translations: {},
    });
    expect(typeof options['processResult']).toBe('function');
  });
});

describe('applyKeyToQuery', () => {
  const plain = { ctrlKey: false, metaKey: false, altKey: false };
  it('keeps what the reader types while the search UI loads', () => {
    const typed = [...'/api/system'].reduce((query, key) => applyKeyToQuery(query, { ...plain, key }), '');
    expect(typed).toBe('/api/system');
  });
  it('removes a character on Backspace, including one outside the basic plane', () => {
    expect(applyKeyToQuery('tokn', { ...plain, key: 'Backspace' })).toBe('tok');
    expect(applyKeyToQuery('a😀', { ...plain, key: 'Backspace' })).toBe('a');
  });
  it('ignores shortcuts and keys that type nothing', () => {
    expect(applyKeyToQuery('api', { ...plain, key: 'k', ctrlKey: true })).toBe('api');
    expect(applyKeyToQuery('api', { ...plain, key: 'v', metaKey: true })).toBe('api');
    expect(applyKeyToQuery('api', { ...plain, key: 'Shift' })).toBe('api');
    expect(applyKeyToQuery('api', { ...plain, key: 'ArrowLeft' })).toBe('api');
  });
});
