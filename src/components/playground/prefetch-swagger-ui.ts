import { swaggerUiChunkUrl } from 'virtual:meshplay/swagger-ui-chunk';
import { preloadSwaggerUiStyles } from './swagger-ui-styles.ts';

/** How long the browser may stay busy before the prefetch starts anyway. */
const IDLE_TIMEOUT_MS = 4_000;

/** Add a <link rel="modulepreload">: the browser fetches and compiles the module, and runs it only when it is imported. */
function modulePreload(href: string): void {
  const link = document.createElement('link');
  link.rel = 'modulepreload';
  link.href = href;
  document.head.append(link);
}

/**
 * Fetch Swagger UI's script (1.5 MB) and styles once the page has loaded and the browser is idle,
 * without running them: the facade pattern for heavy embeds. Running it (a long main-thread task)
 * waits for the reader's intent; by then the bytes are here.
 */
export function prefetchSwaggerUiWhenIdle(): void {
  const prefetch = () => {
    if (swaggerUiChunkUrl !== undefined) modulePreload(swaggerUiChunkUrl);
    preloadSwaggerUiStyles();
  };
  const whenIdle = () => {
    if ('requestIdleCallback' in window) requestIdleCallback(prefetch, { timeout: IDLE_TIMEOUT_MS });
    else setTimeout(prefetch, 1_000);
  };
  if (document.readyState === 'complete') whenIdle();
  else window.addEventListener('load', whenIdle, { once: true });
}
