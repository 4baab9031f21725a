/**
 * Search by path: what an operation page gives Pagefind so that a reader who types the
 * operation's path, or the end of it, finds the page.
 *
 * Pagefind drops punctuation from a query, so `/api/system/version` is looked up as the one
 * word `apisystemversion` and `system/version` as `systemversion`, matching words that start
 * with it. A page's `/api/system/version` is indexed as `apisystemversion` (plus `api`,
 * `system` and `version`), which the full path and its beginnings (`/api/system`) find, but
 * the end of a path (`system/version`, `download/{id}`) matches no indexed word. So each
 * operation page also carries, as Pagefind metadata (searched, never shown in an excerpt),
 * its path and every ending of two or more segments.
 */

/** The Pagefind metadata field that holds an operation's path fragments. */
export const PATH_FRAGMENTS_META = 'path_fragments';

/**
 * How much a match in the path fragments adds to a result's score, next to the title's 5:
 * enough to find a page by the end of its path, low enough not to sway plain-word searches.
 */
export const PATH_FRAGMENTS_WEIGHT = 0.5;

/** List a path and its endings of two or more segments: `/api/a/b` → `/api/a/b`, `a/b`. */
export function listPathFragments(path: string): string[] {
  const segments = path.split('/').filter(Boolean);
  const endings = segments.slice(1, -1).map((_, index) => segments.slice(index + 1).join('/'));
  return [path, ...endings];
}

/** Join a path's fragments into the text of the metadata field, one fragment per word. */
export function describePathFragments(path: string): string {
  return listPathFragments(path).join(' ');
}
