/**
 * The search UI, in its own chunk: site-search.ts imports this module only when the reader
 * first opens search, so pages load none of Pagefind's UI (≈26 KB gzip of script and its
 * styles) before that.
 */
import { PagefindUI } from '@pagefind/default-ui';
// As a URL, not an import: Astro would otherwise put these styles on every page.
import stylesUrl from './pagefind-ui.css?url';
import { loadStylesheet } from '../../lib/dom/load-stylesheet.ts';

/** Render Pagefind's UI with these options, once its styles apply. */
export async function mountPagefindUi(options: Record<string, unknown> & { element: HTMLElement }): Promise<PagefindUI> {
  await loadStylesheet(stylesUrl);
  return new PagefindUI(options);
}
