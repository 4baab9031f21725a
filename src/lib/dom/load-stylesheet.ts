/**
 * Add a stylesheet once and resolve when it applies, so that a UI loaded on demand (search,
 * Swagger UI) never shows unstyled. A stylesheet that fails to load leaves the UI plain, not
 * broken, so that resolves too.
 */
export function loadStylesheet(href: string): Promise<void> {
  if (document.querySelector(`link[rel="stylesheet"][href="${CSS.escape(href)}"]`)) return Promise.resolve();
  return new Promise((resolve) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    link.addEventListener('load', () => resolve());
    link.addEventListener('error', () => resolve());
    document.head.append(link);
  });
}
