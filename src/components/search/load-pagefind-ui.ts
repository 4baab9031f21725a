/**
 * The search UI, in its own chunk: site-search.ts imports this module only when the reader
 * first opens search, so pages load none of Pagefind's UI (≈26 KB gzip of script and its
 * styles) before that.
 */
import { PagefindUI } from '@pagefind/default-ui';
// As a URL, not an import: Astro would otherwise put these styles on every page.
import stylesUrl from './pagefind-ui.css?url';

/** Add the UI's stylesheet once and wait until it applies, so that the UI never shows unstyled. */
function loadStylesheet(href: string): Promise<void> {
  if (document.querySelector(`link[rel="stylesheet"][href="${CSS.escape(href)}"]`)) return Promise.resolve();
  return new Promise((resolve) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    // A missing stylesheet leaves the UI plain, not broken: go on either way.
    link.addEventListener('load', () => resolve());
    link.addEventListener('error', () => resolve());
    document.head.append(link);
  });
}

/** Render Pagefind's UI with these options, once its styles apply. */
export async function mountPagefindUi(options: Record<string, unknown> & { element: HTMLElement }): Promise<PagefindUI> {
  await loadStylesheet(stylesUrl);
  return new PagefindUI(options);
}
