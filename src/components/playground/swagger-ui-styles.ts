// As URLs, not imports: Astro would otherwise put Swagger UI's 180 KB of CSS on every page.
// A module of its own, so the styles start loading with Swagger UI's script instead of after it.
import swaggerCssUrl from 'swagger-ui-dist/swagger-ui.css?url';
import overridesCssUrl from './swagger-ui-overrides.css?url';
import { loadStylesheet } from '../../lib/dom/load-stylesheet.ts';

const STYLESHEETS = [swaggerCssUrl, overridesCssUrl];

/** Swagger UI's styles and ours, loaded with Swagger UI's script rather than with the page. */
export async function loadSwaggerUiStyles(): Promise<void> {
  await Promise.all(STYLESHEETS.map((href) => loadStylesheet(href)));
}

/** Fetch the styles into the cache without applying them (a style recalculation over the whole page is for when Swagger UI draws). */
export function preloadSwaggerUiStyles(): void {
  for (const href of STYLESHEETS) {
    const link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'style';
    link.href = href;
    document.head.append(link);
  }
}
