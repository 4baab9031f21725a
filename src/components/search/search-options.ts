/**
 * The pure part of the search dialog: reading its data-* configuration, the keyboard
 * shortcuts, and the options and result processing handed to Pagefind's UI. No DOM here,
 * so that it can be unit-tested.
 */
import { PATH_FRAGMENTS_META } from '../../lib/search/path-fragments.ts';

/** How the <site-search> element is configured, from its data-* attributes. */
export interface SearchConfig {
  /** The site's base path, with a trailing slash (`/` or `/docs/`). */
  baseUrl: string;
  /** Pagefind's bundle, under the base path (`/docs/pagefind/`). */
  bundlePath: string;
  /** Starlight's `pagefind` option (ranking, index weight, merged indexes). */
  pagefind: Record<string, unknown>;
  /** Labels of Pagefind's UI, in the page's language. */
  translations: Record<string, string>;
  /** Whether result URLs lose their trailing slash (Astro's `trailingSlash: 'never'`). */
  stripTrailingSlash: boolean;
}

/** A search result as Pagefind's UI hands it to `processResult`. */
export interface PagefindResult {
  url: string;
  meta?: Record<string, string>;
  sub_results?: Array<{ url: string }>;
}

/** What a key press means to the search dialog. */
export type ShortcutAction = 'toggle' | 'open' | undefined;

/** The parts of a keyboard event the shortcuts look at. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** Whether the key goes to a text field, where `/` is typed rather than a shortcut. */
  inEditable: boolean;
}

/** Parse a JSON object from a data attribute, or return `{}` when it is missing or not an object. */
export function parseJsonObject(text: string | undefined): Record<string, unknown> {
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Keep only the string values of an object (Pagefind's UI labels). */
export function pickStrings(value: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/** Add a trailing slash to a base path (`/docs` → `/docs/`), and a leading one. */
export function normalizeBaseUrl(base: string | undefined): string {
  const trimmed = (base ?? '').trim();
  return `/${trimmed.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
}

/** Read the element's data-* attributes (its `dataset`) into the search configuration. */
export function readSearchConfig(dataset: Record<string, string | undefined>): SearchConfig {
  const baseUrl = normalizeBaseUrl(dataset['baseUrl']);
  return {
    baseUrl,
    bundlePath: `${baseUrl}pagefind/`,
    pagefind: parseJsonObject(dataset['searchOptions']),
    translations: pickStrings(parseJsonObject(dataset['translations'])),
    stripTrailingSlash: dataset['stripTrailingSlash'] !== undefined,
  };
}

/** Drop the trailing slash of a path, before any fragment (`/a/#b` → `/a#b`); `/` stays. */
export function stripTrailingSlash(path: string): string {
  return path.replace(/(.)\/(#.*)?$/, '$1$2');
}

/** Tell what a key press does: Ctrl/Cmd+K toggles the dialog, `/` outside a text field opens it. */
export function readShortcut(press: KeyPress): ShortcutAction {
  if ((press.ctrlKey || press.metaKey) && !press.altKey && press.key.toLowerCase() === 'k') return 'toggle';
  if (press.key === '/' && !press.ctrlKey && !press.metaKey && !press.altKey && !press.inEditable) return 'open';
  return undefined;
}

/**
 * Adjust a result before Pagefind's UI shows it: its URLs to the site's trailing-slash
 * style, and without the index-only path fragments, which the UI would list as a tag.
 */
export function processResult<T extends PagefindResult>(result: T, stripSlash: boolean): T {
  const format = stripSlash ? stripTrailingSlash : (path: string) => path;
  const meta = result.meta ? Object.fromEntries(Object.entries(result.meta).filter(([key]) => key !== PATH_FRAGMENTS_META)) : undefined;
  return {
    ...result,
    url: format(result.url),
    ...(meta ? { meta } : {}),
    ...(result.sub_results ? { sub_results: result.sub_results.map((sub) => ({ ...sub, url: format(sub.url) })) } : {}),
  };
}

/** Build the options of Pagefind's UI, as Starlight gives them, for a configured dialog. */
export function buildPagefindUiOptions<E>(config: SearchConfig, element: E): Record<string, unknown> & { element: E } {
  return {
    ...config.pagefind,
    element,
    baseUrl: config.baseUrl,
    bundlePath: config.bundlePath,
    showImages: false,
    translations: config.translations,
    showSubResults: true,
    processResult: (result: PagefindResult) => processResult(result, config.stripTrailingSlash),
  };
}

/**
 * What the query becomes after a key press, for keys typed while the search UI is still
 * loading (the first opening fetches it): characters are added, Backspace removes one, and
 * shortcuts (Ctrl, Cmd, Alt) and other keys leave it as it was.
 */
export function applyKeyToQuery(query: string, press: Pick<KeyPress, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>): string {
  if (press.ctrlKey || press.metaKey || press.altKey) return query;
  if (press.key === 'Backspace') return [...query].slice(0, -1).join('');
  return [...press.key].length === 1 ? query + press.key : query;
}
